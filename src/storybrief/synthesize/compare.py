"""Source comparison: which outlet reported what, what rests on one source, where numbers disagree.

* Facts carried by one source only are the story's central sentences that no independent article supports,
  by the same rule that decides the citations of the summary and timeline (:mod:`.support`); repeated
  boilerplate is no fact.
* Numbers disagree when independent articles give values that cannot both be right for the same thing
  counted in the same event ("40 households were evacuated" / "evacuated 42 households"; "about" and "more
  than" taken into account): see :mod:`.numbers`. Across the stories of a topic, :func:`topic_disagreements`
  does the same for pairs of articles in different stories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Article, Comparison, NumberDisagreement, SingleSourceFact
from .labels import outlet_name
from .numbers import Mention, disagreeing_groups, mentions
from .sentences import Matrix, Unit, build_matrix, story_units
from .summary import score_units
from .support import SupportIndex, source_root

MAX_SINGLE = 5
MAX_DISAGREEMENTS = 8


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
    support = support or SupportIndex(articles, units, matrix)
    if len(set(support.roots)) > 1:
        facts = (k for k in scores if units[k].well_formed and k not in support.boilerplate)
        listed: set[int] = set()
        said: list[str] = []  # the listed sentences' words
        for i in sorted(facts, key=lambda k: -scores[k]):
            if not support.independent(i):
                carriers = {m.unit for m in support.supports(i)}
                if carriers & listed:
                    continue  # the same fact in a copy of an article already listed
                words = " ".join(re.findall(r"\w+", units[i].text.lower()))
                if any(words in other or other in words for other in said):
                    continue  # a page that repeats its own lead (a teaser above the text): listed once
                said.append(words)
                listed.add(i)
                a = articles[units[i].article]
                comparison.single_source.append(SingleSourceFact(units[i].text, a.id, outlet_name(a)))
                if len(comparison.single_source) == MAX_SINGLE:
                    break
    comparison.disagreements = disagreements(articles, units, support.roots)
    return comparison


def disagreements(
    articles: Sequence[Article],
    units: Sequence[Unit],
    roots: Sequence[str],
    story_of: dict[str, str] | None = None,
) -> list[NumberDisagreement]:
    """Numbers of independent articles (``roots``: each article's copy root) that cannot all be right about one
    thing; with ``story_of`` (article id -> story id), only pairs of articles in different stories."""
    # the quantity reader knows English number words and plurals only
    english = [a.language is None or a.language.startswith("en") for a in articles]
    texts = [(i, u.article, u.text) for i, u in enumerate(units) if u.eligible and english[u.article]]
    allowed = None
    if story_of is not None:
        of = story_of

        def allowed(a: Mention, b: Mention) -> bool:
            return of.get(articles[a.article].id) != of.get(articles[b.article].id)

    out = []
    for group in disagreeing_groups(mentions(texts), lambda k: roots[k], allowed):
        values: list[tuple[str, str, str]] = []
        seen: set[tuple[float, float]] = set()
        for m in sorted(group, key=lambda m: (_when(articles[m.article]), m.article, m.unit)):
            key = (m.quantity.low, m.quantity.high)
            if key not in seen:
                seen.add(key)
                values.append((m.quantity.written, articles[m.article].id, units[m.unit].text))
        out.append(NumberDisagreement(group[0].quantity.noun_text.lower(), tuple(values)))
        if len(out) == MAX_DISAGREEMENTS:
            break
    return out


def topic_disagreements(articles: Sequence[Article], story_of: dict[str, str]) -> list[NumberDisagreement]:
    """Disagreeing numbers between articles of different stories of one topic (each story lists its own)."""
    units = story_units(articles)
    by_id = {a.id: a for a in articles}
    return disagreements(articles, units, [source_root(a, by_id) for a in articles], story_of)


def _when(article: Article) -> float:
    return article.published.timestamp() if article.published is not None else float("inf")
