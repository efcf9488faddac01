"""Web archives (WARC, WARC.gz): HTML responses and WET-style text conversions."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, Metadata, RawDocument
from ..timeparse import parse_datetime
from .decode import decode
from .html import raw_from_html


def read_warc(name: str, data: bytes) -> Iterator[RawDocument | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data), arc2warc=True):
            kind = record.rec_type
            if kind not in ("response", "conversion", "resource"):
                continue
            n += 1
            label = f"{name}#{n}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            when = record.rec_headers.get_header("WARC-Date")
            content_type = (
                record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
            ) or record.rec_headers.get_header("Content-Type", "")
            if kind == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if not status.startswith("2"):
                    continue
            body = record.content_stream().read()
            meta = Metadata(url=url)
            missing = getattr(record.raw_stream, "limit", 0)  # bytes the record declared but the file lacks
            try:
                if missing > 0:
                    raise InputProblem(Msg.WARC_TRUNCATED.format(missing=missing))
                if not body.strip():
                    raise InputProblem(Msg.WARC_EMPTY_RECORD)
                if "html" in content_type.lower():
                    raw = raw_from_html(label, decode(body), meta=meta, fmt=InputFormat.WARC, url=url)
                elif kind == "conversion" or content_type.startswith("text/plain"):
                    # Common Crawl WET records are whole-page text; the cleaner must find the article in it.
                    raw = RawDocument(label, InputFormat.WARC, decode(body), meta=meta, page_text=True)
                else:
                    continue
            except InputProblem as problem:
                yield InputError(label, problem.message)
                found += 1
                continue
            # When the page was archived: an upper bound on (not the value of) its publication date.
            raw.meta.captured = parse_datetime(when) if when else None
            found += 1
            yield raw
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        yield InputError(name, Msg.WARC_MALFORMED.format(reason=str(exc).strip().splitlines()[0] if str(exc) else exc))
        return
    if not found:
        yield InputError(name, Msg.WARC_NO_HTML)
