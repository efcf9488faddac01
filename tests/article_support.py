"""Articles made of given sentences, for the tests of the synthesize stage, and a story's paragraphs for
the cleaning and ingest tests of whole pages."""

from __future__ import annotations

from typing import Any

from storybrief.model import Article, InputFormat, Sentence

# an original four-paragraph news story (a council restores a tide mill)
PARAS = [
    "The Brackwater town council voted on Monday evening to restore the old tide mill on the estuary, "
    "ending a dispute that had divided the parish for nearly a decade.",
    "Supporters of the plan, led by the retired millwright Hesper Quayle, argued that the building could "
    "again grind flour for the bakeries along Salt Lane within two years.",
    "Opponents worried about the cost, which the council's own surveyors put at just under two million "
    "crowns, and about the heron colony nesting in the mill race.",
    "The final vote was seven to four, and work on the sluice gates is expected to begin after the spring "
    "tides have passed.",
]


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
