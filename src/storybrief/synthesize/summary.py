"""The cited extractive summary of a story, and its headline.

Each eligible sentence (see :mod:`.sentences`) is scored by

* centrality: cosine with the story's centroid,
* corroboration: how many other articles carry the same fact (a sentence of theirs at ``SUPPORT_SIM``),
* lead position: news puts what matters first.

Sentences are then taken best first, skipping any too close to one already taken, while they fit the word
budget, and shown in reading order (earliest article first, then position). Each lists every article that
supports it. Copies (duplicates) count once as corroboration but are still cited.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import defaults
from ..model import Article, SummarySentence
from .sentences import SUPPORT_SIM, Matrix, Unit, brief_language, build_matrix, story_units

DEFAULT_WORDS = defaults.SUMMARY_WORDS
REDUNDANCY = 0.3  # cosine above which a sentence repeats one already chosen
SUPPORT_WEIGHT = 0.35
LEAD_WEIGHT = 1.0
LEAD_DECAY = 0.5


def _order_key(article: Article, index: int) -> tuple[float, int]:
    return (article.published.timestamp() if article.published is not None else math.inf, index)


def supporters(matrix: Matrix, units: Sequence[Unit], i: int, articles: Sequence[Article]) -> list[int]:
    """Indices of the articles carrying unit ``i``'s fact, its own first, then in reading order."""
    sims = matrix.similar(i)
    found = {units[int(j)].article for j in np.nonzero(sims >= SUPPORT_SIM)[0]}
    found.discard(units[i].article)
    return [units[i].article, *sorted(found, key=lambda k: _order_key(articles[k], k))]


def _independent(indices: Sequence[int], articles: Sequence[Article]) -> int:
    """Articles that are not copies of one another (a duplicate or a rewrite does not corroborate)."""
    roots = set()
    ids = {articles[k].id for k in indices}
    for k in indices:
        a = articles[k]
        root = a.id
        if a.duplicate_of is not None and a.duplicate_of.article in ids:
            root = a.duplicate_of.article
        elif a.rewrite_of is not None and a.rewrite_of.article in ids:
            root = a.rewrite_of.article
        roots.add(root)
    return len(roots)


def score_units(units: Sequence[Unit], matrix: Matrix, articles: Sequence[Article]) -> dict[int, float]:
    """Scores of the eligible units."""
    if not units:
        return {}
    centrality = np.asarray(matrix.rows @ matrix.centroid).ravel()
    support_counts = _support_counts(units, matrix, articles)
    scores = {}
    for i, unit in enumerate(units):
        if not unit.eligible:
            continue
        lead = 1.0 + LEAD_WEIGHT / (1.0 + LEAD_DECAY * unit.position)
        scores[i] = float(centrality[i]) * (1.0 + SUPPORT_WEIGHT * math.log1p(support_counts[i])) * lead
    return scores


def _support_counts(units: Sequence[Unit], matrix: Matrix, articles: Sequence[Article]) -> list[int]:
    """Other independent articles carrying each unit's fact, from one sparse product."""
    sims = (matrix.rows @ matrix.rows.T).tocoo()
    per_unit: list[set[int]] = [set() for _ in units]
    for i, j, v in zip(sims.row, sims.col, sims.data, strict=True):
        if v >= SUPPORT_SIM and units[i].article != units[j].article:
            per_unit[i].add(units[j].article)
    return [_independent(sorted(s), articles) for s in per_unit]


def summarize(
    articles: Sequence[Article],
    words: int = DEFAULT_WORDS,
    *,
    units: Sequence[Unit] | None = None,
    matrix: Matrix | None = None,
) -> list[SummarySentence]:
    """An extractive summary of ``articles`` (one story) within ``words`` words, every sentence cited."""
    units = list(units) if units is not None else story_units(articles)
    if not units:
        return []
    matrix = matrix or build_matrix(units)
    scores = score_units(units, matrix, articles)
    chosen: list[int] = []
    used = 0
    # well-formed sentences first; the others only fill what they leave of the budget
    for i in sorted(scores, key=lambda k: (not units[k].well_formed, -scores[k], k)):
        if used + units[i].words > words:
            if words - used < 5:
                break
            continue
        if chosen:
            sims = matrix.similar(i)
            if max(sims[j] for j in chosen) > REDUNDANCY:
                continue
        chosen.append(i)
        used += units[i].words
    chosen.sort(key=lambda k: (_order_key(articles[units[k].article], units[k].article), units[k].position))
    out = []
    for i in chosen:
        unit = units[i]
        sources = tuple(articles[k].id for k in supporters(matrix, units, i, articles))
        out.append(SummarySentence(unit.text, sources, articles[unit.article].id, unit.start, unit.end))
    return out


def headline(articles: Sequence[Article], matrix: Matrix | None = None) -> str:
    """The title most representative of the story: closest to the centroid of all its titles and leads."""
    language = brief_language(articles)
    titled = [a for a in articles if a.title and (language is None or a.language == language)]
    if not titled:
        return articles[0].text[:100] if articles else ""
    if len(titled) == 1:
        return titled[0].title or ""
    if matrix is None:
        units = story_units(articles)
        matrix = build_matrix(units) if units else None
    if matrix is None:
        return titled[0].title or ""
    best, best_score = titled[0], -1.0
    for a in sorted(titled, key=lambda x: _order_key(x, 0)):
        vec = matrix.vector(a.title or "")
        score = float((vec @ matrix.centroid)[0])
        if a.duplicate_of is not None or (a.rewrite_of is not None):
            score *= 0.9  # prefer an original's wording
        if score > best_score:
            best, best_score = a, score
    return best.title or ""
