"""Load on ``storybrief serve``: requests per second and latency of the story page and the search API.

Builds a library of ``--articles`` generated articles (original, invented events; or uses ``--db``),
starts ``storybrief serve --read-only`` in a child process on 127.0.0.1, warms the story pages once
(briefs built and cached), then sends a fixed number of requests per target from ``--clients``
concurrent clients (a bounded load: each client waits for its answer before sending the next) and
reports requests/s, p50 and p95. Then the same again while ``storybrief add`` writes ``--add``
further articles into the library from another process.

Search words are split into two halves, ``tune`` and ``held``: nothing is tuned here, but the figure to
report is the held half (``--half held``, the default). No dataset is needed.

    PYTHONPATH=src nice -n 10 python benchmarks/serve_load.py [--articles 1000] [--add 200] [--clients 4]
        [--requests 300] [--stories 100] [--db FILE] [--half held|tune]

Bar (issue 14 item 7, on a 10,000-article library): p95 story page < 150 ms from the cache, search < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "ka lo mer vin dra tos bel quen ar sil mo rud ve han tor lis gar pem ol zu".split()
NOUNS = "bridge harbour reservoir library ferry school hospital tunnel market railway dam stadium".split()
VERBS = "closed reopened flooded collapsed approved rejected delayed inspected rebuilt sold".split()
JOBS = "farmer teacher nurse fisherman baker driver student carpenter".split()
ROLES = "mayor engineer councillor spokeswoman inspector minister director".split()


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def write_library_inputs(folder: Path, n: int, seed: int, start: int = 0) -> list[str]:
    """``n`` articles as JSONL files of 100: events of 5-30 reports each, in invented towns."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    records, words = [], set()
    i = start
    while len(records) < n:
        town, person = _name(rng, 3), f"{_name(rng)} {_name(rng, 3)}"
        noun, verb, role = rng.choice(NOUNS), rng.choice(VERBS), rng.choice(ROLES)
        number, day = rng.randint(2, 900), rng.randint(0, 300)
        words.update([town.lower(), noun, verb])
        for k in range(rng.randint(5, 30)):
            outlet = f"The {_name(rng)} {rng.choice(['Courier', 'Post', 'Herald', 'Wire'])}"
            text = (
                f"The {noun} of {town} was {verb} on {['Monday', 'Tuesday', 'Friday'][k % 3]}, officials said,"
                f' affecting {number + k} residents. "We {verb} the {noun} of {town} because we had no other choice,"'
                f" {role} {person} told reporters in {town}. Local people said the {noun} had been a problem"
                f" for years, and {_name(rng, 2)} {_name(rng, 3)}, who lives nearby, said the town needed"
                f" answers. The council of {town} will meet again next week to discuss the {noun}."
                f" {_name(rng)} {_name(rng, 3)}, a {rng.choice(JOBS)} from {_name(rng, 2)}, said {rng.randint(2, 90)}"
                f" {rng.choice(NOUNS)}s in the {rng.choice(['north', 'south', 'east', 'west'])} of the county had"
                f" been {rng.choice(VERBS)} since {rng.choice(['spring', 'winter', 'March', 'June'])}."
            )
            published = time.strftime("%Y-%m-%dT09:00:00+00:00", time.gmtime(1767225600 + (day + k // 3) * 86400))
            records.append({"id": f"g{i}", "title": f"{town} {noun} {verb}", "text": text, "source": outlet,
                            "published": published, "url": f"https://news.example/{i}"})  # fmt: skip
            i += 1
            if len(records) == n:
                break
    for part in range(0, n, 100):
        with open(folder / f"part{start + part:06d}.jsonl", "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r) + "\n" for r in records[part : part + 100])
    return sorted(words)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def load(base: str, paths: list[str], clients: int) -> tuple[float, float, float, int]:
    """Send every path once, from ``clients`` threads; requests/s, p50 and p95 in ms, and failures."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    queue = list(reversed(paths))

    def work() -> None:
        nonlocal failures
        with httpx.Client(base_url=base, timeout=120) as http:
            while True:
                with lock:
                    if not queue:
                        return
                    path = queue.pop()
                t0 = time.perf_counter()
                r = http.get(path)
                took = time.perf_counter() - t0
                with lock:
                    latencies.append(took)
                    failures += r.status_code != 200

    threads = [threading.Thread(target=work) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    return len(paths) / wall, percentile(latencies, 0.5) * 1000, percentile(latencies, 0.95) * 1000, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--add", type=int, default=200, help="articles added while measuring the second time")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="requests per target")
    parser.add_argument("--db", help="use this library (copied) instead of generating one")
    parser.add_argument("--half", choices=["tune", "held"], default="held")
    parser.add_argument("--stories", type=int, default=100, help="stories sampled (and warmed) for the story page")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    work = Path(tempfile.mkdtemp(prefix="serve-load-"))
    db = str(work / "lib.db")
    words = write_library_inputs(work / "in", args.articles, seed=1)
    write_library_inputs(work / "more", args.add, seed=2, start=10_000_000)
    try:
        if args.db:
            shutil.copyfile(args.db, db)
        else:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "storybrief", "add", str(work / "in"), "--db", db, "-j",
                            str(args.processes)], env=env, check=True, capture_output=True)  # fmt: skip
            print(f"library: {args.articles} generated articles added in {time.perf_counter() - t0:.0f} s")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "storybrief", "serve", "--db", db, "--port", str(port),
                                   "--read-only"], env=env, stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            with httpx.Client(base_url=base, timeout=600) as http:
                for _ in range(300):
                    try:
                        counts = http.get("/api/library").json()
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                print(f"library: {counts['articles']} articles, {counts['stories']} stories, {counts['topics']} topics")
                everything, url = [], "/api/stories?limit=200"
                while url:
                    body = http.get(url).json()
                    everything += [s["id"] for s in body["items"]]
                    url = body["next"]
                stories = random.Random(4).sample(everything, min(args.stories, len(everything)))
                t0 = time.perf_counter()
                for sid in stories:  # warm: each sampled story's brief built and cached once
                    http.get(f"/story/{sid}")
                print(f"warm-up: {len(stories)} sampled story pages built in {time.perf_counter() - t0:.1f} s")
            rng = random.Random(3)
            half = words[0::2] if args.half == "tune" else words[1::2]
            story_paths = [f"/story/{rng.choice(stories)}" for _ in range(args.requests)]
            search_paths = [
                f"/api/search?q={rng.choice(half)}+{rng.choice(half)}&limit=20" for _ in range(args.requests)
            ]
            search_paths = [
                f"/api/search?q={rng.choice(half)}&limit=20" if i % 2 else p for i, p in enumerate(search_paths)
            ]
            print(f"{args.clients} clients, {args.requests} requests per target, search words: {args.half} half")
            print(f"{'target':<28}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'failed':>8}")
            for label, paths in [("story page (cached)", story_paths), ("search API", search_paths)]:
                rps, p50, p95, failed = load(base, paths, args.clients)
                print(f"{label:<28}{rps:>8.1f}{p50:>9.1f}{p95:>9.1f}{failed:>8}")
            writer = subprocess.Popen([sys.executable, "-m", "storybrief", "add", str(work / "more"), "--db", db,
                                       "--batch", "1", "-j", "1"], env=env, stderr=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL)  # fmt: skip
            time.sleep(8)  # let the writer load spaCy and start its first batch
            for label, paths in [("story page, add writing", story_paths), ("search API, add writing", search_paths)]:
                rps, p50, p95, failed = load(base, paths, args.clients)
                print(f"{label:<28}{rps:>8.1f}{p50:>9.1f}{p95:>9.1f}{failed:>8}")
            print(f"the writer {'was still' if writer.poll() is None else 'was no longer'} running at the end")
            writer.wait()
        finally:
            server.terminate()
            server.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
