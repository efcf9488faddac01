"""Articles made of given sentences, for the tests of the synthesize stage."""

from __future__ import annotations

from typing import Any

from storybrief.model import Article, InputFormat, Sentence


def sentence_article(aid: str, sentences: list[str], **fields: Any) -> Article:
    """An article whose text is ``sentences`` joined by spaces, each one a sentence span; ``fields`` sets any
    other field of the record (outlet, published, duplicate_of, …)."""
    spans, start = [], 0
    for s in sentences:
        spans.append(Sentence(start, start + len(s)))
        start += len(s) + 1
    return Article(
        id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text=" ".join(sentences), sentences=spans, **fields
    )
