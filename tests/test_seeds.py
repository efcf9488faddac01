"""The four shared seed scrapes: no junk survives, no real paragraph is lost, metadata is recovered.

The seeds are third-party text and stay outside the repository; these tests read them from
``../shared/seeds`` and are skipped with a reason when that folder is absent.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storybrief import Article, DateSource, load
from storybrief.clean.page import is_terminated

IST = timezone(timedelta(hours=5, minutes=30))

# Fragments of junk that must not survive anywhere in the cleaned text (lower-cased comparison).
JUNK = {
    "000": [
        "advertisement",
        "image: ap",
        "image:self",
        "(image",
        "reported by",
        "updated october",
        "published october",
    ],
    "001": [
        "oops",
        "something went wrong",
        "try again later",
        "min read",
        "in this article",
        "a missile is launched during",
        "reporting by",
        "editing by",
        "our goal is to create",
        "suspending article commenting",
        "(reuters) -",
    ],
    "002": ["blinkenantony", "ukraine receives second batch", "pope notes", "more on thursday", "tracking us embassy"],
    "004": ["source link", "please enter your comment", "please enter your name", "contributed to this report"],
}
# Lines of the raw scrape that are junk although they look like prose; everything else of >= 8 words is content.
NOT_CONTENT = {
    "001": ["Our goal is to create a safe", "(Reporting by", "A missile is launched during"],
    "004": ["Simone McCarthy, Heather Chen"],
}


def _seed(seeds: Path, key: str) -> tuple[str, Article]:
    path = next(seeds.glob(f"{key}_*.txt"))
    corpus = load([str(path)])
    assert not corpus.errors
    (article,) = corpus.articles
    return path.read_text(encoding="utf-8"), article


def _norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


@pytest.mark.parametrize("key", sorted(JUNK))
def test_no_junk_survives(seeds_dir: Path, key: str) -> None:
    _, article = _seed(seeds_dir, key)
    body = article.text.lower()
    for fragment in JUNK[key]:
        assert fragment not in body, f"seed {key}: junk {fragment!r} survived"


@pytest.mark.parametrize("key", sorted(JUNK))
def test_no_content_paragraph_lost(seeds_dir: Path, key: str) -> None:
    raw, article = _seed(seeds_dir, key)
    body = _norm(article.text)
    title = article.title or ""
    checked = 0
    for line in raw.splitlines():
        text = _norm(line)
        if len(text.split()) < 8 or text == title or any(text.startswith(p) for p in NOT_CONTENT.get(key, [])):
            continue
        checked += 1
        # inline junk may be cut from inside a line: every sentence-sized piece of the line must be kept
        head, tail = text[:40], text[-40:]
        if key == "002" and "MORE on Thursday" in text:
            head = "on Thursday said North Korea"
        if key == "001" and text.startswith("WASHINGTON (Reuters)"):
            head = "North Korea's missile tests are profoundly"
        assert head in body and tail in body, f"seed {key}: paragraph lost: {text[:80]!r}"
    assert checked >= 5


def test_subhead_and_short_paragraphs_kept(seeds_dir: Path) -> None:
    _, article = _seed(seeds_dir, "000")
    assert article.headings == ["Test firing missiles 'jeopardise regional security' says US"]
    assert all(is_terminated(p) or p.endswith("”") for p in article.paragraphs)


def test_seed_000_metadata(seeds_dir: Path) -> None:
    _, article = _seed(seeds_dir, "000")
    expected = datetime(2021, 10, 1, 11, 53, tzinfo=IST)
    assert article.title == "Antony Blinken says world needs to take N Korea's missile launches 'very seriously'"
    assert article.published == expected and article.published.utcoffset() == timedelta(hours=5, minutes=30)
    assert article.updated == expected
    assert article.published_source is DateSource.TEXT
    assert article.byline == ["Zaini Majeed"]
    assert article.subtitle is not None and article.subtitle.startswith("United States supports the prospects")


def test_seed_001_metadata(seeds_dir: Path) -> None:
    _, article = _seed(seeds_dir, "001")
    assert article.title == "Blinken calls North Korea missile tests 'profoundly destabilizing'"
    assert article.agency == "Reuters"
    assert article.dateline == "WASHINGTON"
    assert article.byline == ["Doina Chiacu", "Simon Lewis", "David Brunnstrom"]
    assert article.credits == ["Frances Kerry", "Howard Goller"]
    assert article.published is None
    assert article.text.startswith("North Korea's missile tests are profoundly destabilizing")


def test_seed_002_inline_widget(seeds_dir: Path) -> None:
    _, article = _seed(seeds_dir, "002")
    assert "Secretary of State Antony Blinken on Thursday said North Korea’s successive" in article.text
    widget = [r for r in article.removed if r.reason == "related-links-widget"]
    assert len(widget) == 1 and widget[0].text.endswith("MORE") and widget[0].line == 3
    assert article.published is None


def test_seed_004_metadata_and_garbling(seeds_dir: Path) -> None:
    _, article = _seed(seeds_dir, "004")
    assert article.agency == "CNN"
    assert article.byline == []  # a wire credit is never an author
    assert article.credits[:2] == ["Simone McCarthy", "Heather Chen"] and len(article.credits) == 6
    garbled = [f for f in article.flags if f.kind == "garbled"]
    assert any("†" in f.text for f in garbled)
    assert any("-Korea" in f.text for f in garbled)
    # flagged, not fixed: the garbled words are still in the text
    assert "from North America. -Korea. †" in article.text


def test_removals_point_at_raw_text(seeds_dir: Path) -> None:
    for key in JUNK:
        raw, article = _seed(seeds_dir, key)
        assert article.removed
        for removal in article.removed:
            assert _norm(raw[removal.start : removal.end]) == removal.text
            assert raw.count("\n", 0, removal.start) + 1 == removal.line
