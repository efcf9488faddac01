"""Is the first summary sentence the news? Leads on Multi-News dev clusters (issue 16, item 3).

Data and pipeline as in ``brief_rouge.py`` (same sample, same cache; ``--half tune|held`` as there). For every
cluster the summary is made at the reference's length, as there. The *lead* of a system is the first sentence
it shows:

* ``storybrief``: the first sentence of ``summarize`` (its lead rule: :func:`storybrief.synthesize.summary.
  lead_sentence`);
* ``storybrief reading 1st``: the summary's sentence that comes first in reading order (how summaries were
  shown before the lead rule: earliest article, then position);
* ``storybrief rank 1``: the best-scored eligible sentence, without the lead rule's weights;
* ``LexRank``: sumy's LexRank top sentence over all sentences (as in ``brief_rouge.py``);
* ``lead-1``: the first sentence of the first document.

Measures per system, mean over clusters: the share of leads supported by at least two independent articles
(the sentence's own and one more, by storybrief's support rule, :class:`storybrief.synthesize.support.
SupportIndex`, copies counting once: the same rule for every system), and ROUGE-1/2 F of the lead against the
reference's first sentence (rouge-score, stemmed). ``--show N`` prints N storybrief leads (seeded) beside the
reference's first sentence, for a hand check.

    python benchmarks/brief_lead.py [--clusters 200] [--seed 0] [--half all|tune|held] [--show 20]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys

from _data import datasets_dir
from brief_rouge import SumyRankers, annotated_clusters, by_score, sample_clusters, words_of
from storybrief.synthesize.sentences import build_matrix, story_units
from storybrief.synthesize.summary import score_units, summarize
from storybrief.synthesize.support import SupportIndex

SYSTEMS = ["storybrief", "storybrief reading 1st", "storybrief rank 1", "LexRank", "lead-1"]
_SENT_END = re.compile(r"(?<=[.!?])\s+")


def first_sentence(reference: str) -> str:
    text = reference.lstrip("– -")
    return _SENT_END.split(text, maxsplit=1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--half", choices=["all", "tune", "held"], default="all")
    parser.add_argument("--show", type=int, default=0, help="storybrief leads to print for a hand check")
    args = parser.parse_args()
    print("$ " + " ".join(["python", "benchmarks/brief_lead.py", *sys.argv[1:]]))

    from rouge_score import rouge_scorer

    path = datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    rows = sample_clusters(path, args.clusters, args.seed, args.half)
    clusters = annotated_clusters(rows, use_cache=True, raw=False)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    rankers = SumyRankers()
    supported: dict[str, list[bool]] = {s: [] for s in SYSTEMS}
    rouge: dict[str, list[tuple[float, float]]] = {s: [] for s in SYSTEMS}
    shown: list[tuple[str, str, str, int]] = []
    for row in rows:
        articles = clusters[row["id"]]
        units = story_units(articles)
        if not units:
            continue
        matrix = build_matrix(units)
        support = SupportIndex(articles, units, matrix)
        summary = summarize(articles, words_of(row["summary"]), units=units, matrix=matrix, support=support)
        if not summary:
            continue
        by_span = {(articles[u.article].id, u.start): k for k, u in enumerate(units)}
        scores = score_units(units, matrix, articles)
        chosen = [by_span[(s.article, s.start)] for s in summary]
        leads = {
            "storybrief": chosen[0],
            "storybrief reading 1st": min(chosen, key=lambda k: (units[k].article, units[k].position)),
            "storybrief rank 1": max(scores, key=lambda k: (units[k].well_formed, scores[k], -k)),
            "LexRank": by_score(rankers.lexrank(units))[0],
            "lead-1": min(range(len(units)), key=lambda k: (units[k].article, units[k].position)),
        }
        reference = first_sentence(row["summary"])
        for name, k in leads.items():
            supported[name].append(len(support.independent(k)) >= 1)
            s = scorer.score(reference, units[k].text)
            rouge[name].append((s["rouge1"].fmeasure, s["rouge2"].fmeasure))
        lead = leads["storybrief"]
        shown.append((row["id"], units[lead].text, reference, len(support.independent(lead))))

    n = len(supported["storybrief"])
    print(f"\nMulti-News dev_half: {n} clusters (seed {args.seed}, half {args.half})\n")
    print(f"{'system':<20} {'>=2 art.':>9} {'R-1':>6} {'R-2':>6}")
    for name in SYSTEMS:
        share = sum(supported[name]) / max(1, n)
        r1 = statistics.fmean(r[0] for r in rouge[name]) if rouge[name] else 0.0
        r2 = statistics.fmean(r[1] for r in rouge[name]) if rouge[name] else 0.0
        print(f"{name:<20} {share:9.3f} {r1:6.3f} {r2:6.3f}")
    if args.show:
        print(f"\n{args.show} storybrief leads (seeded sample) beside the reference's first sentence:\n")
        for cid, lead, ref, indep in random.Random(args.seed).sample(shown, min(args.show, len(shown))):
            print(f"[{cid}] ({1 + indep} art.) LEAD: {lead}\n    REF: {ref}\n")


if __name__ == "__main__":
    main()
