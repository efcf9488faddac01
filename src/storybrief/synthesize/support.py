"""Support: does an article hold a sentence that says what a brief's sentence says?

One rule decides every citation of a brief (summary and timeline sentences) and which facts rest on one
source only (:mod:`.compare`), so the two never disagree. Sentence *T* of another article supports the cited
sentence *S* when, with the content terms of :func:`storybrief.group.features.terms` (folded words without
stop words, and numbers):

* *T* is *S* word for word; or it shares at least ``MIN_SHARED`` terms with *S* and
* *T* holds at least ``MIN_COVERAGE`` of *S*'s distinct terms; or, for two wordings of one event that each add
  their own details ("The Biden administration on Wednesday imposed its first sanctions …" / "The U.S.
  imposed sanctions on five North Korean officials on Wednesday …"), they share at least ``CORE_SHARED``
  terms, each holds at least ``CORE_COVERAGE`` of the other's, they have ``CORE_PHRASES`` pairs of adjacent
  terms in common that are not just a name ("imposed sanctions", "missile launches") and they share a day
  or a number ("Wednesday"): the same thing done on the same day;
* names agree: when *S* names someone or something (a capitalised word past its first), *T* has at least one
  of those names;
* no number contradicts: a thing both count ("five officials" / "seven officials") has the same number;
* both or neither deny (a "not", "never", "n't" …), and they hedge or oblige with the same modal verbs
  ("should", "must", "may", "might", "could", "ought"): "The leak is not the first concern" is not supported
  by "The leak shouldn't be the primary concern", which shares all of its words but one.

The *score* of a supporting sentence is the share of *S*'s terms it holds. Sharing the topic is not enough:
a sentence on another fact of the same story shares a few names and words, not half of the sentence.

A sentence is *repeated boilerplate* when its words recur in several articles that are not copies of one
another (three or more, or two of one outlet: a site's sign-off, a newsletter prompt; or two when it names
no one and has no number). Such a sentence supports nothing and is supported by nothing, so it never
corroborates a fact; without a name or a number it is never chosen for a brief either
(:meth:`SupportIndex.prefer_originals`).

Articles are *independent* unless one is a copy of the other: a duplicate, a syndicated copy of one wire
story, or a rewrite (:func:`source_root`). A fact is single-source exactly when no article of another root
supports it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from ..group.features import STOP, fold, terms
from ..model import Article, Support
from .sentences import Matrix, Unit, suspect_page

MIN_SHARED = 3  # terms any support shares (fewer only for the same words in the same order)
MIN_COVERAGE = 0.6
CORE_SHARED = 6
CORE_COVERAGE = 0.4
CORE_PHRASES = 2  # adjacent term pairs both sentences have, not both names
BOILERPLATE_ARTICLES = 3  # independent articles repeating one sentence word for word
BOILERPLATE_OUTLET = 2  # ... or articles of one outlet
_YEAR_RE = re.compile(r"(1[89]|20)\d{2}")
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)"
    r"\s+(?:[a-z-]+\s+)?([a-z]{3,})",
    re.I,
)
_NEGATION_RE = re.compile(r"\b(?:not|never|no|nor|none|nobody|nothing|cannot)\b|n[’']t\b", re.I)
_MODAL_RE = re.compile(r"\b(should|must|might|may|could|ought)(?=\b|n[’']t\b)")  # lower case: not "May"
_NAME_RE = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*")
_WORD_RE = re.compile(r"\w+")
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())
_NOT_NAMES = _DAYS | frozenset(
    "january february march april may june july august september october november december i".split()
)


def counted_numbers(text: str) -> dict[str, str]:
    """Counted thing (folded noun) -> number as written; years and stop words ("in 2024 for") are not counts."""
    found = {}
    for m in _NUMBER_RE.finditer(text):
        value, noun = m.group(1), fold(m.group(2))
        if _YEAR_RE.fullmatch(value) or noun in STOP or text[max(0, m.start() - 1) : m.start()].isalpha():
            continue
        if value.isdigit() and _word_before(text, m.start())[:1].isupper():
            continue  # "Pier 7", "Tank 14": a name, not a count
        found[noun] = value.lower()
    return found


def _plain(text: str) -> bool:
    """Nothing of a report in it: no name past the first word, no digit."""
    return not names(text) and not any(c.isdigit() for c in text)


def _word_before(text: str, pos: int) -> str:
    """The last space-separated word before ``pos`` (white space before ``pos`` skipped), found by looking
    back only as far as that word: copying all of ``text`` before every number was quadratic."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end]


def names(text: str) -> frozenset[str]:
    """Folded capitalised words past the sentence's first word (days and months are not names)."""
    found = set()
    for m in _NAME_RE.finditer(text):
        if not text[: m.start()].strip(" \"“‘'(["):
            continue  # the sentence's first word is capitalised anyway
        word = fold(m.group())
        if word not in STOP and word not in _NOT_NAMES:
            found.add(word)
    return frozenset(found)


@dataclass(slots=True, frozen=True)
class Features:
    """What the support rule compares of a sentence."""

    content: frozenset[str]
    names: frozenset[str]
    numbers: dict[str, str]
    phrases: frozenset[tuple[str, str]]  # adjacent terms, not both names
    words: tuple[str, ...]  # every word, lower-cased: the same sentence word for word
    negated: bool = False
    modals: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, content: Sequence[str] | None = None) -> Features:
        seq = terms(text) if content is None else list(content)
        found = names(text)
        phrases = frozenset(p for p in itertools.pairwise(seq) if not (p[0] in found and p[1] in found))
        words = tuple(_WORD_RE.findall(text.lower()))
        negated = _NEGATION_RE.search(text) is not None
        modals = frozenset(m.group(1) for m in _MODAL_RE.finditer(text))
        return cls(frozenset(seq), found, counted_numbers(text), phrases, words, negated, modals)


def support_score(cited: Features, candidate: Features) -> float:
    """Share of ``cited``'s terms that ``candidate`` holds when it supports ``cited`` (see the module), else 0."""
    if not cited.content:
        return 0.0
    shared = cited.content & candidate.content
    coverage = len(shared) / len(cited.content)
    if cited.words == candidate.words:
        return 1.0
    if len(shared) < MIN_SHARED:
        return 0.0
    if coverage < MIN_COVERAGE and not (
        len(shared) >= CORE_SHARED
        and coverage >= CORE_COVERAGE
        and len(shared) >= CORE_COVERAGE * len(candidate.content)
        and len(cited.phrases & candidate.phrases) >= CORE_PHRASES
        and any(t in _DAYS or t[:1].isdigit() for t in shared)
    ):
        return 0.0
    if cited.names and not cited.names & (candidate.content | candidate.names):
        return 0.0
    if cited.negated != candidate.negated or cited.modals != candidate.modals:
        return 0.0
    for noun, value in cited.numbers.items():
        other = candidate.numbers.get(noun)
        if other is not None and other != value:
            return 0.0
    return coverage


def best_support(text: str, article: Article) -> tuple[float, int, int] | None:
    """The sentence of ``article`` that best supports ``text``: (score, start, end), or ``None``."""
    cited = Features.of(text)
    best: tuple[float, int, int] | None = None
    for s in article.sentences:
        score = support_score(cited, Features.of(article.text[s.start : s.end]))
        if score > 0 and (best is None or score > best[0]):
            best = (score, s.start, s.end)
    return best


def source_root(article: Article, by_id: dict[str, Article]) -> str:
    """What ``article`` is a copy of, followed to the original: its syndication group, the original of a
    duplicate or a rewrite, else the article itself."""
    seen: set[str] = set()
    while article.id not in seen:
        seen.add(article.id)
        if article.syndication is not None:
            return "syndication:" + article.syndication
        original = article.duplicate_of.article if article.duplicate_of is not None else None
        if original is None and article.rewrite_of is not None:
            original = article.rewrite_of.article
        if original is None:
            return article.id
        if original not in by_id:
            return original
        article = by_id[original]
    return min(seen)  # a loop of copies: one root for all of them


@dataclass(slots=True, frozen=True)
class Match:
    """Unit ``unit`` of article ``article`` (indices into the story's lists) supports a sentence by ``score``."""

    article: int
    unit: int
    score: float


class SupportIndex:
    """The support rule over one story's units: who supports which sentence, computed on demand."""

    def __init__(self, articles: Sequence[Article], units: Sequence[Unit], matrix: Matrix | None = None) -> None:
        self.articles = articles
        self.units = units
        by_id = {a.id: a for a in articles}
        self.roots = [source_root(a, by_id) for a in articles]
        self._features: dict[int, Features] = {}
        self._preferred = False
        if matrix is not None and matrix.rows.shape[0] == len(units):
            # the TF-IDF rows hold the units' distinct terms: their pattern is the incidence matrix
            self._incidence = matrix.rows.copy()
            self._incidence.data[:] = 1.0
        else:
            vocab: dict[str, int] = {}
            rows, cols = [], []
            for r, u in enumerate(units):
                for t in set(u.terms):
                    rows.append(r)
                    cols.append(vocab.setdefault(t, len(vocab)))
            shape = (len(units), max(1, len(vocab)))
            self._incidence = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape)
        self._sizes = np.asarray(self._incidence.sum(axis=1)).ravel()
        self.boilerplate = self._repeated()

    def _repeated(self) -> set[int]:
        """Units whose words recur in several articles that are not copies of one another."""
        where: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, u in enumerate(self.units):
            key = tuple(_WORD_RE.findall(u.text.lower()))
            if key:
                where[key].append(i)
        out: set[int] = set()
        for found in where.values():
            roots = {self.roots[self.units[i].article] for i in found}
            outlets: dict[str, set[str]] = defaultdict(set)
            for i in found:
                a = self.articles[self.units[i].article]
                if a.outlet:
                    outlets[a.outlet].add(self.roots[self.units[i].article])
            # two independent sites with the same words and nothing of a report (no name, no number): the
            # newsletter prompt or notice both carry, not two reporters confirming a fact
            plain = len(roots) >= 2 and _plain(self.units[found[0]].text)
            if (
                plain
                or len(roots) >= BOILERPLATE_ARTICLES
                or any(len(r) >= BOILERPLATE_OUTLET for r in outlets.values())
            ):
                out.update(found)
        return out

    def features(self, i: int) -> Features:
        f = self._features.get(i)
        if f is None:
            f = self._features[i] = Features.of(self.units[i].text, self.units[i].terms)
        return f

    def supports(self, i: int) -> list[Match]:
        """Unit ``i``'s own article (score 1), then every other article holding a sentence that supports it,
        each with its best such sentence (the earliest of equals), earliest published first."""
        own = Match(self.units[i].article, i, 1.0)
        size = self._sizes[i]
        if i in self.boilerplate or size == 0:
            return [own]
        shared = np.asarray((self._incidence @ self._incidence[i].T).todense()).ravel()
        # the rule's cheap necessary conditions, on every unit at once
        need = min(math.ceil(MIN_COVERAGE * size - 1e-9), max(CORE_SHARED, math.ceil(CORE_COVERAGE * size - 1e-9)))
        need = min(max(MIN_SHARED, need), size)  # all of them: the same sentence word for word
        best: dict[int, Match] = {}
        cited = self.features(i)
        for hit in np.nonzero(shared >= need)[0]:
            j = int(hit)
            k = self.units[j].article
            if k == own.article or j in self.boilerplate:
                continue
            score = support_score(cited, self.features(j))
            if score > 0 and (k not in best or score > best[k].score):
                best[k] = Match(k, j, score)
        return [own, *(best[k] for k in sorted(best, key=self._reading_order))]

    def prefer_originals(self) -> None:
        """Make the units of rewritten or garbled pages ineligible where an article that is neither supports
        them: the original says it in its own words. Those left eligible are the only carriers of their fact
        (``Unit.suspect`` marks them). Repeated boilerplate that names no one and has no number is made
        ineligible too. Idempotent."""
        if self._preferred:
            return
        self._preferred = True
        for i in self.boilerplate:
            if _plain(self.units[i].text):  # a notice; a wire paragraph several sites carry stays news
                self.units[i].eligible = self.units[i].follows = False
        clean = [not suspect_page(a) for a in self.articles]
        for i, u in enumerate(self.units):
            if u.suspect and (u.eligible or u.follows) and any(clean[m.article] for m in self.supports(i)[1:]):
                u.eligible = u.follows = False

    def _reading_order(self, k: int) -> tuple[float, int]:
        published = self.articles[k].published
        return (published.timestamp() if published is not None else math.inf, k)

    def independent(self, i: int) -> list[Match]:
        """The supports of unit ``i`` from articles that are not copies of its own article (nor of each other)."""
        own_root = self.roots[self.units[i].article]
        out, roots = [], {own_root}
        for m in self.supports(i)[1:]:
            if self.roots[m.article] not in roots:
                roots.add(self.roots[m.article])
                out.append(m)
        return out

    def records(self, matches: Sequence[Match]) -> tuple[tuple[str, ...], tuple[Support, ...]]:
        """Article ids and :class:`Support` records of ``matches``, for a brief."""
        ids = tuple(self.articles[m.article].id for m in matches)
        support = tuple(
            Support(self.articles[m.article].id, m.score, self.units[m.unit].start, self.units[m.unit].end)
            for m in matches
        )
        return ids, support
