"""RSS and Atom feeds: one document per entry, marking entries that carry only a teaser."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, Metadata, RawDocument
from .html import looks_like_html, raw_from_html

TEASER_MAX_WORDS = 80
_TEASER_END_RE = re.compile(r"(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|more »)\W*$", re.IGNORECASE)


def read_feed(name: str, data: bytes) -> Iterator[RawDocument | InputError]:
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser raises ValueError, UnicodeDecodeError, ... on bad bytes
        yield InputError(name, Msg.FEED_MALFORMED.format(reason=f"{type(exc).__name__}: {exc}"))
        return
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception") or "not a feed"
        yield InputError(name, Msg.FEED_MALFORMED.format(reason=reason))
        return
    if not entries:
        yield InputError(name, Msg.FEED_NO_ENTRIES)
        return
    channel = parsed.get("feed") or {}
    outlet = channel.get("title")
    language = channel.get("language")
    for i, entry in enumerate(entries, 1):
        label = f"{name}#{i}"
        try:
            yield _entry(label, entry, outlet, language)
        except InputProblem as problem:
            yield InputError(label, problem.message)


def _entry(label: str, entry: Any, outlet: str | None, language: str | None) -> RawDocument:
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value")]
    body = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    teaser = not body.strip()
    body = body or summary
    if not body.strip():
        raise InputProblem(Msg.FEED_ENTRY_EMPTY)
    ignored: list[str] = []
    meta = Metadata(
        id=entry.get("id") or None,
        url=_url(entry.get("link")),
        title=entry.get("title"),
        outlet=outlet,
        language=language,
        authors=[a.get("name") for a in entry.get("authors") or [] if a.get("name")],
        # _date reads with dict.get: feedparser's own .get() maps a missing "updated" onto "published"
        published=_date(entry, "published", ignored),
        updated=_date(entry, "updated", ignored),
        ignored=ignored,
    )
    if looks_like_html(body):
        raw = raw_from_html(label, body, meta=meta, fmt=InputFormat.FEED)
    else:
        raw = RawDocument(input=label, format=InputFormat.FEED, text=body, meta=meta)
    words = len(raw.text.split())
    raw.meta.teaser_only = teaser and (words <= TEASER_MAX_WORDS or bool(_TEASER_END_RE.search(raw.text)))
    return raw


def _url(link: Any) -> str | None:
    """feedparser copies an entry's id into ``link`` when there is none; an id such as "tag:..." is no URL."""
    return link if isinstance(link, str) and link.startswith(("http://", "https://")) else None


def _date(entry: Any, key: str, ignored: list[str]) -> datetime | None:
    """feedparser normalises every feed date to a UTC ``time.struct_time`` (``<key>_parsed``); one out of
    range (``0000-00-00``) is noted in ``ignored``, not raised."""
    value = dict.get(entry, f"{key}_parsed")
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (ValueError, OverflowError, OSError):
        ignored.append(Msg.FIELD_NOT_A_DATE.format(field=key, value=dict.get(entry, key, "")))
        return None
