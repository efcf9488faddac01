"""Incremental adds against one add, placement only, on articles already annotated in a library.

Reads ``--n`` articles (after ``--skip``) of a library, e.g. the 10,000 of ``store_scale.py`` (MMDS2025,
Timeline17, PolNeAR and Multi-News dev articles shuffled; most of the Multi-News ones undated), orders them as
``store_add.py`` does (by publication date, undated first, then id) and places them into two fresh libraries
by the code of ``add`` (without annotating again): in parts of ``--part-size``, one transaction each, and as
one batch. Prints the B-cubed F1 between the two libraries' stories. No gold is needed, so any stored
articles will do: a check, on articles no placement rule was written from, of what ``store_add.py`` measures
on MMDS2025 dev.

    PYTHONPATH=src python benchmarks/store_batches.py --db DIR/lib.db [--n 1000] [--skip 0] [--part-size 100]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from store_add import bcubed_f1
from storybrief.model.serial import article_from_dict
from storybrief.store.grow import AddSummary, place_batch
from storybrief.store.library import Library

NOW = "2026-01-01T00:00:00"


def records(db: str, n: int, skip: int) -> list[dict[str, Any]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = []
    for (data,) in con.execute("SELECT data FROM articles ORDER BY seq LIMIT ? OFFSET ?", (n, skip)):
        record = json.loads(data)
        for key in ("duplicate_of", "rewrite_of", "syndication", "story"):  # what placement derives
            record[key] = None
        out.append(record)
    con.close()
    out.sort(key=lambda r: (r.get("published") or "", r["id"]))
    return out


def place(rows: list[dict[str, Any]], db: str, size: int) -> dict[str, str]:
    with Library(db) as lib:
        for start in range(0, len(rows), size):
            with lib.write():
                input_id, _ = lib.add_input(f"part{start}", f"part{start}", NOW)
                articles = [article_from_dict(json.loads(json.dumps(r))) for r in rows[start : start + size]]
                place_batch(lib, [(a, input_id) for a in articles], AddSummary(), NOW)
        return {aid: s.story.id for s in lib.stories() for aid in s.story.articles}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--part-size", type=int, default=100)
    args = ap.parse_args()
    rows = records(args.db, args.n, args.skip)
    with tempfile.TemporaryDirectory() as tmp:
        parts = place(rows, str(Path(tmp) / "parts.db"), args.part_size)
        one = place(rows, str(Path(tmp) / "one.db"), len(rows))
    undated = sum(1 for r in rows if not r.get("published"))
    print(f"{len(rows)} articles ({undated} undated): {len(set(parts.values()))} stories in parts of"
          f" {args.part_size}, {len(set(one.values()))} as one batch;"
          f" B-cubed F1 between the two {bcubed_f1(parts, one):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
