"""What hostile but valid inputs cost the command line: wall time and peak memory per case (issue 10).

Inputs, generated in a temporary folder from original text (a fictional story about a river lock; seeded):

    valeport   the bundled corpus ``examples/valeport`` (9 articles in 5 formats): mostly start-up cost
    ordinary   500 ordinary articles (~1.1 KB each) in one JSONL file: the baseline cost per article
    txt1mb     one article of about 1 MB on a single line (.txt): varied sentences, no line break
    list1m     a 19 MB JSON list of one million tiny records (``{"text":"Gate 42"}``, 19 bytes each)
    jsonl20k   20,000 ordinary articles (~1.1 KB each, ~22 MB) in one JSONL file

Each input runs through each step in a fresh child process (``python -m storybrief ...``):

    noannot    ``clean PATH --no-annotate -f json``  ingest + clean only
    clean      ``clean PATH -f json``                ingest, clean and spaCy annotation
    brief      ``brief PATH -f json``                the whole pipeline

The four generated inputs run with ``--max-size 64MB`` (``jsonl20k`` is over the default 20 MB limit, which would
only measure the refusal). Output goes to a file in the temporary folder, which is then read back to count
articles and errors. Every case is bounded by ``--timeout`` seconds (default 180) and ``--max-memory`` MB of its
process tree (default 6000; the machine is shared): the child's process group is killed and the case
reported as ``timeout`` or ``memory``. Measured: wall time (``time.perf_counter`` around the child),
the peak RSS of the largest single process (``ru_maxrss`` from ``os.wait4``) and the peak of the summed RSS of
the child's whole process tree (spaCy workers included), sampled from ``/proc`` every 0.1 s. ``x base`` is the
case's seconds per article over ``ordinary``'s seconds per article for the same step; ``s/MB`` is seconds per
MB of input. The "CPU check" (a fixed Python loop) shows how loaded the shared machine was.

    python benchmarks/hostile_cost.py [--only txt1mb,list1m:noannot,...] [--timeout S] [--max-memory MB]
                                      [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _data import ROOT, cpu_check

INPUTS = ("valeport", "ordinary", "txt1mb", "list1m", "jsonl20k")
BASELINES = ("valeport", "ordinary")
STEPS = ("noannot", "clean", "brief")

# The fictional story the generated text is made of: the failed gate of Osterby lock.
PEOPLE = ["Marta Kell", "Ivo Brandt", "Selma Ruiz", "Tobias Wren", "Hana Okoro", "Lukas Fenn", "Ada Morrow"]
ROLES = ["the lock keeper", "the river board's engineer", "a barge skipper", "the mayor of Osterby", "a ferry pilot"]
PLACES = ["Osterby lock", "the Marn weir", "the east quay", "Fallow bridge", "the old towpath", "Brindle basin"]
THINGS = ["the lower gate", "a hydraulic ram", "the sluice paddles", "the mooring rings", "the overflow channel"]
VERBS = ["jammed", "cracked", "was repaired", "was inspected", "gave way", "was closed", "reopened"]
DAYS = ["on Monday", "on Tuesday night", "early on Wednesday", "on Thursday", "late on Friday", "at the weekend"]
SAYS = [
    '"We could hear the gate groan before it moved," said {p}, {r}.',
    "{p}, {r}, said the crews had waited {n} hours at {place}.",
    "According to {p}, {r}, {thing} had been checked {n} days earlier.",
    '"Nobody was hurt, and that is what matters tonight," {p} told reporters at {place}.',
    "The river board said {n} barges were held upstream of {place} while {thing} {verb}.",
    "{p} said repairs to {thing} would cost about {n},000 euros.",
]
EVENTS = [
    "{thing} at {place} {verb} {day}, leaving {n} boats stranded.",
    "Water levels at {place} rose by {n} centimetres {day}, the river board said.",
    "Engineers worked through the night at {place} after {thing} {verb}.",
    "The towpath near {place} was closed {day} as a precaution.",
    "Residents of Osterby gathered at {place} {day} to watch the divers at work.",
]


def sentence(rng: random.Random) -> str:
    template = rng.choice(SAYS if rng.random() < 0.4 else EVENTS)
    text = template.format(
        p=rng.choice(PEOPLE),
        r=rng.choice(ROLES),
        place=rng.choice(PLACES),
        thing=rng.choice(THINGS),
        verb=rng.choice(VERBS),
        day=rng.choice(DAYS),
        n=rng.randint(2, 480),
    )
    return text[0].upper() + text[1:]


def write_txt1mb(path: Path, rng: random.Random, size: int = 1_000_000) -> None:
    parts: list[str] = ["Gate failure closes Osterby lock:"]
    total = len(parts[0])
    while total < size:
        s = sentence(rng)
        parts.append(s)
        total += len(s) + 1
    path.write_text(" ".join(parts) + "\n", encoding="utf-8")


def write_list1m(path: Path, rng: random.Random, count: int = 1_000_000) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        for i in range(count):
            fh.write(("," if i else "") + f'{{"text":"Gate {rng.randint(10, 99)}"}}')
        fh.write("]\n")


def write_ordinary(path: Path, rng: random.Random) -> None:
    write_jsonl20k(path, rng, count=500)


def write_jsonl20k(path: Path, rng: random.Random, count: int = 20_000) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(count):
            paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 4))]
            body = "\n\n".join(paragraphs)
            record = {
                "id": f"osterby-{i}",
                "title": sentence(rng)[:80],
                "text": body,
                "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:00:00Z",
                "source": rng.choice(["Marn Valley Echo", "Osterby Post", "River Trade Weekly"]),
            }
            fh.write(json.dumps(record) + "\n")


@dataclass
class Result:
    status: str  # "ok", "exit N", "timeout", "memory" (killed over --max-memory)
    seconds: float
    rss_max_mb: float  # the largest single process
    tree_mb: float  # the summed RSS of the process tree, sampled
    articles: int | None
    errors: int | None
    note: str = ""


def tree_rss_kb(root: int) -> int:
    """Summed VmRSS of ``root`` and its descendants, from /proc (0 where /proc is missing)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                fields = dict(line.split(":", 1) for line in fh if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total = 0
    for pid in rss:
        p = pid
        while p and p != root:
            p = parents.get(p, 0)
        if p == root:
            total += rss[pid]
    return total


def run_case(cmd: list[str], timeout: float, max_mb: float, out: Path) -> Result:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    err_path = out.with_suffix(".stderr")
    start = time.perf_counter()
    with err_path.open("wb") as err:  # a file, not a pipe: a child writing many error lines never blocks
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True, cwd=ROOT)
    tree_peak = 0
    status = ""
    while True:
        pid, wait_status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        tree_peak = max(tree_peak, tree_rss_kb(proc.pid))
        over_time = time.perf_counter() - start > timeout
        if over_time or tree_peak / 1024 > max_mb:
            os.killpg(proc.pid, signal.SIGKILL)  # the child's own session: it and its workers
            pid, wait_status, usage = os.wait4(proc.pid, 0)
            status = "timeout" if over_time else "memory"
            break
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(wait_status)
    if not status:
        status = "ok" if proc.returncode in (0, 1) else f"exit {proc.returncode}"
    articles = errors = None
    note = ""
    if status == "ok" and out.exists():
        try:
            data = json.loads(out.read_text(encoding="utf-8"))
            articles, errors = len(data.get("articles", [])), len(data.get("errors", []))
        except (ValueError, OSError) as exc:
            note = f"output unreadable: {exc}"
    with err_path.open("rb") as fh:
        first = fh.read(4000).decode("utf-8", "replace").strip().splitlines()
        fh.seek(max(0, err_path.stat().st_size - 4000))
        last = fh.read().decode("utf-8", "replace").strip().splitlines()
    if status != "ok" and last:
        note = last[-1][:160]
    elif errors and first:
        note = first[0][:160]
    out.unlink(missing_ok=True)
    err_path.unlink(missing_ok=True)
    return Result(status, seconds, usage.ru_maxrss / 1024, tree_peak / 1024, articles, errors, note)


def cell(value: float | None, fmt: str) -> str:
    return format(value, fmt) if value is not None else "-"


def command(step: str, path: Path, out: Path, hostile: bool) -> list[str]:
    base = [sys.executable, "-m", "storybrief"]
    limit = ["--max-size", "64MB"] if hostile else []
    if step == "brief":
        return [*base, "brief", str(path), "-f", "json", "-o", str(out), *limit]
    extra = ["--no-annotate"] if step == "noannot" else []
    return [*base, "clean", str(path), "-f", "json", "-o", str(out), *extra, *limit]


def selected(only: str) -> list[tuple[str, str]]:
    """``--only txt1mb,list1m:noannot`` -> (input, step) pairs, always with the baselines of each step."""
    if not only:
        pairs = [(i, s) for i in INPUTS for s in STEPS]
    else:
        pairs = []
        for item in only.split(","):
            name, _, step = item.partition(":")
            if name not in INPUTS or (step and step not in STEPS):
                sys.exit(f"unknown case {item!r}: inputs {INPUTS}, steps {STEPS}")
            pairs += [(name, s) for s in ([step] if step else STEPS)]
    steps = {s for _, s in pairs}
    base = [(b, s) for s in STEPS if s in steps for b in BASELINES]
    return base + [p for p in dict.fromkeys(pairs) if p[0] not in BASELINES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", default="", help="comma-separated INPUT or INPUT:STEP (default: all)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per case before it is killed")
    parser.add_argument("--max-memory", type=float, default=6000, help="MB of the process tree before a kill")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="write the inputs here (and keep them) instead of a temp folder")
    args = parser.parse_args()

    cases = selected(args.only)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="storybrief-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "valeport": ROOT / "examples" / "valeport",
        "ordinary": folder / "ordinary.jsonl",
        "txt1mb": folder / "txt1mb.txt",
        "list1m": folder / "list1m.json",
        "jsonl20k": folder / "jsonl20k.jsonl",
    }
    writers = {"ordinary": write_ordinary, "txt1mb": write_txt1mb, "list1m": write_list1m, "jsonl20k": write_jsonl20k}
    sizes: dict[str, float] = {}
    try:
        for name in dict.fromkeys(n for n, _ in cases):
            path = paths[name]
            if name in writers and not path.exists():
                writers[name](path, random.Random(f"{args.seed}-{name}"))
            files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
            sizes[name] = sum(p.stat().st_size for p in files) / 1e6
        print(
            f"CPU check: {cpu_check():.2f} s   per case: timeout {args.timeout:.0f} s, memory {args.max_memory:.0f} MB"
        )
        print("inputs: " + ", ".join(f"{n} {sizes[n]:.1f} MB" for n in sizes))
        print()
        header = (
            f"{'input':<10} {'step':<8} {'status':<8} {'seconds':>8} {'articles':>9} {'errors':>7} "
            f"{'s/article':>10} {'x base':>8} {'s/MB':>7} {'RSS MB':>7} {'tree MB':>8}  note"
        )
        print(header)
        print("-" * len(header))
        per_article: dict[str, float] = {}
        for name, step in cases:
            out = folder / f"out-{name}-{step}.json"
            r = run_case(
                command(step, paths[name], out, hostile=name != "valeport"), args.timeout, args.max_memory, out
            )
            per = r.seconds / r.articles if r.articles else None
            if name == "ordinary" and per is not None:
                per_article[step] = per
            ratio = per / per_article[step] if per is not None and step in per_article else None
            print(
                f"{name:<10} {step:<8} {r.status:<8} {r.seconds:>8.1f} {cell(r.articles, 'd'):>9} "
                f"{cell(r.errors, 'd'):>7} {cell(per, '.4f'):>10} {cell(ratio, '.1f'):>8} "
                f"{r.seconds / sizes[name]:>7.1f} {r.rss_max_mb:>7.0f} {r.tree_mb:>8.0f}  {r.note}".rstrip(),
                flush=True,
            )
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = children.ru_utime + children.ru_stime
        print(f"\nCPU check at the end: {cpu_check():.2f} s   children's CPU time: {cpu:.0f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
