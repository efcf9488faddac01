"""Story grouping (one real-world event per story) on MMDS2025 dev and on pooled Multi-News clusters.

MMDS2025 dev (``mmds2025_news_event_clustering/dev_articles.jsonl``): 209 articles with a gold ``cluster``.
Cluster 166 is a noise bucket of unrelated articles. The articles (id, title, text, publish_date) are
written to a JSONL file under the cache folder, then loaded and annotated with storybrief
(``load`` + ``annotate_corpus``). Each article is mapped back to its gold row by ``article.input``
("path:LINE"). Clustering always runs on ALL loaded articles, noise included. Scores:

* B-cubed precision / recall / F1 and ARI (``sklearn.metrics.adjusted_rand_score``) over the non-noise
  articles: both clusterings are restricted to those articles before scoring;
* ``noise+``: noise articles placed in a story together with at least one non-noise article;
* ``F1 en``: B-cubed F1 over the non-noise articles whose storybrief ``article.language`` is ``"en"``.
  About a third of the set are Chinese or Malay translations of English stories, so this row shows how
  much of the error is cross-lingual;
* ``stories``: predicted stories among the scored articles; ``s``: seconds to group (features included;
  the baseline's TF-IDF + clustering), annotation not included.

The share of articles placed with at least one article of their own gold cluster is printed per
storybrief language key (the article's ISO 639-1 code: ``en``, ``zh``, ``ms``), for batch, streaming and
the baseline.

Systems, same run: storybrief batch (``group_stories``) at ``BATCH_STORY_THRESHOLD`` and streaming
(``stream_stories``) at ``STORY_THRESHOLD``; a threshold sweep of both (``--sweep``), to check the defaults
against measurement; and
a plain baseline: ``TfidfVectorizer(sublinear_tf=True)`` on title + text, ``AgglomerativeClustering`` with
cosine distance and average linkage. The baseline's ``distance_threshold`` is the best of a small grid on
the same data (B-cubed F1 over non-noise), which is generous to it: storybrief runs at its fixed default.

Multi-News pooled (``multinews_test_mnplus/dev_half.jsonl.gz``): the first ``--clusters`` clusters; every
non-empty source document becomes an article (text only: no title, no date) whose gold label is its
cluster. All are shuffled together (fixed ``--seed``), loaded, annotated and grouped. Rows: storybrief batch
and streaming at the default threshold and the sweep; the baseline at the distance threshold it chose on
MMDS and at its own best on this data. ``F1 w/o flagged`` leaves out of the scoring the documents that
Multi-News+'s LLM vote judged irrelevant to their cluster (they stay in the clustering). Documents the
cleaner empties are not scored (their number is printed). The text is lower-cased and truncated, so
entities and quotes carry little. There are no publication dates, but storybrief still infers a window
from years mentioned in the text. Gold labels are noisy: some unflagged documents are page junk.

The annotated corpora are pickled under ``--cache`` (default ``/tmp/storybrief-bench``), keyed by the
input file's content and the source of storybrief's ingest, clean and annotate stages and model (not
``group/``), so reruns skip annotation; ``--no-cache`` re-annotates. ``--show-clusters`` lists, per gold
MMDS cluster that is split or merged, the predicted stories of its articles with language and date (titles
are dataset text: do not paste them anywhere).

    python benchmarks/group_stories.py [--clusters N] [--seed S] [--sweep T ...] [--processes P] [--no-cache]
                                       [--show-clusters]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

import storybrief
from _data import datasets_dir
from storybrief.group.features import language_key
from storybrief.group.stories import (
    BATCH_STORY_THRESHOLD,
    STORY_THRESHOLD,
    article_features,
    group_stories,
    stream_stories,
)
from storybrief.model import Corpus
from storybrief.pipeline import annotate_corpus, load

NOISE = 166
SWEEP = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
BASELINE_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


# ------------------------------------------------------------------------------------------- scoring


def bcubed(gold: Sequence[int], pred: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``pred`` against ``gold`` (same items, any label values)."""
    pair = Counter(zip(gold, pred, strict=True))
    g_size, p_size = Counter(gold), Counter(pred)
    n = len(gold)
    if not n:
        return 0.0, 0.0, 0.0
    p = sum(c * c / p_size[pl] for (_, pl), c in pair.items()) / n
    r = sum(c * c / g_size[gl] for (gl, _), c in pair.items()) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Score:
    p: float
    r: float
    f1: float
    ari: float
    n_items: int
    n_clusters: int  # predicted clusters among the scored items

    @classmethod
    def of(cls, gold: Sequence[int], pred: Sequence[int]) -> Score:
        p, r, f1 = bcubed(gold, pred)
        ari = adjusted_rand_score(gold, pred) if gold else 0.0
        return cls(p, r, f1, ari, len(gold), len(set(pred)))


def subset(gold: Sequence[int], pred: Sequence[int], keep: Sequence[bool]) -> tuple[list[int], list[int]]:
    return [g for g, k in zip(gold, keep, strict=True) if k], [p for p, k in zip(pred, keep, strict=True) if k]


def placed_with_mates(
    corpus: Corpus, gold: Sequence[int], pred: Sequence[int], noise: int = NOISE
) -> dict[str, tuple[int, int]]:
    """Per storybrief language key: (articles sharing a story with a gold-mate, articles that have a gold-mate)."""
    gold_size = Counter(gold)
    pair = Counter(zip(gold, pred, strict=True))
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, g, p in zip(corpus.articles, gold, pred, strict=True):
        if g == noise or gold_size[g] < 2:
            continue
        key = language_key(a.language, (a.title or "") + " " + a.text[:1000])
        out[key][1] += 1
        out[key][0] += pair[g, p] > 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def noise_joined(gold: Sequence[int], pred: Sequence[int], noise: int = NOISE) -> int:
    """Noise articles whose predicted cluster holds at least one non-noise article."""
    real = {p for g, p in zip(gold, pred, strict=True) if g != noise}
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == noise and p in real)


def halves(gold: Sequence[int], seed: int, skip: int | None = None) -> tuple[set[int], set[int]]:
    """A seeded split of the gold clusters into a tuning half and a held-out half (``skip`` in neither)."""
    clusters = sorted(set(gold) - {skip})
    random.Random(seed).shuffle(clusters)
    return set(clusters[: len(clusters) // 2]), set(clusters[len(clusters) // 2 :])


def pairs_kept(gold: Sequence[int], pred: Sequence[int]) -> tuple[int, int]:
    """(same-gold pairs in one predicted cluster, same-gold pairs)."""
    both = Counter(zip(gold, pred, strict=True))
    g_size = Counter(gold)
    return sum(c * (c - 1) // 2 for c in both.values()), sum(c * (c - 1) // 2 for c in g_size.values())


# ------------------------------------------------------------------------------------------- systems


def labels(corpus: Corpus, stories: Sequence[storybrief.model.Story]) -> list[int]:
    """Predicted story number of every article, in ``corpus.articles`` order."""
    story_of = {aid: n for n, story in enumerate(stories) for aid in story.articles}
    return [story_of[a.id] for a in corpus.articles]


def default_threshold(streaming: bool) -> float:
    return STORY_THRESHOLD if streaming else BATCH_STORY_THRESHOLD


def storybrief_labels(corpus: Corpus, threshold: float, streaming: bool, features=None) -> tuple[list[int], float]:
    start = time.perf_counter()
    if streaming:
        stories = stream_stories(corpus.articles, corpus.quote_groups, threshold=threshold)
    else:
        stories = group_stories(corpus.articles, corpus.quote_groups, threshold=threshold, features=features)
    return labels(corpus, stories), time.perf_counter() - start


class Baseline:
    """TF-IDF (sublinear tf, default settings otherwise) + average-link agglomerative clustering, cosine."""

    def __init__(self, texts: Sequence[str]) -> None:
        start = time.perf_counter()
        self.matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts).toarray()
        self.vectorize_s = time.perf_counter() - start

    def labels(self, distance: float) -> list[int]:
        start = time.perf_counter()
        if len(self.matrix) < 2:
            return [0] * len(self.matrix)
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
        )
        found = [int(x) for x in model.fit_predict(self.matrix)]
        self.cluster_s = time.perf_counter() - start
        return found


# ------------------------------------------------------------------------------------------ datasets


CACHE_SOURCES = ("ingest", "clean", "annotate", "model.py")  # what the annotated corpus depends on


def _src_hash() -> str:
    """storybrief's ingest, clean and annotate source and its model: a change there invalidates the cache."""
    root = Path(storybrief.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in CACHE_SOURCES:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def annotated(jsonl: Path, cache: Path | None, processes: int) -> tuple[Corpus, float, bool]:
    """Load + annotate ``jsonl``, or read the pickled result; returns (corpus, seconds, from_cache)."""
    key = hashlib.sha256(jsonl.read_bytes() + _src_hash().encode()).hexdigest()[:20]
    pickled = cache / f"{jsonl.stem}-{key}.pickle" if cache else None
    if pickled and pickled.is_file():
        with pickled.open("rb") as fh:
            return pickle.load(fh), 0.0, True
    start = time.perf_counter()
    corpus = load([str(jsonl)])
    annotate_corpus(corpus, n_process=processes)
    seconds = time.perf_counter() - start
    if pickled:
        for stale in pickled.parent.glob(f"{jsonl.stem}-*.pickle"):
            stale.unlink()
        with pickled.open("wb") as fh:
            pickle.dump(corpus, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return corpus, seconds, False


def line_of(article: storybrief.model.Article) -> int:
    """0-based row of the written JSONL an article came from (``input`` is "path:LINE", 1-based)."""
    return int(article.input.rsplit(":", 1)[1]) - 1


def write_jsonl(rows: Sequence[dict], path: Path) -> None:
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def mmds_rows() -> list[dict]:
    src = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    with src.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def multinews_rows(n_clusters: int, seed: int) -> list[dict]:
    src = datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz"
    rows = []
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for index, line in enumerate(fh):
            if index == n_clusters:
                break
            cluster = json.loads(line)
            flagged = set(cluster.get("llm_flagged_irrelevant_doc_indices") or ())
            for k, doc in enumerate(cluster["documents"]):
                if doc.strip():
                    rows.append({"id": f"{cluster['id']}.{k}", "text": doc, "gold": index, "flagged": k in flagged})
    random.Random(seed).shuffle(rows)
    return rows


# -------------------------------------------------------------------------------------------- output


def header(first: str, width: int = 34, count: str = "stories") -> None:
    print(f"{first:{width}} {'P':>6} {'R':>6} {'F1':>6} {'ARI':>6} {count:>7}", end="")


def row(name: str, s: Score, extra: str = "", width: int = 34) -> None:
    print(f"{name:{width}} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f} {s.ari:6.3f} {s.n_clusters:7d}{extra}")


def show_clusters(corpus: Corpus, gold: Sequence[int], pred: Sequence[int], rows: Sequence[dict]) -> None:
    """Gold clusters that storybrief splits, or whose stories hold other articles (text only on stdout)."""
    by_gold: dict[int, list[int]] = defaultdict(list)
    by_pred: dict[int, list[int]] = defaultdict(list)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].append(i)
        by_pred[p].append(i)
    print("\n--- gold clusters split or merged by storybrief batch (title / language / date / story)")
    for g, members in sorted(by_gold.items()):
        if g == NOISE:
            continue
        stories = {pred[i] for i in members}
        intruders = sorted({j for p in stories for j in by_pred[p] if gold[j] != g})
        if len(stories) == 1 and not intruders:
            continue
        print(f"gold {g}: {len(members)} articles in {len(stories)} stories, {len(intruders)} intruders")
        for i in members + intruders:
            a = corpus.articles[i]
            tag = "  " if gold[i] == g else f"+{gold[i]}"
            date = a.published.date().isoformat() if a.published else "-"
            print(f"   {tag:>5} s{pred[i]:<4} {a.language or '?':3} {date:10} {rows[line_of(a)].get('title', '')[:90]}")


# ---------------------------------------------------------------------------------------------- runs


def run_mmds(args: argparse.Namespace, cache: Path | None) -> float:
    rows = mmds_rows()
    jsonl = (cache or Path(args.tmp)) / "mmds2025_dev.jsonl"
    write_jsonl(
        [{k: r.get(k) for k in ("id", "title", "text", "publish_date")} for r in rows],
        jsonl,
    )
    corpus, annotate_s, cached = annotated(jsonl, cache, args.processes)
    arts = corpus.articles
    gold = [rows[line_of(a)]["cluster"] for a in arts]
    real = [g != NOISE for g in gold]
    english = [g != NOISE and a.language == "en" for g, a in zip(gold, arts, strict=True)]
    tune, held = halves(gold, args.seed, skip=NOISE)
    in_tune = [g in tune for g in gold]
    in_held = [g in held for g in gold]
    langs = Counter(a.language or "?" for a, r in zip(arts, real, strict=True) if r)
    n_noise = len(gold) - sum(real)
    print(
        f"MMDS2025 dev: {len(rows)} articles, {len(arts)} loaded ({len(corpus.errors)} not), "
        f"{len(set(gold) - {NOISE})} gold clusters + noise bucket {NOISE} ({n_noise} articles); "
        f"annotate {'from cache' if cached else f'{annotate_s:.1f} s'}"
    )
    print(
        f"non-noise articles by storybrief language: {', '.join(f'{k} {v}' for k, v in langs.most_common())} "
        "(ISO 639-1 codes; cjk / other when no language is known). About a third are Chinese or Malay "
        "translations of English stories, so 'F1 en' scores the English articles only"
    )
    print(
        f"scores over the non-noise articles (clustering on all). 'tune' / 'held': B-cubed F1 over the gold "
        f"clusters of a seeded half (seed {args.seed}: {len(tune)} / {len(held)} clusters); thresholds are chosen "
        "on 'tune' only. noise+ = noise articles put in a story with a non-noise article (count, share)\n"
    )

    def scores(pred: list[int]) -> tuple[Score, Score, int, float, float]:
        return (
            Score.of(*subset(gold, pred, real)),
            Score.of(*subset(gold, pred, english)),
            noise_joined(gold, pred),
            Score.of(*subset(gold, pred, in_tune)).f1,
            Score.of(*subset(gold, pred, in_held)).f1,
        )

    def extra(sc: tuple[Score, Score, int, float, float]) -> str:
        return f" {sc[3]:6.3f} {sc[4]:6.3f} {sc[1].f1:6.3f} {sc[2]:3d} {sc[2] / max(1, n_noise):4.0%}"

    cols = f" {'tune':>6} {'held':>6} {'F1 en':>6} {'noise+':>8}"
    features = article_features(arts, corpus.quote_groups)
    base = Baseline([(r.get("title") or "") + "\n" + (r.get("text") or "") for r in (rows[line_of(a)] for a in arts)])
    grid = {d: scores(base.labels(d)) for d in BASELINE_GRID}
    best_d = max(grid, key=lambda d: (grid[d][0].f1, -d))
    tune_d = max(grid, key=lambda d: (grid[d][3], -d))

    results = []
    placed = {}
    for streaming in (False, True):
        t = default_threshold(streaming)
        pred, seconds = storybrief_labels(corpus, t, streaming)  # timed with feature extraction
        name = f"storybrief {'streaming' if streaming else 'batch'} t={t}"
        results.append((name, scores(pred), seconds))
        placed[name] = placed_with_mates(corpus, gold, pred)
    placed[f"baseline d={best_d}"] = placed_with_mates(corpus, gold, base.labels(best_d))
    gold_score = scores(gold)
    header("system")
    print(cols + f" {'s':>6}")
    row("gold (noise bucket as one story)", gold_score[0], extra(gold_score))
    base_s = base.vectorize_s + base.cluster_s
    row(f"baseline tfidf+avg d={best_d} (best all)", grid[best_d][0], extra(grid[best_d]) + f" {base_s:6.2f}")
    row(f"baseline tfidf+avg d={tune_d} (best tune)", grid[tune_d][0], extra(grid[tune_d]))
    for name, sc, seconds in results:
        row(name, sc[0], extra(sc) + f" {seconds:6.2f}")

    print(
        "\narticles (non-noise, gold cluster of 2+) sharing a story with at least one article of their gold "
        "cluster, by storybrief's language key (the article's language; cjk / other by script when unknown)"
    )
    for name, counts in placed.items():
        print(f"{name:34} " + "  ".join(f"{k} {a}/{n} ({a / n:.0%})" for k, (a, n) in counts.items()))

    print("\nbaseline grid (distance threshold on cosine distance)")
    header("distance")
    print(cols)
    for d, sc in grid.items():
        row(f"d={d}", sc[0], extra(sc))

    print(f"\nstorybrief threshold sweep (defaults: batch {BATCH_STORY_THRESHOLD}, streaming {STORY_THRESHOLD})")
    header("mode / threshold")
    print(cols)
    for streaming in (False, True):
        for t in args.sweep:
            pred, _ = storybrief_labels(corpus, t, streaming, None if streaming else features)
            mark = " *" if t == default_threshold(streaming) else ""
            sc = scores(pred)
            row(f"{'streaming' if streaming else 'batch'} t={t}{mark}", sc[0], extra(sc))

    if args.show_clusters:
        pred, _ = storybrief_labels(corpus, BATCH_STORY_THRESHOLD, False, features)
        show_clusters(corpus, gold, pred, rows)
    return best_d


@dataclass(slots=True)
class Alone:
    """Totals of one system over the gold clusters grouped alone (see :func:`alone`)."""

    kept: Counter[str]  # same-cluster pairs kept together, per half ('tune', 'held') and 'clean'
    pairs: Counter[str]  # same-cluster pairs, same keys
    whole: int = 0  # clusters kept in one story
    strangers: int = 0  # clusters whose added stranger joined one of their documents (stranger runs only)

    def share(self, key: str) -> str:
        return f"{self.kept[key]}/{self.pairs[key]} ({self.kept[key] / max(1, self.pairs[key]):.1%})"


def alone(
    corpus: Corpus,
    gold: Sequence[int],
    texts: Sequence[str],
    distance: float,
    tune: set[int],
    flagged: Sequence[bool],
    stranger_seed: int | None = None,
) -> dict[str, Alone]:
    """Each gold cluster grouped alone (what ``storybrief brief`` does with one event's reports).

    Per system: same-cluster pairs kept in one story, per half of the gold clusters, and over the pairs of
    two documents Multi-News+ did not flag as irrelevant ('clean'). With ``stranger_seed``, each cluster is
    grouped with one document of another cluster (drawn with that seed) added: its pairs are counted as
    before, and ``strangers`` counts the clusters the stranger joined.
    """
    by_gold: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_gold[g].append(i)
    rng = random.Random(stranger_seed)
    names = ("storybrief batch", "storybrief streaming", f"baseline d={distance}")
    totals = {name: Alone(Counter(), Counter()) for name in names}
    for g, members in sorted(by_gold.items()):
        if len(members) < 2:
            continue
        group = list(members)
        if stranger_seed is not None:
            group.append(rng.choice([i for i in range(len(gold)) if gold[i] != g]))
        arts = [corpus.articles[i] for i in group]
        ids = {a.id for a in arts}
        qgs = [q for q in corpus.quote_groups if len(ids & set(q.articles)) > 1]
        found = {
            names[0]: labels(Corpus(articles=arts), group_stories(arts, qgs)),
            names[1]: labels(Corpus(articles=arts), stream_stories(arts, qgs)),
            names[2]: Baseline([texts[i] for i in group]).labels(distance),
        }
        half = "tune" if g in tune else "held"
        for name, pred in found.items():
            total = totals[name]
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    keys = [half] + (["clean"] if not (flagged[members[x]] or flagged[members[y]]) else [])
                    for key in keys:
                        total.pairs[key] += 1
                        total.kept[key] += pred[x] == pred[y]
            total.whole += len(set(pred[: len(members)])) == 1
            if stranger_seed is not None:
                total.strangers += pred[-1] in pred[: len(members)]
    return totals


def run_multinews(args: argparse.Namespace, cache: Path | None, mmds_d: float) -> None:
    largest = max(args.clusters)
    rows = multinews_rows(largest, args.seed)
    jsonl = (cache or Path(args.tmp)) / f"multinews_dev_{largest}_seed{args.seed}.jsonl"
    write_jsonl([{"id": r["id"], "text": r["text"]} for r in rows], jsonl)
    full, annotate_s, cached = annotated(jsonl, cache, args.processes)
    for n_clusters in sorted(args.clusters):
        arts = [a for a in full.articles if rows[line_of(a)]["gold"] < n_clusters]
        ids = {a.id for a in arts}
        corpus = Corpus(articles=arts, quote_groups=[q for q in full.quote_groups if ids & set(q.articles)])
        kept = [rows[line_of(a)] for a in arts]
        gold = [r["gold"] for r in kept]
        n_rows = sum(1 for r in rows if r["gold"] < n_clusters)
        unflagged = [not r["flagged"] for r in kept]
        tune, held = halves(gold, args.seed)
        in_tune = [g in tune for g in gold]
        in_held = [g in held for g in gold]
        print(
            f"\n\nMulti-News pooled: first {n_clusters} clusters of dev_half, {n_rows} non-empty source documents "
            f"shuffled (seed {args.seed}), {len(arts)} loaded ({n_rows - len(arts)} emptied by the cleaner, not "
            f"scored), {sum(1 for u in unflagged if not u)} LLM-flagged irrelevant; {len(set(gold))} gold clusters "
            f"(tune / held halves: {len(tune)} / {len(held)}); annotate "
            f"{'from cache' if cached else f'{annotate_s:.1f} s'} (all {largest} clusters)"
        )
        no_language = sum(1 for a in arts if a.language is None)
        print(
            "no titles or dates in the input; scores over all loaded documents, per half, and without the flagged "
            f"ones; {no_language} documents get no language from storybrief (the set is English)\n"
        )

        def scores(
            pred: list[int],
            gold: list[int] = gold,
            in_tune: list[bool] = in_tune,
            in_held: list[bool] = in_held,
            unflagged: list[bool] = unflagged,
        ) -> tuple[Score, float, float, float]:
            return (
                Score.of(gold, pred),
                Score.of(*subset(gold, pred, in_tune)).f1,
                Score.of(*subset(gold, pred, in_held)).f1,
                Score.of(*subset(gold, pred, unflagged)).f1,
            )

        def extra(sc: tuple[Score, float, float, float]) -> str:
            return f" {sc[1]:6.3f} {sc[2]:6.3f} {sc[3]:15.3f}"

        cols = f" {'tune':>6} {'held':>6} {'F1 w/o flagged':>15}"
        texts = [r["text"] for r in kept]
        base = Baseline(texts)
        grid = {d: scores(base.labels(d)) for d in BASELINE_GRID}
        best_d = max(grid, key=lambda d: (grid[d][0].f1, -d))
        tune_d = max(grid, key=lambda d: (grid[d][1], -d))
        features = article_features(arts, corpus.quote_groups)

        header("system")
        print(cols)
        row("gold", scores(gold)[0], extra(scores(gold)))
        # the ceiling of a system that keeps every flagged (irrelevant) document alone, as it should
        ceiling = [g if u else -1 - i for i, (g, u) in enumerate(zip(gold, unflagged, strict=True))]
        row("gold, flagged documents alone", scores(ceiling)[0], extra(scores(ceiling)))
        for label, d in (
            (f"MMDS choice d={mmds_d}", mmds_d),
            (f"best all d={best_d}", best_d),
            (f"best tune d={tune_d}", tune_d),
        ):
            sc = grid[d] if d in grid else scores(base.labels(d))
            row(f"baseline {label}", sc[0], extra(sc))
        for streaming in (False, True):
            for t in args.sweep:
                pred, _ = storybrief_labels(corpus, t, streaming, None if streaming else features)
                mark = " *" if t == default_threshold(streaming) else ""
                sc = scores(pred)
                row(f"storybrief {'streaming' if streaming else 'batch'} t={t}{mark}", sc[0], extra(sc))
        print("\nbaseline grid on Multi-News")
        header("distance")
        print(cols)
        for d, sc in grid.items():
            row(f"d={d}", sc[0], extra(sc))
        if n_clusters == largest and not args.no_alone:
            flagged = [not u for u in unflagged]
            n_multi = sum(1 for c in Counter(gold).values() if c > 1)
            print(
                "\neach gold cluster grouped alone (what `storybrief brief` does with one event's reports): share of "
                "same-cluster document pairs kept in one story, per half, over pairs of two unflagged documents, "
                "and clusters kept whole; baseline at its best pooled d"
            )
            for name, t in alone(corpus, gold, texts, best_d, tune, flagged).items():
                print(
                    f"{name:34} tune {t.share('tune'):17} held {t.share('held'):17} clean {t.share('clean'):17} "
                    f"whole {t.whole}/{n_multi}"
                )
            print(
                "\nthe same with one document of another cluster added to each (a stranger, seed "
                f"{args.seed}): pairs kept, and clusters the stranger joined"
            )
            for name, t in alone(corpus, gold, texts, best_d, tune, flagged, stranger_seed=args.seed).items():
                print(
                    f"{name:34} tune {t.share('tune'):17} held {t.share('held'):17} clean {t.share('clean'):17} "
                    f"stranger joined {t.strangers}/{n_multi}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--clusters", type=int, nargs="+", default=[60, 200], help="Multi-News clusters to pool (default 60 200)"
    )
    parser.add_argument("--seed", type=int, default=13, help="shuffle and tune/held-out split seed")
    parser.add_argument(
        "--sweep", type=float, nargs="+", default=list(SWEEP), metavar="T", help="storybrief thresholds to sweep"
    )
    parser.add_argument("--processes", type=int, default=2, help="annotate_corpus n_process (default 2)")
    parser.add_argument("--cache", default="/tmp/storybrief-bench", help="folder for the pickled annotated corpora")
    parser.add_argument("--no-cache", action="store_true", help="annotate again and do not write the cache")
    parser.add_argument("--tmp", default="/tmp/storybrief-bench", help=argparse.SUPPRESS)
    parser.add_argument("--show-clusters", action="store_true", help="list MMDS gold clusters split or merged")
    parser.add_argument("--no-alone", action="store_true", help="skip grouping each Multi-News cluster alone")
    parser.add_argument("--only", choices=("mmds", "multinews"), help="run one dataset only")
    args = parser.parse_args()

    cache = None if args.no_cache else Path(args.cache)
    Path(args.tmp).mkdir(parents=True, exist_ok=True)
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    print("command: " + " ".join(["python benchmarks/group_stories.py", *sys.argv[1:]]))
    print(f"storybrief BATCH_STORY_THRESHOLD = {BATCH_STORY_THRESHOLD}, STORY_THRESHOLD = {STORY_THRESHOLD}\n")
    mmds_d = run_mmds(args, cache) if args.only != "multinews" else 0.85
    if args.only != "mmds":
        run_multinews(args, cache, mmds_d)
    print(f"\ntotal {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
