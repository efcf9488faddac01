"""Fluff in briefs: the share of chosen summary and timeline sentences that are not news a reader can use.

Issue 16 (items 2): on real inputs the summary took rhetorical questions, photo captions, TV transcript turns,
reader comments, page furniture and sentences that cannot stand alone ("But ...", '"...," he said.').

Detector. :func:`fluff_kind` below is written for this benchmark only, separately from the product's rules in
``storybrief.synthesize.fluff`` (it shares no code or word list with them), so that the product is not graded
by itself. It names one kind per sentence, or ``None``:

* ``question``: the sentence's last non-quote character is ``?``;
* ``caption``: photo language (``pictured``, ``photo:``, ``(file photo)``, ``seen here``, a present-tense
  gesture verb with a closing calendar date, ``left to right``);
* ``transcript``: a speaker tag (an upper-case name, maybe with a title after a comma, then ``:``), a stage
  direction such as ``(CROSSTALK)``, or anchor talk (``welcome back``, ``joining me now``);
* ``furniture``: the page talking about itself or to the reader (``click``, ``subscribe``, ``newsletter``,
  ``this video``, ``your browser``, ``thank you for``, a sentence ending with ``!`` outside quotes);
* ``comment``: first-person singular or a second-person address outside quotation marks (a reader's or a
  presenter's voice, not a report);
* ``fragment``: a piece of a sentence: no final stop, cut at an abbreviation ("... Sen.", "the u.s." in a
  short sentence) or starting inside a date ("15, 2016, ...");
* ``quote``: almost only a quote (at most 5 words outside quotation marks) with nobody named as its speaker;
* ``dangling``: cannot stand alone: opens with a linking word (But, And, So, Yet, However, Also ...), opens
  with a pronoun or a demonstrative that is not a time phrase ("He", "This is", not "This week"), a quote
  whose speaker is only a pronoun ('"...," she said.'), or a definite reference to something said before
  ("The remarks ...", "Blinken's comments ..."). In a summary, a dangling sentence shown right after the
  sentence before it in the same article is not counted: the reader has what it refers to.

Data and what is briefed:

* MMDS dev (``mmds2025_news_event_clustering/dev_articles.jsonl``, 209 articles with titles and dates): the real
  pipeline (load, annotate, group) and every story's brief (summary + timeline);
* Multi-News: ``--clusters`` (100) dev clusters drawn as ``brief_rouge.py`` draws them (same loader, same cache);
  each cluster is one story (``single_story``): its summary and timeline;
* T17 (``t17_timelines_derived``): every topic, a seeded sample of ``--t17-articles`` (60) articles per topic
  (annotation is the slow part; loaded as ``brief_timeline.py`` does, same cache); each topic is briefed as ONE
  long-running story: its summary, and a timeline of 10 days x 2 sentences.

Summaries are made at ``--words`` 120 (the default) and 300 (a larger budget, where the issue saw bare quote
fragments). Fluff rate = fluff sentences / chosen sentences, per dataset and overall. Bar: 1 %. ``--show 60``
prints that many chosen sentences (seeded sample over all datasets) for a hand check, with the detector's kind.

    PYTHONPATH=src python benchmarks/brief_fluff.py [--clusters 100] [--t17-articles 60] [--seed 0] [--show 60]
        [--show-seed N]  (draw the shown sentences with another seed, same data)
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import brief_rouge
import brief_timeline
from _data import datasets_dir, source_key
from storybrief.model import Article
from storybrief.pipeline import annotate_corpus, group_corpus, load
from storybrief.synthesize.sentences import build_matrix, story_units
from storybrief.synthesize.summary import summarize
from storybrief.synthesize.timeline import build_timeline

CACHE_DIR = Path("/tmp/storybrief-bench")
BAR = 0.01
BUDGETS = (120, 300)

# ---------------------------------------------------------------------------------------------- detector

_OPEN_Q = '"“”«»'
_LINKERS = {
    "but", "and", "so", "yet", "or", "nor", "however", "also", "moreover", "furthermore", "still", "instead",
    "thus", "therefore", "hence", "nevertheless", "nonetheless", "besides", "plus", "otherwise", "then",
    "likewise", "similarly", "additionally", "consequently", "indeed",
}  # fmt: skip
_PRONOUN_OPEN = {"he", "she", "they", "him", "her", "his", "their", "them", "we", "i", "it's", "its"}
_DEMONSTRATIVE = {"this", "that", "these", "those", "such"}
_TIME_WORDS = {
    "week", "weekend", "year", "month", "morning", "afternoon", "evening", "night", "summer", "winter",
    "spring", "autumn", "fall", "season", "century", "decade", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "past", "coming", "year's", "week's",
}  # fmt: skip
_SAID_WORDS = r"(?:said|says|added|adds|told|asked|wrote|explained|continued|noted|stated|insisted|argued)"
_REFERENCE_NOUNS = (
    r"(?:comments?|remarks?|statements?|words|claims?|allegations?|accusations?|warnings?|criticism|"
    r"announcement|move|decision|response|reaction|tweets?|posts?|testimony|admission|revelations?|"
    r"incident|episode|findings|latter|former|pair)"
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CAPTION_RE = re.compile(
    r"\b(?:pictured|photographed|in this (?:file )?(?:photo|image|picture)|file (?:photo|picture|image)|"
    r"(?:photo|image|picture|caption|credit)\s*:|photo(?:graph)? (?:by|courtesy)|seen here|left to right|"
    r"\(l-r\)|\(from left\)|getty images|image copyright|media caption|image caption)\b|"
    r"\b(?:is|are) (?:seen|shown)\b.*\bon " + _MONTHS + r"\s+\d{1,2}\b|"
    r"\b(?:gestures|waves|looks on|poses|smiles|speaks|arrives|attends|walks|stands|holds)\b[^.]*\b(?:on|in) "
    + _MONTHS
    + r"\s+\d{1,2}(?:,\s*\d{4})?\s*\.?$",
    re.I,
)
_TRANSCRIPT_RE = re.compile(
    r"\((?:CROSSTALK|LAUGHTER|APPLAUSE|BEGIN [A-Z ]+|END [A-Z ]+|COMMERCIAL BREAK|INAUDIBLE|OFF-MIKE)\)|"
    r"\b(?:welcome back|joining (?:me|us) (?:now|live)|stay with us|we'll be right back|back to you|"
    r"good (?:morning|evening),? (?:everyone|everybody)|thanks for (?:joining|watching)|let's bring in)\b",
    re.I,
)
# a speaker with a title ("JOHN DOE, CNN ANCHOR: ..."); a bare upper-case lead-in may be a dateline ("SEOUL: ...")
_TITLED_SPEAKER_RE = re.compile(r"^[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*,\s*[A-Z][^:]{1,60}:\s")
_FRAGMENT_END_RE = re.compile(r"\b(?:sen|gov|rep|lt|gen|col|sgt|capt|dr|mr|mrs|ms|prof|rev|vs|no)\.$", re.I)
_SHORT_ABBREV_END_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_MARKUP_RE = re.compile(r"&#?\w+;|(?:\s[|]\s.*){2,}|\bviews:\s*[\d,]+", re.I)
_TRANSCRIPT_TAG_RE = re.compile(r"^[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*(?:,\s*[^:]{2,60})?:\s")
_FURNITURE_RE = re.compile(
    r"\b(?:click(?:ing)? (?:here|on|the)|subscribe|sign (?:up|in)|log ?in|newsletter|your (?:browser|inbox|"
    r"email|account|feedback|subscription|edition|device)|this (?:video|audio|clip|content|page|article|story|"
    r"gallery|feature) (?:is|has|was|will|cannot|can't|isn't)|javascript|cookies?|download (?:the|our) app|"
    r"follow us|share (?:this|on)|read more|thank you for|thanks for (?:reading|your)|all rights reserved|"
    r"terms of (?:use|service)|privacy policy|default edition|advertisement|sponsored)\b",
    re.I,
)
_FIRST_SECOND_RE = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself|you|your|you're|yours)\b")
_WORD_RE = re.compile(r"[A-Za-z][\w'’.-]*")
_CJK_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _outside_quotes(text: str) -> str:
    """The text with everything between paired double quotation marks blanked out."""
    out, inside = [], False
    for ch in text:
        if ch in _OPEN_Q:
            inside = not inside
            out.append(" ")
        else:
            out.append(" " if inside else ch)
    return "".join(out)


def fluff_kind(text: str, in_transcript: bool = False) -> str | None:
    """The kind of fluff ``text`` is (see the module docstring), or ``None``."""
    s = text.strip()
    if not s:
        return "dangling"
    if in_transcript or _TRANSCRIPT_RE.search(s) or _TITLED_SPEAKER_RE.match(s):
        return "transcript"
    if s.rstrip("\"'”’)] ").endswith("?"):
        return "question"
    if _CAPTION_RE.search(s):
        return "caption"
    bare = _outside_quotes(s)
    if _FURNITURE_RE.search(s) or _MARKUP_RE.search(s) or bare.rstrip(" ").endswith("!"):
        return "furniture"
    if _FIRST_SECOND_RE.search(bare.replace("’", "'")):
        return "comment"
    words = [w.lower().rstrip(".,;:") for w in _WORD_RE.findall(s)]
    if not words:  # text without Latin letters (Chinese): runs of characters count as its words
        words = _CJK_RUN_RE.findall(s)
    end = s.rstrip("\"'”’) ")
    if not words or _FRAGMENT_END_RE.search(end) or (len(words) < 6 and _SHORT_ABBREV_END_RE.search(end)):
        return "fragment"  # nothing, or cut at an abbreviation: the rest of the sentence is missing
    if not re.search(r"[.!?…。！？]$", end) or re.match(r"^\d{1,2},\s", s):
        return "fragment"  # no final stop, or it starts inside a date: a piece of a sentence
    if words[0] in _LINKERS or words[0] in _PRONOUN_OPEN:
        return "dangling"
    if words[0] in _DEMONSTRATIVE and (len(words) < 2 or words[1] not in _TIME_WORDS):
        return "dangling"
    if re.search(r"[\"”]\s*,?\s*(?:he|she|they)\s+" + _SAID_WORDS + r"\b", s, re.I) or re.search(
        r"[\"”]\s*,?\s*" + _SAID_WORDS + r"\s+(?:he|she|they)\b", s, re.I
    ):
        return "dangling"
    said = re.sub(r"(?i)\b" + _SAID_WORDS + r"\b|[^\w\s]", " ", bare).lower().split()
    if len(bare.split()) <= 5 and len(s.split()) >= 8 and set(said) <= {"he", "she", "they", "it", "also"}:
        return "quote"  # a quote and nobody named as its speaker
    if re.match(
        r"^(?:the|these|those|such|his|her|their|its|[A-Z][\w.-]+['’]s?)\s+" + _REFERENCE_NOUNS + r"\b", s, re.I
    ):
        return "dangling"
    return None


def transcript_article(article: Article) -> bool:
    """Two or more speaker tags at the start of lines: a broadcast transcript, every turn of it chat."""
    tags = sum(1 for line in article.text.splitlines() if _TRANSCRIPT_TAG_RE.match(line.strip()))
    return tags >= 2


# ---------------------------------------------------------------------------------------------- data


def mmds_stories() -> list[list[Article]]:
    """The stories the real pipeline finds in the MMDS dev articles (annotated and grouped once, then cached)."""
    src = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    key = source_key("mmds-fluff", stages=("ingest", "clean", "annotate", "group", "model"))
    cache = CACHE_DIR / f"fluff-mmds-{key}.pkl"
    if cache.exists():
        with cache.open("rb") as f:
            stories: list[list[Article]] = pickle.load(f)
            return stories
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mmds_dev.jsonl"
        with src.open(encoding="utf-8") as fin, path.open("w", encoding="utf-8") as fout:
            for line in fin:
                row = json.loads(line)
                rec = {"id": f"mmds-{row['id']}", "title": row.get("title"), "text": row["text"]}
                if row.get("publish_date"):
                    rec["published"] = row["publish_date"]
                fout.write(json.dumps(rec) + "\n")
        corpus = load([str(path)])
    annotate_corpus(corpus, n_process=1)
    group_corpus(corpus)
    by_id = {a.id: a for a in corpus.articles}
    stories = [[by_id[i] for i in s.articles] for s in corpus.stories]
    print(f"mmds: annotated {len(corpus.articles)} articles in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as f:
        pickle.dump(stories, f)
    return stories


def multinews_stories(n: int, seed: int) -> list[list[Article]]:
    path = datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    rows = brief_rouge.sample_clusters(path, n, seed)
    clusters = brief_rouge.annotated_clusters(rows, use_cache=True, raw=False)
    return [arts for arts in clusters.values() if arts]


def t17_stories(cap: int, seed: int) -> list[list[Article]]:
    root = datasets_dir() / "t17_timelines_derived"
    out = []
    for topic in sorted(p.name.split(".")[0] for p in (root / "articles").glob("*.csv.gz")):
        rows = brief_timeline.read_topic(root / "articles" / f"{topic}.csv.gz")
        picked = brief_timeline.sample(range(len(rows)), cap, seed)
        done, _ = brief_timeline.annotated(topic, rows, sorted(picked), 1, True)
        out.append([a for i in sorted(picked) if (a := done.get(i)) is not None])
    return out


# ---------------------------------------------------------------------------------------------- run


def chosen_sentences(articles: Sequence[Article], words: int, timeline: bool) -> list[tuple[str, str, bool, bool]]:
    """(where, text, from a transcript article, shown right after the sentence before it in its article) of
    every sentence the brief chose."""
    units = story_units(articles)
    if not units:
        return []
    matrix = build_matrix(units)
    transcript = {a.id for a in articles if transcript_article(a)}
    index = {(a.id, sent.start): n for a in articles for n, sent in enumerate(a.sentences)}
    out = []
    previous: tuple[str, int] | None = None
    for s in summarize(articles, words, units=units, matrix=matrix):
        n = index.get((s.article, s.start), -2)
        out.append((f"summary@{words}", s.text, s.article in transcript, previous == (s.article, n - 1)))
        previous = (s.article, n)
    if timeline:
        for e in build_timeline(articles, dates=10, sentences=2, units=units, matrix=matrix):
            out.append(("timeline", e.text, e.sources[0] in transcript if e.sources else False, False))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=100, help="Multi-News dev clusters (default 100)")
    parser.add_argument("--t17-articles", type=int, default=60, help="articles sampled per T17 topic (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--show", type=int, default=60, help="chosen sentences to print for a hand check (60)")
    parser.add_argument("--list-fluff", action="store_true", help="print every sentence the detector calls fluff")
    parser.add_argument(
        "--show-seed", type=int, default=None, help="seed of the --show draw only (default: --seed); the data stay"
    )
    args = parser.parse_args()
    print("$ " + " ".join(["python", "benchmarks/brief_fluff.py", *sys.argv[1:]]))
    datasets = {
        "MMDS dev": mmds_stories(),
        "Multi-News": multinews_stories(args.clusters, args.seed),
        "T17": t17_stories(args.t17_articles, args.seed),
    }
    everything: list[tuple[str, str, str, str | None]] = []
    print(f"\n{'dataset':<12} {'stories':>7} {'where':<12} {'chosen':>6} {'fluff':>5} {'rate':>6}  kinds")
    total = Counter[str]()
    for name, stories in datasets.items():
        per_where: dict[str, list[str | None]] = {}
        t0 = time.perf_counter()
        for i, story in enumerate(stories):
            for budget in BUDGETS:
                for where, text, transcript, after in chosen_sentences(story, budget, timeline=budget == BUDGETS[0]):
                    kind = fluff_kind(text, transcript)
                    if kind == "dangling" and after:
                        kind = None  # the sentence it needs is the one shown just before it
                    per_where.setdefault(where, []).append(kind)
                    everything.append((name, where, text + (" (shown after its sentence)" if after else ""), kind))
            del i
        for where, kinds in sorted(per_where.items()):
            bad = [k for k in kinds if k]
            total["chosen"] += len(kinds)
            total["fluff"] += len(bad)
            detail = ", ".join(f"{k} {c}" for k, c in Counter(bad).most_common())
            rate = len(bad) / max(1, len(kinds))
            print(f"{name:<12} {len(stories):>7} {where:<12} {len(kinds):>6} {len(bad):>5} {rate:>6.1%}  {detail}")
        print(f"  ({name}: {time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    overall = total["fluff"] / max(1, total["chosen"])
    verdict = "meets" if overall <= BAR else "misses"
    print(f"\noverall fluff rate {overall:.1%} of {total['chosen']} chosen sentences ({verdict} the {BAR:.0%} bar)")
    if args.list_fluff:
        print("\nevery chosen sentence the detector calls fluff:")
        for name, where, text, kind in everything:
            if kind:
                print(f"  [{kind}] {name} {where}: {text}")
    if args.show:
        seed = args.seed if args.show_seed is None else args.show_seed
        rng = random.Random(seed)
        sample = rng.sample(everything, min(args.show, len(everything)))
        print(f"\n{len(sample)} chosen sentences (seed {seed}) for a hand check; detector kind in brackets:")
        for n, (name, where, text, kind) in enumerate(sample, 1):
            print(f"{n:>3}. [{kind or '-'}] {name} {where}: {text}")


if __name__ == "__main__":
    main()
