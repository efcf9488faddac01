"""The Ray engine against the local engine: overhead at equal cores, speed-up from 1 to 2 workers, memory
per worker, and where the time goes.

The corpus: real English news, MMDS2025 dev articles then Multi-News dev documents (as in
``brief_speed.py``) until ``--articles`` is reached, from one half of each set (``--half tune``: records
with an even index, ``held``: odd; ``all``: both, for more than about 4,000 articles), written as
``--shards`` JSONL files (one file is one read task). Duplicates are found in every run (the LSH index here
for the local engine; band-key candidates from Ray for the Ray engine), so the digest covers them too.

Four runs, each in a fresh process, in one sequence so the ratios share the machine's load:
local with 1 and 2 spaCy processes (``load`` + ``annotate_corpus``, then batch story grouping), and the
Ray engine with 1 and 2 actors on a local Ray started with that many CPUs (the Ray start is timed apart).
Each run reports wall seconds per step and the peak resident memory (VmRSS, from /proc, sampled every
0.2 s) of each worker process: the spaCy processes of the local engine, the ``CleanAnnotate`` actors of
Ray. The Ray runs also check that their clean texts and annotations equal the
local engine's (a digest of every article), and that the stories Ray groups by blocks
(``storybrief.engine.ray_group``) are the local batch grouper's.

    python benchmarks/ray_engine.py [--articles 1000] [--half held] [--shards 16]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _data import ROOT, cpu_check, datasets_dir


def write_corpus(n: int, half: str, folder: Path, shards: int) -> int:
    """``n`` articles of the chosen half as ``shards`` JSONL files; returns how many were written."""
    keep = {"tune": (0,), "held": (1,), "all": (0, 1)}[half]
    rows: list[dict[str, str]] = []
    mmds = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    for i, line in enumerate(mmds.read_text(encoding="utf-8").splitlines()):
        r = json.loads(line)
        if i % 2 in keep and not any("\u4e00" <= ch <= "\u9fff" for ch in r["title"]):
            rows.append(
                {"id": f"mmds-{r['id']}", "title": r["title"], "text": r["text"], "published": r["publish_date"]}
            )
    with gzip.open(datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if len(rows) >= n:
                break
            if i % 2 not in keep:
                continue
            docs = json.loads(line).get("documents") or []
            if isinstance(docs, str):
                docs = json.loads(docs) if docs.startswith("[") else docs.split("|||||")
            for k, doc in enumerate(docs):
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if len(text.split()) >= 80 and len(rows) < n:
                    rows.append({"id": f"mn-{i}-{k}", "text": text})
    rows = rows[:n]
    folder.mkdir(parents=True, exist_ok=True)
    for s in range(shards):
        part = rows[s::shards]
        (folder / f"shard{s:03d}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return len(rows)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _descends(pid: int, ancestor: int) -> bool:
    while pid > 1:
        pid = _parent(pid)
        if pid == ancestor:
            return True
    return False


def _workers_of(marker: str, root: int) -> list[int]:
    """Processes under ``root`` (children, grandchildren) whose command line holds ``marker``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or not _descends(int(entry.name), root):
            continue
        try:
            if marker in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


class PeakRss:
    """Peak VmRSS of each worker process, sampled in a thread while a run lasts."""

    def __init__(self, marker: str, root: int) -> None:
        self.marker, self.root, self.peaks, self.done = marker, root, {}, threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self.done.is_set():
            for pid in _workers_of(self.marker, self.root):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _rss_kb(pid))
            self.done.wait(0.2)

    def __enter__(self) -> PeakRss:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def digest(corpus: object) -> str:
    """One hash of every article's id, clean text and annotations, and the errors."""
    from dataclasses import asdict

    h = hashlib.sha256()
    for article in corpus.articles:  # type: ignore[attr-defined]
        h.update(json.dumps(asdict(article), sort_keys=True, default=str).encode())
    for error in corpus.errors:  # type: ignore[attr-defined]
        h.update(f"{error.input}|{error.message}|{error.line}".encode())
    return h.hexdigest()[:16]


def run_one(engine: str, workers: int, folder: str) -> dict[str, object]:
    """One run in this process (called through ``--_run``): read, clean, annotate and find duplicates."""
    from storybrief.group import find_duplicates

    steps: dict[str, float] = {}
    copies: list[object] = []
    if engine == "local":
        from storybrief.annotate.workers import ParserPool
        from storybrief.pipeline import annotate_corpus, load

        with PeakRss("", os.getpid()) as rss:  # the spaCy processes: every child
            start = time.perf_counter()
            pool = ParserPool(workers) if workers > 1 else None
            steps["start"] = time.perf_counter() - start
            corpus = load([folder])
            steps["read+clean"] = time.perf_counter() - start - steps["start"]
            mid = time.perf_counter()
            annotate_corpus(corpus, parsers=pool)
            steps["annotate"] = time.perf_counter() - mid
            if pool is not None:
                pool.close()
            mid = time.perf_counter()
            copies = find_duplicates(corpus.articles)  # LSH index here
            steps["duplicates"] = time.perf_counter() - mid
            from storybrief.group import group_stories

            mid = time.perf_counter()
            stories = group_stories(corpus.articles, corpus.quote_groups)
            steps["stories"] = time.perf_counter() - mid
        peaks = list(rss.peaks.values()) if workers > 1 else [_rss_kb(os.getpid())]
    else:
        import ray

        from storybrief.engine import RayOptions
        from storybrief.engine.ray import run

        start = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        steps["ray start"] = time.perf_counter() - start
        found: list[list[object]] = []

        def duplicates(c: object, pairs: object) -> None:  # candidates from the band-key group-by on Ray
            mid = time.perf_counter()
            found.append(find_duplicates(c.articles, candidates=pairs))  # type: ignore[attr-defined]
            steps["duplicates (Jaccard here)"] = time.perf_counter() - mid

        from storybrief.engine.ray import session
        from storybrief.engine.ray_group import group_stories as group_on_ray

        with PeakRss("MapBatches(CleanAnnotate)", os.getpid()) as rss:
            corpus = run([folder], RayOptions(workers=workers), timings=steps, meanwhile=duplicates)
        copies = found[0]
        grouping: dict[str, float] = {}
        with session(RayOptions(workers=workers)):
            stories, _ = group_on_ray(
                corpus.articles, corpus.quote_groups, options=RayOptions(workers=workers), timings=grouping
            )
        steps.update({f"stories: {k}": v for k, v in grouping.items()})
        ray.shutdown()
        peaks = list(rss.peaks.values())
    # wall-clock steps; the Ray engine also reports its actors' CPU seconds and the bytes sent back
    total = sum(v for k, v in steps.items() if " CPU " not in k and "bytes" not in k)
    return {
        "engine": engine,
        "workers": workers,
        "articles": len(corpus.articles),
        "errors": len(corpus.errors),
        "seconds": round(total, 1),
        "steps": {k: round(v, 1) if "bytes" not in k else int(v) for k, v in steps.items()},
        "worker_rss_mb": sorted(round(kb / 1024) for kb in peaks),
        "duplicate_groups": len(copies),
        "digest": digest(corpus),
        "stories": len(stories),
        "stories_digest": hashlib.sha256(json.dumps([s.articles for s in stories]).encode()).hexdigest()[:16],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--half", choices=("tune", "held", "all"), default="held")  # all: for 5,000 articles
    parser.add_argument("--shards", type=int, default=16)
    parser.add_argument("--_run", nargs=3, metavar=("ENGINE", "WORKERS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._run:
        print(json.dumps(run_one(args._run[0], int(args._run[1]), args._run[2])))
        return
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    with tempfile.TemporaryDirectory() as tmp:
        n = write_corpus(args.articles, args.half, Path(tmp) / "in", args.shards)
        print(f"{n} articles ({args.half} half) in {args.shards} JSONL shards; CPU check {cpu_check():.2f} s")
        results = []
        for engine, workers in (("local", 1), ("local", 2), ("ray", 1), ("ray", 2)):
            done = subprocess.run(
                [sys.executable, __file__, "--_run", engine, str(workers), str(Path(tmp) / "in")],
                capture_output=True,
                text=True,
                env=env,
            )
            if done.returncode != 0:
                sys.exit(f"{engine} x{workers} failed:\n{done.stderr[-3000:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            results.append(result)
            print(json.dumps(result), flush=True)
        print(f"CPU check at the end {cpu_check():.2f} s")
    by = {(r["engine"], r["workers"]): r for r in results}
    same = len({r["digest"] for r in results}) == 1
    print(f"same clean texts and annotations in all four runs: {same}")
    same_stories = len({r["stories_digest"] for r in results}) == 1
    print(f"same stories in all four runs (local batch grouper, Ray grouping by blocks): {same_stories}")
    for w in (1, 2):
        here = by[("local", w)]["steps"]["stories"]  # type: ignore[index]
        there = sum(
            v
            for k, v in by[("ray", w)]["steps"].items()  # type: ignore[attr-defined]
            if k.startswith("stories: ") and "bytes" not in k
        )
        print(f"stories at {w} core(s): local {here:.1f} s, Ray {there:.1f} s ({there / here:.2f}x)")
    for w in (1, 2):
        overhead = by[("ray", w)]["seconds"] / by[("local", w)]["seconds"]  # type: ignore[operator]
        print(f"Ray / local at {w} core(s): {overhead:.2f}x wall time")
    for engine in ("local", "ray"):
        speedup = by[(engine, 1)]["seconds"] / by[(engine, 2)]["seconds"]  # type: ignore[operator]
        print(f"{engine}: speed-up 1 -> 2 workers {speedup:.2f}x")


if __name__ == "__main__":
    main()
