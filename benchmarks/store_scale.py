"""The library at 10,000 articles and more: incremental add, re-add, one story's brief, size, peak memory.

Input: every dev article at hand, shuffled (seed 13): MMDS2025 dev (209), Timeline17's five topics (~1,550,
dated), PolNeAR train + dev (924, dated) and the Multi-News dev half's source documents (~7,800, undated and
lower-cased), written as JSONL files of 100 articles. The first ``--n`` (10,000) make the library, the next 100
are the "new" articles. Every measured step runs in its own process (``python benchmarks/store_scale.py
_add ...``), which reports its wall time and its peak resident memory (the main process; spaCy's worker
processes, the same size whatever the library, are reported apart):

* first ``add`` of the 10,000 (one transaction per file of 100);
* ``add`` of the same 10,000 inputs again (nothing new);
* ``add`` of the 100 new articles to the 10,000 (on a copy of the library);
* ``storybrief brief`` of all 10,100 from the files (from scratch);
* a brief of one story (the largest) from the store, not cached, and the library size on disk.

Larger libraries (``--replicas K``): there are not 50,000 distinct dev articles, so the 10,000-article
library is grown by K replicas of its stored, annotated articles, each with new ids, its dates moved on by
K x 3 years and every letter of its text and names shifted (a Caesar shift, so lengths and offsets stay and
no replica shares a word with another): K more independent corpora of the same statistics, placed by the
same code as ``add`` (placement, quote links, copies, topics) without annotating again. Then the 100 new
articles are added to each grown library, measuring time and peak memory against the 10,000 one.

    nice -n 10 python benchmarks/store_scale.py run --out DIR [--n 10000] [--replicas 1,4] [--processes 2]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from _data import datasets_dir

ROOT = Path(__file__).resolve().parent.parent
PER_FILE = 100
NEW = 100


# -- input --------------------------------------------------------------------------------------------------
def dev_rows() -> list[dict[str, Any]]:
    data = datasets_dir()
    rows: list[dict[str, Any]] = []
    with (data / "mmds2025_news_event_clustering" / "dev_articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                rows.append({"id": f"mmds-{r['id']}", "title": r.get("title"), "text": r["text"],
                             "published": r.get("publish_date")})  # fmt: skip
    csv.field_size_limit(1 << 30)
    for path in sorted((data / "t17_timelines_derived" / "articles").glob("*.csv.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, r in enumerate(csv.DictReader(fh)):
                rows.append({"id": f"t17-{path.name.split('.')[0]}-{n}", "text": r["text"], "published": r["date"]})
    meta: dict[str, dict[str, str]] = {}
    with (data / "polnear" / "data" / "metadata.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            meta[r["filename"]] = r
    for part in ("train", "dev"):
        for path in sorted((data / "polnear" / "data" / part).rglob("*.txt")):
            m = meta.get(path.stem, {})
            text = path.read_text(encoding="utf-8")
            rows.append({"id": f"polnear-{path.stem}", "title": m.get("title"), "text": text,
                         "published": m.get("publication_date")})  # fmt: skip
    with gzip.open(data / "multinews_test_mnplus" / "dev_half.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            cluster = json.loads(line)
            for k, doc in enumerate(cluster["documents"]):
                if doc.strip():
                    rows.append({"id": f"mn-{cluster['id']}.{k}", "text": doc})
    rows = [r for r in rows if r["text"].strip()]
    random.Random(13).shuffle(rows)
    return rows


def write_inputs(out: Path, n: int) -> tuple[list[Path], Path]:
    rows = dev_rows()
    if len(rows) < n + NEW:
        sys.exit(f"only {len(rows)} dev articles: ask for --n {len(rows) - NEW} or fewer")
    (out / "lib").mkdir(parents=True, exist_ok=True)
    (out / "new").mkdir(parents=True, exist_ok=True)
    files = []
    for start in range(0, n, PER_FILE):
        path = out / "lib" / f"p{start // PER_FILE:04d}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[start : start + PER_FILE]),
                        encoding="utf-8")  # fmt: skip
        files.append(path)
    new = out / "new" / "new.jsonl"
    new.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[n : n + NEW]), encoding="utf-8")
    return files, new


# -- measured steps (each in its own process) ----------------------------------------------------------------
def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def step_add(db: str, files: list[str], processes: int) -> dict[str, Any]:
    from storybrief.store.grow import add

    start = time.perf_counter()
    summary = add(files, db, batch_files=1, processes=processes)
    seconds = time.perf_counter() - start
    me, kids = peak_mb()
    return {"seconds": seconds, "rss_mb": me, "worker_rss_mb": kids, "summary": summary.line()}


def _shift(text: str, k: int) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


_TEXT_KEYS = {"text", "title", "subtitle", "canonical", "speaker", "speaker_text", "cue", "agency", "dateline",
              "outlet", "byline", "credits"}  # fmt: skip


def _replica(record: dict[str, Any], k: int) -> dict[str, Any]:
    def walk(x: Any, key: str | None) -> Any:
        if isinstance(x, dict):
            return {kk: walk(v, kk) for kk, v in x.items()}
        if isinstance(x, list):
            return [walk(v, key) for v in x]
        if isinstance(x, str) and key in _TEXT_KEYS:
            return _shift(x, 3 * k + 1)
        return x

    out = walk(record, None)
    days = timedelta(days=3 * 365 * k)
    for key in ("published", "updated", "captured"):
        if out.get(key):
            out[key] = (datetime.fromisoformat(out[key]) + days).isoformat()
    window = out.get("published_window")
    if window:
        for key in ("earliest", "latest"):
            if window.get(key):
                window[key] = (datetime.fromisoformat(window[key]) + days).date().isoformat()
    out["id"] = f"{record['id']}~r{k}"
    for key in ("duplicate_of", "rewrite_of", "syndication", "story"):
        out[key] = None
    return out


def step_replicate(db: str, copies: int, start_copy: int) -> dict[str, Any]:
    """Grow ``db`` by ``copies`` replicas of its first ``n`` articles (see the module doc)."""
    from storybrief.model.serial import article_from_dict
    from storybrief.store.grow import AddSummary, place_batch
    from storybrief.store.library import Library

    started = time.perf_counter()
    with Library(db) as lib:
        n = int(lib.meta("replica_base", "0")) or lib.article_count()
        with lib.write():
            lib.set_meta("replica_base", str(n))
        for k in range(start_copy, start_copy + copies):
            seq = 0
            while True:
                rows = [r for r in lib.articles_after(seq, PER_FILE) if r[0] <= n]
                if not rows:
                    break
                seq = rows[-1][0]
                now = datetime.now().isoformat(timespec="seconds")
                with lib.write():
                    input_id, _ = lib.add_input(f"replica{k}:{seq}", f"replica{k}:{seq}", now)
                    articles = [article_from_dict(_replica(json.loads(data), k)) for _, data, _ in rows]
                    place_batch(lib, [(a, input_id) for a in articles], AddSummary(), now)
                    lib.bump_generation()
        total = lib.article_count()
    me, _ = peak_mb()
    return {"seconds": time.perf_counter() - started, "rss_mb": me, "articles": total}


def child(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"step {args[0]} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def timed_cli(args: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "storybrief", *args], env=env, capture_output=True, text=True,
                          check=False)  # fmt: skip
    if done.returncode not in (0, 1):
        sys.exit(f"storybrief {args[0]} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start


def say(line: str) -> None:
    print(line, flush=True)


def run(args: argparse.Namespace) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    files, new = write_inputs(out, args.n)
    names = [str(p) for p in files]
    j = str(args.processes)
    db = str(out / "lib.db")
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
    say(f"storybrief store_scale {datetime.now().isoformat(timespec='seconds')}, {args.n} + {NEW} articles,"
        f" {args.processes} annotation processes, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    first = child(["_add", db, j, *names])
    say(f"first add of {args.n:,}: {first['seconds']:.1f} s, peak RSS {first['rss_mb']:.0f} MB"
        f" (+ spaCy workers {first['worker_rss_mb']:.0f} MB each); {first['summary']}")  # fmt: skip
    again = child(["_add", db, j, *names])
    say(f"re-add of the same {args.n:,} inputs: {again['seconds']:.3f} s"
        f" ({first['seconds'] / again['seconds']:.0f}x faster); {again['summary']}")  # fmt: skip
    size = Path(db).stat().st_size / 1e6
    say(f"library size: {size:.0f} MB, {size / args.n * 1000:.1f} MB per 1,000 articles")
    grown = str(out / "grown.db")
    shutil.copyfile(db, grown)
    plus = child(["_add", grown, j, str(new)])
    say(f"add {NEW} new to {args.n:,}: {plus['seconds']:.1f} s, peak RSS {plus['rss_mb']:.0f} MB; {plus['summary']}")
    scratch = timed_cli(["brief", *names, str(new), "-o", str(out / "scratch.md"), "-j", j])
    say(f"brief of all {args.n + NEW:,} from scratch: {scratch:.1f} s; add of {NEW} is {scratch / plus['seconds']:.0f}x"
        " faster")  # fmt: skip
    from storybrief.pipeline import brief_from_store
    from storybrief.store.library import Library

    with Library(grown) as lib:
        largest = max(lib.stories(), key=lambda s: (len(s.story.articles), -s.number))
    start = time.perf_counter()
    brief_from_store(grown, story=largest.story.id)
    one = time.perf_counter() - start
    say(f"brief of one story ({largest.story.id}, {len(largest.story.articles)} articles) from the store, not cached:"
        f" {one:.2f} s = {one / scratch:.2%} of the brief from scratch")  # fmt: skip
    big = str(out / "big.db")
    shutil.copyfile(db, big)
    done = 0
    for copies in sorted(int(c) for c in args.replicas.split(",") if c.strip()):  # grown step by step
        rep = child(["_replicate", big, str(copies - done), str(done + 1)])
        done = copies
        say(f"replicated to {rep['articles']:,} articles in {rep['seconds']:.0f} s"
            f" (placement only, peak RSS {rep['rss_mb']:.0f} MB)")  # fmt: skip
        size = Path(big).stat().st_size / 1e6
        trial = str(out / "trial.db")
        shutil.copyfile(big, trial)
        more = child(["_add", trial, j, str(new)])
        say(f"add {NEW} new to {rep['articles']:,}: {more['seconds']:.1f} s, peak RSS {more['rss_mb']:.0f} MB"
            f" (at {args.n:,}: {plus['rss_mb']:.0f} MB); library {size:.0f} MB; {more['summary']}")  # fmt: skip
        Path(trial).unlink()


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_add":
        db, processes, *files = sys.argv[2:]
        print(json.dumps(step_add(db, files, int(processes))))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_replicate":
        db, copies, start = sys.argv[2:]
        print(json.dumps(step_replicate(db, int(copies), int(start))))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["run"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--replicas", default="1,4", help="grown libraries to measure: 1 -> 2n articles, 4 -> 5n")
    ap.add_argument("--processes", type=int, default=2)
    run(ap.parse_args())


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", line_buffering=True)
    main()
