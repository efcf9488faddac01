"""Story summaries against human references: ROUGE on Multi-News (Fabbri et al., ACL 2019).

Data. ``multinews_test_mnplus/dev_half.jsonl.gz`` (the first 2,800 clusters of the Multi-News test split, in the
truncated "Multi-News-500" form: lower-cased, about 430 input words per cluster). A fixed sample of ``--clusters``
clusters is drawn with ``random.Random(--seed)``; all of a cluster's non-empty documents are used (including those
Multi-News+ flags as irrelevant: the classic setting). The dataset's spacing around punctuation is undone first
(``detokenize``: ``( ap )`` → ``(ap)``, ``we ' ll`` → ``we'll``, stand-alone straight quotes paired and attached;
``--raw`` skips this); the lower-casing cannot be undone. Each cluster is written to a temporary JSONL file (one record
per document, ``id`` and ``text`` only: there is no title or date) and goes through the real pipeline: ``load`` (ingest
+ clean), ``annotate_corpus`` and ``group_corpus(single_story=True)`` (duplicates and rewrites, as ``--single-story``
does). Annotated clusters are cached with pickle in ``/tmp/storybrief-bench``; the cache key covers the
ingest/clean/annotate/group sources, so tuning ``storybrief.synthesize`` reuses it.

Budget. The reference summary's length in words (whitespace tokens with a letter or digit; the leading "–" of Multi-News
references does not count). Every system gets the same budget, and every baseline fills it the way ``summarize`` does:
go down the ranking, add a sentence if it fits in the remaining budget, stop when fewer than 5 words remain. Sentence
length is ``len(text.split())``, as in storybrief.

Sentences. All systems pick from the same sentences: storybrief's units of the annotated articles
(``article.text[s.start:s.end]`` for each sentence, i.e. ``synthesize.sentences.story_units``). storybrief only
considers its *eligible* units (complete body sentences of 6-70 words); the baselines may take any sentence, including
the truncated last sentence of a document. Chosen sentences are joined in reading order (document, then position), as
storybrief does.

Systems, one run:

* ``storybrief``: ``summarize(articles_of_cluster, budget)``;
* ``storybrief all-elig.`` (diagnostic): the same, given ``units=`` in which every sentence is eligible, so that it
  ranks the same pool as the baselines: the difference to ``storybrief`` is the eligibility filter's;
* ``lead round-robin``: first sentence of every document, then every second sentence, ... (the budgeted form of
  Multi-News's First-k baselines);
* ``lead doc order``: all of document 1, then document 2, ...;
* ``LexRank`` and ``TextRank`` (sumy, English Snowball stemmer and sumy's English stop words, default parameters) given
  a regex tokenizer (sumy's default one needs NLTK punkt data) over a DOM document built from the same sentences, one
  paragraph per document; sentences ranked by their LexRank / TextRank score;
* ``oracle (greedy)``: repeatedly add the sentence that most improves ROUGE-1 F + ROUGE-2 F against the reference
  (stemmed rouge-score tokens) and fits the budget; stop when nothing improves. A ceiling for extraction from these
  sentences.

Score. ``rouge_score.rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)``, F-measure, mean over
clusters. Deltas of both storybrief rows against LexRank, TextRank and lead round-robin are paired (per cluster), with a
95 % bootstrap interval (2,000 resamples of clusters) and the number of clusters won. Diagnostic columns: mean words
used (of the budget), sentences chosen, the mean position (0 = lead) of the chosen sentences in their document, and
milliseconds per cluster. The header also counts the clusters whose eligible sentences hold fewer words than the budget
(storybrief cannot fill it there).

Halves. ``--half tune`` keeps the sampled clusters at even positions (of the sample sorted by dataset order),
``--half held`` those at odd positions: tune on the first, report the second (``all``, the default, keeps both).

    python benchmarks/brief_rouge.py [--clusters 60] [--seed 0] [--half all|tune|held] [--raw] [--no-cache]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import inspect
import json
import pickle
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from _data import datasets_dir, source_key
from storybrief.model import Article
from storybrief.pipeline import annotate_corpus, group_corpus, load
from storybrief.synthesize.sentences import Unit, story_units
from storybrief.synthesize.summary import summarize

CACHE_DIR = Path("/tmp/storybrief-bench")
MIN_LEFT = 5  # the fill rule of storybrief's summarize: stop when fewer words than this remain
_WORD_RE = re.compile(r"\w")


def cache_key(*parts: str) -> str:
    return source_key(*parts, stages=("ingest", "clean", "annotate", "group", "model"))


def words_of(text: str) -> int:
    return sum(1 for w in text.split() if _WORD_RE.search(w))


# ---------------------------------------------------------------------------------------------- data


def sample_clusters(path: Path, n: int, seed: int, half: str = "all") -> list[dict]:
    """``n`` clusters drawn with ``seed``, in dataset order; ``half`` "tune" / "held": even / odd positions."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    picked = sorted(random.Random(seed).sample(range(len(rows)), min(n, len(rows))))
    if half != "all":
        picked = picked[0 if half == "tune" else 1 :: 2]
    return [rows[i] for i in picked]


_QUOTE_TOKEN = re.compile(r'^"[.,;:!?)\]]*$')
_CONTRACTION = re.compile(r"(\w) ' (m|ll|s|re|ve|d|t|em)\b")


def detokenize(doc: str) -> str:
    """Undo the dataset's spacing around punctuation: ``( ap )``, ``we ' ll``, ``" a quote , "``, ``$ 2``.

    Straight double quotes that stand alone as tokens are paired within the document: one opens (joined to
    the next token) when no quote is open, the next closes it (joined to the previous token). The dataset
    also leaves some opening quotes glued to their word (``"the real housewives , "``): those open a quote
    as well, so that the stand-alone mark after them closes it instead of opening a quote that would run
    to the end of the document.
    """
    out: list[str] = []
    opening = True
    glue_next = False
    for tok in doc.split(" "):
        if not tok:
            continue
        if '"' in tok and not _QUOTE_TOKEN.match(tok):
            # a mark glued to a word: at its start it opens a quote, anywhere else it closes one
            for k, ch in enumerate(tok):
                if ch == '"':
                    opening = k != 0
        if _QUOTE_TOKEN.match(tok):
            if opening:
                out.append(tok)
                glue_next = True
            elif out:
                out[-1] += tok
            else:
                out.append(tok)
            opening = not opening
            continue
        if glue_next and out:
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = False
    text = " ".join(out)
    text = _CONTRACTION.sub(r"\1'\2", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" ([)\]%])", r"\1", text)
    return text


def annotate_cluster(row: dict, tmp: Path, raw: bool) -> list[Article]:
    path = tmp / f"{row['id']}.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for k, doc in enumerate(row["documents"]):
            if doc.strip():
                text = doc if raw else detokenize(doc)
                f.write(json.dumps({"id": f"{row['id']}-d{k}", "text": text}) + "\n")
    corpus = load([str(path)])
    annotate_corpus(corpus, n_process=1)
    group_corpus(corpus, single_story=True)
    return corpus.articles


def annotated_clusters(rows: Sequence[dict], use_cache: bool, raw: bool) -> dict[str, list[Article]]:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    recipe = "raw" if raw else inspect.getsource(detokenize)  # the input text depends on detokenize() only
    cache = CACHE_DIR / f"multinews-{cache_key(recipe)}.pkl"
    done: dict[str, list[Article]] = {}
    if use_cache and cache.exists():
        with cache.open("rb") as f:
            done = pickle.load(f)
    missing = [r for r in rows if r["id"] not in done]
    if missing:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            for row in missing:
                done[row["id"]] = annotate_cluster(row, Path(tmp), raw)
        n_docs = sum(len(done[r["id"]]) for r in missing)
        dt = time.perf_counter() - t0
        print(f"annotated {len(missing)} clusters ({n_docs} articles) in {dt:.0f}s", file=sys.stderr)
        with cache.open("wb") as f:
            pickle.dump(done, f)
    return {r["id"]: done[r["id"]] for r in rows}


# ---------------------------------------------------------------------------------------------- systems


def fill(order: Sequence[int], units: Sequence[Unit], budget: int) -> list[int]:
    """storybrief's fill rule, without its redundancy check; returns indices in reading order."""
    chosen: list[int] = []
    used = 0
    for i in order:
        if used + units[i].words > budget:
            if budget - used < MIN_LEFT:
                break
            continue
        chosen.append(i)
        used += units[i].words
    return sorted(chosen, key=lambda k: (units[k].article, units[k].position))


def lead_round_robin(units: Sequence[Unit]) -> list[int]:
    return sorted(range(len(units)), key=lambda k: (units[k].position, units[k].article))


def lead_doc_order(units: Sequence[Unit]) -> list[int]:
    return sorted(range(len(units)), key=lambda k: (units[k].article, units[k].position))


class RegexTokenizer:
    """What sumy asks of a tokenizer, without NLTK data: sentences at end punctuation, words by regex."""

    language = "english"
    _SENT = re.compile(r"(?<=[.!?])\s+")
    _WORD = re.compile(r"\w+(?:['’]\w+)*")

    def to_sentences(self, text: str) -> list[str]:
        return [s for s in self._SENT.split(text) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return self._WORD.findall(sentence)


class SumyRankers:
    """LexRank and TextRank scores of given sentences (sumy's own scoring, our sentence split)."""

    def __init__(self) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        stemmer = Stemmer("english")
        stop = get_stop_words("english")
        self.lex = LexRankSummarizer(stemmer)
        self.lex.stop_words = stop
        self.text = TextRankSummarizer(stemmer)
        self.text.stop_words = stop
        self.tokenizer = RegexTokenizer()

    def document(self, units: Sequence[Unit]):
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        paragraphs: dict[int, list] = {}
        for u in units:
            paragraphs.setdefault(u.article, []).append(Sentence(u.text, self.tokenizer))
        return ObjectDocumentModel([Paragraph(s) for _, s in sorted(paragraphs.items())])

    def lexrank(self, units: Sequence[Unit]) -> list[float]:
        doc = self.document(units)
        lex = self.lex
        words = [lex._to_words_set(s) for s in doc.sentences]  # the steps of LexRankSummarizer.__call__
        tf = lex._compute_tf(words)
        idf = lex._compute_idf(words)
        matrix = lex._create_matrix(words, lex.threshold, tf, idf)
        return [float(x) for x in lex.power_method(matrix, lex.epsilon)]

    def textrank(self, units: Sequence[Unit]) -> list[float]:
        doc = self.document(units)
        ratings = self.text.rate_sentences(doc)
        return [float(ratings[s]) for s in doc.sentences]


def by_score(scores: Sequence[float]) -> list[int]:
    return sorted(range(len(scores)), key=lambda k: (-scores[k], k))


def _prf(overlap: int, pred: int, ref: int) -> float:
    if overlap == 0 or pred == 0 or ref == 0:
        return 0.0
    p, r = overlap / pred, overlap / ref
    return 2 * p * r / (p + r)


def _ngrams(tokens: Sequence[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def oracle(units: Sequence[Unit], reference: str, budget: int, tokenize: Callable[[str], list[str]]) -> list[int]:
    """Greedy: add the sentence that most improves ROUGE-1 F + ROUGE-2 F, while it fits."""
    ref = tokenize(reference)
    ref1, ref2 = _ngrams(ref, 1), _ngrams(ref, 2)
    toks = [tokenize(u.text) for u in units]
    chosen: list[int] = []
    current: list[str] = []
    used, best = 0, 0.0
    while True:
        pick, pick_score = None, best
        for i, u in enumerate(units):
            if i in chosen or used + u.words > budget or not toks[i]:
                continue
            cand = current + toks[i]
            c1, c2 = _ngrams(cand, 1), _ngrams(cand, 2)
            score = _prf(sum((c1 & ref1).values()), len(cand), len(ref)) + _prf(
                sum((c2 & ref2).values()), max(0, len(cand) - 1), max(0, len(ref) - 1)
            )
            if score > pick_score + 1e-12:
                pick, pick_score = i, score
        if pick is None:
            break
        chosen.append(pick)
        current += toks[pick]
        used += units[pick].words
        best = pick_score
    return sorted(chosen, key=lambda k: (units[k].article, units[k].position))


# ---------------------------------------------------------------------------------------------- run


@dataclass
class Output:
    text: str
    words: int
    sentences: int
    position: float


def from_units(units: Sequence[Unit], chosen: Sequence[int]) -> Output:
    text = " ".join(units[i].text for i in chosen)
    pos = statistics.mean(units[i].position for i in chosen) if chosen else 0.0
    return Output(text, len(text.split()), len(chosen), pos)


def bootstrap(deltas: Sequence[float], n: int = 2000, seed: int = 1) -> tuple[float, float]:
    rng = random.Random(seed)
    means = sorted(statistics.fmean(rng.choices(deltas, k=len(deltas))) for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n) - 1]


SYSTEMS = [
    "storybrief",
    "storybrief all-elig.",
    "lead round-robin",
    "lead doc order",
    "LexRank",
    "TextRank",
    "oracle (greedy)",
]
METRICS = ["rouge1", "rouge2", "rougeL"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=60, help="clusters to sample (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    parser.add_argument("--no-cache", action="store_true", help="re-annotate (and rewrite the cache)")
    parser.add_argument("--raw", action="store_true", help="feed the documents as tokenized, without detokenize()")
    parser.add_argument("--half", choices=["all", "tune", "held"], default="all", help="half of the sample to use")
    args = parser.parse_args()
    print("$ " + " ".join(["python", "benchmarks/brief_rouge.py", *sys.argv[1:]]))

    from rouge_score import rouge_scorer

    path = datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    rows = sample_clusters(path, args.clusters, args.seed, args.half)
    clusters = annotated_clusters(rows, use_cache=not args.no_cache, raw=args.raw)
    scorer = rouge_scorer.RougeScorer(METRICS, use_stemmer=True)
    rankers = SumyRankers()

    scores: dict[str, list[dict[str, float]]] = {s: [] for s in SYSTEMS}
    outputs: dict[str, list[Output]] = {s: [] for s in SYSTEMS}
    seconds: Counter[str] = Counter()
    budgets, n_units, n_eligible, n_docs, starved = [], [], [], [], 0
    for row in rows:
        articles = clusters[row["id"]]
        reference = row["summary"]
        budget = words_of(reference)
        units = story_units(articles)
        budgets.append(budget)
        n_units.append(len(units))
        n_eligible.append(sum(u.eligible for u in units))
        starved += sum(u.words for u in units if u.eligible) < budget
        n_docs.append(len(articles))
        runs: dict[str, Callable[[], Output]] = {
            "storybrief": lambda a=articles, b=budget: _storybrief(a, b),
            "storybrief all-elig.": lambda a=articles, b=budget, u=units: _storybrief(
                a, b, [dataclasses.replace(x, eligible=True) for x in u]
            ),
            "lead round-robin": lambda u=units, b=budget: from_units(u, fill(lead_round_robin(u), u, b)),
            "lead doc order": lambda u=units, b=budget: from_units(u, fill(lead_doc_order(u), u, b)),
            "LexRank": lambda u=units, b=budget: from_units(u, fill(by_score(rankers.lexrank(u)), u, b)),
            "TextRank": lambda u=units, b=budget: from_units(u, fill(by_score(rankers.textrank(u)), u, b)),
            "oracle (greedy)": lambda u=units, b=budget, r=reference: from_units(
                u, oracle(u, r, b, scorer._tokenizer.tokenize)
            ),
        }
        for name, run in runs.items():
            t0 = time.perf_counter()
            out = run() if units else Output("", 0, 0, 0.0)
            seconds[name] += time.perf_counter() - t0
            outputs[name].append(out)
            s = scorer.score(reference, out.text)
            scores[name].append({m: s[m].fmeasure for m in METRICS})

    print(
        f"\nMulti-News dev_half: {len(rows)} clusters (seed {args.seed}), {sum(n_docs)} documents after cleaning, "
        f"{sum(n_units)} sentences ({sum(n_eligible)} eligible for storybrief)"
    )
    mean_budget = statistics.mean(budgets)
    print(f"budget = reference length: mean {mean_budget:.0f} words (min {min(budgets)}, max {max(budgets)})")
    print(f"clusters whose eligible sentences total fewer words than the budget: {starved}")
    print("\nROUGE F-measure (rouge-score, stemmed), mean over clusters\n")
    print(f"{'system':<20} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'words':>6} {'sents':>6} {'pos':>5} {'ms/cl':>6}")
    for name in SYSTEMS:
        m = [statistics.fmean(s[k] for s in scores[name]) for k in METRICS]
        outs = outputs[name]
        w = statistics.fmean(o.words for o in outs)
        n = statistics.fmean(o.sentences for o in outs)
        p = statistics.fmean(o.position for o in outs if o.sentences) if any(o.sentences for o in outs) else 0.0
        ms = 1000 * seconds[name] / len(rows)
        print(f"{name:<20} {m[0]:6.3f} {m[1]:6.3f} {m[2]:6.3f} {w:6.0f} {n:6.1f} {p:5.1f} {ms:6.1f}")

    print("\nstorybrief minus baseline, paired per cluster: mean delta [95 % bootstrap], clusters won/lost\n")
    print(f"{'system':<20} {'vs':<16} {'metric':<7} {'delta':>7} {'95 % interval':>17} {'won':>4} {'lost':>5}")
    for mine in ["storybrief", "storybrief all-elig."]:
        for other in ["LexRank", "TextRank", "lead round-robin"]:
            for k in METRICS:
                d = [a[k] - b[k] for a, b in zip(scores[mine], scores[other], strict=True)]
                lo, hi = bootstrap(d)
                won, lost = sum(x > 1e-9 for x in d), sum(x < -1e-9 for x in d)
                print(
                    f"{mine:<20} {other:<16} {k:<7} {statistics.fmean(d):+7.3f} [{lo:+7.3f}, {hi:+7.3f}] "
                    f"{won:4d} {lost:5d}"
                )


def _storybrief(articles: Sequence[Article], budget: int, units: Sequence[Unit] | None = None) -> Output:
    summary = summarize(articles, budget, units=units)
    index = {a.id: k for k, a in enumerate(articles)}
    positions = []
    for s in summary:
        a = articles[index[s.article]]
        positions.append(next((n for n, x in enumerate(a.sentences) if x.start <= s.start < x.end), 0))
    text = " ".join(s.text for s in summary)
    pos = statistics.mean(positions) if positions else 0.0
    return Output(text, len(text.split()), len(summary), pos)


if __name__ == "__main__":
    main()
