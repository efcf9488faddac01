"""Numbers that disagree: the same quantity of the same event, from articles that are not copies of one another."""

from __future__ import annotations

from pathlib import Path

import pytest

from article_support import sentence_article
from storybrief.model import Article, Story
from storybrief.model.articles import DuplicateOf
from storybrief.synthesize import brief_story
from storybrief.synthesize.numbers import disjoint, quantities

# Original fictional reports of a ferry fire on the Orran estuary.
FIRE_A = [
    "Crews evacuated 64 passengers from the ferry Saltmarsh Belle on Sunday after a fire broke out in its engine room.",
    "Nine passengers were taken to Orran Infirmary with smoke inhalation.",
    "The ferry had left Carrow pier with nearly 3,000 litres of diesel on board.",
    "Harbour master Oona Vale said 7 crew members stayed aboard to fight the fire.",
]
FIRE_B = [
    "Rescue boats evacuated 71 passengers from the ferry Saltmarsh Belle on Sunday when fire spread through its engine"
    " room.",
    "Eleven passengers were taken to Orran Infirmary with smoke inhalation, a hospital spokesman said.",
    "The vessel was carrying an estimated 2,400 litres of diesel when it left Carrow pier, the operator said.",
    "Three tugs from Carrow were sent to tow the ferry to the breakers' yard where 12 crew members were waiting.",
]
# agrees with both: "more than 60" and 64 and 71 can all be right
FIRE_C = ["More than 60 passengers were evacuated from the ferry Saltmarsh Belle on Sunday after the engine room fire."]


def _article(aid: str, sentences: list[str], duplicate_of: str | None = None) -> Article:
    return sentence_article(
        aid,
        sentences,
        outlet=f"Outlet {aid}",
        duplicate_of=DuplicateOf(duplicate_of, 0.95) if duplicate_of else None,
    )


def test_quantities_read_qualifiers_words_and_skip_names_dates_and_money() -> None:
    text = (
        "About 40 households, nearly 200,000 litres, twenty-five boats and Eleven people, but not Pier 7, "
        "March 13, 2026, 4:40 a.m., $5 million or a 500-metre zone; more than 12 tanks."
    )
    found = {q.written: (q.noun, q.low, q.high) for q in quantities(text)}
    assert found["About 40 households"] == ("household", pytest.approx(38.0), pytest.approx(42.0))
    assert found["nearly 200,000 litres"] == ("litre", pytest.approx(190000.0), 200000.0)
    assert found["twenty-five boats"] == ("boat", 25.0, 25.0)
    assert found["more than 12 tanks"] == ("tank", 12.0, float("inf"))
    assert "Eleven people" in found
    assert len(found) == 5  # nothing of the name, the date, the time, the money or the compound


def test_intervals() -> None:
    (a,) = quantities("nearly 200,000 litres")
    (b,) = quantities("about 180,000 litres")
    (c,) = quantities("more than 40 households")
    (d,) = quantities("42 households")
    assert disjoint(a, b)
    assert not disjoint(c, d)


def test_the_designed_disagreements_are_found_and_nothing_else() -> None:
    a, b, c = _article("a", FIRE_A), _article("b", FIRE_B), _article("c", FIRE_C)
    brief = brief_story(Story("s1", ["a", "b", "c"]), [a, b, c])
    found = {(d.about, tuple((v, art) for v, art, _ in d.values)) for d in brief.comparison.disagreements}
    assert found == {
        ("passengers", (("64 passengers", "a"), ("71 passengers", "b"))),
        ("passengers", (("Nine passengers", "a"), ("Eleven passengers", "b"))),
        ("litres", (("nearly 3,000 litres", "a"), ("estimated 2,400 litres", "b"))),
    }


def test_two_counts_of_one_noun_in_different_events_do_not_disagree() -> None:
    # 7 crew aboard during the fire, 12 crew waiting at the yard: two things, each article one figure
    a, b = _article("a", FIRE_A[3:]), _article("b", FIRE_B[3:])
    brief = brief_story(Story("s1", ["a", "b"]), [a, b])
    assert brief.comparison.disagreements == []


def test_a_sentence_giving_both_values_or_another_predicate_does_not_disagree() -> None:
    a = _article("a", ["A gas blast tore through a Dunmere market on Tuesday, killing three people and wounding 15."])
    b = _article("b", ["The gas blast at the Dunmere market on Tuesday wounded 15 people, police said."])
    c = _article("c", ["The gas blast at the Dunmere market on Tuesday killed 4 people, police said."])
    d = _article("d", ["The gas blast at the Dunmere market on Tuesday injured 4 people, police said."])
    assert brief_story(Story("s1", ["a", "b"]), [a, b]).comparison.disagreements == []
    assert brief_story(Story("s1", ["b", "d"]), [b, d]).comparison.disagreements == []
    (found,) = brief_story(Story("s1", ["a", "c"]), [a, c]).comparison.disagreements
    assert [v for v, _, _ in found.values] == ["three people", "4 people"]


def test_a_copy_never_disagrees_with_its_original() -> None:
    a = _article("a", FIRE_A)
    copy = _article("b", [s.replace("64", "46") for s in FIRE_A], duplicate_of="a")
    brief = brief_story(Story("s1", ["a", "b"]), [a, copy])
    assert brief.comparison.disagreements == []


def test_sample_corpus_designed_disagreements(examples_dir: Path) -> None:
    import storybrief

    report = storybrief.brief([str(examples_dir)])
    found = [d for t in report.topics for d in t.disagreements] + [
        d for s in report.stories for d in s.comparison.disagreements
    ]
    pairs = {d.about: {v.split()[-2] for v, _, _ in d.values} for d in found}
    assert {"40", "42"} <= pairs["households"]
    assert {"200,000", "180,000"} <= pairs["litres"]
    assert {"Eleven", "Twelve"} <= pairs["people"]
    shown = [d for t in report.topics for d in t.disagreements]
    if shown:  # listed between stories: every output format shows them with the topic
        from storybrief.render.brief_html import report_html
        from storybrief.render.brief_json import report_json
        from storybrief.render.brief_md import report_markdown

        assert "Numbers that disagree between its stories" in report_markdown(report)
        assert "Numbers that disagree between its stories" in report_html(report)
        assert '"disagreements"' in report_json(report)
