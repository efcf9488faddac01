"""Words kept on clean articles (``mmds2025_news_event_clustering/dev_articles.jsonl``): does cleaning eat text?

The MMDS dev articles are already clean (Straits Times, Reuters, AFP, Bloomberg copy; one sentence a line).
Each article is given to the cleaner as ``title + "\\n\\n" + text``, once on its own (``clean_text``) and once
for the whole set in corpus mode (``clean_documents``, lines recurring across articles count as
boilerplate). Scoring is over the ``\\w+`` tokens of the body (the ``text`` field; the title line is
expected to be taken out as the title):

    words kept            multiset overlap of the body tokens with the tokens of ``Article.text``
                          (bar: >= 99 %)
    kept (removals)       the same from the recorded ``Article.removed`` spans: a token is lost when a
                          removal span covers it; the two differ only if removals are mis-recorded
    non-nil kept          tokens of sentences not labelled ``nil`` that are not covered by a removal
    nil removed           tokens of ``nil`` sentences (agency bylines, "(Reporting by ...)", app promos)
                          covered by a removal: how much labelled boilerplate the cleaner takes out

Note that a few ``nil`` sentences are ordinary prose (the labels mark sentences outside the event too), so
100 % nil removed is not the goal. A trivial baseline runs in the same process: drop every line of fewer
than 10 words (the pagetext baseline).

    python benchmarks/mmds_words_kept.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from _data import datasets_dir
from storybrief.clean import clean_documents, clean_text
from storybrief.model import InputFormat, RawDocument

_TOKEN_RE = re.compile(r"\w+")

Span = tuple[int, int, str]  # (start, end, reason), offsets into the raw input


@dataclass
class Output:
    text: str
    removed: list[Span]
    title: str | None = None


@dataclass
class Sentence:
    start: int  # offsets into the raw input
    end: int
    text: str
    nil: bool


@dataclass
class Item:
    id: str
    title: str
    raw: str
    body_start: int
    sentences: list[Sentence]


@dataclass
class Lost:
    words: int
    reason: str
    text: str
    nil: bool


@dataclass
class Score:
    body_words: int = 0
    kept_out: int = 0  # from the output text
    lost_spans: int = 0  # from the recorded removals
    non_nil: int = 0
    non_nil_lost: int = 0
    nil: int = 0
    nil_removed: int = 0
    titles: int = 0
    articles_losing: int = 0  # articles that lost more than 1 % of their body words
    per_article: list[tuple[int, int, str, list[Lost]]] = field(default_factory=list)  # (lost, words, id, ...)
    lost_by_reason: Counter[str] = field(default_factory=Counter)  # non-nil words lost, by removal reason
    nil_kept: list[tuple[int, str, str]] = field(default_factory=list)  # (words kept, article id, sentence)


def load_items() -> list[Item]:
    path = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec: dict[str, Any] = json.loads(line)
        title, text = rec["title"], rec["text"]
        body_start = len(title) + 2
        sentences, pos = [], body_start
        for s in rec["sentences"]:
            sentences.append(Sentence(pos, pos + len(s["text"]), s["text"], s["label"].lower() == "nil"))
            pos += len(s["text"]) + 1
        raw = title + "\n\n" + text
        assert raw[sentences[-1].start : sentences[-1].end] == sentences[-1].text
        items.append(Item(str(rec["id"]), title, raw, body_start, sentences))
    return items


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN_RE.findall(text))


def covered(start: int, end: int, spans: list[Span]) -> str | None:
    """The reason of the removal span that covers ``[start, end)``, if any."""
    for s, e, reason in spans:
        if s <= start and end <= e:
            return reason
    return None


def score(items: list[Item], outputs: list[Output]) -> Score:
    sc = Score()
    for item, out in zip(items, outputs, strict=True):
        body = item.raw[item.body_start :]
        body_bag = tokens(body)
        n_words = sum(body_bag.values())
        sc.body_words += n_words
        sc.kept_out += sum((body_bag & tokens(out.text)).values())
        sc.titles += out.title == item.title
        losses: dict[tuple[str, bool, int], Lost] = {}
        lost_here = 0
        for sent in item.sentences:
            nil_kept = 0
            for m in _TOKEN_RE.finditer(item.raw, sent.start, sent.end):
                reason = covered(m.start(), m.end(), out.removed)
                if sent.nil:
                    sc.nil += 1
                    sc.nil_removed += reason is not None
                else:
                    sc.non_nil += 1
                    sc.non_nil_lost += reason is not None
                if reason is None:
                    nil_kept += sent.nil
                    continue
                lost_here += 1
                if not sent.nil:
                    sc.lost_by_reason[reason] += 1
                key = (reason, sent.nil, sent.start)
                if key not in losses:
                    losses[key] = Lost(0, reason, sent.text, sent.nil)
                losses[key].words += 1
            if nil_kept:
                sc.nil_kept.append((nil_kept, item.id, sent.text))
        sc.lost_spans += lost_here
        sc.articles_losing += lost_here > 0.01 * n_words
        sc.per_article.append((lost_here, n_words, item.id, list(losses.values())))
    return sc


def from_article_removals(article: Any) -> Output:
    return Output(article.text, [(r.start, r.end, r.reason) for r in article.removed], article.title)


def storybrief_single(items: list[Item]) -> list[Output]:
    return [from_article_removals(clean_text(item.raw, input=item.id)) for item in items]


def storybrief_corpus(items: list[Item]) -> list[Output]:
    docs = [RawDocument(input=item.id, format=InputFormat.TEXT, text=item.raw) for item in items]
    return [from_article_removals(a) for a in clean_documents(docs, corpus_evidence=True)]


def long_lines(items: list[Item]) -> list[Output]:
    outputs = []
    for item in items:
        kept, removed, pos = [], [], 0
        for line in item.raw.split("\n"):
            if len(line.split()) >= 10:
                kept.append(line)
            elif line.strip():
                removed.append((pos, pos + len(line), "short-line"))
            pos += len(line) + 1
        outputs.append(Output("\n".join(kept), removed))
    return outputs


def pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.2f}" if whole else "-"


def show(sc: Score, n: int) -> None:
    print(f"   non-nil words lost, by removal reason: {dict(sc.lost_by_reason.most_common())}")
    worst = sorted((a for a in sc.per_article if a[0]), key=lambda a: (-a[0], a[2]))[:n]
    for lost, words, art_id, losses in worst:
        print(f"   article {art_id}: lost {lost} of {words} body words")
        for loss in sorted(losses, key=lambda x: -x.words):
            label = "nil" if loss.nil else "non-nil"
            print(f"      {loss.words:3d} words  {loss.reason:22} {label:7}  {loss.text[:100]!r}")
    print(f"   nil sentences kept (most words first, {len(sc.nil_kept)} in all):")
    for words, art_id, text in sorted(sc.nil_kept, key=lambda x: (-x[0], x[1]))[:n]:
        print(f"      {words:3d} words  article {art_id:4}  {text[:100]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="list the N articles that lost most words, with reasons")
    args = parser.parse_args()
    items = load_items()
    n_sent = sum(len(i.sentences) for i in items)
    n_nil = sum(s.nil for i in items for s in i.sentences)
    print(f"mmds2025 dev: {len(items)} articles, {n_sent} sentences ({n_nil} labelled nil)\n")
    systems: list[tuple[str, Callable[[list[Item]], list[Output]]]] = [
        ("lines >= 10 words (baseline)", long_lines),
        ("storybrief clean_text", storybrief_single),
        ("storybrief clean_documents", storybrief_corpus),
    ]
    header = (
        f"{'system':30} {'words kept':>10} {'(removals)':>10} {'non-nil kept':>12} {'nil removed':>11} "
        f"{'losing >1%':>10} {'titles':>6} {'art/s':>6}"
    )
    print(header)
    scores = []
    for name, system in systems:
        start = time.perf_counter()
        outputs = system(items)
        elapsed = time.perf_counter() - start
        sc = score(items, outputs)
        scores.append((name, sc))
        print(
            f"{name:30} {pct(sc.kept_out, sc.body_words):>10} {pct(sc.body_words - sc.lost_spans, sc.body_words):>10} "
            f"{pct(sc.non_nil - sc.non_nil_lost, sc.non_nil):>12} {pct(sc.nil_removed, sc.nil):>11} "
            f"{sc.articles_losing:10d} {sc.titles:6d} {len(items) / elapsed:6.0f}"
        )
    print(f"\nbar: words kept >= 99 % (body words: {scores[0][1].body_words}; nil words: {scores[0][1].nil})")
    for name, sc in scores[1:]:
        verdict = "PASS" if sc.kept_out >= 0.99 * sc.body_words else "FAIL"
        print(f"   {name:30} {verdict}")
    if args.show:
        for name, sc in scores[1:]:
            print(f"\n-- {name}: the {args.show} articles that lost most body words")
            show(sc, args.show)


if __name__ == "__main__":
    main()
