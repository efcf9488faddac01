"""Briefing stories in forked processes gives the report briefing them here gives; cosines dense or not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storybrief.pipeline import annotate_corpus, group_corpus, load
from storybrief.render.brief_json import report_json
from storybrief.synthesize import brief as brief_module
from storybrief.synthesize import sentences
from storybrief.synthesize.brief import build_report
from storybrief.synthesize.sentences import build_matrix, story_units


@pytest.fixture(scope="module")
def corpus(examples_dir: Path):  # type: ignore[no-untyped-def]
    c = load([str(p) for p in sorted(examples_dir.iterdir())])
    annotate_corpus(c)
    return group_corpus(c)


def test_parallel_briefs_equal_serial_ones(corpus, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    serial = report_json(build_report(corpus))
    monkeypatch.setattr(brief_module, "PARALLEL_FROM", 1)
    assert report_json(build_report(corpus, n_process=2)) == serial


def test_dense_and_sparse_cosines_agree(corpus, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    units = story_units(corpus.articles)
    dense = build_matrix(units)
    monkeypatch.setattr(sentences, "DENSE_MAX", 0)
    sparse = build_matrix(units)
    for i in range(len(units)):
        assert np.allclose(dense.similar(i), sparse.similar(i))
    assert dense.similar(0)[0] == pytest.approx(1.0)


def test_duplicates_found_while_parsing_are_the_ones_grouping_finds(examples_dir: Path) -> None:
    import storybrief
    from storybrief.group import find_duplicates

    paths = [str(p) for p in sorted(examples_dir.iterdir())]
    early = load(paths)
    seen: list[int] = []
    annotate_corpus(early, meanwhile=lambda: seen.append(len(find_duplicates(early.articles))))
    assert seen  # run, although no workers were used
    late = load(paths)
    annotate_corpus(late)
    a = group_corpus(early, duplicates=find_duplicates(early.articles))
    b = group_corpus(late)
    assert [s.articles for s in a.stories] == [s.articles for s in b.stories]
    assert [x.duplicate_of for x in a.articles] == [x.duplicate_of for x in b.articles]
    assert report_json(storybrief.brief(paths, n_process=2)) == report_json(storybrief.brief(paths))


def test_close_pairs_dense_and_sparse_agree(corpus, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    units = story_units(corpus.articles)
    dense = set(zip(*(a.tolist() for a in build_matrix(units).close_pairs(0.45)), strict=True))
    monkeypatch.setattr(sentences, "DENSE_MAX", 0)
    sparse = set(zip(*(a.tolist() for a in build_matrix(units).close_pairs(0.45)), strict=True))
    assert dense == sparse and all((i, i) in dense for i in range(len(units)) if units[i].terms)
