"""Topics: subjects kept apart when a subject's first story arrives before its topic, merges that do not chain."""

from __future__ import annotations

import math
import random

import pytest

from storybrief.group.stories import article_features
from storybrief.group.topics import TOPIC_MERGE, _Centroid, _parts_link, group_topics
from storybrief.model import Article, Story

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


def _words(name: str, n: int) -> list[str]:
    """``n`` made-up three-syllable words, the same for the same ``name``."""
    rng = random.Random(name)
    found: set[str] = set()
    while len(found) < n:
        found.add("".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(3)))
    return sorted(found)


BACKGROUND = _words("background", 60)  # words every subject's articles use


def _collection(seed: int) -> tuple[list[Article], list[Story], list[str]]:
    """Three subjects, each one larger story and several single-article ones; every article mixes its
    subject's own words with as many background words."""
    rng = random.Random(seed)
    plan = [("x", 5, 30, 30)] + [("x", 1, 25, 40)] * 6 + [("y", 3, 30, 30)] + [("y", 1, 25, 40)] * 6
    plan += [("z", 4, 30, 30)] + [("z", 1, 25, 40)] * 5
    vocab = {name: _words(name, 40) for name in "xyz"}
    articles: list[Article] = []
    stories: list[Story] = []
    subjects: list[str] = []
    for n, (subject, size, own, shared) in enumerate(plan):
        ids = []
        for _ in range(size):
            words = [rng.choice(vocab[subject]) for _ in range(own)] + [rng.choice(BACKGROUND) for _ in range(shared)]
            rng.shuffle(words)
            aid = f"a{len(articles)}"
            articles.append(
                Article(id=aid, input=f"gen:{len(articles) + 1}", format="text", text=" ".join(words) + ".")
            )
            ids.append(aid)
        stories.append(Story(id=f"s{n}", articles=ids))
        subjects.append(subject)
    return articles, stories, subjects


@pytest.mark.parametrize("seed", range(20))
def test_subjects_sharing_background_words_stay_in_separate_topics(seed: int) -> None:
    # a subject whose larger story is placed while only another subject's topic exists joins it for want of a
    # better one; the refinement round moves it back to its own subject once that subject has a topic
    articles, stories, subjects = _collection(seed)
    group_topics(stories, article_features(articles), articles)
    subjects_of: dict[str | None, set[str]] = {}
    for story, subject in zip(stories, subjects, strict=True):
        subjects_of.setdefault(story.topic, set()).add(subject)
    assert all(len(found) == 1 for found in subjects_of.values()), subjects_of
    # and each subject's stories mostly share one topic
    for subject in "xyz":
        topics = [s.topic for s, g in zip(stories, subjects, strict=True) if g == subject]
        assert max(topics.count(t) for t in set(topics)) >= len(topics) // 2


def _centroid(*vectors: dict[str, float]) -> _Centroid:
    centroid = _Centroid()
    for v in vectors:
        centroid.add(v)
    return centroid


def test_a_topic_grown_by_merges_links_as_its_parts_do_on_average() -> None:
    # a subject's topic (its word "a" and a common word "c"), and a topic grown by merging five small topics,
    # each on a word of its own ("b0".."b4") that shares only the common word with the subject
    whole = (_Centroid(), _centroid({"a": 0.6, "c": 0.8}))
    common = math.sqrt(0.19)
    vectors = [{f"b{k}": 0.9, "c": common} for k in range(5)]
    parts = [(_Centroid(), _centroid(v), 1) for v in vectors]
    grown = _centroid(*vectors)
    # summed, the five keep only what they share: the mixed centroid reaches the merge threshold on the common
    # word, though no part does
    assert grown.similar(whole[1]) >= TOPIC_MERGE
    assert all(_centroid(v).similar(whole[1]) < TOPIC_MERGE for v in vectors)
    assert _parts_link(whole, parts) == pytest.approx(0.8 * common)
    assert _parts_link(whole, parts) < TOPIC_MERGE
    # parts weigh by their stories
    heavy = [(_Centroid(), _centroid({"a": 1.0}), 3), parts[0]]
    assert _parts_link(whole, heavy) == pytest.approx((3 * 0.6 + 0.8 * common) / 4)


def test_topic_labels_skip_reporters_datelines_and_one_article_names() -> None:
    from collections import Counter

    from storybrief.group.topics import _label
    from storybrief.model import Article, Entity, InputFormat

    def article(aid: str, names: list[str], byline: list[str]) -> Article:
        found = [Entity(n, 0, len(n), "PERSON", n) for n in names]
        return Article(id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text="x", entities=found, byline=byline)

    reporter = "Noel Finch"
    articles = [
        article(
            "a", ["Harlow Ferries", "BRENNOCK", "Brennock", reporter, "Noel Finch KESTREL", "Mara Quill"], [reporter]
        ),
        article("b", ["Harlow Ferries", "BRENNOCK", "Brennock", reporter, "Noel Finch KESTREL", "La"], [reporter]),
        article(
            "c", ["Harlow Ferries", reporter, "Noel Finch KESTREL", "Seafarers' Guild", "Reuters", "La"], [reporter]
        ),
        article("d", ["Harlow Ferries", "BRENNOCK", "Reuters"], []),
    ]
    totals: Counter[str] = Counter()
    for a in articles:
        totals.update(e.canonical.lower() for e in a.entities)
    totals["mara quill"] += 10  # mentioned often, but by one article only
    label = _label(totals, Counter(), ["a", "b", "c", "d"], articles, {"a": 0, "b": 1, "c": 2, "d": 3})
    assert label == "Harlow Ferries · Brennock"  # not the reporter, the agency, "La", nor the capitals


def _fragment_and_subject(seed: int, shared_words: int) -> tuple[list[Article], list[Story], list[object]]:
    """A fragment of a subject (two stories of three articles, on words of their own and ``shared_words`` of
    the subject's) and the subject (twelve one-article stories, each on the subject's words and six of thirty
    words of its developments). The fragment's stories are larger, so they are placed first."""
    from collections import Counter
    from types import SimpleNamespace

    rng = random.Random(seed)
    articles: list[Article] = []
    stories: list[Story] = []
    features: list[object] = []

    def story(terms: dict[str, float], size: int) -> None:
        ids = []
        for _ in range(size):
            aid = f"a{len(articles)}"
            articles.append(Article(id=aid, input=f"gen:{len(articles) + 1}", format="text", text="x"))
            features.append(SimpleNamespace(entity_counts=Counter(), term_counts=dict(terms)))
            ids.append(aid)
        stories.append(Story(id=f"s{len(stories)}", articles=ids))

    for _ in range(2):
        story({**{f"f{k}": 2.0 for k in range(6)}, **{f"w{k}": 2.0 for k in range(shared_words)}}, 3)
    for _ in range(12):
        words = rng.sample(range(30), 6)
        story({**{f"w{k}": 4.0 for k in range(shared_words)}, **{f"x{k}": 2.0 for k in words}}, 1)
    return articles, stories, features


@pytest.mark.parametrize("seed", [0, 3, 4, 5, 7])
def test_a_small_fragment_joins_its_subjects_large_topic_at_the_lower_bar(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typing import Any, cast

    import storybrief.group.topics as topics

    articles, stories, features = _fragment_and_subject(seed, 4)
    group_topics(stories, cast(Any, features), articles)
    assert stories[0].topic == stories[1].topic == stories[-1].topic
    monkeypatch.setattr(topics, "SMALL_STORIES", 0)  # without the rule, the fragment stays a topic of its own
    group_topics(stories, cast(Any, features), articles)
    assert stories[0].topic == stories[1].topic != stories[-1].topic


@pytest.mark.parametrize("seed", range(3))
def test_a_small_topic_sharing_one_word_with_a_large_one_stays_apart(seed: int) -> None:
    from typing import Any, cast

    articles, stories, features = _fragment_and_subject(seed, 1)
    group_topics(stories, cast(Any, features), articles)
    assert stories[0].topic == stories[1].topic != stories[-1].topic


def test_credit_lines_and_time_zones_are_no_label_names() -> None:
    from storybrief.group.topics import _credited_in_text

    text = (
        "Talks ended at 04:30 GMT. (Reporting by Jack Kim in Seoul and Ann Lee; Editing by Alastair Himmer)\n"
        "Additional reporting by Bob Ray, Writing by Sam Doe. The memoir, written by John Smith, sold well."
    )
    assert _credited_in_text(text) == {"gmt", "jack kim", "ann lee", "alastair himmer", "bob ray", "sam doe"}
    note = "This article appeared on p18 of the G2 section of the Guardian. The plan appeared in the Senate's report."
    assert _credited_in_text(note) == {"guardian"}


def test_a_label_does_not_repeat_a_place_as_its_people() -> None:
    from storybrief.group.topics import _same_name

    for place, people in [("Libya", "Libyan"), ("Syria", "Syrian"), ("Iraq", "Iraqi"), ("China", "Chinese")]:
        assert _same_name(place, people) and _same_name(people, place)
    for a, b in [("Paul", "Paulson"), ("Mexico", "Mexico City"), ("Obama", "Obamas"), ("United States", "USA")]:
        assert not _same_name(a, b)
    assert _same_name("U.S", "United States") and _same_name("United States", "US")


def test_a_topic_label_names_its_own_subject_before_names_every_subject_shares() -> None:
    from collections import Counter

    from storybrief.group.topics import _label
    from storybrief.model import Entity, InputFormat

    def article(aid: str, names: list[str]) -> Article:
        found = [Entity(n, 0, len(n), "ORG", n) for n in names]
        return Article(id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text="x", entities=found)

    ours = [
        article(f"a{k}", ["United States", "U.S", "Federal Reserve"] if k < 3 else ["United States"]) for k in range(5)
    ]
    others = [article(f"b{k}", ["United States", "U.S", "Libya"]) for k in range(15)]
    everything = ours + others
    position = {a.id: i for i, a in enumerate(everything)}
    totals: Counter[str] = Counter()
    for a in ours:
        totals.update(e.canonical.lower() for e in a.entities)
    ids = [a.id for a in ours]
    # alone (a single-subject collection), the name most articles give comes first; an abbreviation of a name
    # already in the label is not repeated
    assert _label(totals, Counter(), ids, everything, position) == "United States · Federal Reserve"
    everywhere: Counter[str] = Counter()
    for a in everything:
        everywhere.update({e.canonical.lower() for e in a.entities})
    assert _label(totals, Counter(), ids, everything, position, everywhere, len(everything)).startswith(
        "Federal Reserve"
    )
