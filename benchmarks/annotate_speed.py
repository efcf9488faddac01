"""Annotation throughput (sentences, entities, dates, quotes) in articles per second.

Runs on MMDS2025 dev articles (clean news text) replicated to ``--articles`` articles. In the same run,
the spaCy pipeline storybrief loads (sentencizer + NER), run over whole texts, is timed as the baseline,
and the full spaCy pipeline (with parser, tagger, lemmatizer) for comparison, so the ratio shows what
running only the needed components buys. ``--processes 2`` uses both cores.

    python benchmarks/annotate_speed.py [--articles 400] [--processes 1 2]
"""

from __future__ import annotations

import argparse
import json
import time

from _data import datasets_dir
from storybrief.annotate.annotator import annotate_articles
from storybrief.annotate.nlp import MODEL_NAMES, load_nlp
from storybrief.clean import clean_text
from storybrief.model import Article


def _articles(n: int) -> list[Article]:
    path = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [f"{r['title']}\n\n" + "\n\n".join(r["text"].split("\n")) for r in rows]
    out = []
    for i in range(n):
        article = clean_text(texts[i % len(texts)], input=f"mmds-{i}")
        out.append(article)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    articles = _articles(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_nlp()
    print(f"{len(articles)} articles, {words / len(articles):.0f} words each on average; model {nlp.meta['name']}\n")
    print(f"{'what':48} {'articles/s':>10}")
    start = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=32):
        pass
    base = len(articles) / (time.perf_counter() - start)
    print(f"{'spaCy sentencizer+NER on whole texts (baseline)':48} {base:10.1f}")
    import spacy

    full = None
    for name in MODEL_NAMES:
        try:
            full = spacy.load(name)
            break
        except OSError:
            continue
    if full is not None:
        start = time.perf_counter()
        for _ in full.pipe((a.text for a in articles), batch_size=32):
            pass
        print(f"{'spaCy full pipeline (for comparison)':48} {len(articles) / (time.perf_counter() - start):10.1f}")
    for n in args.processes:
        fresh = [clean_text(a.text, input=a.input) for a in articles]
        start = time.perf_counter()
        annotate_articles(fresh, n_process=n)
        rate = len(fresh) / (time.perf_counter() - start)
        print(f"{f'storybrief annotate, {n} process(es)':48} {rate:10.1f}   ({rate / base:.2f}x the baseline)")
    print("\nbar: >= 30 articles/s on 2 cores")


if __name__ == "__main__":
    main()
