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
