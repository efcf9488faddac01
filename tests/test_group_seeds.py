"""The group stage on the four seed scrapes and on the Valeport examples: the issue's bars."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.model import Corpus
from storybrief.pipeline import annotate_corpus, group_corpus, load


def _short(corpus: Corpus, article_id: str) -> str:
    article = next(a for a in corpus.articles if a.id == article_id)
    return Path(article.input.split(":")[0].split("#")[0]).name[:3]


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> Corpus:
    corpus = load(sorted(str(p) for p in seeds_dir.glob("0*.txt")))
    return annotate_corpus(corpus)


@pytest.mark.parametrize("streaming", [False, True])
def test_seed_stories_and_topic(seeds: Corpus, streaming: bool) -> None:
    group_corpus(seeds, streaming=streaming)
    stories = {frozenset(_short(seeds, a) for a in s.articles) for s in seeds.stories}
    assert stories == {frozenset({"001", "002"}), frozenset({"000"}), frozenset({"004"})}
    assert len(seeds.topics) == 1
    assert sorted(seeds.topics[0].stories) == sorted(s.id for s in seeds.stories)
    assert "Blinken" in seeds.topics[0].label and "North Korea" in seeds.topics[0].label
    assert all(s.topic == seeds.topics[0].id for s in seeds.stories)


def test_seed_004_is_likely_rewritten_and_nothing_is_a_duplicate(seeds: Corpus) -> None:
    group_corpus(seeds)
    by_name = {_short(seeds, a.id): a for a in seeds.articles}
    rewrite = by_name["004"].rewrite_of
    assert rewrite is not None and rewrite.likely and rewrite.article is None
    assert any("garbled" in e for e in rewrite.evidence) and any("CNN" in e for e in rewrite.evidence)
    assert all(by_name[n].rewrite_of is None for n in ("000", "001", "002"))
    assert all(a.duplicate_of is None for a in seeds.articles)
    assert seeds.syndications == []


@pytest.fixture(scope="module")
def valeport(examples_dir: Path) -> Corpus:
    return annotate_corpus(load([str(examples_dir)]))


def test_examples_duplicate_syndication_and_rewrite(valeport: Corpus) -> None:
    group_corpus(valeport)
    by_name = {Path(a.input.split(":")[0].split("#")[0]).name[:2]: a for a in valeport.articles}
    wire, copy = by_name["02"], by_name["03"]
    assert copy.duplicate_of is not None and copy.duplicate_of.article == wire.id
    assert 0.5 <= copy.duplicate_of.similarity < 1.0
    assert wire.duplicate_of is None  # the canonical copy is the earlier one
    assert len(valeport.syndications) == 1
    syn = valeport.syndications[0]
    assert syn.agency == "Valeport Wire" and sorted(syn.articles) == sorted([wire.id, copy.id])
    spun = by_name["04"]
    assert spun.rewrite_of is not None and spun.rewrite_of.article == by_name["01"].id
    # nothing is dropped: every article is in exactly one story
    placed = [a for s in valeport.stories for a in s.articles]
    assert sorted(placed) == sorted(a.id for a in valeport.articles)
    assert all(a.story for a in valeport.articles)


def test_single_story_puts_everything_together(valeport: Corpus) -> None:
    group_corpus(valeport, single_story=True)
    assert len(valeport.stories) == 1 and len(valeport.stories[0].articles) == len(valeport.articles)
