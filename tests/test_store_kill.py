"""Crash safety: ``storybrief add`` killed with SIGKILL at random moments, then rerun, stores each input once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from storybrief.store.library import Library
from test_store import write_articles

SRC = Path(__file__).resolve().parent.parent / "src"


def _add(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen(
        [sys.executable, "-m", "storybrief", "add", str(inputs), "--db", str(db), "--batch", "1", "-j", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _partition(db: Path) -> set[frozenset[str]]:
    with Library(str(db)) as lib:
        return {frozenset(s.story.articles) for s in lib.stories()}


def test_kill_and_rerun_stores_everything_once(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 10)
    reference = tmp_path / "reference.db"
    started = time.monotonic()
    assert _add(tmp_path / "in", reference).wait(timeout=300) == 0
    whole = time.monotonic() - started
    db = tmp_path / "lib.db"
    rng = random.Random(13)
    for _ in range(4):  # killed at random moments of what an uninterrupted run takes
        proc = _add(tmp_path / "in", db)
        try:
            proc.wait(timeout=rng.uniform(0.3, 1.0) * whole)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert _add(tmp_path / "in", db).wait(timeout=300) == 0
    with Library(str(db)) as lib:
        names = [name for name, _, _ in lib.input_versions()]
        assert sorted(names) == sorted(str((tmp_path / "in" / f"a{i:03d}.json").resolve()) for i in range(10))
        assert lib.article_count() == 10
        ids = [a for s in lib.stories() for a in s.story.articles]
        assert len(ids) == len(set(ids)) == 10  # every article in exactly one story, none half-placed
    assert _partition(db) == _partition(reference)


def test_two_adds_at_once_both_finish(tmp_path: Path) -> None:
    write_articles(tmp_path / "one", 5)
    write_articles(tmp_path / "two", 5, start=5)
    db = tmp_path / "lib.db"
    procs = [_add(tmp_path / "one", db), _add(tmp_path / "two", db)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    with Library(str(db)) as lib:
        assert lib.article_count() == 10 and len(lib.input_versions()) == 10
        ids = [a for s in lib.stories() for a in s.story.articles]
        assert len(ids) == len(set(ids)) == 10


def _reindex(db: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.Popen(
        [sys.executable, "-m", "storybrief", "reindex", "--db", str(db), "-j", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _state(db: Path) -> tuple[set[frozenset[str]], int, int, set[str]]:
    with Library(str(db)) as lib:
        pipelines = {p for (p,) in lib._db.execute("SELECT pipeline FROM articles")}
        return _partition(db), lib.node_count(), len(lib.quote_groups()), pipelines


def test_reindex_killed_and_rerun_finishes_the_same(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    from storybrief.pipeline import add

    write_articles(tmp_path / "in", 10)
    db = tmp_path / "lib.db"
    add([str(tmp_path / "in")], str(db))
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE articles SET pipeline = 'storybrief 0.0'")
    raw.close()
    reference = tmp_path / "reference.db"
    shutil.copyfile(db, reference)
    started = time.monotonic()
    assert _reindex(reference).wait(timeout=300) == 0
    whole = time.monotonic() - started
    rng = random.Random(7)
    for _ in range(3):
        proc = _reindex(db)
        try:
            proc.wait(timeout=rng.uniform(0.4, 1.0) * whole)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert _reindex(db).wait(timeout=300) == 0
    assert _state(db) == _state(reference)
    assert _state(db)[1] == 10 and len(_state(db)[3]) == 1
