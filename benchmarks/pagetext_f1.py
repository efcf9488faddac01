"""Page-text cleaning F1 on ``pagetext_cleaning`` with the scoring of its README.

Tokens are ``\\w+`` (case kept); each page is a bag of 4-gram shingles; precision is averaged over pages
with non-empty output, recall over all pages, F1 is the harmonic mean of the two averages.

The dev pages are split in two halves by a hash of the page id (first byte of the SHA-1 of the id, even:
``tune``, odd: ``held``; 43 and 48 of the 91 pages). Rules are studied and tuned on the tune half only;
the held half is the figure to quote. Every system is scored on both halves and on all pages.

Baselines in the same process: the whole page; lines of at least 10 words; trafilatura alone with its
defaults (``trafilatura.extract``), given the page text as HTML with one ``<p>`` per line (the pages here
have no markup left, so trafilatura sees only the lines, as storybrief does).

``--false-positives N`` lists, for the tune half only, the N kept lines that share the fewest shingles with
the gold (what the cleaner keeps that is not article text), with the page id.

    python benchmarks/pagetext_f1.py [--show-worst N] [--false-positives N] [--split tune|held|all]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable

from _data import datasets_dir
from storybrief.clean import clean_text

_TOKEN_RE = re.compile(r"\w+")

Page = tuple[str, str, str]  # (id, page text, gold body)


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


def half(page_id: str) -> str:
    """``tune`` or ``held``: a fixed split by the SHA-1 of the page id."""
    return "tune" if hashlib.sha1(page_id.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def storybrief_body(page: str) -> str:
    return clean_text(page, page_text=True).text


def long_lines(page: str) -> str:
    return "\n".join(line for line in page.split("\n") if len(line.split()) >= 10)


def trafilatura_body(page: str) -> str:
    import trafilatura

    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in page.split("\n") if line.strip())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trafilatura.extract(f"<html><body>{body}</body></html>") or ""


def false_positives(pages: list[Page], limit: int) -> None:
    """Kept lines of the tune half sorted by the share of their shingles absent from the gold."""
    rows = []
    for page_id, page, gold in pages:
        g_sh = shingles(gold)
        for line in storybrief_body(page).split("\n\n"):
            l_sh = shingles(line)
            total = sum(l_sh.values())
            if total == 0:
                missing = 0 if _TOKEN_RE.findall(line) and all(t in gold for t in _TOKEN_RE.findall(line)) else 1
                rows.append((missing, 1, page_id, line))
                continue
            extra = sum((l_sh - g_sh).values())
            if extra:
                rows.append((extra / total, extra, page_id, line))
    rows.sort(key=lambda r: (-r[1], r[2]))
    print(f"\nfalse positives on the tune half: {len(rows)} kept blocks with shingles not in the gold")
    for share, extra, page_id, line in rows[:limit]:
        print(f"  {extra:4d} {share:4.0%} {page_id[:10]} {line[:160]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-worst", type=int, default=0, help="list the N tune pages with the lowest F1")
    parser.add_argument("--false-positives", type=int, default=0, help="list N kept blocks not in the gold (tune)")
    parser.add_argument("--split", choices=("tune", "held", "all"), default=None, help="score only this part")
    args = parser.parse_args()
    folder = datasets_dir() / "pagetext_cleaning"
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    pages: list[Page] = [
        (g["id"], (folder / "pages" / f"{g['id']}.txt").read_text(encoding="utf-8"), g["article_body"]) for g in gold
    ]
    parts = {
        "tune": [p for p in pages if half(p[0]) == "tune"],
        "held": [p for p in pages if half(p[0]) == "held"],
        "all": pages,
    }
    shown = [args.split] if args.split else ["tune", "held", "all"]
    systems: list[tuple[str, Callable[[str], str]]] = [
        ("whole page (baseline)", lambda page: page),
        ("lines >= 10 words (baseline)", long_lines),
        ("trafilatura defaults (baseline)", trafilatura_body),
        ("storybrief clean", storybrief_body),
    ]
    sizes = ", ".join(f"{name} {len(parts[name])}" for name in ("tune", "held", "all"))
    print(f"pagetext_cleaning: {len(pages)} pages ({sizes}); split by SHA-1 of the page id\n")
    print(f"{'system':32} {'part':>4} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name, system in systems:
        start = time.perf_counter()
        outputs = {
            page_id: system(page) for page_id, page, _ in pages if any(page_id == p[0] for s in shown for p in parts[s])
        }
        elapsed = time.perf_counter() - start
        for part in shown:
            p, r, f1, per_page = score([(outputs[page_id], g) for page_id, _, g in parts[part]])
            speed = f"{len(outputs) / elapsed:8.0f}" if part == shown[-1] else ""
            print(f"{name:32} {part:>4} {p:9.3f} {r:7.3f} {f1:6.3f} {speed:>8}")
            if name.startswith("storybrief") and args.show_worst and part == "tune":
                ranked = sorted(
                    zip(per_page, parts[part], strict=True), key=lambda x: 2 * x[0][0] * x[0][1] / (sum(x[0]) or 1)
                )
                for (pp, rr), (page_id, _, _) in ranked[: args.show_worst]:
                    print(f"   P={pp:.2f} R={rr:.2f} {page_id}")
    if args.false_positives:
        false_positives(parts["tune"], args.false_positives)


if __name__ == "__main__":
    main()
