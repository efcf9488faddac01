"""Source comparison: which outlet reported what, what rests on one source, where numbers disagree.

* Facts carried by one source only are the story's central sentences that no independent article supports.
* Numbers disagree when two similar sentences from independent articles give different values before the
  same word ("40 households" against "42 households") or, when each has a single number, for the same
  thing in otherwise matching sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from ..group.features import STOP, fold
from ..model import Article, Comparison, NumberDisagreement, SingleSourceFact
from .labels import outlet_name
from .sentences import Matrix, Unit, build_matrix
from .summary import copy_root, score_units, supporters

_YEAR_RE = re.compile(r"(1[89]|20)\d{2}")
MAX_SINGLE = 5
MAX_DISAGREEMENTS = 8
SAME_CONTEXT = 0.3  # cosine of two sentences talking about the same thing
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)"
    r"\s+(?:[a-z-]+\s+)?([a-z]{3,})",
    re.I,
)


def _numbers(text: str) -> dict[str, str]:
    """Counted thing (folded noun) -> number as written; years and stop words ("in 2024 for") are not counts."""
    found = {}
    for m in _NUMBER_RE.finditer(text):
        value, noun = m.group(1), fold(m.group(2))
        if _YEAR_RE.fullmatch(value) or noun in STOP or text[max(0, m.start() - 1) : m.start()].isalpha():
            continue
        if value.isdigit() and _word_before(text, m.start())[:1].isupper():
            continue  # "Pier 7", "Tank 14": a name, not a count
        found[noun] = value
    return found


def _word_before(text: str, pos: int) -> str:
    """The last space-separated word before ``pos`` (white space before ``pos`` skipped), found by looking
    back only as far as that word: copying all of ``text`` before every number was quadratic."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[text.rfind(" ", 0, end) + 1 : end]


def compare_sources(articles: Sequence[Article], units: Sequence[Unit], matrix: Matrix | None = None) -> Comparison:
    comparison = Comparison()
    for a in articles:
        comparison.outlets.setdefault(outlet_name(a), []).append(a.id)
    for a in articles:
        if a.duplicate_of is not None:
            detail = f"similarity {a.duplicate_of.similarity:.2f}"
            comparison.copies.append(
                {"article": a.id, "kind": "duplicate", "of": a.duplicate_of.article, "detail": detail}
            )
        if a.rewrite_of is not None:
            kind = "rewrite" if a.rewrite_of.article else "likely rewritten"
            detail = "; ".join(a.rewrite_of.evidence)
            comparison.copies.append({"article": a.id, "kind": kind, "of": a.rewrite_of.article, "detail": detail})
        if a.syndication is not None:
            comparison.copies.append(
                {"article": a.id, "kind": "syndicated", "of": a.syndication, "detail": a.agency or ""}
            )
    if not units:
        return comparison
    matrix = matrix or build_matrix(units)
    scores = score_units(units, matrix, articles)
    roots = {a.id: copy_root(a) for a in articles}
    n_sources = len({roots[a.id] for a in articles})
    if n_sources > 1:
        for i in sorted((k for k in scores if units[k].well_formed), key=lambda k: -scores[k]):
            carriers = supporters(matrix, units, i, articles)
            if len({roots[articles[k].id] for k in carriers}) == 1:
                a = articles[units[i].article]
                comparison.single_source.append(SingleSourceFact(units[i].text, a.id, outlet_name(a)))
                if len(comparison.single_source) == MAX_SINGLE:
                    break
    comparison.disagreements = _disagreements(articles, units, matrix, roots)
    return comparison


def _disagreements(
    articles: Sequence[Article], units: Sequence[Unit], matrix: Matrix, roots: dict[str, str]
) -> list[NumberDisagreement]:
    numbered = {i: _numbers(u.text) for i, u in enumerate(units) if u.eligible}
    numbered = {i: n for i, n in numbered.items() if n}
    found: dict[str, NumberDisagreement] = {}
    for i, nums in numbered.items():
        sims = matrix.similar(i)
        for hit in np.nonzero(sims >= SAME_CONTEXT)[0]:
            j = int(hit)
            if j <= i or j not in numbered:
                continue
            a, b = articles[units[i].article], articles[units[j].article]
            if roots[a.id] == roots[b.id]:
                continue
            for unit_word, value in nums.items():
                other = numbered[j].get(unit_word)
                if other is None or other.lower() == value.lower() or unit_word in found:
                    continue
                found[unit_word] = NumberDisagreement(
                    unit_word, ((value, a.id, units[i].text), (other, b.id, units[j].text))
                )
        if len(found) >= MAX_DISAGREEMENTS:
            break
    return list(found.values())
