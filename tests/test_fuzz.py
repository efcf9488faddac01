"""Fuzz every input format storybrief reads with hostile, mutated files (issue 10).

A seeded generator (deterministic: the same cases on every run) writes a few thousand files to ``tmp_path``:
plain text, HTML, JSON objects and lists, JSONL, RSS and Atom feeds, WARC archives with HTTP responses
(some with ``Content-Encoding: gzip`` bodies), WARC.gz, and gzip of each. Two families of mutation:

- **structural**: valid containers carrying hostile values where the code looks at them (dates 9999-12-31 and
  0001-01-01 in every date field, duplicated and huge ids, deep nesting, NUL / ESC / bidi controls, ``[/x]``
  markup, bad UTF-8, very long lines, a WARC ``Content-Length`` of 20 digits);
- **byte level**: flips, truncation at a random point, insertion of a hostile piece, splices of two formats.

Every file goes through ``read_inputs`` + ``clean_documents`` (``storybrief.load``) on its own; a smaller share
goes in batches through the whole ``storybrief.brief``. What must hold: no exception escapes, every input file
is accounted for (an article or an error names it), no case takes longer than ``CASE_SECONDS``, and the peak
memory of the process grows by less than ``MAX_RSS_GROWTH``. The test collects every failure and reports each
distinct one (exception type and where it was raised) with the case that produced it, so one run shows them all.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import random
import re
import resource
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import storybrief
from storybrief.model import Article, InputError

SEED = 20261202
LOAD_CASES = 4000  # files through ingest + clean, one at a time
BRIEF_BATCHES = 16  # batches through the whole pipeline (spaCy annotation: ~25 ms per short article)
BRIEF_BATCH_SIZE = 6
CASE_SECONDS = 20  # one file through ingest + clean, or one batch through brief, must finish within this
MAX_RSS_GROWTH = 1536 * 1024 * 1024  # bytes

# An original, fictional story: the ferry at Hollin Reach.
PARAGRAPHS = [
    "The ferry between Hollin Reach and the island of Carrow stopped running on Monday after a winch on the "
    "landing ramp snapped during the morning crossing, the harbour trust said.",
    "No one was hurt, but about forty passengers and six cars waited on the slipway for three hours before a "
    "fishing boat from Carrow carried the foot passengers across.",
    '"We heard a crack like a rifle shot and the ramp dropped a metre," said Imogen Falk, who drives the '
    'island\'s school bus. "The crew were calm, but the cars stayed put."',
    "Harbour master Desmond Quayle said engineers from Tarrant Marine would inspect the winch on Tuesday and "
    "that a replacement part could take a week to arrive from the mainland.",
    "The island council has asked the trust to charter a second boat for the school run while the ferry is "
    "out of service. Councillor Ros Emberley said 212 pupils cross each day.",
    "The ferry, built in 1998, was last overhauled in the spring of 2023, when its engines were replaced at "
    "a cost of 1.4 million pounds.",
]
TITLES = [
    "Winch failure halts Hollin Reach ferry",
    "Carrow ferry out of service after ramp drops",
    "Islanders stranded as ferry winch snaps",
]
OUTLETS = ["Reach Courier", "Carrow Bulletin", "Tarrant Evening Post"]

LONG_LINE = ("The slipway queue grew longer as the tide turned and the gulls settled on the rail. " * 2600).strip()
HUGE_TEXT = "\n\n".join(
    f"{p} The inquiry heard this as item {i} of the winter log." for i in range(2400) for p in PARAGRAPHS[:2]
)  # ~1.2 MB in near-identical paragraphs (the cleaner drops the repeats, with a reason)


def varied_text(size: int, seed: int) -> str:
    """About ``size`` characters on one line, no sentence like another: nothing for the cleaner to drop."""
    rng = random.Random(seed)
    who = ["Imogen Falk", "Desmond Quayle", "Ros Emberley", "the harbour trust", "a Tarrant Marine engineer"]
    what = ["the winch", "the ramp", "the school boat", "the slipway", "the spare part", "the timetable"]
    how = ["was checked", "failed again", "was replaced", "stayed shut", "was moved", "cost more than planned"]
    parts: list[str] = []
    total = 0
    while total < size:
        sent = f"{rng.choice(who)} said {rng.choice(what)} {rng.choice(how)} on day {rng.randint(1, 10**6)}."
        parts.append(sent[0].upper() + sent[1:])
        total += len(sent) + 1
    return " ".join(parts)


# Pieces of hostile text, inserted into text fields and into raw bytes.
HOSTILE_TEXT = [
    "\x00",
    "\x00\x00\x00 NUL run",
    "\x1b[31m red \x1b[0m",
    "\x1b]0;title\x07",
    "\u202e reversed \u202c",
    "\u2066\u2067\u2068\u2069",
    "[/x]",
    "[b]bold[/b] [/quote] [[/x]]",
    "\ufeff",
    "\ud7ff\ue000\uffff",
    "9" * 400,
    "-" + "9" * 5000,
    "1e999999",
    "Published December 31, 9999",
    "Updated: 0001-01-01T00:00:00Z",
    "on 31 December 9999 and on 1 January 0001, and in the year 99999",
    "Friday, 31 Dec 9999 23:59:59 +1400",
    '« » “ ” „ ‟ ‹ › " \' "',
    '"' * 300,
    "By " + "Very Long Name " * 200,
    "\r\r\n\u2028\u2029\x85\x0b\x0c",
    "<script>alert(1)</script><style>*{}</style>",
    "<" * 500,
    "&#0; &#x110000; &#99999999999; &nbsp;&amp;",
    "]]>",
    "<![CDATA[",
]
HOSTILE_BYTES = [
    b"\xff\xfe",
    b"\xfe\xff\x00",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x80\x80\x80",
    b"\x1f\x8b\x08\x00",
    b"WARC/1.0\r\n",
    b"Content-Length: 99999999999999999999\r\n",
    b"\r\n\r\n",
    b"{" * 300,
    b"[" * 3000,
    b"<div>" * 2000,
]
DATES_ISO = ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31", "0001-01-01", "0000-00-00", "2024-02-30"]
DATES_RFC822 = ["Fri, 31 Dec 9999 23:59:59 +0000", "Mon, 01 Jan 0001 00:00:00 -1200", "Sat, 31 Dec 9999 23:59:59 +1400"]
DATE_NUMBERS: list[int | float] = [253402300800, 253402300800000, -62135596801, 10**30, -(10**30), 1e308]


@dataclass
class Case:
    """One generated input file: its name (which says what was done to it) and its bytes."""

    name: str
    data: bytes


@dataclass
class Failure:
    kind: str  # exception type, "unaccounted", "timeout"
    where: str  # the innermost storybrief frame, or what is missing
    case: str
    detail: str
    sample: bytes = b""


@dataclass
class Report:
    failures: list[Failure] = field(default_factory=list)

    def add(self, failure: Failure) -> None:
        self.failures.append(failure)

    def summary(self) -> str:
        """Each distinct failure once (kind + where), with the first case that produced it and a count."""
        seen: dict[tuple[str, str], list[Failure]] = {}
        for f in self.failures:
            seen.setdefault((f.kind, f.where), []).append(f)
        lines = [f"{len(self.failures)} failing case(s), {len(seen)} distinct failure(s):"]
        for (kind, where), group in seen.items():
            first = group[0]
            lines.append(f"- {kind} at {where} ({len(group)} case(s)); e.g. {first.case}: {first.detail[:300]}")
            if first.sample:
                lines.append(f"    first bytes: {first.sample[:160]!r}")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Well-formed inputs of every format, with room for hostile values


def _body(rng: random.Random, extra: str = "") -> str:
    paras = rng.sample(PARAGRAPHS, rng.randint(2, len(PARAGRAPHS)))
    if extra:
        at = rng.randint(0, len(paras))
        paras.insert(at, extra)
    return "\n\n".join(paras)


def _hostile_value(rng: random.Random) -> str:
    return rng.choice([*HOSTILE_TEXT, LONG_LINE[: rng.choice([5000, 70000, len(LONG_LINE)])]])


def make_text(rng: random.Random, hostile: str, date: str) -> bytes:
    title = rng.choice(TITLES)
    lines = [title, "", f"By Imogen Falk | {date}", "", _body(rng, hostile)]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def make_html(rng: random.Random, hostile: str, date: str) -> bytes:
    from html import escape

    paras = "".join(f"<p>{escape(p)}</p>" for p in _body(rng, hostile).split("\n\n"))
    raw_piece = hostile if rng.random() < 0.3 else ""  # unescaped, straight into the markup
    page = (
        f"<!DOCTYPE html><html><head><title>{escape(rng.choice(TITLES))}</title>"
        f'<meta property="article:published_time" content="{escape(date)}">'
        f'<meta property="og:site_name" content="{rng.choice(OUTLETS)}"></head>'
        f'<body><nav><a href="/">Home</a></nav><article><h1>{escape(rng.choice(TITLES))}</h1>{paras}{raw_piece}'
        "</article><footer>© Reach Courier</footer></body></html>"
    )
    return page.encode("utf-8", "surrogatepass")


def _record(rng: random.Random, hostile: str, date: object, rid: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": rid,
        "title": rng.choice(TITLES),
        "text": _body(rng, hostile),
        "url": f"https://courier.example/{rng.randint(1, 10**6)}",
        "published": date,
        "source": rng.choice(OUTLETS),
        "author": "Imogen Falk",
    }
    if rng.random() < 0.2:
        record["text"] = "<p>" + str(record["text"]).replace("\n\n", "</p><p>") + "</p>"
    if rng.random() < 0.15:
        record["updated"] = rng.choice(DATES_ISO)
    return record


def _record_date(rng: random.Random) -> object:
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(DATES_ISO)
    if roll < 0.7:
        return rng.choice(DATE_NUMBERS)
    return "2024-03-04T08:00:00Z"


def _record_id(rng: random.Random, i: int) -> object:
    roll = rng.random()
    if roll < 0.4:
        return "dup-1"  # duplicated across records and files
    if roll < 0.55:
        return 10 ** rng.choice([20, 300, 4000])  # huge numbers
    if roll < 0.65:
        return -(10**25)
    return f"r{i}"


def _json_text(value: object) -> str:
    # ensure_ascii=False keeps raw control characters out (json escapes them) but lets bidi marks through
    return json.dumps(value, ensure_ascii=False)


def make_json(rng: random.Random, hostile: str, date: str) -> bytes:
    records = [_record(rng, hostile, _record_date(rng), _record_id(rng, i)) for i in range(rng.randint(1, 4))]
    shape = rng.random()
    doc: object
    if shape < 0.35:
        doc = records[0]
    elif shape < 0.7:
        doc = records
    else:
        doc = {"articles": records, "meta": {"count": len(records)}}
    return _json_text(doc).encode("utf-8", "surrogatepass")


def make_jsonl(rng: random.Random, hostile: str, date: str) -> bytes:
    lines = [_json_text(_record(rng, hostile, _record_date(rng), _record_id(rng, i))) for i in range(rng.randint(1, 5))]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


def make_rss(rng: random.Random, hostile: str, date: str) -> bytes:
    from html import escape

    items = []
    for i in range(rng.randint(1, 3)):
        html_body = "".join(f"<p>{p}</p>" for p in _body(rng, hostile).split("\n\n"))
        items.append(
            f"<item><title>{escape(rng.choice(TITLES))}</title><link>https://courier.example/{i}</link>"
            f'<guid isPermaLink="false">{escape(str(_record_id(rng, i)))}</guid>'
            f"<pubDate>{escape(rng.choice([*DATES_RFC822, date]))}</pubDate>"
            f"<description>{escape(PARAGRAPHS[0])}</description>"
            f"<content:encoded><![CDATA[{html_body}]]></content:encoded></item>"
        )
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{rng.choice(OUTLETS)}</title><link>https://courier.example/</link>"
        f"<description>News</description>{''.join(items)}</channel></rss>"
    )
    return feed.encode("utf-8", "surrogatepass")


def make_atom(rng: random.Random, hostile: str, date: str) -> bytes:
    from html import escape

    entries = []
    for i in range(rng.randint(1, 3)):
        entries.append(
            f"<entry><title>{escape(rng.choice(TITLES))}</title>"
            f'<link href="https://bulletin.example/{i}"/><id>{escape(str(_record_id(rng, i)))}</id>'
            f"<updated>{escape(rng.choice([*DATES_ISO, date]))}</updated>"
            f"<published>{escape(rng.choice(DATES_ISO))}</published>"
            f'<content type="html">{escape("".join(f"<p>{p}</p>" for p in _body(rng, hostile).split(chr(10) * 2)))}'
            "</content></entry>"
        )
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{rng.choice(OUTLETS)}</title><id>urn:bulletin</id><updated>{escape(date)}</updated>"
        f"{''.join(entries)}</feed>"
    )
    return feed.encode("utf-8", "surrogatepass")


def make_warc(rng: random.Random, hostile: str, date: str, gz: bool = False) -> bytes:
    records = [_warc_record(lambda w: w.create_warcinfo_record("fuzz.warc", {"software": "storybrief-fuzz"}))]
    for i in range(rng.randint(1, 3)):
        page = make_html(rng, hostile, date)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if rng.random() < 0.5:
            page = gzip.compress(page, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        status = rng.choice(["200 OK", "200 OK", "200 OK", "404 Not Found", "206 Partial Content"])
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        when = rng.choice([*DATES_ISO, "2024-03-04T09:00:00Z"])
        records.append(
            _warc_record(
                lambda w, i=i, page=page, http=http, when=when: w.create_warc_record(
                    f"https://courier.example/{i}",
                    "response",
                    payload=io.BytesIO(page),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": when},
                )
            )
        )
    if rng.random() < 0.4:
        text = ("Home | News\n" + _body(rng, hostile)).encode("utf-8", "surrogatepass")
        records.append(
            _warc_record(
                lambda w: w.create_warc_record(
                    "https://courier.example/wet",
                    "conversion",
                    payload=io.BytesIO(text),
                    warc_headers_dict={"Content-Type": "text/plain", "WARC-Date": date},
                )
            )
        )
    records = [_deterministic(r, n) for n, r in enumerate(records)]
    # WARC.gz is one gzip member per record
    return b"".join(gzip.compress(r, mtime=0) for r in records) if gz else b"".join(records)


def _warc_record(build: Callable[[WARCWriter], object]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    writer.write_record(build(writer))
    return buf.getvalue()


def _deterministic(record: bytes, n: int) -> bytes:
    """warcio stamps records with a random id and the warcinfo record with the current time: fix both."""
    record = re.sub(rb"<urn:uuid:[0-9a-f-]{36}>", f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>".encode(), record)
    if b"WARC-Type: warcinfo" in record:
        record = re.sub(rb"WARC-Date: [^\r]*", b"WARC-Date: 2024-03-04T09:00:00Z", record)
    return record


Maker = Callable[[random.Random, str, str], bytes]
MAKERS: dict[str, tuple[Maker, str]] = {
    "text": (make_text, ".txt"),
    "html": (make_html, ".html"),
    "json": (make_json, ".json"),
    "jsonl": (make_jsonl, ".jsonl"),
    "rss": (make_rss, ".xml"),
    "atom": (make_atom, ".atom"),
    "warc": (make_warc, ".warc"),
    "warcgz": (lambda rng, h, d: make_warc(rng, h, d, gz=True), ".warc.gz"),
}


# ---------------------------------------------------------------------------------------------------------
# Structural hostile inputs that byte mutation would rarely reach


def structural_cases() -> Iterator[tuple[str, str, bytes]]:
    """(name, suffix, bytes) for hostile values placed exactly where the parsers look."""
    text = PARAGRAPHS[0]
    for depth in (50, 2000, 100_000):
        nested = "[" * depth + "]" * depth
        yield f"json-nested-list-{depth}", ".json", nested.encode()
        yield (
            f"json-nested-field-{depth}",
            ".json",
            ('{"id": "n1", "text": "' + text + '", "extra": ' + nested + "}").encode(),
        )
        yield f"jsonl-nested-{depth}", ".jsonl", ('{"text": "' + text + '", "x": ' + nested + "}\n").encode()
        yield f"html-nested-{depth}", ".html", ("<div>" * depth + f"<p>{text}</p>" + "</div>" * depth).encode()
        yield f"rss-nested-{depth}", ".xml", make_rss(random.Random(depth), "<b>" * depth, "2024-01-01")
    for digits in (19, 20, 400, 4300, 4301, 100_000):
        n = "9" * digits
        yield f"json-int-id-{digits}", ".json", ('{"id": ' + n + ', "text": "' + text + '"}').encode()
        yield f"json-int-date-{digits}", ".json", ('{"published": ' + n + ', "text": "' + text + '"}').encode()
        yield f"json-int-value-{digits}", ".json", ('{"text": "' + text + '", "views": ' + n + "}").encode()
        yield f"jsonl-int-{digits}", ".jsonl", ('{"id": ' + n + ', "text": "' + text + '"}\n').encode()
        yield f"json-float-{digits}", ".json", ('{"published": 1e' + n + ', "text": "' + text + '"}').encode()
    for date in [*DATES_ISO, *DATES_RFC822, "31 December 9999", "January 1, 1", "9999-12-31T23:59:59-14:00"]:
        rng = random.Random(date)
        yield f"text-date-{date}", ".txt", make_text(rng, f"The hearing is set for {date}.", date)
        yield f"html-date-{date}", ".html", make_html(rng, "", date)
        rec = {"id": "d", "title": "t", "text": text, "published": date, "updated": date}
        yield f"json-date-{date}", ".json", json.dumps(rec).encode()
        yield f"rss-date-{date}", ".xml", make_rss(rng, "", date).replace(b"<pubDate>", b"<pubDate>" + date.encode())
        yield f"atom-date-{date}", ".atom", make_atom(rng, "", date)
        warc = make_warc(rng, "", date)
        yield f"warc-date-{date}", ".warc", re.sub(rb"WARC-Date: [^\r]*", b"WARC-Date: " + date.encode(), warc)
    for number in DATE_NUMBERS:
        yield f"json-date-number-{number}", ".json", json.dumps({"text": text, "published": number}).encode()
    dup = [{"id": "same", "title": TITLES[i % 3], "text": PARAGRAPHS[i]} for i in range(4)]
    yield "json-duplicate-ids", ".json", json.dumps(dup).encode()
    yield "jsonl-duplicate-ids", ".jsonl", "\n".join(json.dumps(r) for r in dup).encode()
    yield "json-duplicate-ids-same-text", ".json", json.dumps([dup[0], dup[0], dup[0]]).encode()
    yield "json-id-int-and-str", ".json", json.dumps([{"id": 7, "text": text}, {"id": "7", "text": text}]).encode()
    page = make_html(random.Random(2), "", "2024-03-04T08:00:00Z")
    for first in (True, False):  # the response first in the file, or after a warcinfo record
        warc = _warc_with_body(page, False) + _warc_with_body(gzip.compress(page, mtime=0), True)
        if not first:
            warc = _deterministic(_warc_record(lambda w: w.create_warcinfo_record("f.warc", {"a": "b"})), 9) + warc
        tag = "first" if first else "after-info"
        for cut in (10, 40, 41, 100, 200, 300, len(warc) // 3, len(warc) // 2, len(warc) - 5):
            yield f"warc-{tag}-truncated-{cut}", ".warc", warc[:cut]
            yield f"warcgz-{tag}-truncated-{cut}", ".warc.gz", gzip.compress(warc[:cut], mtime=0)
        for value in ("99999999999999999999", "18446744073709551616", "9223372036854775808", "-1", "1e9", "0x10", ""):
            for nth in (1, 2, 3):  # WARC header of the first or second record, or of the warcinfo
                found = list(re.finditer(rb"Content-Length: \d+", warc))
                if nth <= len(found):
                    m = found[nth - 1]
                    bad = warc[: m.start()] + b"Content-Length: " + value.encode() + warc[m.end() :]
                    yield f"warc-{tag}-content-length-{nth}-{value or 'blank'}", ".warc", bad
    yield "warc-gzip-body-not-gzip", ".warc", _warc_with_body(b"<html><body><p>" + text.encode() + b"</p>", True)
    yield (
        "warc-gzip-body-truncated",
        ".warc",
        _warc_with_body(gzip.compress(b"<p>" + text.encode() * 20, mtime=0)[:60], True),
    )
    yield "warc-gzip-bomb-ish", ".warc", _warc_with_body(gzip.compress(b"<p>" + b"a " * 3_000_000, mtime=0), True)
    yield "text-long-line", ".txt", LONG_LINE.encode()
    yield "text-over-1mb", ".txt", ("Ferry inquiry\n\n" + HUGE_TEXT).encode()
    yield "text-over-1mb-one-line", ".txt", HUGE_TEXT.replace("\n\n", " ").encode()
    yield "json-over-1mb-text", ".json", json.dumps({"id": "big", "text": HUGE_TEXT}).encode()
    yield "text-varied-1.2mb-one-line", ".txt", varied_text(1_200_000, 1).encode()
    yield "text-varied-2.1mb-one-line", ".txt", varied_text(2_100_000, 2).encode()  # over spaCy's max_length here
    yield "jsonl-varied-2.1mb-text", ".jsonl", json.dumps({"text": varied_text(2_100_000, 3)}).encode()
    yield "text-over-2mb", ".txt", ("Ferry inquiry\n\n" + HUGE_TEXT + "\n\n" + HUGE_TEXT).encode()
    yield "text-only-controls", ".txt", "".join(chr(c) for c in range(32) if c not in (9, 10, 13)).encode() * 50
    yield "text-bidi-everywhere", ".txt", ("\u202e".join(PARAGRAPHS)).encode()
    yield "text-bbcode", ".txt", ("[/x]" + "[/x]".join(PARAGRAPHS) + "[quote]" * 500).encode()
    yield "text-utf16-bom-odd", ".txt", b"\xff\xfe" + "Ferry".encode("utf-16-le") + b"\x00"
    yield "text-utf32-bom", ".txt", b"\xff\xfe\x00\x00" + "\n\n".join(PARAGRAPHS).encode("utf-32-le")
    yield "gzip-empty", ".txt.gz", gzip.compress(b"", mtime=0)
    yield "gzip-of-gzip", ".txt.gz", gzip.compress(gzip.compress(text.encode(), mtime=0), mtime=0)
    yield "gzip-truncated-header", ".json.gz", b"\x1f\x8b\x08"


def _warc_with_body(body: bytes, gzip_header: bool) -> bytes:
    headers = [("Content-Type", "text/html")] + ([("Content-Encoding", "gzip")] if gzip_header else [])
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = _warc_record(
        lambda w: w.create_warc_record(
            "https://x.example/",
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-03-04T09:00:00Z"},
        )
    )
    return _deterministic(record, 0)


# ---------------------------------------------------------------------------------------------------------
# Byte-level mutation


def mutate(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    """One to three mutations of ``data``; ``other`` is a file of another format, for splices."""
    steps = []
    for _ in range(rng.randint(1, 3)):
        op = rng.choice(["flip", "truncate", "insert", "insert", "splice", "duplicate", "delete"])
        n = len(data)
        at = rng.randint(0, n) if n else 0
        if op == "flip" and n:
            buf = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(n)
                buf[i] ^= 1 << rng.randrange(8)
            data = bytes(buf)
        elif op == "truncate":
            data = data[:at]
        elif op == "insert":
            piece = (
                rng.choice(HOSTILE_BYTES)
                if rng.random() < 0.4
                else rng.choice(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
            )
            data = data[:at] + piece * rng.choice([1, 1, 3, 50]) + data[at:]
        elif op == "splice" and other:
            cut = rng.randint(0, len(other))
            data = data[:at] + other[cut:] if rng.random() < 0.5 else other[:cut] + data[at:]
        elif op == "duplicate" and n:
            end = min(n, at + rng.randint(1, 400))
            data = data[:end] + data[at:end] * rng.randint(2, 20) + data[end:]
        elif op == "delete" and n:
            data = data[:at] + data[min(n, at + rng.randint(1, 200)) :]
        steps.append(f"{op}@{at}")
    return data, "+".join(steps)


def generate(rng: random.Random, count: int) -> Iterator[tuple[str, str, bytes]]:
    """``count`` cases: well-formed with hostile values, byte-mutated, and gzipped versions of both."""
    kinds = list(MAKERS)
    for i in range(count):
        kind = rng.choice(kinds)
        maker, suffix = MAKERS[kind]
        hostile = _hostile_value(rng) if rng.random() < 0.7 else ""
        date = rng.choice([*DATES_ISO, *DATES_RFC822, "2024-03-04T08:00:00Z"])
        data = maker(rng, hostile, date)
        name = f"{i:05d}-{kind}"
        if rng.random() < 0.75:
            other_kind = rng.choice(kinds)
            other = MAKERS[other_kind][0](rng, "", "2024-03-04")
            data, steps = mutate(rng, data, other)
            name += f"-{steps}-{other_kind}"
        if rng.random() < 0.15 and not suffix.endswith(".gz"):
            data = gzip.compress(data, mtime=0)
            suffix += ".gz"
            if rng.random() < 0.3:  # a corrupted or truncated gzip stream
                data, steps = mutate(rng, data, b"")
                name += f"-gz-{steps}"
        yield name, suffix, data


# ---------------------------------------------------------------------------------------------------------
# Running the cases


class CaseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Raise :class:`CaseTimeout` in the main thread after ``seconds`` (where the OS has SIGALRM)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CaseTimeout(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException) -> str:
    """The innermost frame inside storybrief (else the innermost frame) that raised ``exc``."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "storybrief" in f.filename and "test_fuzz" not in f.filename]
    frame = (ours or frames)[-1] if (ours or frames) else None
    if frame is None:
        return "?"
    text = f"{_short(frame.filename)}:{frame.lineno} ({frame.name})"
    if frames and frames[-1] is not frame:  # raised inside a library: say where too
        last = frames[-1]
        text += f" <- {_short(last.filename)}:{last.lineno} ({last.name})"
    return text


def _short(filename: str) -> str:
    for marker in ("src/", "site-packages/"):
        if marker in filename:
            return filename.split(marker)[-1]
    return Path(filename).name


def _belongs(label: str, path: str) -> bool:
    return label == path or label.startswith((path + "#", path + ":"))


def _accounting(paths: list[str], articles: list[Article], errors: list[InputError]) -> list[str]:
    labels = [a.input for a in articles] + [e.input for e in errors]
    return [p for p in paths if not any(_belongs(label, p) for label in labels)]


def _load_one(path: Path, name: str, report: Report) -> None:
    try:
        with time_limit(CASE_SECONDS):
            items = list(storybrief.read_inputs([str(path)]))
            docs = [d for d in items if not isinstance(d, InputError)]
            errors = [e for e in items if isinstance(e, InputError)]
            articles = list(storybrief.clean_documents(docs))
    except CaseTimeout as exc:
        report.add(Failure("timeout", "ingest+clean", name, str(exc), path.read_bytes()[:200]))
        return
    except BaseException as exc:  # everything that escapes is a finding; KeyboardInterrupt still stops the run
        if isinstance(exc, KeyboardInterrupt):
            raise
        report.add(Failure(type(exc).__name__, _where(exc), name, str(exc), path.read_bytes()[:200]))
        return
    missing = _accounting([str(path)], articles, errors)
    if missing:
        report.add(Failure("unaccounted", "ingest+clean", name, "neither an article nor an error names the file"))


def _brief_batch(paths: list[Path], name: str, report: Report) -> None:
    try:
        with time_limit(CASE_SECONDS * 2):
            result = storybrief.brief([str(p) for p in paths], words=60)
    except CaseTimeout as exc:
        report.add(Failure("timeout", "brief", name, str(exc)))
        return
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt):
            raise
        report.add(Failure(type(exc).__name__, _where(exc), name, f"{exc} [batch: {[p.name for p in paths]}]"))
        return
    missing = _accounting([str(p) for p in paths], result.articles, result.errors)
    if missing:
        report.add(Failure("unaccounted", "brief", name, f"not in the report: {missing}"))
    ids = [a.id for a in result.articles]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        report.add(Failure("duplicate article ids", "brief", name, f"ids given to several articles: {twice}"))
    in_stories = {aid for story in result.stories for aid in story.articles}
    lost = [a.input for a in result.articles if a.id not in in_stories]
    if lost:
        report.add(Failure("article in no story", "brief", name, f"{lost}"))


def _write(folder: Path, name: str, suffix: str, data: bytes) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.+@-]", "_", name)[:120]
    path = folder / f"{safe}{suffix}"
    path.write_bytes(data)
    return path


def _peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB, macOS bytes


def test_hostile_inputs_of_every_format_never_escape_and_are_all_accounted_for(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    rng = random.Random(SEED)
    report = Report()
    for noisy in ("warcio", "trafilatura", "htmldate", "courlan", "charset_normalizer"):
        caplog.set_level(logging.CRITICAL, logger=noisy)  # libraries log every broken page they see
    rss_before = _peak_rss_bytes()

    folder = tmp_path / "load"
    folder.mkdir()
    for name, suffix, data in structural_cases():
        _load_one(_write(folder, "s-" + name, suffix, data), "s-" + name, report)
    for name, suffix, data in generate(rng, LOAD_CASES):
        _load_one(_write(folder, name, suffix, data), name, report)

    # The whole pipeline on a smaller share, in batches: each batch mixes structural and mutated files.
    structural = list(structural_cases())
    small = [c for c in structural if len(c[2]) < 300_000]
    # Huge near-identical texts collapse in cleaning and are cheap to brief. The varied ones (over spaCy's
    # max_length) are only read and cleaned: annotating 2 MB of varied prose takes minutes at today's speed
    # (benchmarks/hostile_cost.py), far over this test's budget.
    big = [c for c in structural if c[0] in ("text-over-1mb", "json-over-1mb-text", "text-over-2mb")]
    for b in range(BRIEF_BATCHES):
        batch_dir = tmp_path / f"brief{b:02d}"
        batch_dir.mkdir()
        chosen = [rng.choice(small) for _ in range(2)] + list(generate(rng, BRIEF_BATCH_SIZE - 2))
        if b < len(big):
            chosen.append(big[b])
        paths = [_write(batch_dir, f"{i}-{name}", suffix, data) for i, (name, suffix, data) in enumerate(chosen)]
        _brief_batch(paths, f"brief batch {b} ({', '.join(c[0] for c in chosen)})", report)

    growth = _peak_rss_bytes() - rss_before
    if growth > MAX_RSS_GROWTH:
        report.add(Failure("memory", "whole run", "all", f"peak RSS grew by {growth / 2**20:.0f} MiB"))
    assert not report.failures, report.summary()
