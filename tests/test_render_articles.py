from __future__ import annotations

import json

from storybrief.clean import clean_text
from storybrief.model import InputError
from storybrief.render.articles import article_markdown, articles_json, articles_markdown

TEXT = (
    "Ferry service resumes after storm\n\nBy Ada Quill\n\nThe ferry to Wrenna resumed on Monday.\n\n"
    "Timetable\n\nBoats leave every hour from the north quay, the operator said.\n\nAdvertisement\n"
)


def test_markdown_shows_metadata_headings_and_explanations() -> None:
    article = clean_text(TEXT, input="ferry.txt")
    md = article_markdown(article, explain=True)
    assert md.startswith("# Ferry service resumes after storm\n")
    assert "- **byline**: Ada Quill" in md
    assert "### Timetable" in md
    assert "- line 11, ad-slot: `Advertisement`" in md
    assert "Removed" not in article_markdown(article)


def test_json_round_trip_with_errors() -> None:
    article = clean_text(TEXT, input="ferry.txt")
    payload = json.loads(articles_json([article], [InputError("bad.bin", "looks like a binary file")]))
    assert payload["articles"][0]["title"] == "Ferry service resumes after storm"
    assert payload["errors"] == [{"input": "bad.bin", "line": None, "message": "looks like a binary file"}]


def test_errors_are_listed_in_markdown() -> None:
    md = articles_markdown([], [InputError("x.jsonl", "malformed JSON line", 2)])
    assert "`x.jsonl:2: malformed JSON line`" in md
