"""JSON and JSONL article records: one object, a list of objects, or one object per line."""

from __future__ import annotations

import codecs
import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, Metadata, RawDocument
from ..timeparse import parse_datetime
from .decode import decode_guessing, strip_controls
from .html import looks_like_html, raw_from_html
from .sources import DEFAULT_MAX_BYTES

TEXT_FIELDS = ("text", "body", "content", "article_body", "maintext")
DATE_FIELDS = ("published", "date", "publish_date", "published_at", "pubDate", "date_publish")
OUTLET_FIELDS = ("source", "outlet", "site", "sitename", "publisher", "source_domain")
AUTHOR_FIELDS = ("author", "authors", "byline")


def read_json(
    name: str, text: str, max_bytes: int = DEFAULT_MAX_BYTES, size: int | None = None, replaced: int = 0
) -> Iterator[RawDocument | InputError]:
    """One object, a list of objects or ``{"articles": [...]}``; the size limit applies to each record.

    ``size`` is the size of the file (the limit of a single object); ``replaced`` counts invalid bytes
    that decoding replaced (records holding U+FFFD then carry it).
    """
    try:
        data = parse_json(text)
    except MalformedJSON as exc:
        yield InputError(name, Msg.JSON_MALFORMED.format(reason=exc.reason), line=exc.line)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        if size is not None and size > max_bytes:
            yield InputError(name, Msg.TOO_LARGE.format(size=size, limit=max_bytes))
        else:
            yield _record(name, data, InputFormat.JSON, error_input=name, line=None, replaced=replaced)
        return
    if not isinstance(data, list):
        yield InputError(name, Msg.JSON_NOT_OBJECT.format(kind=type(data).__name__))
        return
    if not data:
        yield InputError(name, Msg.JSON_EMPTY)
        return
    for i, item in enumerate(data, 1):
        label = f"{name}#{i}"
        record_size = _json_size(item)
        if record_size > max_bytes:
            yield InputError(label, Msg.RECORD_TOO_LARGE.format(size=record_size, limit=max_bytes))
        else:
            yield _record(label, item, InputFormat.JSON, error_input=label, line=None, replaced=replaced)


def read_jsonl(name: str, text: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """:func:`read_jsonl_stream` over text already decoded."""
    yield from read_jsonl_stream(name, io.BytesIO(text.encode("utf-8", errors="replace")), max_bytes)


def read_jsonl_stream(name: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawDocument | InputError]:
    """One record per line, read line by line: a line over ``max_bytes`` is an error for that line only.

    Records are ``name:line`` documents; errors are ``InputError(name, ..., line=n)``. Lines are split at
    ``\\n`` only: str.splitlines() would also split inside records at U+2028, U+0085 and friends.
    """
    found = False
    lineno = 0
    guess: str | None = None  # the legacy encoding of earlier lines
    while True:
        lineno += 1
        try:
            line = stream.readline(max_bytes + 2)
            if not line:
                break
            ended = line.endswith(b"\n")
            body = line[:-1] if ended else line
            size = len(body) + (_skip_line(stream) if not ended and len(line) == max_bytes + 2 else 0)
        except InputProblem as problem:  # the file as a whole: truncated gzip, over the container limit
            yield InputError(name, problem.message, line=lineno)
            return
        if lineno == 1 and body.startswith(codecs.BOM_UTF8):
            body, size = body[len(codecs.BOM_UTF8) :], size - len(codecs.BOM_UTF8)
        if body.endswith(b"\r"):
            body, size = body[:-1], size - 1
        if not body.strip():
            continue
        found = True
        if size > max_bytes:
            yield InputError(name, Msg.RECORD_TOO_LARGE.format(size=size, limit=max_bytes), line=lineno)
            continue
        item, guess = _line_record(name, lineno, body, guess)
        yield item
    if not found:
        yield InputError(name, Msg.EMPTY)


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line; how many bytes it had (its newline not counted)."""
    skipped = 0
    while True:
        chunk = stream.readline(1 << 16)
        if not chunk:
            return skipped
        if chunk.endswith(b"\n"):
            return skipped + len(chunk) - 1
        skipped += len(chunk)


def _line_record(name: str, lineno: int, data: bytes, guess: str | None) -> tuple[RawDocument | InputError, str | None]:
    """The record of one line, and the legacy encoding to try first on the next lines."""
    try:
        text, replaced, encoding = decode_guessing(data, guess)
        item = parse_json(strip_controls(text))
    except InputProblem as problem:
        return InputError(name, problem.message, line=lineno), guess
    except MalformedJSON as exc:
        return InputError(name, Msg.JSON_LINE_MALFORMED.format(reason=exc.reason), line=lineno), encoding or guess
    record = _record(f"{name}:{lineno}", item, InputFormat.JSONL, error_input=name, line=lineno, replaced=replaced)
    return record, encoding or guess


class MalformedJSON(Exception):
    """JSON that cannot be parsed: ``reason`` for the user, ``line`` within the text when known."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def parse_json(text: str) -> Any:
    """``json.loads``, with Python's own limits (nesting depth, digits of an integer) as :class:`MalformedJSON`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedJSON(exc.msg, exc.lineno) from None
    except RecursionError:
        raise MalformedJSON(Msg.JSON_TOO_DEEP) from None
    except ValueError as exc:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        reason = str(exc)
        if "digits" in reason:
            reason = Msg.JSON_NUMBER_TOO_LONG.format(digits=sys.get_int_max_str_digits())
        raise MalformedJSON(reason) from None


def _json_size(item: object) -> int:
    """The size of a record of a JSON list: its length as (non-ASCII-escaped) JSON, in UTF-8 bytes."""
    try:
        return len(json.dumps(item, ensure_ascii=False).encode("utf-8", errors="replace"))
    except (RecursionError, ValueError):
        return 0  # the record itself is reported by _record


def _record(
    label: str, item: object, fmt: InputFormat, error_input: str, line: int | None, replaced: int
) -> RawDocument | InputError:
    try:
        if not isinstance(item, dict):
            raise InputProblem(Msg.JSON_NOT_OBJECT.format(kind=type(item).__name__))
        raw = record_to_raw(label, item, fmt)
    except InputProblem as problem:
        return InputError(error_input, problem.message, line=line)
    except RecursionError:
        return InputError(error_input, Msg.JSON_MALFORMED.format(reason=Msg.JSON_TOO_DEEP), line=line)
    if replaced:
        raw.decode_replaced = raw.text.count("\ufffd") if fmt is InputFormat.JSON else replaced
    return raw


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
    meta.published = _date(item, DATE_FIELDS, meta.ignored)
    meta.updated = _date(item, ("updated", "modified", "date_modified", "updated_at"), meta.ignored)
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


def _date(item: dict[str, Any], keys: tuple[str, ...], ignored: list[str]) -> datetime | None:
    """ISO or free-form date strings, or Unix timestamps (seconds, or milliseconds when that large).

    A string that is no readable date ("0000-01-01") is noted in ``ignored``, never dropped in silence."""
    for key in keys:
        value = item.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                return datetime.fromtimestamp(value / 1000 if value > 1e11 else value, tz=UTC)
            except (OverflowError, OSError, ValueError):
                ignored.append(Msg.FIELD_NOT_A_DATE.format(field=key, value=value))
                return None
        if not isinstance(value, str):
            raise InputProblem(Msg.JSON_FIELD_TYPE.format(field=key, expected="a string", kind=type(value).__name__))
        when = parse_datetime(value)
        if when is None:
            ignored.append(Msg.FIELD_NOT_A_DATE.format(field=key, value=value[:80]))
        return when
    return None


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
