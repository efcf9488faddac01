"""The library grows without reading all of itself, and ``reindex`` rebuilds derived data, resumably."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storybrief.cli.main import app
from storybrief.pipeline import add
from storybrief.store.library import Library, LibraryError
from storybrief.store.reindex import reindex
from storybrief.store.schema import PIPELINE_VERSION
from test_store import write_articles

_SYLLABLES = ["ka", "lo", "mi", "ren", "tas", "vu", "zor", "pel", "qui", "dan", "bre", "sho", "fen", "gil"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def write_events(folder: Path, events: int, per_event: int, *, start: int = 0, seed: int = 5) -> dict[str, int]:
    """Articles on ``events`` unrelated events (each its own made-up names and words), a day apart per event;
    returns file name -> event."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, int] = {}
    for event in range(events):
        town, person, thing = (_word(rng).capitalize() for _ in range(3))
        words = [_word(rng) for _ in range(12)]
        for k in range(start, start + per_event):
            name = f"e{event:02d}_{k:02d}.json"
            text = (
                f"In {town} the {thing} council said on Monday that {person} would lead the {words[0]} inquiry."
                f' {person} said: "The {words[1]} of {town} will be rebuilt before the {words[2]} season."'
                f" Residents of {town} spoke of {words[3]}, {words[4]} and {words[5]} near the {thing} hall."
                f" Report {k} adds that {words[6]} {words[7]} {words[8]} crews worked through the night."
            )
            record = {
                "title": f"{town} {thing}: {person} to lead {words[0]} inquiry",
                "text": text,
                "published": f"2026-{1 + event % 12:02d}-{1 + k:02d}T09:00:00+00:00",
            }
            (folder / name).write_text(json.dumps(record), encoding="utf-8")
            made[name] = event
    return made


def partition(db: str) -> set[frozenset[str]]:
    with Library(db) as lib:
        return {frozenset(s.story.articles) for s in lib.stories()}


def test_add_reads_only_the_neighbourhood(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = write_events(tmp_path / "old", 8, 3)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "old")], db)
    assert len(partition(db)) == 8  # eight events, eight stories
    write_events(tmp_path / "new", 8, 1, start=3)
    newcomer = tmp_path / "new" / "e05_03.json"
    read: list[str] = []
    original = Library.articles

    def spy(self: Library, ids: list[str]) -> object:
        read.extend(ids)
        return original(self, ids)

    monkeypatch.setattr(Library, "articles", spy)
    monkeypatch.setattr(Library, "stored_articles", lambda self: pytest.fail("read the whole library"))
    summary = add([str(newcomer)], db)
    assert summary.added == 1 and len(summary.stories_changed) == 1
    with Library(db) as lib:
        events = {aid: made[Path(json.loads(d)["input"]).name] for aid, d in lib.article_data(read).items()}
    assert read and set(events.values()) == {5}  # only the stored articles of its own event were read
    assert any(len(s) == 4 for s in partition(db))


def _age(db: str) -> None:
    """Make the library look annotated by an older pipeline."""
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE articles SET pipeline = 'storybrief 0.0'")
    raw.close()


def _derived(db: str) -> tuple[set[frozenset[str]], dict[str, str], int, int]:
    with Library(db) as lib:
        data = {}
        for record in lib.export_records():
            data[record["id"]] = json.dumps(
                [record["sentences"], record["entities"], record["quotes"], record["story"]], sort_keys=True
            )
        nodes = lib.node_count()
        groups = len(lib.quote_groups())
    return partition(db), data, nodes, groups


class _Stop(Exception):
    pass


@pytest.mark.parametrize("stop_after", [3, 14])  # during the annotation step, during the placement step
def test_reindex_resumes_where_it_stopped(tmp_path: Path, stop_after: int) -> None:
    write_articles(tmp_path / "in", 9)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    before = _derived(db)
    _age(db)
    ticks = 0

    def tick(_: str) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == stop_after:
            raise _Stop

    with pytest.raises(_Stop):
        reindex(db, batch=2, progress=tick)
    with pytest.raises(LibraryError, match="reindex"):  # half done: the library cannot grow yet
        add([str(tmp_path / "in")], db)
    summary = reindex(db, batch=2)
    assert summary.annotated + summary.placed < 18  # it went on, it did not start again
    with Library(db) as lib:
        assert lib.count_to_reindex() == 0 and lib.reindex_needed() is None
    assert _derived(db) == before
    assert "nothing to reindex" in reindex(db).line()
    write_articles(tmp_path / "more", 3, start=9)
    grown = add([str(tmp_path / "more")], db)
    assert grown.added == 3 and not grown.stories_created  # the newcomers join the three stories


def test_migrated_library_is_reindexed_before_it_grows(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 6)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    before = partition(db)
    with sqlite3.connect(db) as raw:  # back to schema version 2: no placement state
        for table in ("stream_df", "stream_nodes", "stream_postings", "story_inner", "story_links",
                      "quote_group_members", "topic_profiles", "topic_postings",
                      "story_event_inner", "story_event_links"):  # fmt: skip
            raw.execute(f"DROP TABLE {table}")
        raw.execute("DROP INDEX articles_pipeline")
        raw.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    runner = CliRunner()
    refused = runner.invoke(app, ["add", str(tmp_path / "in"), "--db", db])
    assert refused.exit_code == 2 and "storybrief reindex --db" in refused.output
    done = runner.invoke(app, ["reindex", "--db", db])
    assert done.exit_code == 0, done.output
    assert "0 article(s) annotated again, 6 placed again" in done.output
    assert partition(db) == before
    with Library(db) as lib:
        assert lib.node_count() == 6
    write_articles(tmp_path / "more", 3, start=6)
    assert runner.invoke(app, ["add", str(tmp_path / "more"), "--db", db]).exit_code == 0
    assert len(partition(db)) == 3


def test_pipeline_version_is_recorded(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    db = str(tmp_path / "lib.db")
    add([str(tmp_path / "in")], db)
    with sqlite3.connect(db) as raw:
        assert {p for (p,) in raw.execute("SELECT pipeline FROM articles")} == {PIPELINE_VERSION}
        assert {p for (p,) in raw.execute("SELECT pipeline FROM stream_nodes")} == {PIPELINE_VERSION}


def test_add_warns_like_brief_and_brief_alone_uses_the_default_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 3)
    body = "The Marlow harbour crane collapsed on Monday, officials said, and two dock workers were hurt. " * 3
    (folder / "bad.json").write_text(json.dumps({"title": "Crane", "text": body, "language": "not a code"}))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYBRIEF_DB", raising=False)
    runner = CliRunner()
    alone = runner.invoke(app, ["brief"])
    assert alone.exit_code == 2 and "no library 'storybrief.db' here" in alone.output
    added = runner.invoke(app, ["add", str(folder)])
    assert added.exit_code == 0, added.output
    assert "warning: " in added.output and "bad.json" in added.output and "not a language code" in added.output
    assert "4 article(s) added from 4 input(s)" in added.output and "0 error(s)" in added.output
    assert (tmp_path / "storybrief.db").exists()
    briefed = runner.invoke(app, ["brief"])
    assert briefed.exit_code == 0 and "Marlow" in briefed.output


def test_add_warns_about_the_same_flags_as_brief() -> None:
    from storybrief.cli.common import WARNED_FLAGS
    from storybrief.store import grow

    assert grow.WARNED_FLAGS == WARNED_FLAGS
