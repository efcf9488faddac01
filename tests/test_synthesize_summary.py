"""The summary's centre weighs articles by what they share with the story; the budget fill never repeats a fact."""

from __future__ import annotations

import numpy as np
import pytest

from article_support import sentence_article
from storybrief.model import Article
from storybrief.model.articles import DuplicateOf
from storybrief.synthesize import summary as summary_module
from storybrief.synthesize.sentences import SUPPORT_SIM, build_matrix, story_units
from storybrief.synthesize.summary import REDUNDANCY, story_centroid, summarize

FLOOD = [
    "Floodwater from the Arlen river swept through the town of Millbrook on Tuesday night.",
    "Rescue crews in Millbrook evacuated two hundred residents from homes near the Arlen river.",
    "The mayor of Millbrook said the river rose faster than any flood since 1998.",
]
STRAY = [
    "Sorry, the page you requested could not be found on this server.",
    "Please check the address for spelling mistakes and try the search box again.",
    "Our newsletter brings recipes, gardening tips and puzzles every weekend.",
]
ONE_REPORT = [
    "Floodwater from the Arlen river swept through the town of Millbrook on Tuesday night.",
    "Rescue crews evacuated two hundred residents from homes near the river before dawn.",
    "The mayor said the water rose faster than in any flood since 1998.",
    # cosine 0.35 with the first sentence: overlapping, not the same fact
    "Engineers will inspect the Arlen bridge at Millbrook once the floodwater falls on Tuesday.",
    "Schools in the district stay closed until Friday, the council said.",
    "Floodwater from the Arlen river swept through Millbrook late on Tuesday.",  # the first fact again
]


def _article(aid: str, sentences: list[str], duplicate_of: str | None = None) -> Article:
    return sentence_article(
        aid,
        sentences,
        duplicate_of=DuplicateOf(duplicate_of, 0.9) if duplicate_of else None,
    )


def _reports(n: int) -> list[Article]:
    """n reports of one flood, each with the same three facts in another order."""
    return [_article(f"r{k}", FLOOD[k % 3 :] + FLOOD[: k % 3]) for k in range(n)]


def test_a_stray_article_weighs_less_in_the_centre_and_is_not_summarised() -> None:
    articles = [*_reports(3), _article("stray", STRAY)]
    units = story_units(articles)
    matrix = build_matrix(units)
    weighted = story_centroid(units, matrix, articles)
    assert np.linalg.norm(weighted) == pytest.approx(1.0)
    stray = [i for i, u in enumerate(units) if u.article == 3]
    flood = [i for i, u in enumerate(units) if u.article != 3]
    before = np.asarray(matrix.rows @ matrix.centroid).ravel()  # every article counted alike
    after = np.asarray(matrix.rows @ weighted).ravel()
    assert max(before[stray]) > 0.1 and max(after[stray]) == pytest.approx(0.0)
    assert min(after[flood]) > min(before[flood])
    # the budget is far larger than the flood's facts: still nothing of the stray page fills it
    summary = summarize(articles, 200)
    assert summary and all(s.article != "stray" for s in summary)
    assert all(s.sources and s.sources[0] == s.article for s in summary)


def test_equal_weights_with_two_sources_or_a_copy() -> None:
    two = [_reports(1)[0], _article("stray", STRAY)]
    units = story_units(two)
    matrix = build_matrix(units)
    assert np.allclose(story_centroid(units, matrix, two), matrix.centroid)
    assert {s.article for s in summarize(two, 200)} == {"r0", "stray"}  # nothing tells which one is off-story
    # a copy does not vouch for its original: an original and its copy against one stray page are two sources
    copied = [*_reports(1), _article("copy", FLOOD, duplicate_of="r0"), _article("stray", STRAY)]
    units = story_units(copied)
    matrix = build_matrix(units)
    assert np.allclose(story_centroid(units, matrix, copied), matrix.centroid)


def test_leftover_budget_goes_to_overlapping_sentences_never_to_a_repeated_fact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [_article("a", ONE_REPORT)]
    units = story_units(articles)
    matrix = build_matrix(units)
    assert REDUNDANCY <= matrix.similar(0)[3] < SUPPORT_SIM <= matrix.similar(0)[5]
    texts = [s.text for s in summarize(articles, 200, units=units, matrix=matrix)]
    assert texts == ONE_REPORT[:5]  # the engineers' sentence fills the budget, the repeated fact does not
    monkeypatch.setattr(summary_module, "SUPPORT_SIM", REDUNDANCY)  # no second pass
    texts = [s.text for s in summarize(articles, 200, units=units, matrix=matrix)]
    assert texts == [ONE_REPORT[k] for k in (0, 1, 2, 4)]
    for budget in (10, 20, 40, 60):
        assert sum(len(s.text.split()) for s in summarize(articles, budget)) <= budget


FOLDED = [
    "Floodwater from the arlen river swept through the town of millbrook on tuesday night.",
    # a whole sentence that the folding left without its capital
    "rescue crews in millbrook evacuated two hundred residents from their homes before dawn.",
    "The weather office expects more rain in the hills over the weekend, forecasters said.",
    "The mayor of millbrook said the arlen river rose faster than in any flood since 1998.",
    "A school in the district will stay closed until friday, the council said.",
]


def test_a_lower_case_start_is_whole_in_a_case_folded_article_only() -> None:
    folded = _article("f", FOLDED)
    cased = _article("c", [s.replace("arlen", "Arlen").replace("millbrook", "Millbrook") for s in FOLDED])
    assert summary_module.case_folded(folded) and not summary_module.case_folded(cased)
    assert not summary_module.case_folded(_article("short", FOLDED[:1]))  # too few words to tell
    for article, whole in ((folded, True), (cased, False)):
        units = story_units([article])
        assert not units[1].well_formed  # a capital start is asked for
        assert summary_module.whole_sentences(units, [article]) == [True, whole, True, True, True]
    # taken for what it says in the folded article; in the cased one a lower-case start is a piece of a
    # sentence, taken only when the whole sentences leave budget
    budget = len(FOLDED[0].split()) + len(FOLDED[1].split()) + len(FOLDED[3].split())
    assert FOLDED[1] in [s.text for s in summarize([folded], budget)]
    assert not any(s.text.startswith("rescue") for s in summarize([cased], budget))
