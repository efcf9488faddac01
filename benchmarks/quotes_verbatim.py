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

Optionally (``--multinews N``) the same measures over N Multi-News dev clusters, sampled and detokenized as in
``brief_rouge.py`` and briefed one cluster at a time as one story (``single_story=True``). That text is
lower-cased and its quotation marks are restored by a heuristic, so it mostly tests robustness.

    python benchmarks/quotes_verbatim.py [--limit N] [--multinews N] [--seed S] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _data import datasets_dir
from storybrief.model import Article, KeyQuote, Report
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


@dataclass
class Counts:
    quotes: int = 0
    shown: int = 0
    pieces: int = 0
    verbatim: int = 0
    commas: int = 0
    groups: int = 0
    mixed: int = 0
    incompatible: int = 0
    bad: dict[str, list[str]] = field(default_factory=lambda: {"not verbatim": [], "ends ','": [], "mixed": []})

    def add(self, report: Report) -> None:
        articles: dict[str, Article] = {a.id: a for a in report.articles}
        folded = {aid: fold(a.text) for aid, a in articles.items()}
        for story in report.stories:
            for q in story.quotes:
                self.quotes += 1
                for where, parts, text in wordings(q):
                    self.shown += 1
                    if text.rstrip(' ”"’»').endswith(","):
                        self.commas += 1
                        self.bad["ends ','"].append(text)
                    for piece in parts:
                        self.pieces += 1
                        if any(fold(piece) in folded[aid] for aid in where if aid in folded):
                            self.verbatim += 1
                        else:
                            self.bad["not verbatim"].append(piece)
                if len(q.variants) > 1:
                    self.groups += 1
                    speakers = {articles[v.article].quotes[v.quote].speaker for v in q.variants} - {None}
                    if len(speakers) > 1:
                        self.mixed += 1
                        self.incompatible += any(not compatible(x, y) for x in speakers for y in speakers)
                        self.bad["mixed"].append(f"{sorted(s or '' for s in speakers)}: {q.text[:80]}")

    def print(self, show: int) -> None:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} = {100 * a / max(1, b):.1f} %"

        print(f"key quotes {self.quotes}, wordings shown {self.shown}, pieces {self.pieces}, groups {self.groups}")
        print(f"verbatim pieces                     {pct(self.verbatim, self.pieces)}  (bar 100 %)")
        print(f"wordings ending ','                 {pct(self.commas, self.shown)}  (bar 0)")
        print(f"groups, mixed speakers strict       {pct(self.mixed, self.groups)}")
        print(f"groups, mixed speakers incompatible {pct(self.incompatible, self.groups)}  (bar 0)")
        for name, bad in self.bad.items():
            for item in bad[:show]:
                print(f"  {name}: {item[:160]}", file=sys.stderr)


def run_mmds(limit: int | None, show: int) -> None:
    rows = mmds_rows(limit)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mmds2025_dev.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        report = brief([str(path)])
        seconds = time.perf_counter() - start
    print(f"MMDS2025 dev: {len(rows)} articles, {len(report.stories)} stories, brief {seconds:.1f} s")
    counts = Counts()
    counts.add(report)
    counts.print(show)


def run_multinews(n: int, seed: int, show: int) -> None:
    """``n`` Multi-News dev clusters (sampled and detokenized as in ``brief_rouge.py``), one story each."""
    from brief_rouge import detokenize, sample_clusters

    rows = sample_clusters(datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz", n, seed)
    counts = Counts()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            path = Path(tmp) / f"{row['id']}.jsonl"
            docs = [{"id": f"{row['id']}-d{k}", "text": detokenize(d)} for k, d in enumerate(row["documents"])]
            path.write_text("".join(json.dumps(d) + "\n" for d in docs if d["text"].strip()), encoding="utf-8")
            counts.add(brief([str(path)], single_story=True))
    print(f"Multi-News dev: {len(rows)} clusters (seed {seed}), brief {time.perf_counter() - start:.1f} s")
    counts.print(show)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the MMDS dev set")
    parser.add_argument("--multinews", type=int, default=0, help="also N Multi-News dev clusters (default 0)")
    parser.add_argument("--seed", type=int, default=0, help="Multi-News sample seed (default 0, as brief_rouge)")
    parser.add_argument("--show", type=int, default=0, help="print N failures of each kind (dataset text: local use)")
    args = parser.parse_args()
    run_mmds(args.limit, args.show)
    if args.multinews:
        run_multinews(args.multinews, args.seed, args.show)


if __name__ == "__main__":
    main()
