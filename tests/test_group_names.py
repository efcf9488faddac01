"""Names against event words: an article that shares a story's names but not its event stays alone."""

from __future__ import annotations

import random
import re
from datetime import datetime

import pytest

from storybrief.group import stories as stories_module
from storybrief.group.candidates import event_similarity
from storybrief.group.features import extract
from storybrief.group.linkage import Linkage
from storybrief.group.stories import group_stories, stream_stories
from storybrief.model import Article, Entity, InputFormat

NAMES = {"Orland Airways": "ORG", "Kestrel City": "GPE", "Mara Velden": "PERSON"}

REPORTS = [
    (
        "Orland Airways lets pregnant cabin crew take temporary ground jobs",
        "Orland Airways said on Monday that pregnant cabin crew may choose temporary ground jobs instead of "
        "resigning. The maternity policy ends a practice of decades at Orland Airways, said Mara Velden in "
        "Kestrel City. Crew who give birth may return to flying after the maternity leave.",
    ),
    (
        "Pregnant Orland Airways crew no longer have to resign, may work ground jobs",
        "Pregnant cabin crew at Orland Airways will no longer have to resign: they may take temporary ground "
        "jobs, Mara Velden said in Kestrel City. After giving birth they may return to flying. The maternity "
        "policy replaces the practice of resigning.",
    ),
    (
        "Orland Airways ends resign-when-pregnant practice for cabin crew",
        "Orland Airways ended its practice that pregnant cabin crew resign, Mara Velden told reporters in "
        "Kestrel City. Crew may take ground jobs on a temporary basis during the pregnancy and return to "
        "flying after birth and maternity leave.",
    ),
]

OTHER_EVENT = (
    "Orland Airways blacklists unruly passenger who hit cabin crew member",
    "Orland Airways has blacklisted a passenger who was unruly on a flight and hit a cabin crew member, Mara "
    "Velden said in Kestrel City. Orland Airways handed the passenger to police after landing, and cabin crew "
    "safety comes first at Orland Airways, Mara Velden said.",
)


def _article(n: int, title: str, text: str, day: int | None) -> Article:
    entities = [
        Entity(text=m.group(0), start=m.start(), end=m.end(), label=label, canonical=name)
        for name, label in NAMES.items()
        for m in re.finditer(re.escape(name), text)
    ]
    return Article(
        id=f"a{n:03d}",
        input=f"a{n:03d}.txt",
        format=InputFormat.TEXT,
        text=text,
        title=title,
        language="en",
        published=datetime(2026, 3, day) if day else None,
        entities=entities,
    )


def _filler(rng: random.Random, n: int) -> list[Article]:
    """Unrelated articles, so that document frequencies say which words are common."""
    vocabulary = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(900)]
    common = vocabulary[:30]
    out = []
    for k in range(n):
        words = rng.sample(common, 10) + rng.sample(vocabulary[30:], 40)
        out.append(_article(100 + k, " ".join(words[:8]), " ".join(words) + ".", 1 + k % 20))
    return out


def _corpus(seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = [_article(k, title, text, 10) for k, (title, text) in enumerate(REPORTS)]
    articles.append(_article(50, *OTHER_EVENT, None))  # undated, as the MMDS noise articles are
    articles += _filler(rng, 60)
    rng.shuffle(articles)
    return articles


def _story_sets(articles: list[Article], streaming: bool) -> set[frozenset[str]]:
    found = stream_stories(articles) if streaming else group_stories(articles)
    return {frozenset(s.articles) for s in found}


@pytest.mark.parametrize("streaming", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_article_sharing_a_storys_names_but_not_its_event_stays_alone(streaming: bool, seed: int) -> None:
    articles = _corpus(seed)
    stories = _story_sets(articles, streaming)
    assert frozenset({"a000", "a001", "a002"}) in stories
    assert frozenset({"a050"}) in stories


def test_without_the_event_rule_the_names_carry_the_other_event_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The case above is one the other rules let through: names (and "cabin crew") alone join it."""
    monkeypatch.setattr(stories_module, "STORY_EVENT_COHESION", 0.0)
    for streaming in (False, True):
        stories = _story_sets(_corpus(1), streaming)
        assert frozenset({"a000", "a001", "a002", "a050"}) in stories


def test_event_similarity_leaves_names_out() -> None:
    report = extract(_article(0, *REPORTS[0], 10), 0)
    other = extract(_article(1, *OTHER_EVENT, 10), 1)
    same = extract(_article(2, *REPORTS[1], 10), 2)
    for f in (report, other, same):
        f.terms = {k: 1.0 for k in f.term_counts}  # plain overlap is enough here
    assert report.names is not None and {"orland", "airway", "kestrel", "velden"} <= report.names
    shared_names = {k for k in report.terms if k in other.terms} & report.names
    assert shared_names  # they do share names ...
    assert event_similarity(report, other) == len({k for k in report.terms if k in other.terms} - report.names)
    value_other, value_same = event_similarity(report, other), event_similarity(report, same)
    assert value_other is not None and value_same is not None and value_same > 2 * value_other
    malay = extract(
        Article(id="m", input="m.txt", format=InputFormat.TEXT, text="Pramugari hamil", language="ms"),
        3,
    )
    assert malay.names is None and event_similarity(report, malay) is None  # its NER finds no names
    lower = extract(_article(4, "", REPORTS[0][1].lower() * 3, 10), 4)
    assert lower.names is None  # lower-cased text: names unknown


def test_event_cohesion_in_batch_and_streaming() -> None:
    # 0-1 report one event; 2 ties to both well on the full score (names) but little on event words
    pairs = {(0, 1): 0.6, (0, 2): 0.35, (1, 2): 0.3}
    events = {(0, 1): 0.4, (0, 2): 0.1, (1, 2): 0.1}
    plain = Linkage(0.15, cohesion=0.25)
    plain.agglomerate(range(3), pairs, events)
    assert plain.clusters() == [[0, 1, 2]]
    strict = Linkage(0.15, cohesion=0.25, event_cohesion=0.5)
    strict.agglomerate(range(3), pairs, events)
    assert strict.clusters() == [[0, 1], [2]]
    streaming = Linkage(0.15, cohesion=0.25, event_cohesion=0.5)
    streaming.add(0, {})
    streaming.add(1, {0: 0.6}, {0: 0.4})
    streaming.add(2, {0: 0.35, 1: 0.3}, {0: 0.1, 1: 0.1})
    assert streaming.clusters() == [[0, 1], [2]]
    # pairs without an event similarity (a translation) are no evidence against a join
    streaming.add(3, {0: 0.5, 1: 0.5}, {})
    assert streaming.clusters() == [[0, 1, 3], [2]]
    # an event tie as strong as the story's own joins
    streaming.add(4, {0: 0.4, 1: 0.4}, {0: 0.35, 1: 0.3})
    assert streaming.clusters() == [[0, 1, 3, 4], [2]]
