"""The HTML brief in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped with a reason where no Chromium is installed; ``STORYBRIEF_REQUIRE_BROWSER=1`` (set by ``.ci/run``)
turns that skip into a failure, so CI always runs these. The page is opened from a ``file://`` URL: it must
need nothing else (no request leaves the page) and run no script of its own.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import storybrief
from storybrief.model import Report
from storybrief.render.brief_html import report_html

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    found = os.environ.get("STORYBRIEF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    required = os.environ.get("STORYBRIEF_REQUIRE_BROWSER", "") not in ("", "0")
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("STORYBRIEF_REQUIRE_BROWSER is set but Playwright for Python is not installed")
        pytest.skip("Playwright for Python is not installed (pip install -e '.[dev]')")
    if executable is None:
        if required:
            pytest.fail("STORYBRIEF_REQUIRE_BROWSER is set but no chromium executable was found")
        pytest.skip("no Chromium found (apt-get install chromium, or set STORYBRIEF_CHROMIUM)")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def sample_page(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    page = tmp_path_factory.mktemp("html") / "brief.html"
    page.write_text(report_html(storybrief.brief([str(examples_dir)])), encoding="utf-8")
    return page


class Watched:
    """A page with everything it tried to do beyond showing itself recorded."""

    def __init__(self, browser: Any, width: int = 1024) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 800})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def outside_requests(self, path: Path) -> list[str]:
        return [u for u in self.requests if u != path.as_uri() and not u.startswith("data:")]

    def close(self) -> None:
        self.context.close()


def test_title_names_the_brief_and_the_page_is_quiet(browser: Any, sample_page: Path) -> None:
    watched = Watched(browser)
    page = watched.open(sample_page)
    title = page.title()
    assert title != "storybrief" and "storybrief" in title and len(title) > 20
    assert watched.console_errors == [] and watched.dialogs == []
    assert watched.outside_requests(sample_page) == []
    watched.close()


def test_citation_opens_on_click_and_on_keyboard(browser: Any, sample_page: Path) -> None:
    watched = Watched(browser)
    page = watched.open(sample_page)
    button = page.locator("button.cite").first
    target = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert not target.is_visible()
    button.click()
    assert target.is_visible()
    text = target.inner_text()
    assert ":" in text and len(text) > 40  # outlet: the supporting sentence
    page.keyboard.press("Escape")
    assert not target.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert target.is_visible()
    target.locator("a").click()  # the popover's link goes to the article's entry
    assert page.url.split("#", 1)[1].startswith("a-")
    watched.close()


def test_phone_width_has_no_sideways_scrolling(browser: Any, sample_page: Path) -> None:
    watched = Watched(browser, width=375)
    page = watched.open(sample_page)
    scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"page is {scroll}px wide in a {client}px viewport"
    page.locator("button.cite").first.click()  # an open popover fits too
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= client
    watched.close()


def _overlaps(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    found = []
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            across = a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            if across and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]:
                found.append((i, j))
    return found


@pytest.mark.parametrize("width", [375, 1024])
def test_timeline_labels_never_overlap(browser: Any, tmp_path: Path, width: int) -> None:
    from storybrief.model import TimelineEntry
    from storybrief.render.brief_html import timeline_svg

    # many dates a day apart and a few far away: the hard case for labels on one line
    days = [f"2026-03-{d:02d}" for d in range(1, 15)] + ["2026-05-01", "2026-05-02", "2026-09-30"]
    entries = [TimelineEntry(date=d, text=f"Event {i}.", sources=[], inferred=i % 3 == 0) for i, d in enumerate(days)]
    path = tmp_path / "timeline.html"
    path.write_text(f"<!DOCTYPE html><html><body>{timeline_svg(entries)}</body></html>", encoding="utf-8")
    watched = Watched(browser, width=width)
    page = watched.open(path)
    boxes = [page.locator("svg text").nth(i).bounding_box() for i in range(page.locator("svg text").count())]
    assert len(boxes) == len(days)
    assert _overlaps(boxes) == []
    watched.close()


def test_hostile_article_renders_inert(browser: Any, tmp_path: Path) -> None:
    payloads = [
        "<script>alert('script')</script>",
        "<img src=x onerror=alert('img')>",
        '<svg onload=alert("svg")><circle r=1 /></svg>',
        "<a href=\"javascript:alert('link')\">click</a>",
        '<iframe src="https://example.invalid/"></iframe>',
        "\u202ereversed\u202c",
    ]
    text = " ".join(
        f"The Orrin council met on Monday to discuss the flood barrier {p} and residents said {p} was a concern."
        for p in payloads
    )
    records = [
        {"id": f"x{i}", "title": f"Flood barrier {payloads[i % len(payloads)]}", "text": text,
         "source": payloads[(i + 1) % len(payloads)], "url": "javascript:alert('url')"}
        for i in range(3)
    ]  # fmt: skip
    src = tmp_path / "hostile.json"
    src.write_text(json.dumps(records), encoding="utf-8")
    report: Report = storybrief.brief([str(src)])
    path = tmp_path / "hostile.html"
    path.write_text(report_html(report), encoding="utf-8")
    watched = Watched(browser)
    page = watched.open(path)
    for button in page.locator("button.cite").all()[:5]:
        button.click()
        page.keyboard.press("Escape")
    assert watched.dialogs == []
    assert watched.outside_requests(path) == []
    assert page.locator("script, iframe, img, a[href^='javascript:']").count() == 0
    assert page.locator("svg [onload]").count() == 0
    watched.close()
