"""Time for a brief: the four seeds from a cold start, and 1,000 articles end to end.

* Cold start: ``storybrief brief <seeds>`` as a fresh process (Python start, imports, spaCy model load,
  everything), the median wall time of ``--repeat`` runs. Bar: under 3 s.
* 1,000 articles: real English news (MMDS2025 dev plus Multi-News dev documents until the count is reached)
  written as a JSONL file, then ``storybrief brief FILE -j 2 -f json`` as a fresh process; articles per
  second of wall time. Bar: at least 30 articles/s on 2 cores. In the same run, ``storybrief clean
  --no-annotate`` on the same file is timed as the baseline (reading and cleaning only), so the ratio shows
  what annotation, grouping and briefing cost.

    python benchmarks/brief_speed.py [--articles 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _data import ROOT, datasets_dir

SEEDS = ROOT.parent / "shared" / "seeds"


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "storybrief", *args], check=False, capture_output=True)
    return time.perf_counter() - start


def _corpus(n: int, path: Path) -> int:
    rows = []
    mmds = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    for line in mmds.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["cluster"] != 166 and not any("\u4e00" <= ch <= "\u9fff" for ch in r["title"]):
            rows.append(
                {
                    "id": f"mmds-{r['id']}",
                    "title": r["title"],
                    "text": r["text"].replace("\n", "\n\n"),
                    "published": r["publish_date"],
                }
            )
    with gzip.open(datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz", "rt", encoding="utf-8") as fh:
        for n_line, line in enumerate(fh):
            if len(rows) >= n:
                break
            record = json.loads(line)
            docs = record.get("documents") or record.get("document") or []
            if isinstance(docs, str):
                docs = [d for d in docs.split("|||||") if d.strip()]
            for k, doc in enumerate(docs):
                text = doc if isinstance(doc, str) else doc.get("text", "")
                if len(text.split()) >= 80 and len(rows) < n:
                    rows.append({"id": f"mn-{n_line}-{k}", "text": text})
    path.write_text("\n".join(json.dumps(r) for r in rows[:n]) + "\n", encoding="utf-8")
    return min(n, len(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"$ python benchmarks/brief_speed.py --articles {args.articles} --repeat {args.repeat}")
    seeds = sorted(str(p) for p in SEEDS.glob("0*.txt"))
    if seeds:
        times = [_run(["brief", *seeds]) for _ in range(args.repeat)]
        print(
            f"seeds cold start: median {statistics.median(times):.2f} s (runs: "
            f"{', '.join(f'{t:.2f}' for t in times)}; bar < 3 s)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        n = _corpus(args.articles, path)
        base = _run(["clean", str(path), "--no-annotate", "-f", "json", "-o", str(Path(tmp) / "c.json")])
        full = _run(["brief", str(path), "-j", "2", "-f", "json", "-o", str(Path(tmp) / "b.json")])
        report = json.loads((Path(tmp) / "b.json").read_text(encoding="utf-8"))
        print(
            f"{n} articles: brief {full:.1f} s = {n / full:.1f} articles/s (bar >= 30 on 2 cores); "
            f"baseline read+clean {base:.1f} s; brief/baseline {full / base:.1f}x; "
            f"{len(report['stories'])} stories, {len(report['topics'])} topics, {len(report['errors'])} errors"
        )


if __name__ == "__main__":
    main()
