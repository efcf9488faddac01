"""Direct-quote extraction and speaker attribution on PolNeAR (Newell et al., LREC 2018).

Gold. One annotator file per article: the first ``<stem>_<annotator>.ann`` in sorted order. Every ``E``
relation (``Attribution`` or ``Attribution-no-source``) gives Content spans (``Content`` and the rare
``Content2``; discontinuous spans kept as pieces), an optional Source span and a Cue. Relations with
identical Content spans count once (the one with a Source is kept). PolNeAR annotates all attributions
(paraphrase, belief, intention), so relations are filtered to direct quotes:

* quoted regions of the raw text come from an independent, deliberately simple rule, line by line: ``“``
  opens and ``”`` closes; a straight ``"`` or a doubled apostrophe ``''`` (the archive convention of some
  NYT texts) closes an open quote and opens one otherwise; a quote still open at the end of the line ends
  there (each paragraph of a multi-paragraph quote opens with its own mark). Outside those, ``‘…’`` or
  ``'…'`` opened after a space or the line start and closed before a non-letter (headline style:
  ``Obama: Trends Are 'Terrifying'``) are quoted too;
* the *quoted share* of a Content span is the share of its word characters (``\\w``) inside quoted regions;
* **direct** (the gold set): quoted share >= 0.5. The Content is inside the marks, is contained in them, or
  is mostly quoted words (a quote split around its attribution, a multi-paragraph quote);
* **partial**: some quoted words but a share below 0.5 (a few words woven into paraphrase: "she said the
  plan was “a gift to polluters” and would be withdrawn"). A predicted quote that matches no direct gold
  quote but overlaps a partial relation is a real quotation the gold set leaves out: it is *ignored*
  (neither true nor false positive; column ``ign``).

System. One :class:`~storybrief.model.Article` per raw ``.txt`` without the cleaning stage (offsets stay
those of the raw text; every non-empty line is a paragraph block), all annotated in one
``annotate_articles(..., dates=False)`` call.

Quote rows. A predicted quote (all its ``parts``) and a gold Content (all its pieces) *overlap* when they
share a character; matching is one-to-one, greedy by largest overlap (``overlap``, the main row). Stricter:
``token Jaccard``, the same matching on word tokens (``\\w+``, by position) with Jaccard >= 0.5. Diagnostic:
``split neutral`` also ignores unmatched predictions that overlap an already matched gold quote (PolNeAR
often joins what the system returns as two quotes, e.g. two closed quote paragraphs of one speaker);
``attributed only`` scores only the predictions that have a speaker.

Speaker accuracy, over quotes matched in the main row. The gold Source's *name tokens* come from its first
comma-separated segment that ends in a capitalised word: the trailing run of capitalised words (the head of
an English noun phrase comes last), leaving out titles, pronouns, parentheticals ("(D-Md.)"), possessive
owners, a run right after a preposition ("a spokesman for Trump"), and the prepositional phrase after a
name ("Mr. Morgan of the Sierra Club" → morgan). A segment ending in a lower-case word is a description
("the New York businessman", "Smith's lawyer") and gives none; "Jones, a Smith ally" gives only "jones".
A matched quote is correct when

1. ``name``: the gold Source has name tokens and the predicted canonical speaker shares one (lower-cased).
   When the Source has name tokens they decide: a predicted mention inside the Source span that names
   someone else ("Jones" in "Smith, a Jones ally") is wrong;
2. ``span``: the Source has no name tokens (a pronoun or a description) and the predicted speaker mention
   (``speaker_start``/``speaker_end``) overlaps it. When the Source is a bare pronoun and the predicted
   name is not confirmed by rule 3 the verdict is ``span-pronoun``: correct, but left out of the strict
   accuracy;
3. ``antecedent``: the Source has no name tokens and the predicted name shares a token with the nearest
   *preceding* gold Source in the article that has name tokens (PolNeAR does not annotate coreference;
   this is the simple stand-in);
4. ``no-source``: the relation has no Source and the system predicts no speaker.

The share of matched quotes with no predicted speaker, and the accuracy by predicted ``kind``, are reported.

Baseline, same run. Every quoted region of the gold rule, speaker = the nearest PERSON entity of spaCy
(``storybrief.annotate.nlp.load_nlp()``) in the sentence of the opening mark, outside the quote. Its run
time is essentially one spaCy pass.

Reference (different data and evaluation): GenderGapTracker (Asr et al. 2021) reports quote extraction
F1 0.837 and speaker accuracy 0.865 on their own annotated Canadian news.

Halves. So that rules are not fitted to the articles they are measured on, every article falls in a *tune* or
a *check* half by a hash of its file stem (:func:`half_of`); errors are looked at on the tune half only
(``--errors-from tune``, the default) and the speaker and quote figures are printed for both halves and the
whole. Errors are printed by kind: ``wrong person`` (the speaker is a person the gold disagrees with),
``non-person`` (the speaker is a place, nationality, an organisation the gold does not name, or a phrase no
recogniser tagged), ``spurious`` (the gold relation has no Source) and ``missing``.

Cache. The spaCy pass (sentences and entities, :func:`storybrief.annotate.nlp.parse_texts`) is kept in
``/tmp/storybrief-bench``, keyed by the texts, the spaCy model and the source of ``annotate/nlp.py``; the
rules after it (entities, speakers, quotes) always run again, so re-scoring the 840 train articles after a
change to the quote rules takes seconds. ``--no-cache`` parses again; ``--no-baseline`` skips the baseline
(its own spaCy pass).

    python benchmarks/polnear_quotes.py [--split dev|train] [--limit N] [--show-errors N]
        [--errors-from tune|check|all] [--no-cache] [--no-baseline]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import storybrief.annotate.annotator as annotator_module
from _data import datasets_dir
from storybrief.annotate.annotator import annotate_articles
from storybrief.annotate.nlp import Parsed, load_nlp, parse_texts
from storybrief.model import Article, Block, InputFormat, Quote

Interval = tuple[int, int]
DIRECT_SHARE = 0.5
JACCARD_MIN = 0.5
REFERENCE = ("GenderGapTracker (Asr et al. 2021)*", 0.837, 0.865)

_WORD_RE = re.compile(r"\w+")
_NAME_TOKEN_RE = re.compile(r"[\w’'.-]+")
_POSSESSIVE_RE = re.compile(r"(’s|'s|’|')$")
_PREPOSITIONS = {"for", "of", "to", "at", "from", "with", "by", "on", "in", "about", "against"}
_STOP = {
    "a", "an", "the", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our", "my",
    "him", "them", "us", "me", "who", "this", "that", "these", "those", "mr", "mrs", "ms", "dr", "sen", "rep",
    "gov", "gen", "lt", "president", "secretary", "senator", "governor", "minister", "mayor", "candidate",
    "nominee", "chairman", "spokesman", "spokeswoman", "director", "chief", "former", "retired", "vice",
    "democratic", "republican", "presidential", "sir", "jr", "sr", "general", "said", "says", "del", "rev",
}  # fmt: skip


# ---------------------------------------------------------------------------------------------- gold


@dataclass(slots=True, frozen=True)
class Relation:
    content: tuple[Interval, ...]
    source: tuple[Interval, ...]  # empty for Attribution-no-source
    source_text: str


@dataclass(slots=True)
class Doc:
    stem: str
    path: Path
    text: str
    relations: list[Relation]
    direct: list[Relation] = field(default_factory=list)
    partial: list[Relation] = field(default_factory=list)


def _spans(field_text: str) -> tuple[Interval, ...]:
    """``"Content 10 20;25 30"`` → ((10, 20), (25, 30))."""
    _, _, offsets = field_text.partition(" ")
    return tuple((int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";")))


def read_relations(ann: Path, text: str) -> list[Relation]:
    spans: dict[str, tuple[Interval, ...]] = {}
    relations: list[Relation] = []
    events: list[list[tuple[str, str]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if cols[0].startswith("T") and len(cols) >= 2:
            spans[cols[0]] = _spans(cols[1])
        elif cols[0].startswith("E") and len(cols) >= 2:
            events.append([(role, ref) for role, _, ref in (arg.partition(":") for arg in cols[1].split())])
    for args in events:
        content = tuple(sorted(s for role, ref in args if role.startswith("Content") for s in spans.get(ref, ())))
        source = tuple(s for role, ref in args if role == "Source" for s in spans.get(ref, ()))
        if content:
            relations.append(Relation(content, source, " ".join(text[a:b] for a, b in source)))
    return relations


def quoted_regions(text: str) -> list[Interval]:
    """Insides of quotation marks, line by line (the gold rule of the module docstring)."""
    regions: list[Interval] = []
    pos = 0
    for line in text.split("\n"):
        found: list[Interval] = []
        open_at: int | None = None
        i = 0
        while i < len(line):
            width = 2 if line.startswith("''", i) else 1
            ch = line[i]
            if ch == "“" or ((ch == '"' or width == 2) and open_at is None):
                open_at = i + width if open_at is None else open_at
            elif (ch in '”"' or width == 2) and open_at is not None:
                found.append((open_at, i))
                open_at = None
            i += width
        if open_at is not None:
            found.append((open_at, len(line)))
        found.extend(_single_quoted(line, found))
        regions.extend((pos + a, pos + b) for a, b in found if b > a)
        pos += len(line) + 1
    return sorted(regions)


def _single_quoted(line: str, taken: Sequence[Interval]) -> list[Interval]:
    """‘…’ or '…' outside double quotes: opened after a space or line start, closed before a non-letter."""
    out: list[Interval] = []
    i = 0
    while i < len(line) - 1:
        before = line[i - 1] if i else " "
        opening = line[i] in "‘'" and (before.isspace() or before in "([—–-") and line[i + 1].isalnum()
        if opening and not any(a - 2 <= i < b + 1 for a, b in taken):
            j = _single_close(line, i + 2)
            if j is not None:
                out.append((i + 1, j))
                i = j
        i += 1
    return out


def _single_close(line: str, start: int) -> int | None:
    """The first ’ or ' after a non-space and before a non-letter: the closing mark, not an apostrophe."""
    for j in range(start, len(line)):
        if line[j] in "’'" and not line[j - 1].isspace() and (j + 1 == len(line) or not line[j + 1].isalnum()):
            return j
    return None


def quoted_share(text: str, content: Sequence[Interval], regions: Sequence[Interval]) -> float:
    words = [(m.start(), m.end()) for a, b in content for m in _WORD_RE.finditer(text, a, b)]
    total = sum(e - s for s, e in words)
    if not total:
        return 0.0
    inside = sum(_overlap([w], regions) for w in words)
    return inside / total


def load_docs(split: str, limit: int | None) -> list[Doc]:
    root = datasets_dir() / "polnear" / "data" / split
    if not root.is_dir():
        raise SystemExit(f"PolNeAR split not found: {root}")
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # the first annotator in sorted order
    docs: list[Doc] = []
    for stem, ann in sorted(chosen.items())[:limit]:
        path = root / "text" / f"{stem}.txt"
        text = path.read_text(encoding="utf-8")
        doc = Doc(stem, path, text, read_relations(ann, text))
        regions = quoted_regions(text)
        seen: dict[tuple[Interval, ...], Relation] = {}
        for rel in doc.relations:
            if rel.content not in seen or (rel.source and not seen[rel.content].source):
                seen[rel.content] = rel
        for rel in seen.values():
            share = quoted_share(text, rel.content, regions)
            if share >= DIRECT_SHARE:
                doc.direct.append(rel)
            elif share > 0:
                doc.partial.append(rel)
        docs.append(doc)
    return docs


# ------------------------------------------------------------------------------------------ matching


def _overlap(a: Iterable[Interval], b: Sequence[Interval]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _tokens(text: str, spans: Iterable[Interval]) -> set[int]:
    return {m.start() for a, b in spans for m in _WORD_RE.finditer(text, a, b)}


def _jaccard(text: str, a: Sequence[Interval], b: Sequence[Interval]) -> float:
    ta, tb = _tokens(text, a), _tokens(text, b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 0.0


def _jaccard_score(text: str) -> Callable[[Prediction, Relation], float]:
    return lambda p, g: _jaccard(text, p.spans, g.content)


@dataclass(slots=True, frozen=True)
class Prediction:
    spans: tuple[Interval, ...]
    speaker: str | None
    speaker_span: Interval | None
    kind: str = "full"
    label: str | None = None  # the entity label of the speaker (PERSON, ORG, GPE, ...), None when untagged


def quote_prediction(q: Quote, labels: dict[str, str] | None = None) -> Prediction:
    spans = q.parts or ((q.start, q.end),)
    mention = (q.speaker_start, q.speaker_end) if q.speaker_start is not None and q.speaker_end is not None else None
    label = (labels or {}).get(q.speaker) if q.speaker else None
    return Prediction(tuple(spans), q.speaker, mention, q.kind, label)


def article_predictions(article: Article) -> list[Prediction]:
    """The article's quotes as predictions, each speaker with the label of its entity (a person first)."""
    labels: dict[str, str] = {}
    for e in article.entities:
        if labels.get(e.canonical) != "PERSON":
            labels[e.canonical] = e.label
    return [quote_prediction(q, labels) for q in article.quotes]


def half_of(stem: str) -> str:
    """``tune`` or ``check``: a fixed split of the articles by a hash of the file stem."""
    return "tune" if hashlib.sha1(stem.encode()).digest()[0] % 2 == 0 else "check"


def match(
    preds: Sequence[Prediction], gold: Sequence[Relation], score: Callable[[Prediction, Relation], float], least: float
) -> list[tuple[int, int]]:
    """One-to-one greedy matching by largest score; pairs scoring below ``least`` (or zero) never match."""
    pairs = [
        (s, i, j) for i, p in enumerate(preds) for j, g in enumerate(gold) if (s := score(p, g)) >= least and s > 0
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, i, j in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


# ------------------------------------------------------------------------------------------ speakers


def name_tokens(source: str) -> set[str]:
    """The lower-cased name words of a gold Source (rules in the module docstring); empty for a description."""
    for segment in source.split(","):
        words = _NAME_TOKEN_RE.findall(re.sub(r"\([^)]*\)", " ", segment))
        cut = next((k for k, w in enumerate(words) if w.lower() in _PREPOSITIONS), None)
        if cut is not None and any(_is_name_word(w) for w in words[:cut]):
            words = words[:cut]  # "Mr. Morgan of the Sierra Club": the name before the prepositional phrase
        run: list[str] = []
        for k in range(len(words) - 1, -1, -1):  # the head of an English noun phrase comes last
            word = words[k]
            if _POSSESSIVE_RE.search(word) or not (word[:1].isupper() or (run and word.lower() in ("and", "&"))):
                break
            if k and words[k - 1].lower() in _PREPOSITIONS and not run:
                break  # "for Trump": the object of a preposition, not the speaker
            run.append(word)
        found = {_fold(w) for w in run if _is_name_word(w)}
        if found:
            return found
    return set()


def _fold(word: str) -> str:
    return word.lower().replace("’", "'").strip(".-'")


def _is_name_word(word: str) -> bool:
    bare = word.strip(".-’'")
    return len(bare) > 1 and bare[:1].isupper() and bare.lower() not in _STOP


def speaker_tokens(speaker: str) -> set[str]:
    words = (_POSSESSIVE_RE.sub("", w) for w in _NAME_TOKEN_RE.findall(speaker))
    return {_fold(w) for w in words if _is_name_word(w)}


def judge_speaker(pred: Prediction, gold: Relation, earlier_names: Sequence[set[str]]) -> str:
    """The verdict on a matched quote's speaker (rules in the module docstring).

    Correct: ``name``, ``span``, ``span-pronoun`` (the mention overlaps a pronoun or description Source but
    the predicted name is not confirmed by the antecedent rule), ``antecedent``, ``no-source``.
    Incorrect: ``missing`` (no speaker predicted) and ``wrong``.
    """
    if not gold.source:
        return "no-source" if pred.speaker is None else "wrong"
    if pred.speaker is None:
        return "missing"
    gold_names = name_tokens(gold.source_text)
    predicted = speaker_tokens(pred.speaker)
    if gold_names:
        # a name decides; a mention inside an apposition naming someone else ("Smith, a Jones ally") is wrong
        return "name" if gold_names & predicted else "wrong"
    confirmed = bool(earlier_names) and bool(predicted & earlier_names[-1])
    if pred.speaker_span is not None and _overlap([pred.speaker_span], gold.source):
        return "span" if confirmed or not _is_pronoun(gold.source_text) else "span-pronoun"
    return "antecedent" if confirmed else "wrong"


def _is_pronoun(source: str) -> bool:
    return source.strip().lower() in {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}


def earlier_named_sources(doc: Doc, gold: Relation) -> list[set[str]]:
    """Name-token sets of the article's gold Sources that start before ``gold``'s Source, in order."""
    if not gold.source:
        return []
    at = gold.source[0][0]
    named = sorted(
        (r.source[0][0], names)
        for r in doc.relations
        if r.source and r.source[0][0] < at and (names := name_tokens(r.source_text))
    )
    return [names for _, names in named]


# ------------------------------------------------------------------------------------------ systems


def build_articles(docs: Sequence[Doc]) -> list[Article]:
    articles = []
    for doc in docs:
        blocks, pos = [], 0
        for line in doc.text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = pos + line.find(stripped)
                blocks.append(Block("paragraph", start, start + len(stripped)))
            pos += len(line) + 1
        articles.append(
            Article(id=doc.stem, input=str(doc.path), format=InputFormat.TEXT, text=doc.text, blocks=blocks)
        )
    return articles


def baseline(docs: Sequence[Doc]) -> list[list[Prediction]]:
    nlp = load_nlp()
    out: list[list[Prediction]] = []
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        sents = [(s.start_char, s.end_char) for s in parsed.sents]
        people = [(e.start_char, e.end_char, e.text) for e in parsed.ents if e.label_ == "PERSON"]
        preds: list[Prediction] = []
        for start, end in quoted_regions(doc.text):
            lo, hi = next(((a, b) for a, b in sents if a <= start - 1 < b), (start, end))
            best: tuple[int, int, int, str] | None = None
            for s, e, name in people:
                if lo <= s < hi and (e <= start - 1 or s >= end):
                    distance = start - e if e <= start else s - end
                    if best is None or distance < best[0]:
                        best = (distance, s, e, name)
            preds.append(Prediction(((start, end),), best[3] if best else None, (best[1], best[2]) if best else None))
        out.append(preds)
    return out


CACHE_DIR = Path("/tmp/storybrief-bench")


def cached_parse(texts: Sequence[str], split: str) -> Callable[[Sequence[str], int], list[Parsed]]:
    """A stand-in for ``parse_texts`` that answers from a cache of one spaCy pass over ``texts``."""
    import spacy

    nlp = load_nlp()
    h = hashlib.sha1()
    h.update((Path(annotator_module.__file__).parent / "nlp.py").read_bytes())
    h.update(f"{spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')}".encode())
    for text in texts:
        h.update(text.encode() + b"\0")
    path = CACHE_DIR / f"polnear-parse-{split}-{h.hexdigest()[:12]}.pkl"
    table: dict[str, Parsed] = {}
    if path.exists():
        table = pickle.loads(path.read_bytes())
    else:
        for text, parsed in zip(texts, parse_texts(texts), strict=True):
            table[text] = parsed
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(table))
        tmp.replace(path)

    def parse(batch: Sequence[str], batch_size: int = 32) -> list[Parsed]:
        return [table[t] if t in table else parse_texts([t])[0] for t in batch]

    return parse


# ------------------------------------------------------------------------------------------ scoring


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0

    def add(self, tp: int, fp: int, fn: int, ignored: int) -> None:
        self.tp, self.fp, self.fn, self.ignored = self.tp + tp, self.fp + fp, self.fn + fn, self.ignored + ignored

    def row(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Result:
    overlap: Score = field(default_factory=Score)
    jaccard: Score = field(default_factory=Score)
    split_neutral: Score = field(default_factory=Score)
    attributed: Score = field(default_factory=Score)
    false_kinds: Counter[str] = field(default_factory=Counter)
    speakers: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    missed: list[tuple[Doc, Relation]] = field(default_factory=list)
    false: list[tuple[Doc, Prediction, str]] = field(default_factory=list)
    wrong: list[tuple[Doc, Prediction, Relation, str]] = field(default_factory=list)


def accuracy(verdicts: Counter[str], strict: bool = False) -> float:
    total = sum(verdicts.values())
    bad = verdicts["wrong"] + verdicts["missing"] + (verdicts["span-pronoun"] if strict else 0)
    return (total - bad) / total if total else 0.0


def _unmatched_kind(doc: Doc, pred: Prediction) -> str:
    """Why a prediction matched no gold direct quote: ``partial`` (ignored), ``split`` or ``unannotated``."""
    if any(_overlap(pred.spans, g.content) for g in doc.partial):
        return "partial"
    if any(_overlap(pred.spans, g.content) for g in doc.direct):
        return "split"  # another piece of a gold quote that a different prediction matched
    return "unannotated"


def _score(doc: Doc, preds: Sequence[Prediction], pairs: Sequence[tuple[int, int]]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, ignored) for one article; predictions overlapping a partial relation are ignored."""
    hit = {i for i, _ in pairs}
    kinds = [_unmatched_kind(doc, p) for i, p in enumerate(preds) if i not in hit]
    ignored = kinds.count("partial")
    return len(pairs), len(kinds) - ignored, len(doc.direct) - len(pairs), ignored


def evaluate(docs: Sequence[Doc], predictions: Sequence[Sequence[Prediction]]) -> Result:
    res = Result()
    for doc, preds in zip(docs, predictions, strict=True):
        by_overlap = match(preds, doc.direct, lambda p, g: _overlap(p.spans, g.content), 1)
        tp, fp, fn, ignored = _score(doc, preds, by_overlap)
        res.overlap.add(tp, fp, fn, ignored)
        hit_p = {i for i, _ in by_overlap}
        hit_g = {j for _, j in by_overlap}
        splits = 0
        for i, p in enumerate(preds):
            if i not in hit_p:
                kind = _unmatched_kind(doc, p)
                res.false_kinds[kind] += 1
                splits += kind == "split"
                if kind != "partial":
                    res.false.append((doc, p, kind))
        res.split_neutral.add(tp, fp - splits, fn, ignored + splits)
        by_jaccard = match(preds, doc.direct, _jaccard_score(doc.text), JACCARD_MIN)
        res.jaccard.add(*_score(doc, preds, by_jaccard))
        named = [p for p in preds if p.speaker is not None]
        res.attributed.add(*_score(doc, named, match(named, doc.direct, lambda p, g: _overlap(p.spans, g.content), 1)))
        res.missed.extend((doc, g) for j, g in enumerate(doc.direct) if j not in hit_g)
        for i, j in by_overlap:
            gold = doc.direct[j]
            verdict = judge_speaker(preds[i], gold, earlier_named_sources(doc, gold))
            res.speakers[verdict] += 1
            res.by_kind.setdefault(preds[i].kind, Counter())[verdict] += 1
            if verdict in ("wrong", "missing"):
                res.wrong.append((doc, preds[i], gold, verdict))
    return res


# ------------------------------------------------------------------------------------------ report


def _context(text: str, spans: Sequence[Interval], width: int = 90) -> str:
    lo, hi = spans[0][0], spans[-1][1]
    left = text[max(0, lo - width) : lo].split("\n")[-1]
    right = text[hi : hi + width].split("\n")[0]
    middle = " … ".join(text[a:b] for a, b in spans)
    return f"{left}[[{middle}]]{right}".replace("\n", " ⏎ ")


def error_kind(pred: Prediction, gold: Relation, verdict: str) -> str:
    """``missing``, ``spurious`` (no gold Source), ``wrong person`` or ``non-person`` (module docstring)."""
    if verdict == "missing":
        return "missing"
    if not gold.source:
        return "spurious"
    return "wrong person" if pred.label == "PERSON" else "non-person"


def show_errors(res: Result, n: int) -> None:
    print(f"\n--- missed gold direct quotes (first {n} of {len(res.missed)})")
    for doc, g in res.missed[:n]:
        print(f"{doc.stem}: source={g.source_text!r}\n    {_context(doc.text, g.content)}")
    print(f"\n--- false quotes (first {n} of {len(res.false)})")
    for doc, p, kind in res.false[:n]:
        print(f"{doc.stem}: {kind}: speaker={p.speaker!r}\n    {_context(doc.text, p.spans)}")
    by_kind: dict[str, list[tuple[Doc, Prediction, Relation]]] = {}
    for doc, p, g, verdict in res.wrong:
        by_kind.setdefault(error_kind(p, g, verdict), []).append((doc, p, g))
    for kind in ("wrong person", "non-person", "spurious", "missing"):
        errors = by_kind.get(kind, [])
        print(f"\n--- speaker errors: {kind} (first {n} of {len(errors)})")
        for doc, p, g in errors[:n]:
            mention = doc.text[p.speaker_span[0] : p.speaker_span[1]] if p.speaker_span else None
            print(
                f"{doc.stem}: predicted={p.speaker!r} [{p.label}] (mention {mention!r}) gold={g.source_text!r}\n"
                f"    {_context(doc.text, p.spans)}"
            )


def print_halves(docs: Sequence[Doc], system: Sequence[Sequence[Prediction]]) -> None:
    """Quote F1 and speaker accuracy on the tune half, the check half and the whole split."""
    print(f"\n{'half':6} {'articles':>8} {'quote F1':>8} {'speaker acc':>11} {'strict':>6} {'matched':>7}  errors")
    for name in ("tune", "check", "all"):
        keep = [k for k, d in enumerate(docs) if name == "all" or half_of(d.stem) == name]
        res = evaluate([docs[k] for k in keep], [system[k] for k in keep])
        kinds = Counter(error_kind(p, g, v) for _, p, g, v in res.wrong)
        detail = ", ".join(f"{k} {kinds[k]}" for k in ("wrong person", "non-person", "spurious", "missing"))
        print(
            f"{name:6} {len(keep):8d} {res.overlap.row()[2]:8.3f} {accuracy(res.speakers):11.3f} "
            f"{accuracy(res.speakers, True):6.3f} {sum(res.speakers.values()):7d}  {detail}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", help="PolNeAR split (dev, train)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N errors of each kind")
    parser.add_argument(
        "--errors-from", choices=("tune", "check", "all"), default="tune", help="the half whose errors are shown"
    )
    parser.add_argument("--no-cache", action="store_true", help="run spaCy again instead of the cached pass")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline (its own spaCy pass)")
    args = parser.parse_args()

    docs = load_docs(args.split, args.limit)
    n_rel = sum(len(d.relations) for d in docs)
    n_direct = sum(len(d.direct) for d in docs)
    n_partial = sum(len(d.partial) for d in docs)
    n_nosrc = sum(1 for d in docs for r in d.direct if not r.source)
    print(
        f"PolNeAR {args.split}: {len(docs)} articles, {n_rel} attribution relations; gold direct quotes {n_direct} "
        f"({n_nosrc} without Source); partial (quoted words woven into paraphrase) {n_partial}\n"
    )

    start = time.perf_counter()
    load_nlp()
    load_s = time.perf_counter() - start
    articles = build_articles(docs)
    if not args.no_cache:
        # the texts annotate_articles parses: the article text up to its annotation limit
        texts = [a.text[: annotator_module.annotation_end(a.text)] for a in articles]
        annotator_module.parse_texts = cached_parse(texts, args.split)  # type: ignore[assignment]
    start = time.perf_counter()
    annotate_articles(articles, dates=False)
    annotate_s = time.perf_counter() - start
    system = [article_predictions(a) for a in articles]
    rows: list[tuple[str, Result]] = []
    base_s = 0.0
    if not args.no_baseline:
        start = time.perf_counter()
        base = baseline(docs)
        base_s = time.perf_counter() - start
        rows.append(("baseline: marks + nearest PERSON", evaluate(docs, base)))
    rows.append(("storybrief annotate", evaluate(docs, system)))
    print(f"{'system':34} {'match':24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'ign':>4}")
    for name, res in rows:
        for label, score in (
            ("overlap", res.overlap),
            (f"token Jaccard >= {JACCARD_MIN}", res.jaccard),
            ("overlap, split neutral", res.split_neutral),
            ("overlap, attributed only", res.attributed),
        ):
            p, r, f1 = score.row()
            print(
                f"{name:34} {label:24} {p:6.3f} {r:6.3f} {f1:6.3f} {score.tp:5d} {score.fp:5d} {score.fn:5d} "
                f"{score.ignored:4d}"
            )
    print(f"{REFERENCE[0]:34} {'(own data)':24} {'':>6} {'':>6} {REFERENCE[1]:6.3f}")

    print(f"\n{'system':34} {'speaker acc':>11} {'strict':>6} {'no speaker':>10} {'matched':>7}  verdicts")
    for name, res in rows:
        total = sum(res.speakers.values())
        detail = ", ".join(f"{k} {v}" for k, v in res.speakers.most_common())
        missing = res.speakers["missing"] / total if total else 0.0
        print(
            f"{name:34} {accuracy(res.speakers):11.3f} {accuracy(res.speakers, True):6.3f} {missing:10.3f} "
            f"{total:7d}  {detail}"
        )
    for kind, verdicts in sorted(rows[-1][1].by_kind.items()):
        total = sum(verdicts.values())
        missing = verdicts["missing"] / total if total else 0.0
        label = f"  storybrief, kind={kind}"
        print(f"{label:34} {accuracy(verdicts):11.3f} {accuracy(verdicts, True):6.3f} {missing:10.3f} {total:7d}")
    print(f"{REFERENCE[0]:34} {REFERENCE[2]:11.3f}")
    print("* reference figures are from a different dataset and evaluation; shown for scale only")

    print(
        f"\nthroughput: annotate_articles {len(articles) / annotate_s:.1f} articles/s "
        f"({annotate_s:.2f} s for {len(articles)}; spaCy load {load_s:.2f} s not included"
        f"{'' if args.no_cache else '; spaCy pass from the cache'})"
        + (f"; baseline {len(docs) / base_s:.1f} articles/s" if base_s else "")
    )
    kinds = rows[-1][1].false_kinds
    print(
        f"storybrief unmatched predictions: {kinds['unannotated']} overlap no gold relation (titles, scare quotes, "
        f"unannotated speech), {kinds['split']} are further pieces of a matched gold quote, {kinds['partial']} "
        "overlap a partial relation (ignored)"
    )
    print_halves(docs, system)
    if args.show_errors:
        keep = [k for k, d in enumerate(docs) if args.errors_from == "all" or half_of(d.stem) == args.errors_from]
        show_errors(evaluate([docs[k] for k in keep], [system[k] for k in keep]), args.show_errors)


if __name__ == "__main__":
    main()
