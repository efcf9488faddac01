"""Near-duplicates: LSH proposals give the same groups as comparing every pair, and copies stay in place."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

import storybrief.group.dedup as dedup
from storybrief.model import Article, InputFormat

WORDS = "harbour tank leak families council ferry storm school pier inspector budget vote river bridge".split()


def _corpus(n_sources: int = 40, seed: int = 3) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for s in range(n_sources):
        text = " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(120))
        out.append(
            Article(
                id=f"src{s}",
                input=f"src{s}",
                format=InputFormat.TEXT,
                text=text,
                published=datetime(2026, 3, 1 + s % 20, tzinfo=UTC),
            )
        )
        if s % 3 == 0:  # a republished copy: trimmed tail, a boilerplate line, one word changed
            words = text.split()[:100]
            words[10] = "changed"
            copy = " ".join(words) + " Sign up for our newsletter."
            out.append(
                Article(
                    id=f"copy{s}",
                    input=f"copy{s}",
                    format=InputFormat.TEXT,
                    text=copy,
                    published=datetime(2026, 3, 2 + s % 20, tzinfo=UTC),
                )
            )
    return out


@pytest.mark.parametrize("exact_below", [10**6, 0])
def test_copies_found_by_both_paths(monkeypatch: pytest.MonkeyPatch, exact_below: int) -> None:
    monkeypatch.setattr(dedup, "EXACT_BELOW", exact_below)
    articles = _corpus()
    groups = dedup.find_duplicates(articles)
    assert sorted(tuple(g.members) for g in groups) == [
        (f"src{s}", f"copy{s}") for s in sorted(range(0, 40, 3), key=lambda s: f"src{s}")
    ]
    by_id = {a.id: a for a in articles}
    for s in range(0, 40, 3):
        mark = by_id[f"copy{s}"].duplicate_of
        assert mark is not None and mark.article == f"src{s}" and 0.5 <= mark.similarity < 1
        assert by_id[f"src{s}"].duplicate_of is None
    assert len(articles) == 40 + 14  # nothing dropped
