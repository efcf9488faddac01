"""Cost per article of the whole group stage (``storybrief.pipeline.group_corpus``) at 1k, 5k and 20k articles.

Base corpus. All 209 MMDS2025 dev articles and Multi-News dev documents (in file order, non-empty) until
``--base`` articles (default 1,000) come out of ``storybrief.load`` (JSONL with id, title, text,
publish_date; cleaning on). Undated articles get a day drawn between 2022-09-01 and 2022-12-31; then
``annotate_corpus(n_process=2)`` runs once and the annotated corpus is pickled under ``--cache``
(default ``/tmp/storybrief-bench``); later runs reuse it.

Replicas. Size N takes the base articles in turn; the first pass is the base itself, every later pass a
perturbed replica of each: ``copy.copy`` with new lists, a new id, ``published`` shifted by 0-365 days (so
the copies spread over a year and a half), a random 10-30 % of its entities dropped, and 3-8 words of its
text replaced by other corpus words of the same length (offsets stay valid). A replica inherits its
source's quote-group memberships (what ``link_quotes`` would find). Replicas are near-duplicates of their
source, so ``find_duplicates`` groups them when they share a text; the rest of the stage sees different
dates and entity bags. Everything is seeded (``--seed``).

Runs. Each size (and mode: batch, and with ``--streaming`` also streaming) runs in a fresh child process,
in increasing order, printed as it finishes; ``--runs`` times per size (default 3, 3 and 1), reporting the
run with the least CPU time (``max``: the most). A child loads the pickle, builds the replicas, runs the
group stage once on 100 other replicas (its lazy imports of spaCy's stop words and datasketch cost about
2 s of CPU once per process, not per article), then times one ``group_corpus(corpus)`` call with
``time.process_time`` (CPU) and ``time.perf_counter`` (wall; the machine is shared, so wall time is
noisy). ``s per 1k`` is CPU seconds per 1,000 articles; ``ratio`` is that cost relative to the smallest
size (the bar: cost(20k)/cost(1k) <= 1.5). Memory is the child's ``ru_maxrss`` (process peak: Python,
imports, the replicated corpus) before and after the group stage. The "CPU check" (a fixed Python loop, as
in ``throughput.py``) shows how loaded the machine was; ``code`` is a hash of the group stage's source
files as each child imported them (the working tree was being edited during some runs).

``--steps`` adds CPU seconds per 1,000 articles of each step (duplicates, syndication, features, stories,
rewrites, topics), timed by wrapping the functions ``group_corpus`` imports. ``--profile N`` runs size N
once under cProfile instead and prints the top ``--top`` functions by cumulative and by own time.

    python benchmarks/group_cost.py [--sizes 1000,5000,20000] [--runs 3,3,1] [--streaming] [--steps]
    python benchmarks/group_cost.py --profile 5000 [--top 25]
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import dataclasses
import gzip
import hashlib
import io
import json
import pickle
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from _data import cpu_check, datasets_dir
from storybrief.model import Article, Corpus
from storybrief.pipeline import annotate_corpus, group_corpus, load

BAR = 1.5
_WORD_RE = re.compile(r"[A-Za-z]{3,12}")
_LIST_FIELDS = [f.name for f in dataclasses.fields(Article) if f.default_factory is list]


def cache_path(cache: Path, base: int) -> Path:
    return cache / f"group_cost_base{base}.pickle"


def prepare(cache: Path, base: int, seed: int) -> Path:
    """Load, date and annotate the base corpus once; pickle it."""
    path = cache_path(cache, base)
    if path.exists():
        return path
    cache.mkdir(parents=True, exist_ok=True)
    data = datasets_dir()
    rows = []
    for line in (data / "mmds2025_news_event_clustering" / "dev_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        rows.append(
            {"id": f"m{row['id']}", "title": row["title"], "text": row["text"], "publish_date": row["publish_date"]}
        )
    with gzip.open(data / "multinews_test_mnplus" / "dev_half.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for i, doc in enumerate(row["documents"]):
                if doc.strip():
                    rows.append({"id": f"n{row['id']}-{i}", "text": doc})
            if len(rows) >= base * 1.1:
                break
    with tempfile.TemporaryDirectory(prefix="storybrief-group-cost-") as tmp:
        jsonl = Path(tmp) / "base.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        corpus = load([str(jsonl)])
    corpus.articles = corpus.articles[:base]
    rng = random.Random(seed)
    start = datetime(2022, 9, 1)
    undated = 0
    for a in corpus.articles:
        if a.published is None:
            a.published = start + timedelta(days=rng.randint(0, 121), hours=rng.randint(6, 20))
            undated += 1
    t0 = time.perf_counter()
    annotate_corpus(corpus, n_process=2)
    print(
        f"annotated {len(corpus.articles)} articles ({undated} given a date) in {time.perf_counter() - t0:.1f}s; "
        f"{len(corpus.quote_groups)} quote groups; cached at {path}",
        flush=True,
    )
    with path.open("wb") as fh:
        pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def replica(a: Article, new_id: str, rng: random.Random, vocab: dict[int, list[str]]) -> Article:
    r = copy.copy(a)
    for name in _LIST_FIELDS:
        setattr(r, name, list(getattr(a, name)))
    r.id = new_id
    r.input = new_id
    if a.published is not None:
        r.published = a.published + timedelta(days=rng.randint(0, 365))
    drop = rng.uniform(0.10, 0.30)
    r.entities = [e for e in a.entities if rng.random() >= drop]
    words = list(_WORD_RE.finditer(a.text))
    if words:
        text = a.text
        for m in sorted(rng.sample(words, min(len(words), rng.randint(3, 8))), key=lambda m: m.start()):
            pool = vocab.get(len(m.group()))
            if pool:
                text = text[: m.start()] + rng.choice(pool) + text[m.end() :]
        r.text = text
    return r


def replicate(base: Corpus, size: int, seed: int) -> Corpus:
    rng = random.Random(seed * 7919 + size)
    vocab: dict[int, set[str]] = defaultdict(set)
    for a in base.articles:
        for w in _WORD_RE.findall(a.text[:2000]):
            vocab[len(w)].add(w.lower())
    pools = {n: sorted(ws) for n, ws in vocab.items()}
    articles: list[Article] = []
    copies: dict[str, list[str]] = defaultdict(list)
    n_base = len(base.articles)
    for i in range(size):
        a = base.articles[i % n_base]
        if i < n_base:
            articles.append(a)
            continue
        r = replica(a, f"{a.id}~r{i // n_base}", rng, pools)
        copies[a.id].append(r.id)
        articles.append(r)
    groups = []
    for group in base.quote_groups:
        extra = tuple(dataclasses.replace(v, article=rid) for v in group.variants for rid in copies.get(v.article, ()))
        groups.append(dataclasses.replace(group, variants=group.variants + extra) if extra else group)
    return Corpus(articles=articles, quote_groups=groups)


def code_fingerprint() -> str:
    """Short hash of the group stage's source (``storybrief/group/*.py``, ``storybrief/*.py``) as imported."""
    import storybrief

    root = Path(storybrief.__file__).parent
    digest = hashlib.sha1()
    for path in [*sorted((root / "group").glob("*.py")), *sorted(root.glob("*.py"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


STEPS = (
    ("storybrief.group", "find_duplicates"),
    ("storybrief.group", "syndication_groups"),
    ("storybrief.group.stories", "article_features"),
    ("storybrief.group", "group_stories"),
    ("storybrief.group.stories", "stream_stories"),
    ("storybrief.group", "find_rewrites"),
    ("storybrief.group", "group_topics"),
)


def time_steps() -> dict[str, float]:
    """Wrap the functions group_corpus imports at call time so that each adds its CPU time to the result."""
    import importlib

    spent: dict[str, float] = defaultdict(float)
    for module_name, name in STEPS:
        module = importlib.import_module(module_name)
        func = getattr(module, name)

        def timed(*args, _func=func, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return _func(*args, **kwargs)
            finally:
                spent[_name] += time.process_time() - start

        setattr(module, name, timed)
    return spent


def worker(path: Path, size: int, streaming: bool, seed: int, profile: int, steps: bool) -> None:
    with path.open("rb") as fh:
        base: Corpus = pickle.load(fh)
    corpus = replicate(base, size, seed)
    # Warm-up on 100 separate replicas: group_corpus imports spaCy's stop words and datasketch lazily (about
    # 2 s of CPU once per process), which is not a per-article cost.
    warm = replicate(Corpus(articles=base.articles[:100]), 200, seed + 1)
    group_corpus(Corpus(articles=warm.articles[100:]), streaming=streaming)
    del base, warm
    spent = time_steps() if steps else {}

    rss_before = maxrss_mb()
    profiler = cProfile.Profile() if profile else None
    cpu0, wall0 = time.process_time(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    group_corpus(corpus, streaming=streaming)
    if profiler is not None:
        profiler.disable()
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    result = {
        "size": size,
        "mode": "streaming" if streaming else "batch",
        "cpu": cpu,
        "wall": wall,
        "rss_before": rss_before,
        "rss_after": maxrss_mb(),
        "duplicates": sum(1 for a in corpus.articles if a.duplicate_of is not None),
        "syndications": len(corpus.syndications),
        "rewrites": sum(1 for a in corpus.articles if a.rewrite_of is not None and a.rewrite_of.article),
        "stories": len(corpus.stories),
        "largest": max((len(s.articles) for s in corpus.stories), default=0),
        "topics": len(corpus.topics),
        "code": code_fingerprint(),
        "steps": dict(spent),
    }
    if profiler is not None:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(profile)
        stats.sort_stats("tottime").print_stats(profile)
        print(out.getvalue())
    print("RESULT " + json.dumps(result), flush=True)


def run_child(path: Path, size: int, streaming: bool, seed: int, profile: int = 0, steps: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--worker", str(size), "--cache-file", str(path), "--seed", str(seed)]
    if streaming:
        cmd.append("--streaming")
    if steps:
        cmd.append("--steps")
    if profile:
        cmd += ["--worker-profile", str(profile)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"child failed ({' '.join(cmd)}):\n{done.stderr}")
    result = None
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
        elif profile:
            print(line)
    if result is None:
        sys.exit(f"child gave no result:\n{done.stdout}\n{done.stderr}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", default="3,3,1", help="runs per size (fresh processes); the least CPU counts")
    parser.add_argument("--streaming", action="store_true", help="also time streaming story grouping")
    parser.add_argument("--steps", action="store_true", help="also time each step of the group stage")
    parser.add_argument("--base", type=int, default=1000, help="real articles annotated once")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/storybrief-bench"))
    parser.add_argument("--profile", type=int, default=0, help="profile this size once instead (batch)")
    parser.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    parser.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--cache-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-profile", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.cache_file, args.worker, args.streaming, args.seed, args.worker_profile, args.steps)
        return
    print("command: python benchmarks/group_cost.py " + " ".join(sys.argv[1:]), flush=True)
    path = prepare(args.cache, args.base, args.seed)
    if args.profile:
        r = run_child(path, args.profile, args.streaming, args.seed, profile=args.top)
        print(f"profiled {args.profile} articles: {r['cpu']:.1f}s CPU under cProfile")
        return
    print(f"CPU check {cpu_check():.3f}s", flush=True)
    sizes = sorted(int(x) for x in args.sizes.split(","))
    runs = [int(x) for x in args.runs.split(",")]
    runs = (runs + runs[-1:] * len(sizes))[: len(sizes)]
    modes = [False, True] if args.streaming else [False]
    print(
        f"{'mode':9} {'articles':>8} {'runs':>4} {'CPU s':>7} {'max':>6} {'wall s':>7} {'s per 1k':>8} {'ratio':>6} "
        f"{'MB before':>9} {'MB peak':>8} {'dups':>6} {'synd':>5} {'rewr':>5} {'stories':>7} {'largest':>7} "
        f"{'topics':>6} {'code':>8}",
        flush=True,
    )
    results = []
    for streaming in modes:
        first = None
        for size, n_runs in zip(sizes, runs, strict=True):
            done = [run_child(path, size, streaming, args.seed, steps=args.steps) for _ in range(n_runs)]
            r = min(done, key=lambda x: x["cpu"])
            per = r["cpu"] / size
            first = first or per
            results.append((r, per / first))
            codes = sorted({x["code"] for x in done})
            print(
                f"{r['mode']:9} {size:8d} {n_runs:4d} {r['cpu']:7.1f} {max(x['cpu'] for x in done):6.1f} "
                f"{r['wall']:7.1f} {1000 * per:8.2f} {per / first:6.2f} {r['rss_before']:9.0f} "
                f"{max(x['rss_after'] for x in done):8.0f} {r['duplicates']:6d} {r['syndications']:5d} "
                f"{r['rewrites']:5d} {r['stories']:7d} {r['largest']:7d} {r['topics']:6d} {','.join(codes):>8}",
                flush=True,
            )
    if args.steps:
        names = [name for _, name in STEPS if any(name in r["steps"] for r, _ in results)]
        print(
            "\nCPU seconds per 1,000 articles by step (the reported run of each size; other = the rest of group_corpus)"
        )
        print(f"{'mode':9} {'articles':>8} " + " ".join(f"{n:>{max(8, len(n))}}" for n in names) + f" {'other':>6}")
        for r, _ in results:
            cells = [f"{1000 * r['steps'].get(n, 0.0) / r['size']:>{max(8, len(n))}.2f}" for n in names]
            other = 1000 * (r["cpu"] - sum(r["steps"].values())) / r["size"]
            print(f"{r['mode']:9} {r['size']:8d} " + " ".join(cells) + f" {other:6.2f}")
    if len({r["code"] for r, _ in results}) > 1:
        print("WARNING: the group stage's source changed during the run (see the code column)")
    print(f"\nCPU check at the end: {cpu_check():.3f}s")
    print(f"bar: CPU cost per article at the largest size <= {BAR}x the smallest")
    for streaming in modes:
        mode = "streaming" if streaming else "batch"
        rows = [(r, ratio) for r, ratio in results if r["mode"] == mode]
        r, ratio = rows[-1]
        print(f"   {mode:9} {r['size']} vs {rows[0][0]['size']}: {ratio:.2f}x  {'PASS' if ratio <= BAR else 'FAIL'}")


if __name__ == "__main__":
    main()
