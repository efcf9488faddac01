"""The annotate bars on the four shared seed scrapes (skipped when ../shared/seeds is absent)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import storybrief
from storybrief import Article, Corpus

SPEAKERS = {
    # (seed, start of the quote) -> canonical speaker
    ("000", "We leave that as well"): "Antony Blinken",  # "he stressed"
    ("000", "that can appropriately reduce"): "Antony Blinken",  # "He suggested"
    ("000", "engaged in very active"): "Antony Blinken",  # "he added"
    ("001", "Unfortunately, not only"): "Antony Blinken",
    ("001", "I think some of this is North Korea"): "Antony Blinken",  # "he said"
    ("001", "in a square manner"): "Wi Sung-lac",
    ("002", "Some months ago"): "Antony Blinken",
    ("002", "Unfortunately, not only"): "Antony Blinken",  # a quote paragraph continuing the speaker
    ("002", "I think some of this is the North Korea"): "Antony Blinken",  # "he said"
    ("004", "We remain concerned"): "Antony Blinken",
    ("004", "And of course we want"): "Antony Blinken",  # "he added"
    ("004", "strengthen its capabilities"): "Lee Jong-Sup",
    ("004", "quality and quantity"): "Lee Jong-Sup",
    ("004", "But our efforts to get started"): "Antony Blinken",  # "he said"
    ("004", "South Korea and the US have shown"): "South Korea",  # "the South said"
}


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path) -> Corpus:
    return storybrief.annotate_corpus(storybrief.load([str(p) for p in sorted(seeds_dir.glob("0*.txt"))]))


def _article(corpus: Corpus, key: str) -> Article:
    return next(a for a in corpus.articles if Path(a.input).name.startswith(key))


@pytest.mark.parametrize(("key", "start"), sorted(SPEAKERS))
def test_speakers(corpus: Corpus, key: str, start: str) -> None:
    article = _article(corpus, key)
    quote = next(q for q in article.quotes if q.text.startswith(start))
    assert quote.speaker == SPEAKERS[(key, start)]


def test_split_quote_is_one_quote(corpus: Corpus) -> None:
    quote = next(q for q in _article(corpus, "001").quotes if q.text.startswith("I think"))
    assert len(quote.parts) == 2 and quote.text.endswith("They’ll probably continue to do that.")


def test_fragments(corpus: Corpus) -> None:
    quotes = {q.text: q for q in _article(corpus, "001").quotes}
    assert quotes["provocation"].kind == "fragment"
    assert quotes["in a square manner."].kind == "fragment"


def test_canonical_names_and_roles(corpus: Corpus) -> None:
    people = {(e.text, e.canonical) for a in corpus.articles for e in a.entities if e.label == "PERSON"}
    assert ("Blinken", "Antony Blinken") in people
    assert ("The secretary", "Antony Blinken") in people  # a nominal mention in 002
    blinken = next(e for e in _article(corpus, "001").entities if e.text == "Antony Blinken")
    assert blinken.role == "U.S. Secretary of State"
    assert all("’s" not in e.text and not e.text.startswith("Secretary") for a in corpus.articles for e in a.entities)


def test_shared_interview_quotes_are_linked(corpus: Corpus) -> None:
    ids = {_article(corpus, "001").id, _article(corpus, "002").id}
    group = next(g for g in corpus.quote_groups if "trying to get attention" in g.text)
    assert set(group.articles) == ids and group.speaker == "Antony Blinken"
    # the reference is the fluent wording of 001, not 002's "trying to get trying to get"
    assert "trying to get trying to get" not in group.text
    variant = next(v for v in group.variants if v.article == _article(corpus, "002").id)
    assert ("+", "the") in variant.diff  # "is the North Korea" against "is North Korea"
    assert any(set(g.articles) == ids and g.text.startswith("Unfortunately") for g in corpus.quote_groups)


def test_dates_against_publication(corpus: Corpus) -> None:
    a000 = _article(corpus, "000")
    thursday = next(d for d in a000.dates if d.text == "Thursday")
    assert (thursday.value, thursday.granularity, thursday.anchored) == ("2021-09-30", "day", True)
    tuesday = next(d for d in a000.dates if d.text == "Tuesday")
    assert tuesday.value == "2021-09-28"
    for article in corpus.articles:
        for d in article.dates:
            assert article.text[d.start : d.end] == d.text


def test_undated_articles_get_inferred_windows(corpus: Corpus) -> None:
    a002 = _article(corpus, "002")
    assert a002.published is None and a002.published_window is not None
    assert a002.published_window.earliest == date(2021, 9, 1)
    assert "September 2021" in a002.published_window.evidence[0]
    a001 = _article(corpus, "001")
    assert a001.published_window is not None and "March 9" in a001.published_window.evidence[0]
    a000 = _article(corpus, "000")
    assert a000.published_window is None  # it is dated


def test_offsets_point_into_text(corpus: Corpus) -> None:
    for article in corpus.articles:
        for s in article.sentences:
            assert article.text[s.start : s.end].strip() == article.text[s.start : s.end]
        for e in article.entities:
            assert article.text[e.start : e.end] == e.text
        for q in article.quotes:
            if not q.parts:
                assert article.text[q.start : q.end].strip() == q.text
            if q.speaker_start is not None:
                assert article.text[q.speaker_start : q.speaker_end] == q.speaker_text
