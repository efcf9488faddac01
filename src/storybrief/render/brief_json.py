"""The brief as JSON, and its JSON Schema (``storybrief/schemas/brief.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from ..model import Report
from .json_stream import JsonList, json_chunks


def report_payload(report: Report) -> dict[str, Any]:
    """:meth:`Report.to_dict` with its lists made record by record as they are written."""
    return {
        "articles": JsonList(a.to_dict() for a in report.articles),
        "stories": JsonList(s.to_dict() for s in report.stories),
        "topics": JsonList(t.to_dict() for t in report.topics),
        "errors": JsonList(e.to_dict() for e in report.errors),
    }


def report_json_chunks(report: Report) -> Iterator[str]:
    """The brief's JSON in pieces, to write without building it as one string."""
    return json_chunks(report_payload(report))


def report_json(report: Report) -> str:
    return "".join(report_json_chunks(report))


def brief_schema() -> dict[str, Any]:
    text = resources.files("storybrief").joinpath("schemas/brief.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
