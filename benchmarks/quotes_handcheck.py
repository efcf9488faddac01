"""Key quotes hand check (issue 11): draw a fixed sample of the MMDS dev briefs' key quotes to judge by hand.

The MMDS2025 dev set is briefed as in ``quotes_verbatim.py`` (the whole pipeline, every article). Of all key
quotes of all stories (in story order), up to ``--foreign`` quotes from non-English articles and the rest from
English articles are drawn with ``random.Random(--seed)``, so the Chinese, Malay and Indonesian quotes are
present however few they are. For each quote the script prints its story, article, language, shown speaker,
shown text and the article text around its pieces (``--context`` characters before and after), which is
what the judge reads. The judgements themselves are written by hand in ``benchmarks/README.md``.

The listing prints dataset text: for local use only, not for the repository.

    python benchmarks/quotes_handcheck.py [--n 40] [--foreign 12] [--seed 11] [--context 500]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from quotes_verbatim import mmds_rows
from storybrief.model import Article, KeyQuote
from storybrief.pipeline import brief


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=40, help="quotes to draw (default 40)")
    parser.add_argument("--foreign", type=int, default=12, help="of them from non-English articles (default 12)")
    parser.add_argument("--seed", type=int, default=11, help="sample seed (default 11)")
    parser.add_argument("--context", type=int, default=500, help="characters of article text shown around a quote")
    args = parser.parse_args()

    rows = mmds_rows(None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mmds2025_dev.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        report = brief([str(path)])
    articles: dict[str, Article] = {a.id: a for a in report.articles}
    quotes: list[tuple[str, KeyQuote, str]] = []
    for story in report.stories:
        for q in story.quotes:
            aid = q.article or q.articles[0]
            quotes.append((story.id, q, articles[aid].language or "?"))
    foreign = [x for x in quotes if x[2] != "en"]
    english = [x for x in quotes if x[2] == "en"]
    rng = random.Random(args.seed)
    k = min(len(foreign), args.foreign)
    picked = rng.sample(foreign, k) + rng.sample(english, min(len(english), args.n - k))
    langs: dict[str, int] = {}
    for _, _, lang in quotes:
        langs[lang] = langs.get(lang, 0) + 1
    print(f"{len(quotes)} key quotes by article language {langs}; drawn {len(picked)} (seed {args.seed})")
    for n, (sid, q, lang) in enumerate(picked, 1):
        aid = q.article or q.articles[0]
        text = articles[aid].text
        print(f"\n=== #{n} [{lang}] story {sid} article {aid} speaker={q.speaker!r} wordings={len(q.wordings)}")
        print(f"SHOWN: {q.text}")
        if q.parts:
            start, end = q.parts[0].start, q.parts[-1].end
            before = text[max(0, start - args.context) : start]
            print(f"CONTEXT: …{before}[[[{text[start:end]}]]]{text[end : end + args.context // 2]}…")


if __name__ == "__main__":
    main()
