"""Citation precision of briefs: does every cited article hold a sentence that says what the brief says?

Rule (deliberately simple and independent of ``storybrief.synthesize.support``): a citation of article A for a
brief sentence S holds when A's text has a sentence sharing at least half of S's content words. Content words:
lower-cased runs of letters/digits of two or more characters (a digit alone counts), not in the short stop list
below, with a final plural "s" dropped from words of more than three letters. A's sentences: its text split after
``.!?`` (and closing quotes/brackets) followed by white space, and at line breaks; since that also cuts
after abbreviations ("U.S.", "Oct."), two consecutive pieces together count as a sentence too. Nothing else of
storybrief is used to decide (not its sentence splitter, terms or thresholds).

Cited sentences: every summary sentence and every timeline entry (story and topic timelines), each of its
``sources``. The first source is the article the sentence was taken from, so it holds by construction; the
column ``extra`` is the precision of the other ("supporting") citations alone. ``1-src`` checks the source
comparison's single-source facts with the same rule: the share of them that no other independent article (not a
duplicate, syndicated copy or rewrite of theirs, by the articles' ``duplicate_of``/``syndication``/``rewrite_of``)
holds a half-overlap sentence for; ``clash`` counts summary sentences listed as single-source although the
summary cites them to two independent articles.

Data (each annotated once and cached in ``/tmp/storybrief-bench``, keyed by the ingest/clean/annotate/group
sources and the article model, so tuning ``storybrief.synthesize`` reuses it):

* MMDS2025 dev (209 articles): the whole pipeline (``load``, ``annotate_corpus``, ``group_corpus``,
  ``build_report``);
* Multi-News dev (``dev_half.jsonl.gz``): ``--clusters`` (100) clusters drawn with ``random.Random(--seed)``, each
  annotated and grouped as one story as in ``brief_rouge.py``, then ``brief_story``;
* T17 (``t17_timelines_derived``): per topic ``--t17-articles`` (40) articles drawn with the seed, annotated,
  duplicates found (``group_corpus(single_story=True)``) and briefed as one story (its timeline is the
  topic's). A subset: annotating all of T17 takes an hour on this machine.

Bar: precision >= 0.98 on every data set.

    python benchmarks/brief_citations.py [--clusters 100] [--t17-articles 40] [--seed 0] [--no-cache]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from _data import ROOT, datasets_dir, source_key
from storybrief.model import Article, Corpus, Story, StoryBrief
from storybrief.pipeline import annotate_corpus, group_corpus, load
from storybrief.synthesize import brief_story, build_report

CACHE_DIR = Path("/tmp/storybrief-bench")
BAR = 0.98
STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say told
    mr ms mrs s t""".split()
)
_WORD = re.compile(r"[a-z0-9]+")
_SPLIT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+|\n+")


def content_words(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower().replace("’", "'")):
        if w in STOP or (len(w) < 2 and not w.isdigit()):
            continue
        out.add(w[:-1] if len(w) > 3 and w.endswith("s") else w)
    return out


def holds(text: str, article: Article) -> bool:
    """Whether ``article`` has a sentence sharing at least half of ``text``'s content words."""
    want = content_words(text)
    if not want:
        return True
    pieces = [content_words(s) for s in _SPLIT.split(article.text)]
    # a piece and the next one together too: the split cuts "U.S." and "Oct." (the data sets are partly lower-cased)
    pieces += [a | b for a, b in itertools.pairwise(pieces)]
    return any(2 * len(want & words) >= len(want) for words in pieces)


def root(article: Article) -> str:
    if article.syndication is not None:
        return "syndication:" + article.syndication
    if article.duplicate_of is not None:
        return article.duplicate_of.article
    if article.rewrite_of is not None and article.rewrite_of.article:
        return article.rewrite_of.article
    return article.id


@dataclass
class Tally:
    cited: int = 0
    held: int = 0
    extra: int = 0
    extra_held: int = 0
    single: int = 0
    single_ok: int = 0
    clash: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def citations(self, text: str, sources: Sequence[str], by_id: dict[str, Article]) -> None:
        for n, aid in enumerate(sources):
            ok = holds(text, by_id[aid])
            self.cited += 1
            self.held += ok
            if n:
                self.extra += 1
                self.extra_held += ok
            if not ok:
                self.failures.append((text, aid, sources[0]))

    def brief(self, brief: StoryBrief, by_id: dict[str, Article]) -> None:
        for s in brief.summary:
            self.citations(s.text, s.sources, by_id)
        for t in brief.timeline:
            self.citations(t.text, t.sources, by_id)
        roots = {aid: root(by_id[aid]) for aid in brief.articles}
        single = {f.text for f in brief.comparison.single_source}
        for f in brief.comparison.single_source:
            self.single += 1
            others = [by_id[a] for a in brief.articles if roots[a] != roots[f.article]]
            self.single_ok += not any(holds(f.text, a) for a in others)
        for s in brief.summary:
            if s.text in single and len({roots[a] for a in s.sources}) > 1:
                self.clash += 1


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def show(name: str, t: Tally, seconds: float) -> None:
    verdict = "ok" if t.cited and t.held / t.cited >= BAR else "BELOW BAR"
    print(
        f"{name:<22} {t.cited:>6} {ratio(t.held, t.cited):>7} {t.extra:>6} {ratio(t.extra_held, t.extra):>7}"
        f" {t.single:>5} {ratio(t.single_ok, t.single):>6} {t.clash:>5} {seconds:>6.0f}s  {verdict}"
    )


# ---------------------------------------------------------------------------------------------- data


def cache_key(*parts: str) -> str:
    model = ROOT / "src" / "storybrief" / "model"
    articles = [(model / name).read_text(encoding="utf-8") for name in ("articles.py", "corpus.py")]
    return source_key(*parts, *articles, stages=("ingest", "clean", "annotate", "group"))


def cached(name: str, use_cache: bool, make: object) -> object:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"citations-{name}-{cache_key(name)}.pkl"
    if use_cache and path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    t0 = time.perf_counter()
    value = make()  # type: ignore[operator]
    print(f"{name}: annotated in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    with path.open("wb") as f:
        pickle.dump(value, f)
    return value


def corpus_of(records: Iterable[dict], tmp: Path, single_story: bool) -> Corpus:
    path = tmp / "input.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    corpus = load([str(path)])
    annotate_corpus(corpus, n_process=1)
    group_corpus(corpus, single_story=single_story)
    return corpus


def mmds_corpus() -> Corpus:
    src = datasets_dir() / "mmds2025_news_event_clustering" / "dev_articles.jsonl"
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    records = [
        {"id": f"m{r['id']}", "title": r.get("title"), "text": r["text"], "published": r.get("publish_date")}
        for r in rows
    ]
    with tempfile.TemporaryDirectory() as tmp:
        return corpus_of(records, Path(tmp), single_story=False)


def multinews_corpora(n: int, seed: int) -> list[Corpus]:
    from brief_rouge import detokenize, sample_clusters

    rows = sample_clusters(datasets_dir() / "multinews_test_mnplus" / "dev_half.jsonl.gz", n, seed)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            docs = [d for d in row["documents"] if d.strip()]
            records = [{"id": f"{row['id']}-d{k}", "text": detokenize(d)} for k, d in enumerate(docs)]
            out.append(corpus_of(records, Path(tmp), single_story=True))
    return out


def t17_corpora(cap: int, seed: int) -> list[Corpus]:
    from brief_timeline import detokenize, read_topic

    out = []
    base = datasets_dir() / "t17_timelines_derived" / "articles"
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(base.glob("*.csv.gz")):
            topic = path.name.split(".")[0]
            rows = read_topic(path)
            picked = sorted(random.Random(seed).sample(range(len(rows)), min(cap, len(rows))))
            records = []
            for i in picked:
                day, text = rows[i]
                body = "\n".join(detokenize(line) for line in text.splitlines() if line.strip())
                records.append({"id": f"{topic}-{i}", "text": body, "published": day})
            out.append(corpus_of(records, Path(tmp), single_story=True))
    return out


def one_story(corpus: Corpus) -> StoryBrief:
    story = corpus.stories[0] if corpus.stories else Story("s1", [a.id for a in corpus.articles])
    by_id = {a.id: a for a in corpus.articles}
    return brief_story(story, [by_id[i] for i in story.articles])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clusters", type=int, default=100)
    parser.add_argument("--t17-articles", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many failing citations per data set")
    parser.add_argument("--dump", type=Path, help="write every cited sentence and its sources here (JSON lines)")
    args = parser.parse_args()
    use = not args.no_cache
    sets: list[tuple[str, object]] = [
        ("MMDS dev", lambda: [cached("mmds", use, mmds_corpus)]),
        (
            f"Multi-News dev {args.clusters}",
            lambda: cached(
                f"multinews{args.clusters}-{args.seed}", use, lambda: multinews_corpora(args.clusters, args.seed)
            ),
        ),
        (
            f"T17 {args.t17_articles}/topic",
            lambda: cached(
                f"t17-{args.t17_articles}-{args.seed}", use, lambda: t17_corpora(args.t17_articles, args.seed)
            ),
        ),
    ]
    print(f"{'data':<22} {'cites':>6} {'prec':>7} {'extra':>6} {'prec':>7} {'1-src':>5} {'ok':>6} {'clash':>5}")
    total = Tally()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name, make in sets:
        corpora: list[Corpus] = make()  # type: ignore[operator]
        t0 = time.perf_counter()
        tally = Tally()
        for corpus in corpora:
            by_id = {a.id: a for a in corpus.articles}
            topic_lines: list[tuple[str, tuple[str, ...]]] = []
            if len(corpus.stories) > 1 or name.startswith("MMDS"):
                report = build_report(corpus)
                briefs = report.stories
                topic_lines = [(t.text, t.sources) for p in report.topics if len(p.stories) > 1 for t in p.timeline]
            else:
                briefs = [one_story(corpus)]
            for b in briefs:
                tally.brief(b, by_id)
            for text, sources in topic_lines:
                tally.citations(text, sources, by_id)
            if dump is not None:
                lines = [(s.text, s.sources) for b in briefs for s in [*b.summary, *b.timeline]] + topic_lines
                for text, sources in lines:
                    dump.write(json.dumps({"data": name, "text": text, "sources": list(sources)}) + "\n")
        show(name, tally, time.perf_counter() - t0)
        for text, aid, first in tally.failures[: args.show]:
            print(f"    {aid} (first {first}): {text[:150]}")
        for f in ("cited", "held", "extra", "extra_held", "single", "single_ok", "clash"):
            setattr(total, f, getattr(total, f) + getattr(tally, f))
    show("all", total, math.nan)
    if dump is not None:
        dump.close()


if __name__ == "__main__":
    main()
