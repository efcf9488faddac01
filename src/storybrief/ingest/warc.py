"""Web archives (WARC, WARC.gz): HTML responses and WET-style text conversions."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, Metadata, RawDocument
from ..timeparse import parse_datetime
from .decode import decode_counted
from .html import raw_from_html
from .sources import DEFAULT_MAX_BYTES

# What warcio raises on archives it cannot parse: a file cut inside the headers gives AttributeError, a
# Content-Length of 20 digits OverflowError. Only calls into warcio are wrapped in these.
_WARCIO_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    EOFError,
    OverflowError,
    AttributeError,
    TypeError,
    IndexError,
    KeyError,
    OSError,
    zlib.error,
)


def read_warc(
    name: str, data: bytes | BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """The content records of a web archive (bytes or a stream); ``max_bytes`` limits each record.

    A record over the limit (as stored, or once its Content-Encoding is undone) is an error for that
    record only; a malformed archive ends with one error for the file after the records read before.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    found = 0
    n = 0
    try:
        records = iter(ArchiveIterator(stream, arc2warc=True))
    except (ArchiveLoadFailed, *_WARCIO_ERRORS) as exc:
        yield InputError(name, Msg.WARC_MALFORMED.format(reason=_reason(exc)))
        return
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except (ArchiveLoadFailed, *_WARCIO_ERRORS) as exc:
            yield InputError(name, Msg.WARC_MALFORMED.format(reason=_reason(exc)))
            return
        except InputProblem as problem:  # from the stream under warcio: truncated gzip, container limit
            yield InputError(name, problem.message)
            return
        kind = record.rec_type
        if kind not in ("response", "conversion", "resource"):
            continue
        n += 1
        label = f"{name}#{n}"
        try:
            item = _record(label, record, kind, max_bytes)
        except InputProblem as problem:
            found += 1
            yield InputError(label, problem.message)
            continue
        if item is not None:
            found += 1
            yield item
    if not found:
        yield InputError(name, Msg.WARC_NO_HTML)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _record(label: str, record: Any, kind: str, max_bytes: int) -> RawDocument | None:
    """One content record as a document, None when it is not an article (an image, a redirect)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    when = record.rec_headers.get_header("WARC-Date")
    content_type = (
        record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    ) or record.rec_headers.get_header("Content-Type", "")
    if kind == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
    if "html" not in content_type.lower() and kind != "conversion" and not content_type.startswith("text/plain"):
        return None
    if (record.length or 0) > max_bytes:
        raise InputProblem(Msg.RECORD_TOO_LARGE.format(size=record.length, limit=max_bytes))
    try:
        # bounded: warcio undoes a Content-Encoding (gzip, deflate, br) without any limit of its own
        body = record.content_stream().read(max_bytes + 1)
    except _WARCIO_ERRORS as exc:
        raise InputProblem(Msg.WARC_MALFORMED.format(reason=_reason(exc))) from None
    if len(body) > max_bytes:
        raise InputProblem(Msg.RECORD_TOO_LARGE_UNPACKED.format(limit=max_bytes))
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the record declared but the file lacks
    if missing > 0:
        raise InputProblem(Msg.WARC_TRUNCATED.format(missing=missing))
    if not body.strip():
        raise InputProblem(Msg.WARC_EMPTY_RECORD)
    text, replaced = decode_counted(body)
    meta = Metadata(url=url)
    if "html" in content_type.lower():
        raw = raw_from_html(label, text, meta=meta, fmt=InputFormat.WARC, url=url)
    else:
        # Common Crawl WET records are whole-page text; the cleaner must find the article in it.
        raw = RawDocument(label, InputFormat.WARC, text, meta=meta, page_text=True)
    raw.decode_replaced = replaced
    # When the page was archived: an upper bound on (not the value of) its publication date.
    raw.meta.captured = parse_datetime(when) if when else None
    return raw
