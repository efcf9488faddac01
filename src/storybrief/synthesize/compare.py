"""Source comparison: which outlet reported what, what rests on one source, where numbers disagree.

* Facts carried by one source only are the story's central sentences that no independent article supports,
  by the same rule that decides the citations of the summary and timeline (:mod:`.support`); repeated
  boilerplate is no fact.
* Numbers disagree when two similar sentences from independent articles give different values before the
  same word ("40 households" against "42 households") or, when each has a single number, for the same
  thing in otherwise matching sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..model import Article, Comparison, NumberDisagreement, SingleSourceFact
from .labels import outlet_name
from .sentences import Matrix, Unit, build_matrix
from .summary import copy_root, score_units
from .support import SupportIndex, counted_numbers

MAX_SINGLE = 5
MAX_DISAGREEMENTS = 8
SAME_CONTEXT = 0.3  # cosine of two sentences talking about the same thing


def compare_sources(
    articles: Sequence[Article],
    units: Sequence[Unit],
    matrix: Matrix | None = None,
    support: SupportIndex | None = None,
) -> Comparison:
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
    support = support or SupportIndex(articles, units, matrix)
    if len(set(support.roots)) > 1:
        facts = (k for k in scores if units[k].well_formed and k not in support.boilerplate)
        listed: set[int] = set()
        for i in sorted(facts, key=lambda k: -scores[k]):
            if not support.independent(i):
                carriers = {m.unit for m in support.supports(i)}
                if carriers & listed:
                    continue  # the same fact in a copy of an article already listed
                listed.add(i)
                a = articles[units[i].article]
                comparison.single_source.append(SingleSourceFact(units[i].text, a.id, outlet_name(a)))
                if len(comparison.single_source) == MAX_SINGLE:
                    break
    comparison.disagreements = _disagreements(articles, units, matrix, roots)
    return comparison


def _disagreements(
    articles: Sequence[Article], units: Sequence[Unit], matrix: Matrix, roots: dict[str, str]
) -> list[NumberDisagreement]:
    numbered = {i: counted_numbers(u.text) for i, u in enumerate(units) if u.eligible}
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
