"""The library places articles by the event rule of streaming: an article that shares a story's names (its
company, its town) but not the words of its event stays alone, whatever the batches it is added in; and a
library placed before event sums were stored keeps growing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from storybrief.group import stories as stories_module
from storybrief.group.stories import stream_order, stream_stories
from storybrief.model import Article
from storybrief.pipeline import add
from storybrief.store.grow import AddSummary, place_batch
from storybrief.store.library import Library, LibraryError
from storybrief.store.reindex import reindex
from storybrief.store.schema import SCHEMA_VERSION
from test_group_names import _corpus

NOW = "2026-01-01T00:00:00"
REPORTS = frozenset({"a000", "a001", "a002"})
NOISE = frozenset({"a050"})


def _add_in_batches(db: str, articles: list[Article], size: int, name: str = "part") -> None:
    """What ``add`` does with each batch once it is annotated: one transaction, placed in publication order."""
    with Library(db) as lib:
        for start in range(0, len(articles), size):
            with lib.write():
                input_id, _ = lib.add_input(f"{name}{start}", f"{name}{start}", NOW)
                place_batch(lib, [(a, input_id) for a in articles[start : start + size]], AddSummary(), NOW)


def _partition(db: str) -> set[frozenset[str]]:
    with Library(db) as lib:
        return {frozenset(s.story.articles) for s in lib.stories()}


@pytest.mark.parametrize("size", [7, 30, 1000])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_library_keeps_a_names_only_article_apart_as_streaming_does(tmp_path: Path, seed: int, size: int) -> None:
    articles = list(stream_order(_corpus(seed)))
    streamed = {frozenset(s.articles) for s in stream_stories(articles)}
    assert REPORTS in streamed and NOISE in streamed
    db = str(tmp_path / "lib.db")
    _add_in_batches(db, articles, size)
    stored = _partition(db)
    assert REPORTS in stored and NOISE in stored
    assert stored == streamed
    with Library(db) as lib:  # the sums that kept it apart are stored with the story
        story = lib.stories_of(["a000"])["a000"]
        total, pairs = lib.story_event_inner(story)
        assert pairs == 3 and total > 0


def test_without_the_event_rule_the_library_lets_the_names_carry_it_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case above is one the other rules of placement let through."""
    monkeypatch.setattr(stories_module, "STORY_EVENT_COHESION", 0.0)
    db = str(tmp_path / "lib.db")
    _add_in_batches(db, list(stream_order(_corpus(1))), 7)
    assert REPORTS | NOISE in _partition(db)


def _stored_names(db: str, ids: list[str]) -> dict[str, object]:
    with sqlite3.connect(db) as raw:
        rows = raw.execute(f"SELECT article, data FROM stream_nodes WHERE article IN ({','.join('?' * len(ids))})", ids)
        return {article: json.loads(data).get("n") for article, data in rows}


def _as_before_event_sums(db: str) -> None:
    """The library as a storybrief without event sums wrote it: schema 3, and no names in stored features."""
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE story_event_inner")
        raw.execute("DROP TABLE story_event_links")
        rows = list(raw.execute("SELECT node, data FROM stream_nodes"))
        for node, data in rows:
            features = json.loads(data)
            del features["n"]
            raw.execute("UPDATE stream_nodes SET data = ? WHERE node = ?", (json.dumps(features), node))
        raw.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def test_a_library_stored_without_event_sums_grows_after_a_reindex(tmp_path: Path) -> None:
    articles = list(stream_order(_corpus(2)))
    old, new = [a for a in articles if a.id != "a002"], [a for a in articles if a.id == "a002"]
    db = str(tmp_path / "lib.db")
    _add_in_batches(db, old, 20)
    before = _partition(db)
    assert frozenset({"a000", "a001"}) in before and NOISE in before
    _as_before_event_sums(db)
    with pytest.raises(LibraryError, match=r"storybrief reindex --db .*lib\.db"):
        add([str(tmp_path / "more")], db)  # refused before reading anything
    with Library(db) as lib:
        assert lib.schema_version() == SCHEMA_VERSION and lib.reindex_needed() is not None
        assert lib.article_count() == len(old)  # nothing lost
    summary = reindex(db)
    assert summary.placed == len(old) and _partition(db) == before  # stories keep their members
    with Library(db) as lib:
        assert lib.reindex_needed() is None
        story = lib.stories_of(["a000"])["a000"]
        assert lib.story_event_inner(story)[1] == 1  # the pair's event sum, made again
    assert all(names is not None for names in _stored_names(db, ["a000", "a001", "a050"]).values())
    # a report placed after the noise article joins its story, and does not bridge the noise article in
    _add_in_batches(db, new, 20, "later")
    after = _partition(db)
    assert REPORTS in after and NOISE in after
    with Library(db) as lib:
        assert lib.article_count() == len(articles)
