"""Timelines against T17 gold timelines: date selection F1 and alignment-based ROUGE (AR-1, AR-2).

Data. ``t17_timelines_derived`` (Tran et al. 2013, as re-packaged from news-tls): ``articles/<topic>.csv.gz``
(``date,text``; PTB-tokenized, one sentence per line) and one gold timeline per topic in ``gold_timelines.jsonl``. Every
topic with an articles file is used (finan, h1n1, iraq, libya, syria). A gold day that has several blocks in the raw
file (h1n1, libya, syria) is one day with all their sentences.

Input. Each article's lines are lightly de-tokenized (``-LRB-`` → ``(``, ``\\/`` → ``/``, PTB double quotes → ``"``, no
space before ``'s``, ``n't``, ``, . ; : ? ! % )`` nor after ``( $``), joined with line breaks (one sentence per
paragraph) and written to a temporary JSONL file (``id``, ``text``, ``published`` = the ``date`` column).
Then the real pipeline: ``load`` (ingest + clean) and ``annotate_corpus`` (``--processes`` spaCy processes). Annotation
is the slow part, so each topic and setting is capped at ``--max-articles`` articles (default 300), sampled with
``random.Random(--seed)`` (default 0); annotated articles are cached with pickle in ``/tmp/storybrief-bench``, keyed by
the ingest/clean/annotate sources and the de-tokenizer, so tuning ``storybrief.synthesize`` reuses the cache.
``annotate_articles`` raises when the date tagger fails on one article, losing the whole batch, so every cleaned article
is passed to ``tag_dates`` once beforehand and left out (column ``crashed``) if that raises.

Settings, one run. As in news-tls (Gholipour Ghalandari & Ifrim, ACL 2020), the number of dates is the gold timeline's
(``dates=len(gold)``) and the sentences per date ``round(mean gold sentences per date)``.

* ``storybrief span``: the **news-tls protocol**. Input = articles published between the first and the last gold date
  (news-tls ``time_span_extension=0`` for T17), and candidate days limited to that span (news-tls drops ranked dates
  outside it). storybrief has no such option, so the day-valued ``TimeMention``s outside the span are removed from
  copies of the articles before ``build_timeline`` is called. This is the row to compare with the published figure;
* ``storybrief span, any day``: the same input, no day restriction;
* ``storybrief all articles``: the whole topic (sampled), no restriction: storybrief as a user would run it;
* ``pub-date baseline (span)``: the ``dates`` days on which most input articles (span setting) were published, each with
  the lead sentences of that day's articles (the first eligible sentence of each, in input order, up to ``sentences``).

Metrics, per topic, and averaged as news-tls does (mean precision and mean recall over topics, F1 of those):

* date P/R/F1: predicted days against gold days, exact match;
* AR-1 and AR-2 (Martschat & Markert, EACL 2017, "Improving ROUGE for Timeline Summarization"), the *align+ m:1* variant
  (date-content costs, many-to-one; tilse's ``align_date_content_costs_many_to_one``, which news-tls reports). For
  precision every predicted day p is aligned to the gold day r of least cost ``(1 - 1/(|p-r|+1)) * (1 - F1approx(p,
  r))``, F1approx being a unigram F1 of the two days' summaries (lower-cased alphanumeric tokens); for recall every gold
  day is aligned to the predicted day of least cost, the same way. Each aligned pair adds its ROUGE-n overlap count,
  weighted by ``1/(|p-r|+1)``, to the numerator, and its predicted (precision) or gold (recall) n-gram count to the
  denominator; P and R are sums over days. ROUGE tokens follow ROUGE-1.5.5 ``-m -s`` as tilse runs it: lower-cased, runs
  of non-alphanumerics as separators, stop words removed (spaCy's English list, not ROUGE's SMART list), Porter stems
  (tokens longer than 3 characters, as rouge-score does); n-grams run across the sentences of a day.

Halves (issue 16): every article row belongs to a fixed half, ``tune`` or ``held`` (a hash of topic and row, see
``half_of``); ``--half tune`` (the default) is for tuning, ``--half held`` only for final figures, ``--half all`` takes
both. The cache key does not cover ``annotate/dates/``, so the dates of every cached article are tagged again with the
current tagger (``retagged``). The run ends with a per-topic verdict: ``storybrief span`` against the pub-date baseline
on date F1 and AR-1 F, ahead when it is above it on both.

Diagnostics (storybrief span): ``cand`` = distinct days storybrief could choose from (every in-span day an eligible
sentence mentions), ``cov`` = share of gold days among them (a ceiling on date recall), ``±1`` = predicted days that are
not gold days but next to one, ``inf`` = share of predicted days marked inferred. ``--show-dates`` lists the gold days
found, missed (and which of those were not even candidates) and the extra days.

Reference, on different data (the full T17: 9 topics, 19 timelines): news-tls Datewise, date F1 0.544 and AR-1 F 0.120.
The bar here: date F1 >= 0.55 for ``storybrief span``.

    python benchmarks/brief_timeline.py [--max-articles 300] [--seed 0] [--topics ...] [--processes 2]
        [--no-cache] [--show-dates] [--half tune|held|all]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import hashlib
import json
import pickle
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from _data import datasets_dir, source_key
from storybrief.annotate.annotator import annotation_end, tag_article_dates
from storybrief.annotate.dates import tag_dates
from storybrief.model import Article
from storybrief.pipeline import annotate_corpus, load
from storybrief.synthesize.sentences import story_units
from storybrief.synthesize.timeline import build_timeline

CACHE_DIR = Path("/tmp/storybrief-bench")
ANCHOR = {"date F1": 0.544, "AR-1 F": 0.120}
BAR_DATE_F1 = 0.55
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")

Timeline = dict[str, list[str]]  # ISO day -> sentences


def cache_key(*parts: str) -> str:
    return source_key(*parts)


# ---------------------------------------------------------------------------------------------- data

_PTB = [
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"),
    (re.compile(r"-LCB-"), "{"),
    (re.compile(r"-RCB-"), "}"),
    (re.compile(r"\\([/*])"), r"\1"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|'S|'RE|'VE|'LL|'D|'M)\b"), r"\1"),
    (re.compile(r" ([,.;:?!%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r"` (\w)"), r"'\1"),
    (re.compile(r" ' "), "' "),
]


def detokenize(line: str) -> str:
    """Light PTB de-tokenization of one sentence line."""
    text = line.strip()
    for pattern, repl in _PTB:
        text = pattern.sub(repl, text)
    return text


def read_topic(path: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(1 << 30)
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return [(row["date"][:10], row["text"]) for row in csv.DictReader(f)]


def merge_days(blocks: Sequence[tuple[str, list[str]]]) -> Timeline:
    """Gold day -> sentences; a day with several blocks in the raw file gets all their sentences."""
    out: Timeline = defaultdict(list)
    for day, sentences in blocks:
        out[day].extend(sentences)
    return dict(out)


def half_of(topic: str, index: int) -> str:
    """The fixed half an article belongs to: ``tune`` or ``held`` (a hash of topic and row, not of the seed)."""
    digest = hashlib.sha1(f"{topic}-{index}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def sample(indices: Sequence[int], cap: int, seed: int) -> list[int]:
    if len(indices) <= cap:
        return list(indices)
    return sorted(random.Random(seed).sample(list(indices), cap))


def annotated(
    topic: str, rows: Sequence[tuple[str, str]], needed: Sequence[int], processes: int, use_cache: bool
) -> tuple[dict[int, Article | None], set[int]]:
    """Row index -> annotated article (``None`` when left out), and the rows the date tagger crashed on.

    ``annotate_articles`` raises when ``tag_dates`` fails on one article, which would lose the whole batch, so
    every cleaned article is tagged once beforehand and left out (and counted) if that raises.
    """
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    recipe = repr([(p.pattern, r) for p, r in _PTB])  # the input text depends on detokenize() only
    cache = CACHE_DIR / f"t17-{topic}-{cache_key(recipe)}.pkl"
    done: dict[int, Article | None] = {}
    crashed: set[int] = set()
    if use_cache and cache.exists():
        with cache.open("rb") as f:
            done, crashed = pickle.load(f)
    missing = [i for i in needed if i not in done]
    if missing:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{topic}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for i in missing:
                    day, text = rows[i]
                    body = "\n".join(detokenize(line) for line in text.splitlines() if line.strip())
                    f.write(json.dumps({"id": f"{topic}-{i}", "text": body, "published": day}) + "\n")
            corpus = load([str(path)])
        ok = []
        for a in corpus.articles:
            try:
                tag_dates(a.text, a.published.date() if a.published else None)
            except Exception as exc:  # a bug of the date tagger: reported, the article left out
                crashed.add(int(a.id.rsplit("-", 1)[1]))
                print(f"{a.id}: tag_dates raised {type(exc).__name__}: {exc}; left out", file=sys.stderr)
            else:
                ok.append(a)
        corpus.articles = ok
        annotate_corpus(corpus, n_process=processes)
        by_id = {a.id: a for a in corpus.articles}
        for i in missing:
            done[i] = by_id.get(f"{topic}-{i}")
        dt = time.perf_counter() - t0
        print(f"{topic}: annotated {len(missing)} articles in {dt:.0f}s ({len(missing) / dt:.1f}/s)", file=sys.stderr)
        with cache.open("wb") as f:
            pickle.dump((done, crashed), f)
    return retagged(done), crashed


def retagged(done: dict[int, Article | None]) -> dict[int, Article | None]:
    """The cache key does not cover ``annotate/dates/``: every cached article's dates are tagged again with the
    current tagger (cheap, no parse needed), so a change to the tagger is always measured."""
    out: dict[int, Article | None] = {}
    for i, a in done.items():
        if a is None:
            out[i] = None
            continue
        text = a.text[: annotation_end(a.text)]
        out[i] = dataclasses.replace(a, dates=tag_article_dates(a, text))
    return out


# ---------------------------------------------------------------------------------------------- systems


def in_span_only(articles: Sequence[Article], first: str, last: str) -> list[Article]:
    """Copies whose day-valued date mentions outside ``first``..``last`` are dropped (news-tls's date filter)."""
    out = []
    for a in articles:
        keep = [m for m in a.dates if not (m.value and _DAY_RE.match(m.value)) or first <= (m.value or "")[:10] <= last]
        out.append(dataclasses.replace(a, dates=keep))
    return out


def storybrief_timeline(articles: Sequence[Article], n_dates: int, k: int) -> tuple[Timeline, set[str]]:
    tl: Timeline = defaultdict(list)
    inferred = set()
    for entry in build_timeline(articles, dates=n_dates, sentences=k):
        tl[entry.date].append(entry.text)
        if entry.inferred:
            inferred.add(entry.date)
    return dict(tl), inferred


def candidate_days(articles: Sequence[Article]) -> set[str]:
    return {e.date for e in build_timeline(articles, dates=1_000_000, sentences=1)}


def pubdate_baseline(articles: Sequence[Article], n_dates: int, k: int) -> Timeline:
    days: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        if a.published is not None:
            days[a.published.date().isoformat()].append(a)
    top = sorted(days, key=lambda d: (-len(days[d]), d))[:n_dates]
    tl: Timeline = {}
    for d in sorted(top):
        leads = []
        for a in days[d]:
            lead = next((u.text for u in story_units([a]) if u.eligible), None)
            if lead is not None:
                leads.append(lead)
            if len(leads) == k:
                break
        tl[d] = leads
    return tl


# ---------------------------------------------------------------------------------------------- metrics


class RougeTokens:
    """ROUGE-1.5.5 ``-m -s`` style tokens: lower case, alphanumeric runs, no stop words, Porter stems."""

    def __init__(self) -> None:
        from nltk.stem import porter
        from spacy.lang.en.stop_words import STOP_WORDS

        self.stem = porter.PorterStemmer("ORIGINAL_ALGORITHM").stem
        self.stop = STOP_WORDS
        self._cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        if text not in self._cache:
            words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
            self._cache[text] = [self.stem(w) if len(w) > 3 else w for w in words if w not in self.stop]
        return self._cache[text]


def ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _approx_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """Unigram F1 of two summaries (tilse's ROUGE-1 approximation used in the alignment costs)."""
    ca, cb = Counter(a), Counter(b)
    match = sum((ca & cb).values())
    if not match:
        return 0.0
    p, r = match / len(a), match / len(b)
    return 2 * p * r / (p + r)


def _prf(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def date_prf(pred: Timeline, gold: Timeline) -> tuple[float, float, float]:
    shared = len(set(pred) & set(gold))
    p = shared / len(pred) if pred else 0.0
    r = shared / len(gold) if gold else 0.0
    return p, r, _prf(p, r)


def align_rouge(pred: Timeline, gold: Timeline, tok: RougeTokens) -> dict[int, tuple[float, float, float]]:
    """AR-n precision, recall, F (n = 1, 2), align+ m:1 (date-content costs, many-to-one)."""
    if not pred or not gold:
        return {1: (0.0, 0.0, 0.0), 2: (0.0, 0.0, 0.0)}
    days_p, days_g = sorted(pred), sorted(gold)
    ordinal = {d: date.fromisoformat(d).toordinal() for d in [*days_p, *days_g]}
    toks_p = {d: [t for s in pred[d] for t in tok(s)] for d in days_p}
    toks_g = {d: [t for s in gold[d] for t in tok(s)] for d in days_g}
    plain = {("p", d): re.findall(r"[a-z0-9]+", " ".join(pred[d]).lower()) for d in days_p}
    plain.update({("g", d): re.findall(r"[a-z0-9]+", " ".join(gold[d]).lower()) for d in days_g})

    def weight(p: str, g: str) -> float:
        return 1.0 / (abs(ordinal[p] - ordinal[g]) + 1)

    def cost(p: str, g: str) -> float:
        return (1.0 - weight(p, g)) * (1.0 - _approx_f1(plain[("p", p)], plain[("g", g)]))

    # many-to-one: each predicted day to its cheapest gold day (precision), each gold day to its cheapest
    # predicted day (recall); ties go to the earliest day, like argmin over sorted dates
    to_gold = {p: min(days_g, key=lambda g, p=p: cost(p, g)) for p in days_p}
    to_pred = {g: min(days_p, key=lambda p, g=g: cost(p, g)) for g in days_g}
    out = {}
    for n in (1, 2):
        grams_p = {d: ngrams(toks_p[d], n) for d in days_p}
        grams_g = {d: ngrams(toks_g[d], n) for d in days_g}
        p_num = sum(weight(p, g) * sum((grams_p[p] & grams_g[g]).values()) for p, g in to_gold.items())
        p_den = sum(sum(grams_p[p].values()) for p in days_p)
        r_num = sum(weight(p, g) * sum((grams_p[p] & grams_g[g]).values()) for g, p in to_pred.items())
        r_den = sum(sum(grams_g[g].values()) for g in days_g)
        prec = p_num / p_den if p_den else 0.0
        rec = r_num / r_den if r_den else 0.0
        out[n] = (prec, rec, _prf(prec, rec))
    return out


# ---------------------------------------------------------------------------------------------- run

SETTINGS = ["storybrief span", "storybrief span, any day", "storybrief all articles", "pub-date baseline (span)"]


@dataclasses.dataclass
class Result:
    date: tuple[float, float, float]
    ar1: tuple[float, float, float]
    ar2: tuple[float, float, float]
    n_pred: int


def score(pred: Timeline, gold: Timeline, tok: RougeTokens) -> Result:
    ar = align_rouge(pred, gold, tok)
    return Result(date_prf(pred, gold), ar[1], ar[2], len(pred))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-articles", type=int, default=300, help="articles per topic and setting (300)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--topics", nargs="*", default=None, help="topics (default: every topic with articles)")
    parser.add_argument("--processes", type=int, default=2, help="spaCy processes for annotation (default 2)")
    parser.add_argument("--no-cache", action="store_true", help="re-annotate (and rewrite the cache)")
    parser.add_argument("--show-dates", action="store_true", help="list gold days found, missed and extra")
    parser.add_argument(
        "--half",
        choices=("tune", "held", "all"),
        default="tune",
        help="articles of the tuning half (default), of the held-aside half (final figures only), or all",
    )
    args = parser.parse_args()
    print("$ " + " ".join(["python", "benchmarks/brief_timeline.py", *sys.argv[1:]]))

    root = datasets_dir() / "t17_timelines_derived"
    with (root / "gold_timelines.jsonl").open(encoding="utf-8") as f:
        golds = {g["topic"]: merge_days(g["timeline"]) for g in map(json.loads, f)}
    topics = args.topics or sorted(p.name.split(".")[0] for p in (root / "articles").glob("*.csv.gz"))
    tok = RougeTokens()

    results: dict[str, dict[str, Result]] = defaultdict(dict)
    info: dict[str, str] = {}
    diag: dict[str, str] = {}
    shown: list[str] = []
    for topic in topics:
        gold = golds[topic]
        first, last = min(gold), max(gold)
        n_dates = len(gold)
        k = round(statistics.mean(len(s) for s in gold.values()))
        rows = read_topic(root / "articles" / f"{topic}.csv.gz")
        mine = [i for i in range(len(rows)) if args.half == "all" or half_of(topic, i) == args.half]
        span_rows = sample([i for i in mine if first <= rows[i][0] <= last], args.max_articles, args.seed)
        all_rows = sample(mine, args.max_articles, args.seed)
        done, crashed = annotated(topic, rows, sorted({*span_rows, *all_rows}), args.processes, not args.no_cache)
        span_articles = [a for i in span_rows if (a := done[i]) is not None]
        all_articles = [a for i in all_rows if (a := done[i]) is not None]
        info[topic] = (
            f"{topic:<6} {len(rows):5d} {len(span_articles):5d} {len(all_articles):5d} {n_dates:5d} {k:3d}  "
            f"{first} … {last}  {len(crashed & {*span_rows, *all_rows}):3d}"
        )

        t0 = time.perf_counter()
        restricted = in_span_only(span_articles, first, last)
        tl_span, inferred = storybrief_timeline(restricted, n_dates, k)
        seconds = time.perf_counter() - t0
        tl_any, _ = storybrief_timeline(span_articles, n_dates, k)
        tl_all, _ = storybrief_timeline(all_articles, n_dates, k)
        tl_base = pubdate_baseline(span_articles, n_dates, k)
        for name, tl in zip(SETTINGS, [tl_span, tl_any, tl_all, tl_base], strict=True):
            results[topic][name] = score(tl, gold, tok)

        cands = candidate_days(restricted)
        near = sum(
            1
            for d in tl_span
            if d not in gold
            and any(abs(date.fromisoformat(d).toordinal() - date.fromisoformat(g).toordinal()) == 1 for g in gold)
        )
        diag[topic] = (
            f"{topic:<6} {len(cands):5d} {len(cands & set(gold)) / len(gold):5.2f} {near:4d}/{len(tl_span):<4d}"
            f"{len(inferred) / max(1, len(tl_span)):5.2f} {seconds:6.1f}s"
        )
        if args.show_dates:
            found = sorted(set(tl_span) & set(gold))
            missed = sorted(set(gold) - set(tl_span))
            extra = sorted(set(tl_span) - set(gold))
            shown.append(
                f"{topic}: found {len(found)}: {' '.join(found)}\n  missed {len(missed)}: {' '.join(missed)}\n"
                f"  extra {len(extra)}: {' '.join(extra)}\n  missed, not even a candidate: "
                f"{' '.join(d for d in missed if d not in cands)}"
            )

    cap = args.max_articles
    print(
        f"\nT17 (derived copy): {len(topics)} topics, half {args.half}, at most {cap} articles per setting "
        f"(seed {args.seed})"
    )
    print("dates = gold dates, k = round(mean gold sentences per date); span = first … last gold date\n")
    print(f"{'topic':<6} {'arts':>5} {'span':>5} {'all':>5} {'dates':>5} {'k':>3}  {'gold span':<23}  crashed")
    for topic in topics:
        print(info[topic])

    print("\ndate P/R/F1 (exact day), AR-1 and AR-2 (align+ m:1) P/R/F\n")
    header = (
        f"{'setting':<26} {'topic':<6} {'days':>4} {'date P':>6} {'R':>5} {'F1':>5}  {'AR-1 P':>6} {'R':>5} {'F':>5}"
    )
    header += f"  {'AR-2 P':>6} {'R':>5} {'F':>5}"
    print(header)
    for name in SETTINGS:
        for topic in topics:
            r = results[topic][name]
            print(
                f"{name:<26} {topic:<6} {r.n_pred:4d} {r.date[0]:6.3f} {r.date[1]:5.3f} {r.date[2]:5.3f}  "
                f"{r.ar1[0]:6.3f} {r.ar1[1]:5.3f} {r.ar1[2]:5.3f}  {r.ar2[0]:6.3f} {r.ar2[1]:5.3f} {r.ar2[2]:5.3f}"
            )
        means = []
        for attr in ("date", "ar1", "ar2"):
            p = statistics.fmean(getattr(results[t][name], attr)[0] for t in topics)
            rc = statistics.fmean(getattr(results[t][name], attr)[1] for t in topics)
            means.append((p, rc, _prf(p, rc)))
        d, a1, a2 = means
        print(
            f"{name:<26} {'MEAN':<6} {'':>4} {d[0]:6.3f} {d[1]:5.3f} {d[2]:5.3f}  {a1[0]:6.3f} {a1[1]:5.3f} "
            f"{a1[2]:5.3f}  {a2[0]:6.3f} {a2[1]:5.3f} {a2[2]:5.3f}\n"
        )

    print("storybrief span, diagnostics: candidate days, gold coverage, predicted days off by one, inferred, time")
    print(f"{'topic':<6} {'cand':>5} {'cov':>5} {'±1':>9} {'inf':>5} {'build':>7}")
    for topic in topics:
        print(diag[topic])

    print("\nstorybrief span against the pub-date baseline, per topic (date F1, AR-1 F)")
    ahead = 0
    for topic in topics:
        sb, base = results[topic]["storybrief span"], results[topic]["pub-date baseline (span)"]
        wins = sb.date[2] > base.date[2] and sb.ar1[2] > base.ar1[2]
        ahead += wins
        print(
            f"{topic:<6} date F1 {sb.date[2]:.3f} vs {base.date[2]:.3f}  AR-1 F {sb.ar1[2]:.3f} vs {base.ar1[2]:.3f}  "
            f"{'ahead' if wins else 'NOT AHEAD'}"
        )
    print(f"ahead on both on {ahead}/{len(topics)} topics")

    p = statistics.fmean(results[t]["storybrief span"].date[0] for t in topics)
    rc = statistics.fmean(results[t]["storybrief span"].date[1] for t in topics)
    f1 = _prf(p, rc)
    anchor = ", ".join(f"{k} {v:.3f}" for k, v in ANCHOR.items())
    print(f"\nreference, news-tls Datewise on full T17: {anchor}")
    print(f"bar: date F1 >= {BAR_DATE_F1}: storybrief span {f1:.3f} {'PASS' if f1 >= BAR_DATE_F1 else 'FAIL'}")
    if shown:
        print("\n" + "\n".join(shown))


if __name__ == "__main__":
    main()
