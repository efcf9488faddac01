"""Page-text cleaning F1 on ``pagetext_cleaning`` with the scoring of its README.

Tokens are ``\\w+`` (case kept); each page is a bag of 4-gram shingles; precision is averaged over pages
with non-empty output, recall over all pages, F1 is the harmonic mean of the two averages. Two trivial
baselines from the README run in the same process: the whole page, and lines of at least 10 words.

    python benchmarks/pagetext_f1.py [--show-worst N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Callable

from _data import datasets_dir
from storybrief.clean import clean_text

_TOKEN_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float, list[tuple[float, float]]]:
    precisions, recalls, per_page = [], [], []
    for predicted, gold in pairs:
        p_sh, g_sh = shingles(predicted), shingles(gold)
        overlap = sum((p_sh & g_sh).values())
        recall = overlap / sum(g_sh.values()) if g_sh else 1.0
        recalls.append(recall)
        precision = overlap / sum(p_sh.values()) if p_sh else 0.0
        if p_sh:
            precisions.append(precision)
        per_page.append((precision, recall))
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, per_page


def storybrief_body(page: str) -> str:
    return clean_text(page, page_text=True).text


def long_lines(page: str) -> str:
    return "\n".join(line for line in page.split("\n") if len(line.split()) >= 10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    folder = datasets_dir() / "pagetext_cleaning"
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pages = [
        (g["id"], (folder / "pages" / f"{g['id']}.txt").read_text(encoding="utf-8"), g["article_body"]) for g in gold
    ]
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("whole page (baseline)", lambda page: page),
        ("lines >= 10 words (baseline)", long_lines),
        ("storybrief clean", storybrief_body),
    ]
    print(f"pagetext_cleaning: {len(pages)} pages\n")
    print(f"{'system':32} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name, system in systems:
        start = time.perf_counter()
        outputs = [system(page) for _, page, _ in pages]
        elapsed = time.perf_counter() - start
        p, r, f1, per_page = score([(out, g) for out, (_, _, g) in zip(outputs, pages, strict=True)])
        print(f"{name:32} {p:9.3f} {r:7.3f} {f1:6.3f} {len(pages) / elapsed:8.0f}")
        if name.startswith("storybrief") and args.show_worst:
            ranked = sorted(zip(per_page, pages, strict=True), key=lambda x: 2 * x[0][0] * x[0][1] / (sum(x[0]) or 1))
            for (pp, rr), (page_id, _, _) in ranked[: args.show_worst]:
                print(f"   P={pp:.2f} R={rr:.2f} {page_id}")


if __name__ == "__main__":
    main()
