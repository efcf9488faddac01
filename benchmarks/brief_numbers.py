"""Numbers that disagree: how many pairs the briefs flag on real news, and a sample to check by hand.

Issue 16, item 5: flagged pairs must be about the same quantity of the same event, and false flags rare. There
is no gold standard for this, so the benchmark counts what is flagged and prints a seeded sample of flagged
pairs (the two values, the two sentences) for a hand check; the judgements go into benchmarks/README.md.

Data and pipeline as in ``brief_citations.py`` (same loaders and cache): MMDS2025 dev (209 articles, the whole
pipeline: every story's comparison and every topic's between-story list) and ``--clusters`` (100) Multi-News
dev clusters drawn with ``--seed`` as ``brief_rouge.py`` draws them, each one story. MMDS pairs are counted
apart for stories ("mmds story") and for topics, between their stories ("mmds topic"). A flagged *pair* is two
consecutive values of one listed disagreement (a disagreement with three values is two pairs).

    python benchmarks/brief_numbers.py [--clusters 100] [--seed 0] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import sys

from brief_citations import cached, mmds_corpus, multinews_corpora, one_story
from storybrief.model import Corpus, NumberDisagreement
from storybrief.synthesize import build_report


def pairs(found: list[NumberDisagreement]) -> list[tuple[str, tuple[str, str, str], tuple[str, str, str]]]:
    return [(d.about, a, b) for d in found for a, b in zip(d.values, d.values[1:], strict=False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=20, help="flagged pairs to print for a hand check")
    args = parser.parse_args()
    print("$ " + " ".join(["python", "benchmarks/brief_numbers.py", *sys.argv[1:]]))

    flagged: list[tuple[str, str, tuple[str, str, str], tuple[str, str, str]]] = []
    mmds = cached("mmds", True, mmds_corpus)
    assert isinstance(mmds, Corpus)
    report = build_report(mmds)
    flagged += [("mmds story", *p) for p in pairs([d for s in report.stories for d in s.comparison.disagreements])]
    flagged += [("mmds topic", *p) for p in pairs([d for t in report.topics for d in t.disagreements])]
    n_stories = len(report.stories)
    corpora = cached(f"multinews{args.clusters}-{args.seed}", True, lambda: multinews_corpora(args.clusters, args.seed))
    assert isinstance(corpora, list)
    mn = 0
    for corpus in corpora:
        if corpus.articles:
            mn += 1
            flagged += [("multinews", *p) for p in pairs(one_story(corpus).comparison.disagreements)]
    print(f"\nMMDS dev: {len(mmds.articles)} articles, {n_stories} stories, {len(report.topics)} topics")
    print(f"Multi-News dev: {mn} clusters (seed {args.seed}), each one story\n")
    for name in ("mmds story", "mmds topic", "multinews"):
        print(f"{name:<10} flagged pairs: {sum(1 for f in flagged if f[0] == name)}")
    if args.show and flagged:
        print(f"\n{min(args.show, len(flagged))} flagged pairs (seeded sample) for a hand check:\n")
        for n, (name, about, a, b) in enumerate(random.Random(args.seed).sample(flagged, min(args.show, len(flagged)))):
            print(f"{n + 1}. [{name}] {about}: {a[0]!r} ({a[1]}) vs {b[0]!r} ({b[1]})")
            print(f"   A: {a[2]}\n   B: {b[2]}\n")


if __name__ == "__main__":
    main()
