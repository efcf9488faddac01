"""Near-duplicate detection (``storybrief.group.dedup.find_duplicates``) on wire-style copies of real articles.

Sources. The English articles of MMDS2025 dev (``guess_language`` says ``en``; 137 of 209), then whole
Multi-News dev clusters (their English documents of >= 150 words not flagged irrelevant by the Multi-News+
vote, when there are >= 2) until there are at least ``--sources`` sources. A Multi-News document whose
3-word-shingle Jaccard with an earlier source reaches 0.2 is skipped (Multi-News repeats some documents).
MMDS texts keep their lines as paragraphs; a Multi-News document (one line) is cut into paragraphs of two
sentences.

Variants. Every source gets one republished copy of each edit type, from a fixed seed (``--seed``):

* ``headline``: a new title only (prefix such as "UPDATE 1-", a suffix " | Outlet", or a shortened title).
  ``find_duplicates`` compares ``text`` only, so this is the identical-body sanity check;
* ``trim``: the last 10-40 % of the paragraphs dropped (at least one);
* ``boilerplate``: 2-4 lines inserted at random paragraph breaks: newsletter and app prompts,
  "Read more: <another article's headline>", a photo credit, "Advertisement", "This article first appeared
  on ...", "Additional reporting by ...";
* ``copyedit``: 3-8 house-style edits, sentence order kept: word substitutions (said -> says, about ->
  around, more than -> over, ...), British/American spelling (organisation -> organization, per cent ->
  percent, ...), a dropped "that";
* ``trim+boilerplate`` and ``all`` (new headline, trim, boilerplate and copy-editing together).

Natural copies. Ten MMDS same-event pairs are the same wire story as run by two outlets (The Straits Times
and CNA: same lead and paragraph sequence, different trims and house style); they are labelled copies
(``NATURAL_COPIES``, found by reading every same-event pair with 3-shingle Jaccard >= 0.1; ``--show-pairs``
lists them). One pair (ids 40/41: two cuts of one Reuters story, heavily re-edited, 1 identical line of 9)
is ``AMBIGUOUS``: its pairs count neither way.

Negatives. Different articles about the same event (MMDS gold clusters, Multi-News clusters) and every
unrelated pair, plus ``--distractors`` further Multi-News documents without variants.

Scores. Gold groups are a source, its variants, and (through natural copies) the other outlet's article with
its variants. A run of ``find_duplicates(articles, shingle=k, threshold=t)`` gives groups; the pairs inside
a found group are the predicted duplicate pairs. Pairwise precision, recall and F1 over all pairs, for every
k in ``--shingles`` and t in ``--thresholds``. Best = highest F1 (as printed, 3 decimals), ties by higher
precision, then exact F1. ``FP event`` counts predicted pairs of different articles on the same event;
``FP other`` unrelated ones; ``margin`` is the threshold minus the highest k-shingle Jaccard of any
same-event negative source pair (negative: that pair is above the threshold). Per-edit recall (for the best
setting and for the defaults) is the share of (source, variant) pairs put in one group; grouping is
transitive, so a variant can join its source through another copy. ``alone`` is the share whose own
Jaccard reaches the threshold (what a lone pair of copies would get). The Jaccard table shows, per shingle
size, the lowest and the 10th percentile similarity of source and variant per edit type, and the highest
and 99th percentile for same-event negatives.

    python benchmarks/group_dedup.py [--sources 300] [--distractors 300] [--seed 7] [--show-pairs]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from _data import datasets_dir
from storybrief.clean.language import guess_language
from storybrief.group import dedup
from storybrief.group.dedup import SHINGLE, THRESHOLD, find_duplicates, jaccard, shingles
from storybrief.model import Article, InputFormat

EDITS = ("headline", "trim", "boilerplate", "copyedit", "trim+boilerplate", "all")
# MMDS dev ids: the same wire story published by two outlets (read and labelled by hand; see --show-pairs)
NATURAL_COPIES = (
    (128, 130),
    (213, 214),
    (80, 81),
    (140, 141),
    (145, 146),
    (196, 197),
    (33, 34),
    (121, 122),
    (185, 186),
    (77, 78),
)
AMBIGUOUS = ((40, 41),)
MIN_WORDS = 150
SOURCE_OVERLAP = 0.2  # 3-shingle Jaccard from which a Multi-News document repeats an earlier source

OUTLETS = ("The Straits Times", "CNA", "Yahoo News", "MSN", "The Independent", "Bangkok Post", "Business Times")
AGENCIES = ("Reuters", "AFP", "AP", "Bloomberg", "Getty Images", "EPA-EFE")
REPORTERS = ("Jane Tan", "Ahmad Rahman", "Li Wei", "Sarah Cole", "David Ong", "Maria Lopez")
BOILERPLATE = (
    "Sign up for our newsletter to get the latest news delivered to your inbox.",
    "Read more: {headline}",
    "Also read: {headline}",
    "Photo: {agency}",
    "PHOTO: {agency}/File",
    "Advertisement",
    "Follow us on Telegram and Facebook for the latest updates.",
    "Download our app to get breaking news alerts.",
    "This article first appeared on {outlet}.",
    "Additional reporting by {reporter}",
    "Join our WhatsApp channel for the day's top stories.",
)
SUBSTITUTIONS = {
    "said": "says",
    "says": "said",
    "told": "informed",
    "about": "around",
    "big": "large",
    "large": "big",
    "help": "assist",
    "buy": "purchase",
    "start": "begin",
    "started": "began",
    "people": "individuals",
    "after": "following",
    "because": "as",
    "however": "but",
    "while": "whilst",
    "among": "amongst",
    "towards": "toward",
    "toward": "towards",
    "also": "additionally",
    "many": "numerous",
    "show": "demonstrate",
    "showed": "demonstrated",
    "near": "close to",
    "more than": "over",
    "per cent": "percent",
    "percent": "per cent",
    "US": "U.S.",
    "U.S.": "US",
    "Sept": "September",
    "Oct": "October",
    "organisation": "organization",
    "organization": "organisation",
    "centre": "center",
    "center": "centre",
    "programme": "program",
    "defence": "defense",
    "defense": "defence",
    "labour": "labor",
    "favour": "favor",
    "neighbour": "neighbor",
    "neighbours": "neighbors",
    "travelling": "traveling",
    "realise": "realize",
    "recognise": "recognize",
    "criticised": "criticized",
    "criticized": "criticised",
    "analysis": "analyses",
    "that": "",
}
_SUB_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(SUBSTITUTIONS, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"(?<=[.!?\"'])\s+(?=[A-Z\"“])")


@dataclass(slots=True)
class Source:
    id: str
    event: str  # gold event cluster ("" for none)
    title: str
    paragraphs: list[str]
    published: datetime | None


def english(text: str) -> bool:
    return guess_language(text) == "en"


def load_sources(n_sources: int, n_distractors: int) -> tuple[list[Source], list[Source], int]:
    base = datasets_dir()
    sources: list[Source] = []
    for line in (base / "mmds2025_news_event_clustering" / "dev_articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if not english(row["text"]):
            continue
        lines = [x for x in row["text"].split("\n") if x.strip()]
        event = "" if row["cluster"] == 166 else f"m{row['cluster']}"  # 166: the "other" bucket
        when = datetime.fromisoformat(row["publish_date"]) if row["publish_date"] else None
        sources.append(Source(f"m{row['id']}", event, row["title"], lines, when))
    seen = [shingles("\n".join(s.paragraphs), 3) for s in sources]
    distractors: list[Source] = []
    skipped = 0
    with gzip.open(base / "multinews_test_mnplus" / "dev_half.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(sources) >= n_sources and len(distractors) >= n_distractors:
                break
            row = json.loads(line)
            flagged = set(row.get("llm_flagged_irrelevant_doc_indices") or ())
            picked = []
            for i, doc in enumerate(row["documents"]):
                if i in flagged or len(doc.split()) < MIN_WORDS or not english(doc):
                    continue
                sh = shingles(doc, 3)
                if any(jaccard(sh, other) >= SOURCE_OVERLAP for other in seen):
                    skipped += 1
                    continue
                seen.append(sh)
                sentences = _SENTENCE_RE.split(doc.strip())
                paragraphs = [" ".join(sentences[j : j + 2]) for j in range(0, len(sentences), 2)]
                title = " ".join(doc.split()[:10])
                picked.append(Source(f"n{row['id']}-{i}", f"n{row['id']}", title, paragraphs, None))
            if len(sources) < n_sources:
                if len(picked) >= 2:
                    sources.extend(picked)
            else:
                distractors.extend(picked[: n_distractors - len(distractors)])
    return sources, distractors, skipped


def new_headline(title: str, rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(("UPDATE 1-", "UPDATE 2-", "WRAPUP 1-", "Exclusive: ")) + title
    if kind == 1:
        return f"{title} | {rng.choice(OUTLETS)}"
    words = title.split()
    if kind == 2 and len(words) > 6:
        return " ".join(words[: max(5, len(words) * 2 // 3)])
    return title.upper() if rng.random() < 0.5 else title.lower().capitalize()


def trim(paragraphs: list[str], rng: random.Random) -> list[str]:
    drop = max(1, round(rng.uniform(0.10, 0.40) * len(paragraphs)))
    return paragraphs[: max(1, len(paragraphs) - drop)]


def add_boilerplate(paragraphs: list[str], rng: random.Random, headlines: list[str]) -> list[str]:
    out = list(paragraphs)
    for template in rng.sample(BOILERPLATE, rng.randint(2, 4)):
        line = template.format(
            headline=rng.choice(headlines),
            agency=rng.choice(AGENCIES),
            outlet=rng.choice(OUTLETS),
            reporter=rng.choice(REPORTERS),
        )
        out.insert(rng.randint(0, len(out)), line)
    return out


def replacement(old: str) -> str | None:
    """The copy-edit for a matched word: exact keys first, then a capitalised lower-case key."""
    if old in SUBSTITUTIONS:
        return SUBSTITUTIONS[old]
    low = old.lower()
    new = SUBSTITUTIONS.get(low)
    if new and old == low[0].upper() + low[1:]:
        return new[0].upper() + new[1:]
    return None


def copyedit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """3-8 house-style edits at random places; sentence order kept."""
    text = "\n".join(paragraphs)
    spots = [m for m in _SUB_RE.finditer(text) if replacement(m.group(1)) is not None]
    chosen = sorted(rng.sample(spots, min(len(spots), rng.randint(3, 8))), key=lambda m: m.start(), reverse=True)
    for m in chosen:
        new = replacement(m.group(1)) or ""
        end = m.end() + 1 if not new and text[m.end() : m.end() + 1] == " " else m.end()
        text = text[: m.start()] + new + text[end:]
    return text.split("\n")


def make_variant(source: Source, edit: str, rng: random.Random, headlines: list[str]) -> tuple[str, list[str]]:
    title, paragraphs = source.title, list(source.paragraphs)
    if edit in ("headline", "all"):
        title = new_headline(title, rng)
    if edit in ("trim", "trim+boilerplate", "all"):
        paragraphs = trim(paragraphs, rng)
    if edit in ("copyedit", "all"):
        paragraphs = copyedit(paragraphs, rng)
    if edit in ("boilerplate", "trim+boilerplate", "all"):
        paragraphs = add_boilerplate(paragraphs, rng, headlines)
    return title, paragraphs


def article(aid: str, title: str, paragraphs: list[str], published: datetime | None) -> Article:
    return Article(
        id=aid, input=aid, format=InputFormat.TEXT, text="\n".join(paragraphs), title=title, published=published
    )


@dataclass(slots=True)
class Bench:
    articles: list[Article]
    family: dict[str, str]  # article id -> source id
    edit: dict[str, str]  # variant id -> edit type
    event: dict[str, str]  # source id -> event ("" none)
    gold: dict[str, int]  # article id -> gold group
    ambiguous: set[frozenset[str]]  # source-id pairs whose article pairs are not scored
    natural: list[tuple[str, str]]


def build(sources: list[Source], distractors: list[Source], seed: int) -> Bench:
    headlines = [s.title for s in sources if s.id.startswith("m")]
    articles: list[Article] = []
    family: dict[str, str] = {}
    edit: dict[str, str] = {}
    for n, src in enumerate(sources):
        rng = random.Random(seed * 1_000_003 + n)
        articles.append(article(src.id, src.title, src.paragraphs, src.published))
        family[src.id] = src.id
        for kind in EDITS:
            title, paragraphs = make_variant(src, kind, rng, [h for h in headlines if h != src.title])
            when = src.published + timedelta(hours=rng.randint(1, 48)) if src.published else None
            vid = f"{src.id}/{kind}"
            articles.append(article(vid, title, paragraphs, when))
            family[vid], edit[vid] = src.id, kind
    for src in distractors:
        articles.append(article(src.id, src.title, src.paragraphs, src.published))
        family[src.id] = src.id
    event = {s.id: s.event for s in sources + distractors}
    ids = set(event)
    natural = [(f"m{a}", f"m{b}") for a, b in NATURAL_COPIES if f"m{a}" in ids and f"m{b}" in ids]
    parent = {s: s for s in ids}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in natural:
        parent[root(a)] = root(b)
    roots: dict[str, int] = {}
    gold = {a.id: roots.setdefault(root(family[a.id]), len(roots)) for a in articles}
    ambiguous = {frozenset((f"m{a}", f"m{b}")) for a, b in AMBIGUOUS}
    return Bench(articles, family, edit, event, gold, ambiguous, natural)


@dataclass(slots=True)
class Score:
    shingle: int
    threshold: float
    tp: int
    fp_event: int
    fp_other: int
    fn: int
    seconds: float
    same: dict[str, int]  # article id -> found group (absent: alone)

    @property
    def precision(self) -> float:
        found = self.tp + self.fp_event + self.fp_other
        return self.tp / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def together(self, a: str, b: str) -> bool:
        return a in self.same and self.same.get(a) == self.same.get(b)


def scored(bench: Bench, a: str, b: str) -> bool:
    fa, fb = bench.family[a], bench.family[b]
    return frozenset((fa, fb)) not in bench.ambiguous


def gold_pairs(bench: Bench) -> int:
    members: dict[int, list[str]] = defaultdict(list)
    for a in bench.articles:
        members[bench.gold[a.id]].append(a.id)
    return sum(1 for m in members.values() for a, b in itertools.combinations(m, 2) if scored(bench, a, b))


def run(bench: Bench, k: int, t: float, n_gold: int) -> Score:
    for a in bench.articles:
        a.duplicate_of = None
    start = time.perf_counter()
    groups = find_duplicates(bench.articles, shingle=k, threshold=t)
    seconds = time.perf_counter() - start
    tp = fp_event = fp_other = 0
    same: dict[str, int] = {}
    for g, group in enumerate(groups):
        for aid in group.members:
            same[aid] = g
        for a, b in itertools.combinations(group.members, 2):
            if not scored(bench, a, b):
                continue
            if bench.gold[a] == bench.gold[b]:
                tp += 1
            else:
                ea, eb = bench.event[bench.family[a]], bench.event[bench.family[b]]
                if ea and ea == eb:
                    fp_event += 1
                else:
                    fp_other += 1
    return Score(k, t, tp, fp_event, fp_other, n_gold - tp, seconds, same)


def edit_recall(bench: Bench, score: Score) -> dict[str, tuple[int, int, int]]:
    """Per edit type: (variants grouped with their source, variants alone above the threshold, variants)."""
    sets = {a.id: shingles(a.text, score.shingle) for a in bench.articles}
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    pairs = [(vid, bench.family[vid], kind) for vid, kind in bench.edit.items()]
    pairs += [(a, b, "natural copy") for a, b in bench.natural]
    for a, b, kind in pairs:
        out[kind][0] += score.together(a, b)
        out[kind][1] += jaccard(sets[a], sets[b]) >= score.threshold
        out[kind][2] += 1
    return {k: (v[0], v[1], v[2]) for k, v in out.items()}


def same_event_negatives(bench: Bench) -> list[tuple[str, str]]:
    """Source pairs of one event that are different articles (the hard negatives)."""
    out = []
    for a, b in itertools.combinations(sorted(bench.event), 2):
        same_event = bench.event[a] and bench.event[a] == bench.event[b]
        if same_event and bench.gold[a] != bench.gold[b] and scored(bench, a, b):
            out.append((a, b))
    return out


def jaccard_table(bench: Bench, sizes: list[int]) -> None:
    by_id = {a.id: a for a in bench.articles}
    kinds = [*EDITS, "natural copy"]
    negatives = same_event_negatives(bench)
    print(
        f"\nJaccard of source and variant per edit type (min / 10th percentile), and of the {len(negatives)} "
        "same-event negative source pairs (max / 99th percentile):"
    )
    print(f"{'k':>2} " + " ".join(f"{k:>16}" for k in kinds) + f" {'same-event neg':>16}")
    for k in sizes:
        sets = {aid: shingles(a.text, k) for aid, a in by_id.items()}
        sims: dict[str, list[float]] = defaultdict(list)
        for vid, kind in bench.edit.items():
            sims[kind].append(jaccard(sets[vid], sets[bench.family[vid]]))
        for a, b in bench.natural:
            sims["natural copy"].append(jaccard(sets[a], sets[b]))
        neg = sorted(jaccard(sets[a], sets[b]) for a, b in negatives)
        cells = []
        for kind in kinds:
            values = sorted(sims[kind])
            cells.append(f"{values[0]:.2f} / {values[len(values) // 10]:.2f}")
        cells.append(f"{neg[-1]:.2f} / {neg[int(0.99 * (len(neg) - 1))]:.2f}")
        print(f"{k:>2} " + " ".join(f"{c:>16}" for c in cells))


def show_pairs(sources: list[Source]) -> None:
    """Same-event MMDS pairs with 3-shingle Jaccard >= 0.1, for labelling natural copies."""
    mmds = [s for s in sources if s.id.startswith("m") and s.event]
    labels = {frozenset((f"m{a}", f"m{b}")): "copy" for a, b in NATURAL_COPIES}
    labels.update({frozenset((f"m{a}", f"m{b}")): "ambiguous" for a, b in AMBIGUOUS})
    for a, b in itertools.combinations(mmds, 2):
        if a.event != b.event:
            continue
        sim = jaccard(shingles("\n".join(a.paragraphs), 3), shingles("\n".join(b.paragraphs), 3))
        if sim >= 0.1:
            label = labels.get(frozenset((a.id, b.id)), "different")
            print(f"{sim:.3f} {label:9} {a.id:>5} {b.id:>5}  {a.title[:55]!r} | {b.title[:55]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sources",
        type=int,
        default=300,
        help="at least this many sources (all 137 English MMDS articles, then Multi-News)",
    )
    parser.add_argument("--distractors", type=int, default=300, help="extra unrelated Multi-News documents")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shingles", default="2,3,4,5,6")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
    parser.add_argument("--show-pairs", action="store_true", help="list same-event MMDS pairs for labelling")
    args = parser.parse_args()
    print("command: python benchmarks/group_dedup.py " + " ".join(sys.argv[1:]))
    with open(dedup.__file__, "rb") as fh:
        print(f"storybrief/group/dedup.py sha1 {hashlib.sha1(fh.read()).hexdigest()[:8]}")
    sources, distractors, skipped = load_sources(args.sources, args.distractors)
    if args.show_pairs:
        show_pairs(sources)
        return
    bench = build(sources, distractors, args.seed)
    n_gold = gold_pairs(bench)
    events = Counter(s.event for s in sources if s.event)
    negatives = same_event_negatives(bench)
    n_neg = len(negatives)
    words = statistics.median(len(a.text.split()) for a in bench.articles)
    print(
        f"{len(sources)} sources ({sum(s.id.startswith('m') for s in sources)} MMDS dev English, "
        f"{sum(s.id.startswith('n') for s in sources)} Multi-News; {sum(v >= 2 for v in events.values())} events "
        f"with >= 2 sources), {len(sources) * len(EDITS)} variants, {len(distractors)} distractors, "
        f"{skipped} Multi-News documents skipped as repeats; {len(bench.articles)} articles, median {words:.0f} words"
    )
    print(
        f"gold: {n_gold} duplicate pairs, {len(bench.natural)} natural copy pairs, {n_neg} same-event negative "
        f"source pairs; defaults SHINGLE={SHINGLE} THRESHOLD={THRESHOLD}\n"
    )
    sizes = [int(x) for x in args.shingles.split(",")]
    thresholds = [float(x) for x in args.thresholds.split(",")]
    by_id = {a.id: a for a in bench.articles}
    neg_max = {}
    for k in sizes:
        neg_max[k] = max(jaccard(shingles(by_id[a].text, k), shingles(by_id[b].text, k)) for a, b in negatives)
    print(
        f"{'k':>2} {'t':>4} {'P':>6} {'R':>6} {'F1':>6} {'TP':>6} {'FP event':>8} {'FP other':>8} {'FN':>5} "
        f"{'margin':>6} {'s':>6}"
    )
    scores: list[Score] = []
    for k in sizes:
        for t in thresholds:
            s = run(bench, k, t, n_gold)
            scores.append(s)
            mark = "  <- defaults" if (k, t) == (SHINGLE, THRESHOLD) else ""
            print(
                f"{k:>2} {t:4.1f} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:6d} {s.fp_event:8d} "
                f"{s.fp_other:8d} {s.fn:5d} {t - neg_max[k]:+6.2f} {s.seconds:6.2f}{mark}",
                flush=True,
            )
    best = max(scores, key=lambda s: (round(s.f1, 3), round(s.precision, 3), s.f1))
    tied = [s for s in scores if round(s.f1, 3) == round(best.f1, 3)]
    print(
        f"\nbest: shingle={best.shingle} threshold={best.threshold} P {best.precision:.3f} R {best.recall:.3f} "
        f"F1 {best.f1:.3f} ({len(tied)} setting(s) at F1 {best.f1:.3f}: "
        + ", ".join(f"k={s.shingle} t={s.threshold} P {s.precision:.3f}" for s in tied)
        + ")"
    )
    default = next((s for s in scores if (s.shingle, s.threshold) == (SHINGLE, THRESHOLD)), None)
    if default is None:
        default = run(bench, SHINGLE, THRESHOLD, n_gold)
    print(
        f"defaults: shingle={SHINGLE} threshold={THRESHOLD} P {default.precision:.3f} R {default.recall:.3f} "
        f"F1 {default.f1:.3f}"
    )
    print(
        "\nrecall per edit type: source and variant in one found group (alone: their own Jaccard reaches the threshold)"
    )
    print(f"{'':18} {'best':^21}   {'defaults':^21}")
    print(f"{'edit':18} {'grouped':>14} {'alone':>6}   {'grouped':>14} {'alone':>6}")
    best_r, default_r = edit_recall(bench, best), edit_recall(bench, default)
    for kind in [*EDITS, "natural copy"]:
        cells = [
            f"{n:>4}/{total:<4} {n / total:5.3f} {alone / total:6.3f}"
            for n, alone, total in (best_r[kind], default_r[kind])
        ]
        print(f"{kind:18} {cells[0]}   {cells[1]}")
    jaccard_table(bench, sizes)


if __name__ == "__main__":
    main()
