"""Topics on T17 (Timeline17, derived copy): several long-running subjects pooled, no titles.

Input: ``t17_timelines_derived/articles/<topic>.csv.gz`` for every topic present (``date,text``; the text is
PTB-tokenized, one sentence per line). Up to ``--per-topic`` articles per topic (default 80) are drawn with a
fixed ``--seed`` (a subset, to bound annotation time on a shared machine: say so when quoting figures); the
PTB brackets and quotes are turned back into plain characters; each becomes a JSONL record with id, text and
publish_date only (no title, no outlet). All topics are shuffled together, loaded, annotated (pickled under
``--cache`` like ``group_stories.py``) and grouped with ``storybrief.pipeline.group_corpus`` (batch and
streaming). The gold label of an article is its T17 topic.

Scores: B-cubed P/R/F1 and ARI of storybrief's topics against the T17 topics; topics found; stories per gold
topic (how many developments the grouping sees in each subject) and the share of a gold topic's articles in
its largest predicted topic. Then each T17 topic alone (a single-subject collection): its stories, topics and
the share of its articles in the largest topic. Baseline, same run: TF-IDF (sublinear tf) + average-link agglomerative
clustering (cosine) of the articles, at the best distance threshold of a grid on this same data.

    python benchmarks/group_topics.py [--per-topic N] [--seed S] [--processes P] [--no-cache]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from _data import datasets_dir
from group_stories import BASELINE_GRID, Baseline, Score, annotated, header, line_of, row, write_jsonl
from storybrief.model import Corpus
from storybrief.pipeline import group_corpus

PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}", "``": '"', "''": '"'}


def detokenize(text: str) -> str:
    """Plain text from PTB tokens: brackets back, quotes straight, no space before punctuation or 's."""
    for token, char in PTB.items():
        text = text.replace(token, char)
    text = re.sub(r" ([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text.replace("` ", '"').replace(" '", '"')


def t17_rows(per_topic: int, seed: int) -> list[dict]:
    folder = datasets_dir() / "t17_timelines_derived" / "articles"
    csv.field_size_limit(1 << 30)
    rows: list[dict] = []
    for path in sorted(folder.glob("*.csv.gz")):
        topic = path.name.split(".")[0]
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            found = [r for r in csv.DictReader(fh) if (r.get("text") or "").strip()]
        picked = sorted(random.Random(f"{seed}:{topic}").sample(range(len(found)), min(per_topic, len(found))))
        for k in picked:
            r = found[k]
            text = detokenize(r["text"])
            rows.append({"id": f"{topic}.{k}", "text": text, "publish_date": r["date"], "topic": topic})
    random.Random(seed).shuffle(rows)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-topic", type=int, default=80, help="articles drawn per T17 topic (default 80)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--cache", default="/tmp/storybrief-bench")
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    cache = None if args.no_cache else Path(args.cache)
    tmp = Path(args.cache)
    tmp.mkdir(parents=True, exist_ok=True)
    print("command: " + " ".join(["python benchmarks/group_topics.py", *sys.argv[1:]]))
    rows = t17_rows(args.per_topic, args.seed)
    jsonl = tmp / f"t17_{args.per_topic}_seed{args.seed}.jsonl"
    write_jsonl([{k: r[k] for k in ("id", "text", "publish_date")} for r in rows], jsonl)
    corpus, annotate_s, cached = annotated(jsonl, cache, args.processes)
    arts = corpus.articles
    names = sorted({r["topic"] for r in rows})
    gold = [names.index(rows[line_of(a)]["topic"]) for a in arts]
    print(
        f"T17: topics {', '.join(names)}; up to {args.per_topic} articles each (seed {args.seed}), {len(rows)} drawn, "
        f"{len(arts)} loaded; no titles or outlets; annotate {'from cache' if cached else f'{annotate_s:.1f} s'}\n"
    )
    base = Baseline([a.text for a in arts])
    grid = {d: Score.of(gold, base.labels(d)) for d in BASELINE_GRID}
    best_d = max(grid, key=lambda d: (grid[d].f1, -d))
    header("system", count="topics")
    print(f" {'s':>6}")
    row(f"baseline tfidf+avg d={best_d} (best)", grid[best_d])
    details = {}
    for streaming in (False, True):
        start = time.perf_counter()
        group_corpus(corpus, streaming=streaming)
        seconds = time.perf_counter() - start
        topic_of = {aid: s.topic for s in corpus.stories for aid in s.articles}
        story_of = {aid: s.id for s in corpus.stories for aid in s.articles}
        ids = sorted({t for t in topic_of.values() if t})
        pred = [ids.index(topic_of[a.id]) if topic_of[a.id] else -1 - i for i, a in enumerate(arts)]
        name = f"storybrief {'streaming' if streaming else 'batch'}"
        row(name, Score.of(gold, pred), f" {seconds:6.2f}")
        details[name] = (pred, [story_of[a.id] for a in arts], {t.id: t.label for t in corpus.topics})
    for name, (pred, stories, label_of) in details.items():
        print(f"\n{name}: per gold topic, articles / stories / topics / share in its largest topic (label)")
        ids = sorted(label_of)
        for g, topic in enumerate(names):
            members = [i for i, x in enumerate(gold) if x == g]
            tops = Counter(pred[i] for i in members)
            main_topic, n_main = tops.most_common(1)[0]
            label = label_of.get(ids[main_topic], "") if 0 <= main_topic < len(ids) else ""
            n_stories = len({stories[i] for i in members})
            print(
                f"  {topic:6} {len(members):4d} articles {n_stories:4d} stories {len(tops):4d} topics "
                f"{n_main / len(members):5.0%} in one  ({label[:60]})"
            )
        sizes: dict[int, int] = defaultdict(int)
        for p in pred:
            sizes[p] += 1
        print(f"  topics found: {len(sizes)}; of one article: {sum(1 for v in sizes.values() if v == 1)}")
    print(
        "\neach T17 topic grouped alone (a single-subject collection): stories, topics, share of the articles in the "
        "largest topic, stories of one article"
    )
    for g, topic in enumerate(names):
        alone = Corpus(articles=[a for a, x in zip(arts, gold, strict=True) if x == g])
        ids = {a.id for a in alone.articles}
        alone.quote_groups = [q for q in corpus.quote_groups if len(ids & set(q.articles)) > 1]
        group_corpus(alone)
        sizes = Counter(s.topic for s in alone.stories for _ in s.articles)
        singles = sum(1 for s in alone.stories if len(s.articles) == 1)
        print(
            f"  {topic:6} {len(alone.articles):4d} articles {len(alone.stories):4d} stories ({singles} of one article) "
            f"{len(alone.topics):4d} topics, largest holds {max(sizes.values()) / len(alone.articles):5.0%}"
        )
    print("\nbaseline grid")
    header("distance", count="topics")
    print()
    for d, s in grid.items():
        row(f"d={d}", s)


if __name__ == "__main__":
    main()
