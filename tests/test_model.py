from __future__ import annotations

import json
from datetime import UTC, datetime

from storybrief.model import (
    Article,
    Block,
    DateSource,
    Flag,
    InputError,
    InputFormat,
    Removal,
    content_id,
)


def test_content_id_is_stable_and_ignores_spacing() -> None:
    assert content_id("The pier  lights\nfailed.") == content_id("The pier lights failed.")
    assert content_id("a") != content_id("b")
    assert len(content_id("anything")) == 16


def test_article_to_dict_is_json_ready() -> None:
    text = "Heading\n\nBody text."
    article = Article(
        id="x1",
        input="a.txt",
        format=InputFormat.TEXT,
        text=text,
        blocks=[Block("heading", 0, 7), Block("paragraph", 9, 19)],
        published=datetime(2026, 3, 13, 14, 15, tzinfo=UTC),
        published_source=DateSource.TEXT,
        removed=[Removal("Advertisement", "ad-slot", 40, 53, 4)],
        flags=[Flag("garbled", "†", 5, 6, "stray typographic symbol")],
    )
    data = json.loads(json.dumps(article.to_dict()))
    assert data["published"] == "2026-03-13T14:15:00+00:00"
    assert data["published_source"] == "text" and data["updated"] is None
    assert data["removed"][0] == {"text": "Advertisement", "reason": "ad-slot", "start": 40, "end": 53, "line": 4}
    assert article.headings == ["Heading"] and article.paragraphs == ["Body text."]


def test_input_error_names_file_and_line() -> None:
    assert str(InputError("a.jsonl", "malformed JSON line: Expecting value", 3)) == (
        "a.jsonl:3: malformed JSON line: Expecting value"
    )
    assert str(InputError("b.txt", "is empty")) == "b.txt: is empty"
