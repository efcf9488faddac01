"""Key quotes you can print (issue 11): are the quotes a brief shows verbatim, complete and one statement each?

Data. The MMDS2025 dev set (``mmds2025_news_event_clustering/dev_articles.jsonl``, 209 articles; see
``group_stories.py``): the articles (id, title, text, publish_date) are written to a JSONL file and briefed by
the real pipeline (``storybrief.pipeline.brief``: read, clean, annotate, group, synthesize). ``--limit N`` keeps
the first N articles (a documented subset for slow machines).

Measures, over every key quote of every story brief, and every wording of it the brief shows:

* ``verbatim``: share of quote *pieces* found in the article they come from. A piece is the text between one
  pair of quotation marks as the brief shows it (``KeyQuote.parts`` and each variant's ``parts``; a brief
  without parts counts its whole quote text as one piece, looked for in every article carrying it).
  Compared after folding quotation marks and whitespace. Bar: 100 %.
* ``ends ","``: share of shown wordings whose text ends in a comma (the comma of the sentence the quote was cut
  from). Bar: 0.
* ``mixed speakers``: share of key quotes with two or more variants (quote groups) whose members' own speakers
  (``article.quotes[variant.quote].speaker``) are two different names. Two rows: ``strict`` (any two different
  name strings) and ``incompatible`` (neither name's words, less "of/the/for/and", within the other's: "Johnny
  Plate" and "Johnny G Plate", "Health Ministry" and "Ministry of Health" are one speaker). Bar: 0.

    python benchmarks/quotes_verbatim.py [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _data import datasets_dir
from storybrief.model import Article, KeyQuote
from storybrief.pipeline import brief

_MARKS = re.compile(r"[“”\"«»„‘’']")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Quotation marks and apostrophes removed, whitespace collapsed: what "verbatim" ignores."""
    return _SPACE.sub(" ", _MARKS.sub("", text)).strip()


def compatible(a: str | None, b: str | None) -> bool:
    """One speaker by name: one name's words (less "of", "the", "for", "and") within the other's."""
    if a is None or b is None:
        return True
    wa, wb = ({w.strip(".,’'") for w in n.lower().split()} - {"of", "the", "for", "and"} for n in (a, b))
    return wa <= wb or wb <= wa


def mmds_rows(limit: int | None) -> list[dict[str, Any]]:
    src = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    with src.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    keep = ("id", "title", "text", "publish_date")
    return [{k: r[k] for k in keep if r.get(k) is not None} for r in rows[:limit]]


def wordings(q: KeyQuote) -> list[tuple[list[str], list[str], str]]:
    """(article ids to look in, pieces, shown text) for each wording the brief shows of ``q``.

    A brief without ``wordings`` (before issue 11) shows one text: looked for in every article carrying it.
    """
    shown = getattr(q, "wordings", ())
    if shown:
        return [([w.article], [p.text for p in w.parts], w.text) for w in shown]
    return [(list(q.articles), [q.text], q.text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the dev set")
    parser.add_argument("--show", type=int, default=0, help="print N failures of each kind (dataset text: local use)")
    args = parser.parse_args()
    rows = mmds_rows(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mmds2025_dev.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        report = brief([str(path)])
        seconds = time.perf_counter() - start
    articles: dict[str, Article] = {a.id: a for a in report.articles}
    folded = {aid: fold(a.text) for aid, a in articles.items()}
    pieces = verbatim = shown_n = commas = groups = mixed = incompatible = quotes = 0
    bad_piece: list[str] = []
    bad_comma: list[str] = []
    bad_group: list[str] = []
    for story in report.stories:
        for q in story.quotes:
            quotes += 1
            for where, parts, text in wordings(q):
                shown_n += 1
                if text.rstrip(' ”"’»').endswith(","):
                    commas += 1
                    bad_comma.append(text)
                for piece in parts:
                    pieces += 1
                    if any(fold(piece) in folded[aid] for aid in where if aid in folded):
                        verbatim += 1
                    else:
                        bad_piece.append(piece)
            if len(q.variants) > 1:
                groups += 1
                speakers = {articles[v.article].quotes[v.quote].speaker for v in q.variants} - {None}
                if len(speakers) > 1:
                    mixed += 1
                    incompatible += any(not compatible(x, y) for x in speakers for y in speakers)
                    bad_group.append(f"{sorted(s or '' for s in speakers)}: {q.text[:80]}")
    print(f"MMDS2025 dev: {len(rows)} articles, {len(report.stories)} stories, brief {seconds:.1f} s")
    print(f"key quotes {quotes}, wordings shown {shown_n}, pieces {pieces}, quote groups {groups}")
    print(f"verbatim pieces     {verbatim}/{pieces} = {100 * verbatim / max(1, pieces):.1f} %  (bar 100 %)")
    print(f"wordings ending ',' {commas}/{shown_n} = {100 * commas / max(1, shown_n):.1f} %  (bar 0)")
    print(f"groups, mixed speakers strict       {mixed}/{groups} = {100 * mixed / max(1, groups):.1f} %")
    print(f"groups, mixed speakers incompatible {incompatible}/{groups} = {100 * incompatible / max(1, groups):.1f} %")
    for name, bad in (("not verbatim", bad_piece), ("ends with a comma", bad_comma), ("mixed speakers", bad_group)):
        for item in bad[: args.show]:
            print(f"  {name}: {item[:160]}", file=sys.stderr)


if __name__ == "__main__":
    main()
