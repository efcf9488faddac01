"""Topics: subjects kept apart when a subject's first story arrives before its topic, merges that do not chain."""

from __future__ import annotations

import random

import pytest

from storybrief.group.stories import article_features
from storybrief.group.topics import _average_link, group_topics
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


def test_a_topic_grown_by_merges_links_as_its_parts_do_on_average() -> None:
    # parts 0 (5 stories, subject x), 1 (1 story bridging x and y), 2 (3 stories, subject y): once 1 has
    # joined 0, the grown topic is close to 2 only through its small part
    table = {(0, 1): 0.6, (1, 2): 0.5, (0, 2): 0.1}

    def sim(a: int, b: int) -> float:
        return table[(min(a, b), max(a, b))]

    weight = [5, 1, 3]
    grown = _average_link([0, 1], [2], weight, sim)
    assert grown == pytest.approx((5 * 0.1 + 1 * 0.5) / 6)
    assert grown < 0.4 <= _average_link([1], [2], weight, sim)
    assert _average_link([2], [0, 1], weight, sim) == pytest.approx(grown)
