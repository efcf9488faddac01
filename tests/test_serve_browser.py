"""The web app in a real browser: headless Chromium (Debian's package) driven by Playwright, against the
app served by uvicorn on 127.0.0.1. Skipped with a reason where no Chromium is installed, failed instead
when ``STORYBRIEF_REQUIRE_BROWSER=1`` (set by ``.ci/run``): see ``test_html_browser.py``, whose launcher
these tests share. ``STORYBRIEF_SCREENSHOT=FILE`` also saves the story page's screenshot there (the
README's picture comes from ``STORYBRIEF_SCREENSHOT=docs/serve-story.png``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_support import build_library, hostile_records, running_server, write_articles
from storybrief.store.grow import add as grow
from test_html_browser import Watched, browser  # noqa: F401  (the shared fixture: Chromium launched through Playwright)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_library(tmp_path_factory.mktemp("served"), n=6)
    with running_server(db) as url:
        yield url


class Tab(Watched):
    """A browser tab on the app, with everything it tried beyond the app itself recorded."""

    def __init__(self, chromium: Any, base: str, width: int = 1024) -> None:
        super().__init__(chromium, width)
        self.base = base

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return self.page

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base + "/") and not u.startswith("data:")]


@pytest.fixture()
def tab(browser: Any, server: str) -> Iterator[Tab]:  # noqa: F811
    opened = Tab(browser, server)
    yield opened
    assert opened.console_errors == [], opened.console_errors
    assert opened.dialogs == [] and opened.outside_requests() == []
    opened.close()


def test_topics_to_story_to_citation_to_article(tab: Tab, tmp_path: Path) -> None:
    page = tab.open("/")
    page.locator("a.story-link").first.click()
    page.wait_for_url("**/story/*")
    assert page.locator("article.brief h2").count() == 1
    button = page.locator("button.cite").first
    popover = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert not popover.is_visible()
    button.click()
    assert popover.is_visible() and len(popover.inner_text()) > 30
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    button.focus()
    page.keyboard.press("Enter")  # the keyboard opens it too
    assert popover.is_visible()
    shot = tmp_path / "story.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("STORYBRIEF_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["STORYBRIEF_SCREENSHOT"])
    popover.locator("a").click()
    page.wait_for_url("**/article?*")
    cited = page.locator(".text .hl")
    assert cited.count() >= 1 and cited.first.is_visible()
    assert page.url.split("#", 1)[1].startswith("s")
    assert page.locator("h1").inner_text()


def test_search_with_snippets_leads_to_the_article(tab: Tab) -> None:
    page = tab.open("/")
    page.fill("#q", "reservoir hoses")
    page.locator("form.search button[type=submit]").click()
    page.wait_for_url("**/search?*")
    hits = page.locator("ol.hits li")
    assert hits.count() >= 1
    marked = {t.lower() for t in hits.first.locator("mark").all_inner_texts()}
    assert marked and marked <= {"reservoir", "hoses"}
    hits.first.locator("a").click()
    page.wait_for_url("**/article?*")
    assert "Caddow" in page.locator(".text").inner_text()


def test_upload_a_file_and_see_it_in_its_story(tab: Tab, tmp_path: Path) -> None:
    (path,) = write_articles(tmp_path / "new", 1, start=40)  # one more report of the ferry grounding
    page = tab.open("/add")
    page.set_input_files("#files", str(path))
    page.locator("#add-form button[type=submit]").click()
    page.wait_for_selector("#result", timeout=120_000)
    assert "1 article(s) added" in page.locator("#result .summary").inner_text()
    page.locator("#result a").first.click()
    page.wait_for_url("**/story/*")
    assert "report 40" in page.locator("ol.members").inner_text()


def test_hostile_articles_render_inert(tab: Tab) -> None:
    page = tab.open("/search?q=barrier")
    assert page.locator("ol.hits li").count() >= 1
    for record in hostile_records():
        page = tab.open(f"/article?id={record['id']}")
        assert page.locator("script:not([src='/static/app.js']), iframe, img, object, embed").count() == 0
        assert page.locator("a[href^='javascript:'], [onerror], [onload], [onclick]").count() == 0
        assert "javascript:alert('url')" in page.locator(".facts").inner_text()  # shown, not linked
    story = page.locator("a[href^='/story/']").first.get_attribute("href")
    page = tab.open(story)
    for button in page.locator("button.cite").all()[:6]:
        button.click()
        page.keyboard.press("Escape")
    page.locator("a[href*='quotes?speaker']").count()
    tab.open("/quotes")
    # the fixture asserts: no dialog opened, no request left the app, no console error


PAGES = ["/", "/?order=biggest", "/search?q=harbour", "/quotes", "/add", "/api/"]


def _all_pages(tab: Tab) -> list[str]:
    page = tab.open("/")
    stories = [page.locator("a.story-link").nth(i).get_attribute("href") for i in range(2)]
    page = tab.open(stories[0])
    article = page.locator("article.brief li a[href^='/article']").first.get_attribute("href")
    page = tab.open(article)
    speaker = page.locator("a[href^='/quotes?speaker']").first.get_attribute("href")
    return [*PAGES, *stories, article, speaker or "/quotes"]


def test_no_console_errors_on_any_page(tab: Tab) -> None:
    for path in _all_pages(tab):
        tab.open(path)
    # the fixture asserts that no page logged an error, opened a dialog or fetched from elsewhere


def test_phone_width_has_no_sideways_scrolling(browser: Any, server: str) -> None:  # noqa: F811
    tab = Tab(browser, server, width=375)
    for path in _all_pages(tab):
        page = tab.open(path)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{path} is {scroll}px wide in a {client}px viewport"
        if page.locator("button.cite").count():
            page.locator("button.cite").first.click()  # an open popover fits too
            assert page.evaluate("document.documentElement.scrollWidth") <= client, path
    assert tab.console_errors == []
    tab.close()


def test_removed_pieces_show_in_place_on_request(browser: Any, tmp_path: Path) -> None:  # noqa: F811
    """The pieces the cleaner removed are hidden in the text until the reader ticks the box; then each stands
    where it was, inert even when it carries markup."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (
        "Pier 9 fire <img src=x onerror=alert(1)>\n\n"
        "The fire at Pier 9 started before dawn on Tuesday, officials said.\n\nADVERTISEMENT\n\n"
        "Crews fought the blaze for six hours. This video has been removed for rights reasons. The harbour stayed"
        " shut.\n\nShare this article on Facebook\n\nThe cause is not yet known.\n"
    )
    (folder / "fire.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "lib.db")
    grow([str(folder)], db)
    with running_server(db) as url:
        opened = Tab(browser, url)
        try:
            page = opened.open("/")
            page.locator("a.story-link").first.click()
            page.wait_for_url("**/story/*")
            page = opened.open(page.locator("article.brief li a[href^='/article']").first.get_attribute("href"))
            cuts = page.locator(".text .cut")
            assert cuts.count() == 4
            assert not cuts.first.is_visible()
            page.locator("label[for=show-cuts]").click()
            assert cuts.first.is_visible()
            texts = [cuts.nth(i).inner_text() for i in range(cuts.count())]
            assert any("ADVERTISEMENT" in t for t in texts) and any("onerror" in t for t in texts)
            assert page.locator(".text img").count() == 0
            assert opened.console_errors == [] and opened.dialogs == [] and opened.outside_requests() == []
        finally:
            opened.close()
