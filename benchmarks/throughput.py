"""Ingest + clean throughput on one core: articles per second through ``storybrief.load``.

Three inputs, each replicated (``--repeat`` copies of the dataset, default: enough copies for about 3,000
articles) so that the figure is stable:

    txt folder   MMDS dev articles, one ``.txt`` file each (``title + "\\n\\n" + text``)
    jsonl file   the same articles as one JSONL file (``id``, ``title``, ``text``, ``publish_date``)
    pagetext     the ``pagetext_cleaning`` pages (whole-page text with menus and footers), one file each

The files are written to a temporary folder first; the timing covers reading them. For each input the
same process measures, in this order, (1) the baseline: read + decode the files (for JSONL also
``json.loads`` every line), (2) ingest alone (``list(read_inputs([path]))``), (3) ingest + clean
(``storybrief.load([path])``, corpus evidence on, as the CLI runs it). Each figure is the median of
``--runs`` runs (default 3), timed with ``time.perf_counter``; the process is pinned to one CPU where the
OS allows it. "spread" is (slowest - fastest) / median of the ingest + clean runs; "MB/s" is input bytes
per second of ingest + clean; "x IO" is the ingest + clean time over the read + decode time. The "CPU
check" (a fixed pure-Python loop, timed at the start and at the end) shows how fast a shared virtual CPU
was during the run. Target: >= 500 articles/s for ingest + clean. Copies are identical texts, so corpus
evidence treats them as syndicated copies.

    python benchmarks/throughput.py [--repeat N] [--runs N]
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import storybrief
from _data import cpu_check, datasets_dir
from storybrief.ingest import DEFAULT_MAX_BYTES, read_inputs

TARGET = 500.0


def pin_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def median_time(fn: Callable[[], int], runs: int, spreads: list[float] | None = None) -> tuple[float, int]:
    """Median seconds of ``runs`` calls, and the count ``fn`` returned (checked to be the same each run).

    ``(max - min) / median`` of the times is appended to ``spreads`` when given."""
    times, counts = [], set()
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        counts.add(fn())
        times.append(time.perf_counter() - start)
    if len(counts) != 1:
        raise SystemExit(f"runs disagree on the count: {sorted(counts)}")
    median = statistics.median(times)
    if spreads is not None:
        spreads.append((max(times) - min(times)) / median)
    return median, counts.pop()


def read_decode_files(folder: Path) -> int:
    n = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        path.read_bytes().decode("utf-8")
        n += 1
    return n


def read_decode_jsonl(path: Path) -> int:
    return sum(1 for line in path.read_bytes().decode("utf-8").splitlines() if line.strip() and json.loads(line))


def ingest_only(path: Path, max_bytes: int) -> int:
    return len(list(read_inputs([str(path)], max_bytes=max_bytes)))


def ingest_clean(path: Path, max_bytes: int, kept_errors: list[tuple[int, int]]) -> int:
    corpus = storybrief.load([str(path)], max_bytes=max_bytes)
    kept_errors.append((len(corpus.articles), len(corpus.errors)))
    return len(corpus.articles) + len(corpus.errors)


def prepare(tmp: Path, repeat: int | None, target: int) -> tuple[list[tuple[str, Path]], dict[str, int]]:
    root = datasets_dir()
    mmds_path = root / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    records = [json.loads(line) for line in mmds_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = sorted((root / "pagetext_cleaning" / "pages").glob("*.txt"))
    mmds_copies = repeat or -(-target // len(records))
    page_copies = repeat or -(-target // len(pages))

    txt_dir = tmp / "mmds_txt"
    txt_dir.mkdir()
    jsonl = tmp / "mmds.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for copy in range(mmds_copies):
            for rec in records:
                name = f"{copy:03d}-{rec['id']}"
                (txt_dir / f"{name}.txt").write_text(rec["title"] + "\n\n" + rec["text"], encoding="utf-8")
                row = {"id": name, "title": rec["title"], "text": rec["text"], "publish_date": rec["publish_date"]}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    page_dir = tmp / "pagetext"
    page_dir.mkdir()
    for copy in range(page_copies):
        for page in pages:
            (page_dir / f"{copy:03d}-{page.name}").write_bytes(page.read_bytes())
    expected = {"txt folder": mmds_copies * len(records), "jsonl file": mmds_copies * len(records)}
    expected["pagetext"] = page_copies * len(pages)
    return [("txt folder", txt_dir), ("jsonl file", jsonl), ("pagetext", page_dir)], expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=0, help="copies of each dataset (default: ~3,000 articles)")
    parser.add_argument("--target", type=int, default=3000, help="articles per input when --repeat is not given")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported")
    args = parser.parse_args()
    pinned = pin_one_core()
    print(f"throughput, one process, {pinned}, median of {args.runs} runs; CPU check {cpu_check():.3f}s\n")
    header = (
        f"{'input':11} {'articles':>8} {'read+decode':>11} {'ingest':>8} {'ingest+clean':>12} "
        f"{'spread':>6} {'articles/s':>10} {'MB/s':>6} {'x IO':>6} {'kept':>6} {'errors':>6}"
    )
    print(header)
    results = []
    with tempfile.TemporaryDirectory(prefix="storybrief-throughput-") as tmp_name:
        inputs, expected = prepare(Path(tmp_name), args.repeat or None, args.target)
        for name, path in inputs:
            max_bytes = max(DEFAULT_MAX_BYTES, path.stat().st_size + 1)
            reader = read_decode_files if path.is_dir() else read_decode_jsonl
            io_s, n_io = median_time(functools.partial(reader, path), args.runs)
            ingest_s, n_docs = median_time(functools.partial(ingest_only, path, max_bytes), args.runs)
            kept_errors: list[tuple[int, int]] = []
            spread: list[float] = []
            full_s, n_out = median_time(
                functools.partial(ingest_clean, path, max_bytes, kept_errors), args.runs, spread
            )
            if not n_io == n_docs == n_out == expected[name]:
                raise SystemExit(f"{name}: counts differ: io {n_io}, ingest {n_docs}, load {n_out}, {expected[name]}")
            kept, errors = kept_errors[-1]
            rate = n_out / full_s
            size = (
                sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size
            )
            results.append((name, rate))
            print(
                f"{name:11} {n_out:8d} {io_s:10.3f}s {ingest_s:7.3f}s {full_s:11.3f}s {100 * spread[0]:5.0f}% "
                f"{rate:10.0f} {size / 1e6 / full_s:6.2f} {full_s / io_s:6.0f} {kept:6d} {errors:6d}"
            )
    print(f"\nCPU check at the end: {cpu_check():.3f}s (the same loop as at the start)")
    print(f"target: >= {TARGET:.0f} articles/s for ingest + clean")
    for name, rate in results:
        print(f"   {name:11} {rate:7.0f} articles/s  {'PASS' if rate >= TARGET else 'FAIL'}")


if __name__ == "__main__":
    main()
