"""What the group stage compares: weighted term vectors, entity and anchor bags, and time spans.

Every article becomes an :class:`ArticleFeatures` once; similarities and blocking keys are computed from
these, never from the text again. Term weights are TF-IDF with the document frequencies of the articles
seen so far (:class:`DocFreq`), so the same code serves batch grouping (all counts first) and streaming
(counts grow as articles arrive).

Three bags per article:

* ``terms``: words of the title, lead and body (title and lead count more), stop words out, plurals folded;
  runs of CJK characters become character bigrams.
* ``entities``: canonical names from the annotate stage (people, organisations, places).
* ``anchors``: what survives translation: numbers and capitalised Latin-script words. Two reports of one
  event in different languages share few words but many of these.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import util
from pathlib import Path

from ..model import Article

Vector = dict[str, float]

TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LEAD_WORDS = 60
LEAD_TITLE_TERMS = 12  # content terms of an untitled article's lead that weigh as a title's
# Weight of a term every article has. Plain log((1 + N) / (1 + df)) would give it 0: right for telling
# apart events of one topic (the seeds), wrong for two articles alone, whose shared words are the evidence.
IDF_FLOOR = 0.1
GLOSSED = frozenset({"zh", "cjk"})  # Chinese (detected, or by script when no language is known): glossed in English
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
NAME_WORDS = 5  # an "entity" of more words is a misparse, not a name
# languages whose entities the annotate stage finds (its NER is English; on Malay it tags common words)
NAMED_LANGUAGES = frozenset({"en"})

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")
_CAPWORD_RE = re.compile(r"(?<![\w’'])[A-Z][a-zA-Z]+(?:-[A-Z]?[a-z]+)*")
_NUMBER_RE = re.compile(r"(?<![0-9A-Za-z.,])\d+(?:[.,]\d+)*")  # "8人" is a number next to CJK text


def _spacy_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module without importing spaCy: that import takes a
    second, and the main process needs no more of spaCy than this list (see ``annotate.workers``)."""
    spec = util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise ImportError("spaCy is not installed")
    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    words = util.spec_from_file_location("_storybrief_spacy_en_stop_words", path)
    if words is None or words.loader is None:
        raise ImportError(f"spaCy's English stop words are missing ({path})")
    module = util.module_from_spec(words)
    words.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP = _spacy_stop_words() | {"said", "says", "say", "told", "year", "years", "mr", "ms", "mrs", "s", "t"}


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower-case and fold plurals ("missiles" -> "missile"); deliberately light, no stemmer needed."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content terms of ``text``: folded words without stop words, numbers, CJK character bigrams."""
    out: list[str] = []
    for token in _TOKEN_RE.findall(text):
        if _CJK_RE.search(token):
            for run in _CJK_RE.findall(token):
                out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
            continue
        word = fold(token)
        if word in STOP or len(word) < 2:
            continue
        out.append(word.replace(",", ""))
    return out


def anchors(text: str) -> list[str]:
    """Language-independent evidence: numbers and capitalised Latin-script words (lower-cased)."""
    found = [n.replace(",", "") for n in _NUMBER_RE.findall(text)]
    found.extend(w.lower() for w in _CAPWORD_RE.findall(text) if w.lower() not in STOP)
    return found


def is_cased(text: str, sample: int = 3000) -> bool:
    """Whether ``text`` writes names with capitals: lower-cased dumps (some archives, Multi-News) do not,
    and spaCy finds few, partial entities there. Scripts without case count as cased."""
    letters = [ch for ch in text[:sample] if ch.isalpha() and ch.lower() != ch.upper()]
    if len(letters) < 40:
        return True
    return sum(1 for ch in letters if ch.isupper()) / len(letters) >= 0.01


def language_key(language: str | None, text: str) -> str:
    """The article's language if known, else 'cjk' or 'other' by script: enough to tell a translation."""
    if language:
        return language
    sample = text[:2000]
    cjk = sum(len(run) for run in _CJK_RE.findall(sample))
    letters = sum(1 for ch in sample if ch.isalpha())
    return "cjk" if letters and cjk / letters > 0.3 else "other"


@dataclass(slots=True)
class DocFreq:
    """Document frequencies of the articles seen so far."""

    n_docs: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, keys: Iterable[str]) -> None:
        self.n_docs += 1
        self.counts.update(set(keys))

    def merge(self, other: DocFreq) -> None:
        """Add the counts of ``other``, taken over other articles (partial counts from workers)."""
        self.n_docs += other.n_docs
        self.counts.update(other.counts)

    def idf(self, key: str) -> float:
        """Corpus-relative IDF: words all articles share (the topic's) weigh little, an event's own words much."""
        return math.log((1 + self.n_docs) / (1 + self.counts.get(key, 0))) + IDF_FLOOR


@dataclass(slots=True)
class PriorDocFreq(DocFreq):
    """Document frequencies with a background prior: ``prior_docs`` pseudo-documents in each of which any
    content word occurs at ``prior_rate``. Counted over a few articles, plain IDF says that every word they
    all share is common (weight near 0) though nothing shows it is common in news at large; the prior pulls
    such weights back toward plain term overlap, and fades as the input grows."""

    prior_docs: float = 10.0
    prior_rate: float = 0.1

    def idf(self, key: str) -> float:
        seen = self.counts.get(key, 0) + self.prior_docs * self.prior_rate
        return math.log((1 + self.n_docs + self.prior_docs) / (1 + seen)) + IDF_FLOOR


def weigh(counts: Mapping[str, float], df: DocFreq) -> Vector:
    """Sublinear TF-IDF, L2-normalised."""
    vec = {k: (1.0 + math.log(c)) * df.idf(k) for k, c in counts.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def top_keys(vec: Vector, n: int) -> list[str]:
    return [k for k, _ in sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


@dataclass(slots=True)
class ArticleFeatures:
    """The comparable view of one article."""

    id: str
    order: int
    language: str
    term_counts: dict[str, float]
    entity_counts: Counter[str]
    anchor_counts: Counter[str]
    span: tuple[int | None, int | None]  # publication day range as ordinals; None = unknown bound
    quote_groups: frozenset[str] = frozenset()
    gloss_counts: dict[str, float] = field(default_factory=dict)  # English glosses of Chinese text
    terms: Vector = field(default_factory=dict)
    entities: Vector = field(default_factory=dict)
    anchors: Vector = field(default_factory=dict)
    bridge: Vector = field(default_factory=dict)  # English-like terms: the glosses, or the terms themselves
    cased: bool = True  # False for lower-cased text: its entities are few and unreliable
    names: frozenset[str] | None = None  # terms that are words of its entity names; None: names unknown

    def weigh(self, term_df: DocFreq, entity_df: DocFreq, anchor_df: DocFreq) -> None:
        self.terms = weigh(self.term_counts, term_df)
        self.entities = weigh(self.entity_counts, entity_df)
        self.anchors = weigh(self.anchor_counts, anchor_df)
        self.bridge = weigh(self.gloss_counts, term_df) if self.gloss_counts else self.terms


def publication_span(article: Article) -> tuple[int | None, int | None]:
    """The days an article may have been published on: its date, or its inferred window."""
    if article.published is not None:
        day = article.published.date().toordinal()
        return day, day
    window = article.published_window
    if window is None:
        return None, None
    lo = window.earliest.toordinal() if window.earliest else None
    hi = window.latest.toordinal() if window.latest else None
    if lo is not None and hi is not None and lo > hi:
        return None, None  # clues that contradict each other ("not before 2015", "not after 2014") date nothing
    return lo, hi


def day_gap(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> float:
    """Days between two spans (0 when they overlap or a bound is unknown): undated is not "now"."""
    gaps = [0.0]
    if a[1] is not None and b[0] is not None:
        gaps.append(float(b[0] - a[1]))
    if b[1] is not None and a[0] is not None:
        gaps.append(float(a[0] - b[1]))
    return max(gaps)


def publication_order(article: Article) -> int:
    """Publication day for streaming order; undated articles by the earliest day a closed window allows, else last.

    An open window ("not before 1997", from a year the text mentions) says nothing of when the article ran:
    placed by its lower bound it would come first and seed a story that later, closer reports then join."""
    lo, hi = publication_span(article)
    day = lo if lo is not None and hi is not None else hi
    return day if day is not None else date.max.toordinal()


def extract(article: Article, order: int, quote_groups: Mapping[str, frozenset[str]] | None = None) -> ArticleFeatures:
    """Build the (unweighted) features of ``article``; ``quote_groups`` maps article ids to quote group ids."""
    counts: dict[str, float] = defaultdict(float)
    title = article.title or ""
    for term in terms(title):
        counts[term] += TITLE_WEIGHT
    body_terms = terms(article.text)
    # untitled (a feed's text field, a lower-cased dump): the first sentence's words stand in for the title
    stand_in = 0 if title.strip() else LEAD_TITLE_TERMS
    for i, term in enumerate(body_terms):
        counts[term] += TITLE_WEIGHT if i < stand_in else LEAD_WEIGHT if i < LEAD_WORDS else 1.0
    entity_counts: Counter[str] = Counter(
        e.canonical.lower() for e in article.entities if e.label in ENTITY_LABELS and len(e.canonical) > 1
    )
    anchor_counts: Counter[str] = Counter(anchors(title))
    anchor_counts.update(anchors(article.text))
    language = language_key(article.language, title + " " + article.text[:1000])
    cased = is_cased(article.text)
    names = name_terms(article) if language in NAMED_LANGUAGES and cased else None
    gloss_counts: dict[str, float] = defaultdict(float)
    if language in GLOSSED:
        from .glossary import gloss_text

        for term in terms(" ".join(gloss_text(title))):
            gloss_counts[term] += TITLE_WEIGHT
        for term in terms(" ".join(gloss_text(article.text))):
            gloss_counts[term] += 1.0
    return ArticleFeatures(
        id=article.id,
        order=order,
        language=language,
        gloss_counts=dict(gloss_counts),
        term_counts=dict(counts),
        entity_counts=entity_counts,
        anchor_counts=anchor_counts,
        span=publication_span(article),
        quote_groups=(quote_groups or {}).get(article.id, frozenset()),
        cased=cased,
        names=names,
    )


def name_terms(article: Article) -> frozenset[str]:
    """The content terms that belong to the article's names ("singapore", "airline" of Singapore Airlines):
    what two articles on one company or country share whatever the event."""
    found: set[str] = set()
    for e in article.entities:
        if e.label not in ENTITY_LABELS:
            continue
        for text in {e.text, e.canonical}:
            if len(text.split()) <= NAME_WORDS:
                found.update(terms(text))
    return frozenset(found)
