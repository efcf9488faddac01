"""The brief as JSON, and its JSON Schema (``storybrief/schemas/brief.schema.json``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..model import Report


def report_json(report: Report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def brief_schema() -> dict[str, Any]:
    text = resources.files("storybrief").joinpath("schemas/brief.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
