"""The bundled sample corpus (original fiction, see examples/README.md) through ingest and clean."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from storybrief import Article, DateSource, InputFormat, load

JUNK = [
    "Advertisement", "ADVERTISEMENT", "Oops", "Something went wrong", "Share this article",
    "Sign up for our newsletter", "Please enter your", "Source link", "We use cookies", "©", "Reported by",
    "Story continues below",
    "contributed to this report", "Follow us on", "min read", "In this article", "Cancel reply", "(Photo:",
    "CartaloInes", "Read more:", "Our goal is to create",
]  # fmt: skip


@pytest.fixture(scope="module")
def articles(examples_dir: Path) -> dict[str, Article]:
    corpus = load([str(examples_dir)])
    assert corpus.errors == []
    return {Path(a.input).name: a for a in corpus.articles}


def test_every_input_becomes_an_article(articles: dict[str, Article]) -> None:
    assert len(articles) == 9
    formats = {a.format for a in articles.values()}
    assert formats == {InputFormat.TEXT, InputFormat.HTML, InputFormat.JSONL, InputFormat.FEED}


@pytest.mark.parametrize("junk", JUNK)
def test_no_junk_left(articles: dict[str, Article], junk: str) -> None:
    for name, article in articles.items():
        assert junk not in article.text, f"{name}: {junk!r} survived"


def test_spill_report_with_widget_and_subhead(articles: dict[str, Article]) -> None:
    a = articles["01_harbour_ledger_spill.txt"]
    assert a.byline == ["Maeve Dunleavy"] and a.published is None
    assert "Mayor Ines Cartalo on Friday said" in a.text
    assert a.headings == ["Years of Warnings"]
    assert "Regional Environment Minister Tomas Reinholt is expected to visit the site on Saturday." in a.paragraphs


def test_wire_story(articles: dict[str, Article]) -> None:
    a = articles["02_valeport_wire_spill.txt"]
    assert (a.dateline, a.agency) == ("VALEPORT", "Valeport Wire")
    assert a.byline == ["Lena Marsh", "Piet Hollander", "Ana Ruiz"]
    assert a.credits == ["Conor Blake", "Miriam Sato"]
    assert a.published == datetime(2026, 3, 13, 14, 15, tzinfo=UTC) and a.published_source is DateSource.TEXT
    assert a.text.startswith("Authorities in the port city of Valeport evacuated 42 households")


def test_html_republication(articles: dict[str, Article]) -> None:
    a = articles["03_northfield_daily_wire_republish.html"]
    assert a.title == "Toxic leak at Valeport chemical depot drives dozens of families from their homes"
    assert a.published == datetime(2026, 3, 14, 8, 0, tzinfo=UTC) and a.published_source is DateSource.METADATA
    assert a.byline == []  # the author meta tag names the wire service
    assert a.outlet == "Northfield Daily"
    assert "Most read" not in a.text


def test_spun_rewrite_is_flagged(articles: dict[str, Article]) -> None:
    a = articles["04_newspulse_today_spun_rewrite.txt"]
    ist = timezone(timedelta(hours=5, minutes=30))
    assert a.published == datetime(2026, 3, 14, 9, 20, tzinfo=ist)
    assert a.updated == datetime(2026, 3, 14, 9, 20, tzinfo=ist)
    assert any(f.kind == "garbled" and "†" in f.text for f in a.flags)


def test_inquiry_report(articles: dict[str, Article]) -> None:
    a = articles["05_northfield_daily_inquiry.txt"]
    assert a.byline == ["Tobias Wren"]
    assert a.agency == "Coastline Radio News"
    assert a.credits == ["Amira Sato", "Joel Brandt", "Kofi Mensah"]
    assert a.headings == ["A Question of Oversight"]


def test_jsonl_and_feed(articles: dict[str, Article]) -> None:
    first, second = articles["06_scraped_articles.jsonl:1"], articles["06_scraped_articles.jsonl:2"]
    assert first.published == datetime(2026, 3, 20, 16, 30, tzinfo=timezone(timedelta(hours=1)))
    assert first.outlet == "The Harbour Ledger" and second.published is None
    teaser, full = articles["07_coastline_radio_feed.xml#1"], articles["07_coastline_radio_feed.xml#2"]
    assert teaser.teaser_only and not full.teaser_only
    assert full.published == datetime(2026, 3, 13, 11, 30, tzinfo=UTC)
