"""The sentences of a story as comparable units: text, position, eligibility and a TF-IDF matrix.

Summary, timeline and source comparison all ask the same two questions of a story's sentences: which are
fit to quote in a brief, and which say the same thing as which. This module answers both once per story.
Support ("the same fact in other words") is a cosine similarity of TF-IDF vectors over content terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

from ..annotate.quotes import garbled
from ..group.features import fold, terms
from ..lang import starts_like_sentence, table, word_count
from ..model import Article
from .fluff import DANGLING, fluff_kind, folded, folded_names, is_transcript, run_in_start

MIN_WORDS = 6
MAX_WORDS = 70
MIN_FALLBACK_WORDS = 4  # shorter pieces are never chosen, even to fill a budget
SUPPORT_SIM = 0.45  # cosine from which another article's sentence carries the same fact
DENSE_MAX = 3000  # up to this many units, all pairwise cosines are computed once (72 MB at most)
_QUOTE_CHARS = "\"“”‘’'"
_ATTRIBUTION_RE = re.compile(
    r"\b(said|says|told|added|stated|according|asked|explained|noted|wrote|announced|insisted)\b", re.I
)
_END_RE = re.compile(r"(?:[.!?]|[。！？])[\"”’')\]」』）]*\s*$")


@dataclass(slots=True)
class Unit:
    """One sentence of one article."""

    article: int  # index into the story's article list
    start: int
    end: int
    text: str
    position: int  # sentence number within the article
    words: int
    eligible: bool  # may be chosen at all
    terms: tuple[str, ...] = ()
    well_formed: bool = True  # preferred: chosen before any sentence that is not
    # not eligible alone, but fit for a summary right after the sentence before it in its article, which
    # gives it its meaning (a dangling sentence: "But ...", "He said ...", see .fluff)
    follows: bool = False
    # from a page that is a (likely) rewrite or has garbled passages: never chosen when a clean article
    # carries the fact (:meth:`.support.SupportIndex.prefer_originals`), marked in a brief when chosen
    suspect: bool = False
    # where the sentence starts in its article's text, before a run-in headline or caption was cut off (see
    # .fluff.run_in_start): the dates of the whole still tell the day
    sentence_start: int = -1


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def well_formed(text: str, *, cased: bool = True) -> bool:
    """A whole sentence as a reader expects one: 6-70 words (CJK characters two to a word), a capital
    start (or a script without letter case) and a final stop. ``cased=False``: the text was folded to
    lower case, where a capital cannot tell a sentence's start, and none is asked for."""
    words = word_count(text)
    if words < MIN_WORDS or words > MAX_WORDS or not _END_RE.search(text):
        return False
    return not cased or starts_like_sentence(text) or text[0] in _QUOTE_CHARS


def eligible(
    article: Article,
    start: int,
    end: int,
    text: str,
    headings: Sequence[tuple[int, int]],
    transcript: bool | None = None,
) -> bool:
    """Never in a brief: headings, garbled passages, quotes with nobody saying them, scraps under 4 words, and
    fluff (questions, captions, transcript turns, page furniture, comments, quotes only, sentences that
    cannot stand alone: see :mod:`.fluff`). ``transcript``: whether ``article`` is a broadcast transcript
    (worked out from its text when not given)."""
    return unfit(article, start, end, text, headings, transcript) is None


def unfit(
    article: Article,
    start: int,
    end: int,
    text: str,
    headings: Sequence[tuple[int, int]],
    transcript: bool | None = None,
) -> str | None:
    """Why a sentence is never in a brief (see :func:`eligible`): a kind of :mod:`.fluff` or another reason."""
    if word_count(text) < MIN_FALLBACK_WORDS:
        return "scrap"
    if _inside(headings, start, end):
        return "heading"
    if any(f.kind == "garbled" and f.start < end and f.end > start for f in article.flags):
        return "garbled"
    quoted = _inside([(q.start, q.end) for q in article.quotes], start, end)
    # a quote with nobody saying it is a bare fragment; its attribution is outside the quotation marks
    if quoted > 0.8 * (end - start) and not _attributed(_outside_quotes(article, start, end), article.language):
        return "bare quote"
    if transcript is None:
        transcript = is_transcript(article.text)
    return fluff_kind(text, transcript=transcript, names=_names(article))


def _names(article: Article) -> frozenset[str] | None:
    """The names of an article folded to lower case (see :func:`.fluff.folded_names`), else ``None``."""
    if not _folded(article.id, article.text):
        return None
    entities = tuple(e.text for e in article.entities if e.label in ("PERSON", "ORG", "NORP", "GPE"))
    return _folded_names(article.id, article.text, entities)


@lru_cache(maxsize=64)
def _folded(article_id: str, text: str) -> bool:
    return folded(text)


@lru_cache(maxsize=64)
def _folded_names(article_id: str, text: str, entities: tuple[str, ...]) -> frozenset[str]:
    return folded_names(text, entities)


def _outside_quotes(article: Article, start: int, end: int) -> str:
    """The words of ``article.text[start:end]`` outside its quotations (each piece of a split quote apart)."""
    spans = sorted(
        piece
        for q in article.quotes
        for piece in (q.parts or ((q.start, q.end),))
        if piece[0] < end and piece[1] > start
    )
    pieces, at = [], start
    for s, e in spans:
        if s > at:
            pieces.append(article.text[at:s])
        at = max(at, e)
    if at < end:
        pieces.append(article.text[at:end])
    return " ".join(pieces)


@lru_cache(maxsize=16)
def _cues(language: str | None) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The speech cue words of ``language``'s table (English for text of no known language): a pattern of
    whole words for languages written with spaces, else the cues to find as they stand."""
    found = table(language) or table("en")
    if found is None:
        return None, ()
    cues = sorted({*found.speech_verbs, *found.inverted_verbs, *found.self_verbs, *found.according_to}, key=len)
    if not found.spaced:
        return None, tuple(cues)
    if not cues:
        return None, ()
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in reversed(cues)) + r")\b"), ()


def _attributed(text: str, language: str | None) -> bool:
    """``text`` (a sentence's words outside its quotations) names a speaker: an English reporting word, or a
    cue word of its language's table ("tweeted", "quipped", "kata", "表示")."""
    if _ATTRIBUTION_RE.search(text):
        return True
    pattern, unspaced = _cues(language)
    lowered = text.lower()
    if pattern is not None:
        return pattern.search(lowered) is not None
    return any(cue in lowered for cue in unspaced)


def suspect_page(article: Article) -> bool:
    """A page whose wording may not be the reporter's: a rewrite, likely rewritten, or with garbled passages
    (the same test that keeps such a page's quote wordings from being the reference)."""
    return garbled(article)


def brief_language(articles: Sequence[Article]) -> str | None:
    """The language a brief is written from: the most common recognised one (translations are cited, not quoted).

    A tie goes to English, the language storybrief reads best, else to the first code in alphabetical order.
    """
    known = Counter(a.language for a in articles if a.language)
    if not known:
        return None
    top = max(known.values())
    tied = sorted(code for code, n in known.items() if n == top)
    return "en" if "en" in tied else tied[0]


def story_units(articles: Sequence[Article]) -> list[Unit]:
    units = []
    language = brief_language(articles)
    found = table(language)
    stop = {fold(w) for w in found.stop_words} if found else set()
    ids = {a.id for a in articles}
    for i, article in enumerate(articles):
        headings = [(b.start, b.end) for b in article.blocks if b.kind == "heading"]
        readable = language is None or article.language == language
        # a spun copy whose original is in the story: the original says it, in its own (right) words
        spun = article.rewrite_of is not None and article.rewrite_of.article in ids
        suspect = suspect_page(article)
        passages = [(f.start, f.end) for f in article.flags if f.kind == "garbled"]
        transcript = is_transcript(article.text)
        for n, s in enumerate(article.sentences):
            raw = article.text[s.start : s.end]
            text = raw.strip()
            if not text:
                continue
            # a headline, caption or byline run into the sentence: the unit is the sentence after it
            cut = run_in_start(text)
            start = s.start + len(raw) - len(raw.lstrip()) + cut
            text = text[cut:]
            why = unfit(article, start, s.end, text, headings, transcript) if readable else "language"
            if why is None and spun:
                why = "rewrite"
            content = tuple(t for t in terms(text) if t not in stop)
            unit = Unit(i, start, s.end, text, n, word_count(text), why is None, content, well_formed(text))
            unit.follows = why == DANGLING
            # a sentence holding a garbled passage is suspect on a page that is not
            unit.suspect = suspect or any(a < s.end and b > s.start for a, b in passages)
            unit.sentence_start = s.start
            units.append(unit)
    return units


@dataclass(slots=True)
class Matrix:
    """Row-normalised TF-IDF vectors of units (rows) plus the story's centroid."""

    rows: sparse.csr_matrix
    centroid: np.ndarray
    vocab: dict[str, int]
    idf: np.ndarray
    _cosines: np.ndarray | None = field(default=None, repr=False)

    def similar(self, i: int) -> np.ndarray:
        """Cosine of unit ``i`` with every unit.

        A story's brief asks this of many units; one sparse product per question cost more in scipy's
        overhead than in arithmetic, so for all but huge stories every cosine is computed at the first.
        """
        if self.rows.shape[0] > DENSE_MAX:
            return np.asarray((self.rows @ self.rows[i].T).todense()).ravel()
        row: np.ndarray = self._dense()[i]
        return row

    def close_pairs(self, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Row and column indices of every pair of units (both ways, and each unit with itself) whose
        cosine is at least ``threshold`` (> 0), from the cosines :meth:`similar` uses."""
        if self.rows.shape[0] > DENSE_MAX:
            sims = (self.rows @ self.rows.T).tocoo()
            keep = sims.data >= threshold
            return sims.row[keep], sims.col[keep]
        rows, cols = np.nonzero(self._dense() >= threshold)
        return rows, cols

    def _dense(self) -> np.ndarray:
        if self._cosines is None:
            self._cosines = np.asarray((self.rows @ self.rows.T).toarray())
        return self._cosines

    def vector(self, text: str) -> sparse.csr_matrix:
        counts = Counter(t for t in terms(text) if t in self.vocab)
        data = [(1 + math.log(c)) * self.idf[self.vocab[t]] for t, c in counts.items()]
        cols = [self.vocab[t] for t in counts]
        vec = sparse.csr_matrix((data, ([0] * len(cols), cols)), shape=(1, len(self.vocab)))
        norm = math.sqrt(sum(d * d for d in data)) or 1.0
        return vec / norm


def build_matrix(units: Sequence[Unit]) -> Matrix:
    vocab: dict[str, int] = {}
    rows, cols, data = [], [], []
    df: Counter[int] = Counter()
    for r, unit in enumerate(units):
        counts = Counter(unit.terms)
        for term, c in counts.items():
            col = vocab.setdefault(term, len(vocab))
            rows.append(r)
            cols.append(col)
            data.append(1.0 + math.log(c))
            df[col] += 1
    n = max(1, len(units))
    idf = np.ones(max(1, len(vocab)))
    for col, d in df.items():
        idf[col] = math.log((1 + n) / (1 + d)) + 1.0
    weights = np.asarray(data) * idf[np.asarray(cols, dtype=int)] if data else np.zeros(0)
    matrix = sparse.csr_matrix((weights, (rows, cols)), shape=(len(units), max(1, len(vocab))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    # each article counts once, whatever its length: a long piece must not own the story's centre
    articles = np.asarray([u.article for u in units], dtype=int)
    per_article = (
        sparse.csr_matrix(
            (np.ones(len(units)), (articles, np.arange(len(units)))), shape=(int(articles.max()) + 1, len(units))
        )
        @ matrix
    )
    a_norms = np.sqrt(np.asarray(per_article.multiply(per_article).sum(axis=1)).ravel())
    a_norms[a_norms == 0] = 1.0
    centroid = np.asarray((sparse.diags(1.0 / a_norms) @ per_article).sum(axis=0)).ravel()
    c_norm = np.linalg.norm(centroid) or 1.0
    return Matrix(matrix.tocsr(), centroid / c_norm, vocab, idf)
