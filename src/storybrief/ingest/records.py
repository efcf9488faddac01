"""JSON and JSONL article records: one object, a list of objects, or one object per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, Metadata, RawDocument
from ..timeparse import parse_datetime
from .html import looks_like_html, raw_from_html

TEXT_FIELDS = ("text", "body", "content", "article_body", "maintext")
DATE_FIELDS = ("published", "date", "publish_date", "published_at", "pubDate", "date_publish")
OUTLET_FIELDS = ("source", "outlet", "site", "sitename", "publisher", "source_domain")
AUTHOR_FIELDS = ("author", "authors", "byline")


def read_json(name: str, text: str) -> Iterator[RawDocument | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(name, Msg.JSON_MALFORMED.format(reason=exc.msg), line=exc.lineno)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield _record_or_error(name, data, InputFormat.JSON, line=None)
        return
    if not isinstance(data, list):
        yield InputError(name, Msg.JSON_NOT_OBJECT.format(kind=type(data).__name__))
        return
    if not data:
        yield InputError(name, Msg.JSON_EMPTY)
        return
    for i, item in enumerate(data, 1):
        yield _record_or_error(f"{name}#{i}", item, InputFormat.JSON, line=None)


def read_jsonl(name: str, text: str) -> Iterator[RawDocument | InputError]:
    found = False
    # split on "\n" only: str.splitlines() would also split inside records at U+2028, U+0085 and friends
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        found = True
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(name, Msg.JSON_LINE_MALFORMED.format(reason=exc.msg), line=lineno)
            continue
        yield _record_or_error(f"{name}:{lineno}", item, InputFormat.JSONL, line=lineno)
    if not found:
        yield InputError(name, Msg.EMPTY)


def _record_or_error(label: str, item: object, fmt: InputFormat, line: int | None) -> RawDocument | InputError:
    file_name = label.rsplit(":", 1)[0] if line is not None else label
    try:
        if not isinstance(item, dict):
            raise InputProblem(Msg.JSON_NOT_OBJECT.format(kind=type(item).__name__))
        return record_to_raw(label, item, fmt)
    except InputProblem as problem:
        return InputError(file_name, problem.message, line=line)


def record_to_raw(label: str, item: dict[str, Any], fmt: InputFormat) -> RawDocument:
    """Map the common field names of scraper dumps onto a :class:`RawDocument`."""
    body = _first(item, TEXT_FIELDS, str)
    if not body or not body.strip():
        raise InputProblem(Msg.JSON_NO_TEXT)
    meta = Metadata(
        id=_id(item.get("id")),
        url=_first(item, ("url", "link", "source_url"), str),
        title=_first(item, ("title", "headline"), str),
        subtitle=_first(item, ("subtitle", "description", "summary"), str),
        outlet=_outlet(item),
        language=_first(item, ("language", "lang"), str),
        authors=_authors(item),
    )
    meta.published = _date(item, DATE_FIELDS)
    meta.updated = _date(item, ("updated", "modified", "date_modified", "updated_at"))
    if looks_like_html(body):
        return raw_from_html(label, body, meta=meta, fmt=fmt)
    return RawDocument(input=label, format=fmt, text=body, meta=meta)


def _first(item: dict[str, Any], keys: tuple[str, ...], kind: type) -> Any:
    for key in keys:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if not isinstance(value, kind):
            raise InputProblem(Msg.JSON_FIELD_TYPE.format(field=key, expected="a string", kind=type(value).__name__))
        return value
    return None


def _date(item: dict[str, Any], keys: tuple[str, ...]) -> datetime | None:
    """ISO or free-form date strings, or Unix timestamps (seconds, or milliseconds when that large)."""
    for key in keys:
        value = item.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = value / 1000 if value > 1e11 else value
            try:
                return datetime.fromtimestamp(seconds, tz=UTC)
            except (OverflowError, OSError, ValueError):
                raise InputProblem(Msg.JSON_FIELD_TYPE.format(field=key, expected="a date", kind="number")) from None
    text = _first(item, keys, str)
    return parse_datetime(text) if text else None


def _id(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (str, int)):
        return str(value)
    raise InputProblem(Msg.JSON_FIELD_TYPE.format(field="id", expected="a string or number", kind=type(value).__name__))


def _outlet(item: dict[str, Any]) -> str | None:
    for key in OUTLET_FIELDS:
        value = item.get(key)
        if isinstance(value, dict):  # e.g. {"source": {"id": ..., "name": "Reuters"}} from news APIs
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _authors(item: dict[str, Any]) -> list[str]:
    for key in AUTHOR_FIELDS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return [a.strip() for a in value.replace(" and ", ",").split(",") if a.strip()]
        if isinstance(value, list):
            names = [str(a.get("name") or "") if isinstance(a, dict) else str(a) for a in value if a]
            return [n.strip() for n in names if n.strip()]
    return []
