"""Ingest HTML pages: article text through trafilatura, metadata from meta tags (storybrief.ingest.html)."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from article_support import PARAS
from storybrief.errors import InputProblem
from storybrief.ingest import read_inputs
from storybrief.ingest.html import _meta_tags, looks_like_html, raw_from_html
from storybrief.model import InputError, InputFormat, Metadata, RawDocument

CET = timezone(timedelta(hours=1))

BODY = "".join(f"<p>{p}</p>" for p in PARAS)


def page(head: str = "", body: str = BODY, lang: str = "en-GB", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="{charset}">'
        "<title>Tide mill to be restored | Brackwater Echo</title>"
        f"{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>Tide mill to be restored after council vote</h1>{body}</article>"
        "<footer>© 2024 Brackwater Echo. All rights reserved.</footer></body></html>"
    )


FULL_HEAD = (
    '<meta property="og:title" content="Tide mill to be restored after council vote">'
    '<meta property="og:site_name" content="Brackwater Echo">'
    '<meta name="author" content="Rowena Tallis">'
    '<meta name="description" content="Councillors back a plan to bring the estuary mill back to life.">'
    '<meta property="article:published_time" content="2024-03-04T19:45:00+01:00">'
    '<meta property="article:modified_time" content="2024-03-05T08:10:00+01:00">'
    '<link rel="canonical" href="https://echo.example/news/tide-mill">'
)


def _read_page(tmp_path: Path, html: str | bytes, name: str = "mill.html") -> RawDocument | InputError:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    (item,) = list(read_inputs([str(path)]))
    return item


def test_full_page_text_and_metadata(tmp_path: Path) -> None:
    html = page(FULL_HEAD)
    doc = _read_page(tmp_path, html)
    assert isinstance(doc, RawDocument)
    assert doc.input == str(tmp_path / "mill.html")
    assert doc.format is InputFormat.HTML
    assert doc.html == html
    assert doc.page_text is False
    assert doc.text.splitlines() == ["Tide mill to be restored after council vote", *PARAS]
    for junk in ("Home", "Sport", "All rights reserved"):
        assert junk not in doc.text
    meta = doc.meta
    assert meta.title == "Tide mill to be restored after council vote"
    assert meta.subtitle == "Councillors back a plan to bring the estuary mill back to life."
    assert meta.url == "https://echo.example/news/tide-mill"
    assert meta.outlet == "Brackwater Echo"
    assert meta.authors == ["Rowena Tallis"]
    assert meta.language == "en-gb"
    assert meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)
    assert meta.published is not None and meta.published.utcoffset() == timedelta(hours=1)
    assert meta.updated == datetime(2024, 3, 5, 8, 10, tzinfo=CET)
    assert meta.id is None
    assert meta.teaser_only is False
    assert meta.captured is None


def test_html_without_extension_is_detected(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, page(FULL_HEAD), name="mill_download")
    assert isinstance(doc, RawDocument)
    assert doc.format is InputFormat.HTML
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


def test_naive_published_time_is_utc(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, page('<meta property="article:published_time" content="2024-03-04T19:45:00">'))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=UTC)


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="og:published_time" content="2024-03-04T19:45:00+01:00">',
        '<meta itemprop="datePublished" content="2024-03-04T19:45:00+01:00">',
        '<meta name="DC.date.issued" content="2024-03-04T19:45:00+01:00">',
        '<meta name="parsely-pub-date" content="2024-03-04T18:45:00Z">',
        '<meta name="sailthru.date" content="2024-03-04T19:45:00+01:00">',
        '<meta name="pubdate" content="2024-03-04T19:45:00+01:00">',
    ],
)
def test_published_time_from_other_meta_names(tmp_path: Path, tag: str) -> None:
    doc = _read_page(tmp_path, page(tag))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 18, 45, tzinfo=UTC)


def test_article_published_time_wins_over_a_generic_date_tag(tmp_path: Path) -> None:
    head = (
        '<meta name="date" content="2023-12-31T00:00:00Z">'
        '<meta property="article:published_time" content="2024-03-04T19:45:00+01:00">'
    )
    doc = _read_page(tmp_path, page(head))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


def test_unparseable_meta_date_falls_through_to_the_next(tmp_path: Path) -> None:
    head = (
        '<meta property="article:published_time" content="yesterday-ish">'
        '<meta name="dc.date" content="2024-03-04T19:45:00+01:00">'
    )
    doc = _read_page(tmp_path, page(head))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


def test_updated_time_from_og_updated_time(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, page('<meta property="og:updated_time" content="2024-03-06T12:00:00Z">'))
    assert isinstance(doc, RawDocument)
    assert doc.meta.updated == datetime(2024, 3, 6, 12, 0, tzinfo=UTC)


def test_language_from_og_locale_before_html_lang(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, page('<meta property="og:locale" content="en_GB">', lang="fr"))
    assert isinstance(doc, RawDocument)
    assert doc.meta.language == "en_GB"


def test_several_authors_are_split(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, page('<meta name="author" content="Rowena Tallis; Idris Penhallow">'))
    assert isinstance(doc, RawDocument)
    assert doc.meta.authors == ["Rowena Tallis", "Idris Penhallow"]


def test_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    html = "<html><head><title>Loading…</title></head><body><script>var a = 1;</script></body></html>"
    err = _read_page(tmp_path, html)
    assert err == InputError(str(tmp_path / "mill.html"), "no article text could be extracted from this HTML page")


def test_cp1252_page_is_decoded(tmp_path: Path) -> None:
    body = (
        "<p>The café on Salt Lane – owned by Hesper Quayle’s family – will bake the mill’s first loaves, "
        "the council said on Monday evening after the vote.</p>"
        "<p>“It is the best news Brackwater has had in years,” said one baker outside the town hall.</p>"
    )
    doc = _read_page(tmp_path, page(body=body, charset="windows-1252").encode("cp1252"))
    assert isinstance(doc, RawDocument)
    assert "The café on Salt Lane – owned by Hesper Quayle’s family" in doc.text
    assert "“It is the best news Brackwater has had in years,”" in doc.text


def test_utf16_page_with_bom(tmp_path: Path) -> None:
    doc = _read_page(tmp_path, codecs.BOM_UTF16_BE + page(FULL_HEAD).encode("utf-16-be"))
    assert isinstance(doc, RawDocument)
    assert doc.text.splitlines()[1:] == PARAS
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


def test_utf16_page_declaring_utf16_keeps_its_meta_dates(tmp_path: Path) -> None:
    html = page(FULL_HEAD, charset="utf-16")
    doc = _read_page(tmp_path, codecs.BOM_UTF16_LE + html.encode("utf-16-le"))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


def test_time_element_gives_the_full_timestamp(tmp_path: Path) -> None:
    body = '<p class="byline">By Rowena Tallis</p><time datetime="2024-03-04T19:45:00+01:00">4 March</time>' + BODY
    doc = _read_page(tmp_path, page(body=body))
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 4, 19, 45, tzinfo=CET)


# --- helpers directly --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>One.</p><p>Two.</p>", True),
        ("Line one<br>line two<br/>", True),
        ('<div class="x"><span>hi</span></div>', True),
        ("<p>Only one tag here.", False),
        ("Plain prose about 3 < 4 and 5 > 2.", False),
        ("<<< UPDATE >>> <notatag>", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_meta_tags_first_occurrence_wins_and_keys_are_lower_cased() -> None:
    html = (
        '<html><head><meta Property="OG:Title" content=" First "><meta property="og:title" content="Second">'
        '<meta name="empty" content=""><meta itemprop="datePublished" content="2024-01-02"></head>'
        '<body><time datetime="2024-01-03T10:00:00Z">x</time>'
        '<time datetime="2024-01-04">y</time></body></html>'
    )
    assert _meta_tags(html) == {
        "og:title": "First",
        "datepublished": "2024-01-02",
        "time:datetime": "2024-01-03T10:00:00Z",
    }


def test_raw_from_html_keeps_container_metadata() -> None:
    meta = Metadata(
        title="Container title",
        url="https://container.example/a",
        outlet="Container Outlet",
        authors=["Container Author"],
        published=datetime(2020, 1, 1, tzinfo=UTC),
    )
    raw = raw_from_html("label#1", page(FULL_HEAD), meta=meta, fmt=InputFormat.JSON)
    assert raw.input == "label#1"
    assert raw.format is InputFormat.JSON
    assert raw.meta.title == "Container title"
    assert raw.meta.url == "https://container.example/a"
    assert raw.meta.outlet == "Container Outlet"
    assert raw.meta.authors == ["Container Author"]
    assert raw.meta.published == datetime(2020, 1, 1, tzinfo=UTC)
    # Fields the container left empty are filled from the page.
    assert raw.meta.subtitle == "Councillors back a plan to bring the estuary mill back to life."
    assert raw.meta.updated == datetime(2024, 3, 5, 8, 10, tzinfo=CET)


def test_raw_from_html_raises_for_empty_page() -> None:
    with pytest.raises(InputProblem, match="no article text"):
        raw_from_html("x", "<html><body></body></html>")
