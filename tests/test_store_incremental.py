"""Adding in batches places articles as one add of them all would: undated articles that arrive first do not
seed stories for later dated reports, and the first articles' weights follow the library as it grows."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

from storybrief.pipeline import add
from test_store_reindex import _word, partition


def _event_words(rng: random.Random) -> tuple[str, str, str, list[str]]:
    town, person, thing = (_word(rng).capitalize() for _ in range(3))
    return town, person, thing, [_word(rng) for _ in range(16)]


def _report(event: tuple[str, str, str, list[str]], k: int, share: float = 1.0) -> str:
    """A report of ``event`` made of its own names and words (``share`` of them), a few shuffled per report."""
    town, person, thing, words = event
    rng = random.Random(k)
    own = words[: round(len(words) * share)]
    picked = rng.sample(own, len(own))
    return (
        f"{person} of {town} {thing} said {' '.join(picked[:6])}. {town} {' '.join(picked[6:12])}."
        f" {thing} {person} {' '.join(picked[12:])} {k}."
    )


SHARE = 0.5


def write_two_events_and_a_digest(folder: Path) -> tuple[Path, Path]:
    """Reports of two unrelated events on alternating days (``dated``), and one undated digest that retells
    both (``undated``): loosely like every report, the same story as none."""
    rng = random.Random(11)
    first, second = _event_words(rng), _event_words(rng)
    dated, undated = folder / "dated", folder / "undated"
    dated.mkdir(parents=True)
    undated.mkdir(parents=True)
    for k in range(8):
        event = (first, second)[k % 2]
        record = {
            "title": f"{event[0]} {event[2]}: {event[1]} reviews {event[3][0]} plan",
            "text": _report(event, k),
            "published": f"2026-05-{1 + k:02d}T09:00:00+00:00",
        }
        (dated / f"r{k}.json").write_text(json.dumps(record), encoding="utf-8")
    digest = {"title": "Weekly digest", "text": _report(first, 90, SHARE) + " " + _report(second, 91, SHARE)}
    (undated / "digest.json").write_text(json.dumps(digest), encoding="utf-8")
    return dated, undated


def test_an_undated_article_added_first_does_not_join_two_events(tmp_path: Path) -> None:
    dated, undated = write_two_events_and_a_digest(tmp_path)
    together = str(tmp_path / "one.db")
    add([str(dated), str(undated)], together)  # one add: the undated digest is placed last
    apart = str(tmp_path / "apart.db")
    add([str(undated)], apart)  # the digest first, then the reports
    add([str(dated)], apart)

    def events(db: str) -> set[frozenset[str]]:
        return {frozenset(a for a in s if "digest" not in a) for s in partition(db)} - {frozenset()}

    assert len(events(together)) == 2  # two events, apart
    assert events(apart) == events(together)


def test_first_articles_are_weighed_again_as_the_library_grows(tmp_path: Path) -> None:
    event = _event_words(random.Random(3))
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(12):
        own = " ".join(_word(random.Random(100 + k)) for _ in range(4))  # words of this report alone
        text = f"{_report(event, k)} {own}."
        record = {"title": f"{event[0]} {event[1]}", "text": text, "published": "2026-05-01T09:00:00+00:00"}
        (folder / f"a{k:02d}.json").write_text(json.dumps(record), encoding="utf-8")
    files = sorted(str(p) for p in folder.iterdir())
    db = str(tmp_path / "lib.db")

    def first_node() -> dict[str, object]:
        with sqlite3.connect(db) as con:
            row = con.execute("SELECT data FROM stream_nodes ORDER BY node LIMIT 1").fetchone()
        data: dict[str, object] = json.loads(row[0])
        return data

    add(files[:1], db)
    alone = first_node()
    assert alone["w"] == 1  # weighed with one article: every word as rare as any other
    add(files[1:], db)
    grown = first_node()
    # compared with each later report, it was weighed again when the library reached 2, 4 and 8 articles
    assert grown["w"] == 8 and grown["t"] != alone["t"]
