"""The lead is the news: the first summary sentence is the development most sources report, not background."""

from __future__ import annotations

from datetime import UTC, datetime

from article_support import sentence_article
from storybrief.model import Article, Story
from storybrief.synthesize import brief_story

# Original fictional coverage of a dam failure; the earliest article opens with background.
EARLY = [
    "The Corran reservoir dam, built in 1962, had long worried engineers in the Tavish valley.",
    "The Corran dam burst on Monday night, flooding 300 homes in the village of Ardmill below it.",
    "Inspectors said in 2021 that the spillway needed work.",
]
LATER_1 = [
    "Floodwater poured through Ardmill after the Corran dam burst on Monday night, flooding 300 homes.",
    "Residents climbed onto roofs and waited for rescue boats from the Tavish fire service.",
]
LATER_2 = [
    "The Corran dam burst late on Monday, flooding about 300 homes in Ardmill and cutting the valley road.",
    "Tavish county officials opened the school gym in Kilbride as a shelter.",
]


def _article(aid: str, sentences: list[str], day: int) -> Article:
    return sentence_article(
        aid,
        sentences,
        outlet=f"Outlet {aid}",
        published=datetime(2026, 5, day, 8, tzinfo=UTC),
    )


def test_the_lead_is_the_development_many_sources_report_not_the_earliest_background() -> None:
    articles = [_article("a", EARLY, 5), _article("b", LATER_1, 6), _article("c", LATER_2, 6)]
    brief = brief_story(Story("s1", ["a", "b", "c"]), articles, words=200)
    texts = [s.text for s in brief.summary]
    assert EARLY[0] in texts  # background is in the summary, in reading order ...
    lead = brief.summary[0]
    assert "burst on Monday" in lead.text  # ... but the news opens it
    assert len(lead.sources) >= 2
    rest = brief.summary[1:]  # the others keep reading order: earliest article, then position
    keys = [(["a", "b", "c"].index(s.article), s.start) for s in rest]
    assert keys == sorted(keys)


def test_a_notice_two_sites_carry_word_for_word_is_neither_lead_nor_summary() -> None:
    notice = "Local headlines that count, sent out each weekday at dawn."
    articles = [
        _article("a", [notice, *EARLY], 5),
        _article("b", [notice, *LATER_1], 6),
    ]
    brief = brief_story(Story("s1", ["a", "b"]), articles, words=200)
    assert brief.summary and notice not in {s.text for s in brief.summary}
    assert "burst on Monday" in brief.summary[0].text
