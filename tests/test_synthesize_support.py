"""Citations and single-source facts rest on one support rule: a cited article holds a sentence saying the same."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import storybrief
from article_support import sentence_article
from storybrief.model import Article, Report, Story
from storybrief.model.articles import DuplicateOf, RewriteOf
from storybrief.render.brief_json import brief_schema, report_json
from storybrief.synthesize import brief_story
from storybrief.synthesize.compare import compare_sources
from storybrief.synthesize.sentences import SUPPORT_SIM, build_matrix, story_units
from storybrief.synthesize.summary import summarize
from storybrief.synthesize.support import Features, SupportIndex, best_support, support_score

LEVY = (
    "The Harlow council on Wednesday approved its first flood levy on riverside firms after a series of floods"
    " along the Arlen, including two since last month."
)
# the same event in other words, each with its own details (shares 6 of their 12 and 13 terms)
LEVY_OTHER = (
    "Harlow's town council imposed a flood levy on riverside businesses on Wednesday in response to at least six"
    " floods that have hit the town since March 2023."
)
SWEPT = (
    "Floodwater from the Arlen river swept through Millbrook on Tuesday night, forcing two hundred residents"
    " from their homes."
)
SPUN = "On Tuesday night floodwater from the Arlen river swept through Millbrook and forced two hundred residents out."
ANGLERS = "Anglers say the Arlen river at Millbrook is full at night."  # the same places, nothing of the fact


def _article(
    aid: str,
    sentences: list[str],
    *,
    outlet: str | None = None,
    duplicate_of: str | None = None,
    syndication: str | None = None,
    rewrite_of: str | None = None,
) -> Article:
    return sentence_article(
        aid,
        sentences,
        outlet=outlet,
        duplicate_of=DuplicateOf(duplicate_of, 0.95) if duplicate_of else None,
        syndication=syndication,
        rewrite_of=RewriteOf(rewrite_of, 0.8) if rewrite_of else None,
    )


def _unit(units: list, text: str) -> int:  # type: ignore[type-arg]
    return next(i for i, u in enumerate(units) if u.text == text)


def test_an_article_sharing_only_the_topic_is_not_cited() -> None:
    a = _article("a", [SWEPT, "Rescue crews in boats reached the last families near the bridge before dawn."])
    b = _article("b", [ANGLERS, "Trout season opens in April and permits are sold at the library."])
    units = story_units([a, b])
    i, j = _unit(units, SWEPT), _unit(units, ANGLERS)
    # by cosine alone (the old rule) the anglers' sentence carried the flood's fact
    assert build_matrix(units).similar(i)[j] >= SUPPORT_SIM
    index = SupportIndex([a, b], units)
    assert [m.article for m in index.supports(i)] == [0]
    summary = summarize([a, b], 200)
    swept = next(s for s in summary if s.text == SWEPT)
    assert swept.sources == ("a",)
    assert [s.article for s in swept.support] == ["a"]
    assert best_support(SWEPT, b) is None


def test_two_wordings_of_one_fact_support_each_other_and_neither_is_single_source() -> None:
    a = _article("a", [LEVY, "Shop owners on the quay said they would appeal against the charge in court."])
    b = _article("b", [LEVY_OTHER, "The money will pay for a new flood wall below the old mill by 2027."])
    c = _article("c", ["A jazz festival drew record crowds to the Harlow quay over the weekend."])
    units = story_units([a, b, c])
    index = SupportIndex([a, b, c], units)
    i, j = _unit(units, LEVY), _unit(units, LEVY_OTHER)
    assert [(m.article, m.unit) for m in index.supports(i)][1:] == [(1, j)]
    assert [(m.article, m.unit) for m in index.supports(j)][1:] == [(0, i)]
    single = {f.text for f in compare_sources([a, b, c], units, support=index).single_source}
    assert LEVY not in single and LEVY_OTHER not in single
    assert "Shop owners on the quay said they would appeal against the charge in court." in single

    brief = brief_story(Story("s1", ["a", "b", "c"]), [a, b, c])
    levy = next(s for s in brief.summary if s.text in (LEVY, LEVY_OTHER))
    assert set(levy.sources) == {"a", "b"}
    assert levy.text not in {f.text for f in brief.comparison.single_source}
    record = levy.to_dict()
    assert [s["article"] for s in record["support"]] == record["sources"]
    other = next(s for s in levy.support if s.article != levy.article)
    source = a if other.article == "a" else b
    assert source.text[other.start : other.end] in (LEVY, LEVY_OTHER)
    assert 0 < other.score < 1


def test_a_page_that_repeats_its_lead_lists_the_fact_once_as_single_source() -> None:
    lead = "Harbour pilot Maren Odell, who retires in June, sued the port board in January over unpaid overtime."
    a = _article(
        "a",
        [lead, "The port board has not answered the suit.", lead, lead.replace("Harbour pilot Maren Odell, w", "W")],
    )
    b = _article("b", ["A jazz festival drew record crowds to the Harlow quay over the weekend."])
    units = story_units([a, b])
    single = [f.text for f in compare_sources([a, b], units, support=SupportIndex([a, b], units)).single_source]
    assert single.count(lead) == 1
    assert not any(text != lead and text.rstrip(".").lower() in lead.lower() for text in single)


def test_a_contradicting_number_or_missing_name_is_no_support() -> None:
    cited = Features.of("The council fined five riverside firms for dumping waste into the Arlen on Monday.")
    same = Features.of("On Monday the council fined five riverside firms for dumping waste in the Arlen.")
    other_count = Features.of("On Monday the council fined seven riverside firms for dumping waste in the Arlen.")
    other_river = Features.of("On Monday the council fined five riverside firms for dumping waste in the Severn.")
    assert support_score(cited, same) > 0.6
    assert support_score(cited, other_count) == 0.0
    assert support_score(cited, other_river) == 0.0


def test_a_syndicated_copy_or_a_rewrite_is_not_independent_support() -> None:
    wire = _article("wire", [SWEPT, "Rescue crews in boats reached the last families near the bridge before dawn."])
    copy = _article(
        "copy",
        [SWEPT, "Rescue crews in boats reached the last families near the bridge before dawn."],
        duplicate_of="wire",
        syndication="w1",
    )
    wire.syndication = "w1"
    spun = _article("spun", [SPUN], rewrite_of="copy")
    other = _article("other", ["A jazz festival drew record crowds to the Harlow quay over the weekend."])
    articles = [wire, copy, spun, other]
    units = story_units(articles)
    index = SupportIndex(articles, units)
    i = _unit(units, SWEPT)
    assert {m.article for m in index.supports(i)} == {0, 1, 2}  # both copies do hold the sentence
    assert index.independent(i) == []  # ... and both go back to the wire story
    single = [f.text for f in compare_sources(articles, units, support=index).single_source]
    assert SWEPT in single
    assert SPUN not in single  # one fact is listed once, not once per copy


def test_repeated_boilerplate_is_not_corroboration() -> None:
    fact = "The Harlow council will send flood updates to every resident each morning from Monday."
    plate = "Sign up to get flood updates from the Harlow council every morning in your inbox."
    # the sign-off shares five of the fact's eight terms, but three unrelated pages of one site carry it
    assert support_score(Features.of(fact), Features.of(plate)) > 0
    a = _article("a", [fact, "Residents without a phone can collect a printed sheet at the library."])
    b = _article(
        "b", ["The quay car park will close for repairs until the end of May this year.", plate], outlet="Courier"
    )
    c = _article(
        "c", ["Volunteers planted two hundred trees along the old towpath on Sunday.", plate], outlet="Courier"
    )
    d = _article("d", ["The jazz festival drew record crowds to the Harlow quay at the weekend.", plate], outlet="Post")
    articles = [a, b, c, d]
    units = story_units(articles)
    index = SupportIndex(articles, units)
    assert {units[k].article for k in index.boilerplate} == {1, 2, 3}
    assert [m.article for m in index.supports(_unit(units, fact))] == [0]
    single = {f.text for f in compare_sources(articles, units, support=index).single_source}
    assert fact in single
    assert plate not in single  # a sign-off is no fact at all


def test_seed_sanctions_reports_support_each_other(seeds_dir: Path) -> None:
    paths = [str(p) for key in ("001", "002") for p in seeds_dir.glob(f"{key}_*.txt")]
    corpus = storybrief.annotate_corpus(storybrief.load(sorted(paths)))
    articles = corpus.articles
    units = story_units(articles)
    index = SupportIndex(articles, units)
    first = next(i for i, u in enumerate(units) if "imposed its first sanctions" in u.text)
    second = next(i for i, u in enumerate(units) if "imposed sanctions on five North Korean officials" in u.text)
    assert units[first].article != units[second].article
    assert (units[second].article, second) in [(m.article, m.unit) for m in index.supports(first)]
    assert (units[first].article, first) in [(m.article, m.unit) for m in index.supports(second)]
    single = {f.text for f in compare_sources(articles, units, support=index).single_source}
    assert units[first].text not in single and units[second].text not in single


def test_support_is_in_the_json_and_checked_by_the_schema() -> None:
    a = _article("a", [LEVY, "Shop owners on the quay said they would appeal against the charge in court."])
    b = _article("b", [LEVY_OTHER, "The money will pay for a new flood wall below the old mill by 2027."])
    brief = brief_story(Story("s1", ["a", "b"]), [a, b])
    payload = json.loads(report_json(Report([a, b], [brief], [], [])))
    jsonschema.validate(payload, brief_schema())
    cited = [s for s in payload["stories"][0]["summary"] if len(s["sources"]) > 1]
    assert cited
    for sentence in cited:
        assert [s["article"] for s in sentence["support"]] == sentence["sources"]
        assert sentence["support"][0]["score"] == 1.0
    cited[0]["support"][1]["score"] = 2.0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(payload, brief_schema())
