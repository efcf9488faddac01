"""Ingest: every kind of input file becomes :class:`RawDocument` records or :class:`InputError` records.

Each path yields at least one record, so every input is accounted for: it either becomes documents or
is reported, and one bad file never stops the others.

Where records are: a document's ``input`` is ``path``, ``path:line`` (JSONL) or ``path#N`` (the N-th
record of a JSON list, feed or WARC file). An error for a JSONL line is ``InputError(path, ..., line=n)``;
for the N-th record of a JSON list, feed or WARC file ``InputError("path#N", ...)``; for a whole file
``InputError(path, ...)`` (with the line of a JSON syntax error when known).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, RawDocument
from .decode import check_not_binary, decode_counted, decode_references, strip_controls
from .detect import detect_format
from .feeds import read_feed
from .html import raw_from_html
from .records import read_json, read_jsonl, read_jsonl_stream
from .sources import (
    DEFAULT_MAX_BYTES,
    GZIP_MAGIC,
    MAX_CONTAINER_BYTES,
    PathsLike,
    Source,
    as_paths,
    expand_paths,
    inner_suffix,
    open_container,
    open_input,
    read_bytes,
    read_source,
    read_whole,
    sniff,
)
from .warc import read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_CONTAINER_BYTES",
    "PathsLike",
    "as_paths",
    "error_for",
    "read_inputs",
    "read_one",
    "read_source",
    "read_source_records",
]

# Formats of many records: streamed, with the size limit applied to each record.
_CONTAINERS = (InputFormat.JSONL, InputFormat.JSON, InputFormat.WARC)
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_inputs(
    paths: PathsLike,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    follow_links: bool = False,
    max_container_bytes: int = MAX_CONTAINER_BYTES,
) -> Iterator[RawDocument | InputError]:
    """Read files, folders (recursively, sorted) and ``-`` (stdin) into documents and errors.

    ``max_bytes`` limits each document: a single-document file, or one record of a JSONL, JSON or WARC
    file; such container files are limited as a whole by ``max_container_bytes`` (never below
    ``max_bytes``). ``follow_links``: follow symbolic links that lead out of an input folder.
    """
    for item in expand_paths(paths, follow_links=follow_links):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_one(item, max_bytes, max_container_bytes)


def read_one(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, max_container_bytes: int = MAX_CONTAINER_BYTES
) -> Iterator[RawDocument | InputError]:
    """The documents and errors of one file (or ``-``)."""
    label = "<stdin>" if path == "-" else path
    try:
        with open_input(path) as (label, stream, size):
            raw_head, head = sniff(stream)
            fmt = detect_format(head, inner_suffix(label, raw_head.startswith(GZIP_MAGIC)))
            if fmt in _CONTAINERS and head.strip():
                content = open_container(stream, raw_head, size, max(max_container_bytes, max_bytes))
                yield from _container(label, fmt, content, head, max_bytes)
            else:
                yield from read_source_records(read_whole(label, stream, size, max_bytes, raw_head))
    except InputProblem as problem:
        yield InputError(label, problem.message, problem.line)


def _container(
    name: str, fmt: InputFormat, stream: BinaryIO, head: bytes, max_bytes: int
) -> Iterator[RawDocument | InputError]:
    if fmt is InputFormat.WARC:
        items: Iterable[RawDocument | InputError] = read_warc(name, stream, max_bytes)
    elif fmt is InputFormat.JSONL and not head.startswith(_WIDE_BOMS):
        if not head.startswith(codecs.BOM_UTF8):
            check_not_binary(head)
        items = read_jsonl_stream(name, stream, max_bytes)
    else:  # a JSON file is parsed whole; so is JSONL in UTF-16 or UTF-32
        data = read_bytes(stream, -1)
        text, replaced = decode_counted(data)
        if not text.strip():
            raise InputProblem(Msg.EMPTY)
        text = strip_controls(text)
        if fmt is InputFormat.JSON:
            items = read_json(name, text, max_bytes, size=len(data), replaced=replaced)
        else:
            items = read_jsonl(name, text, max_bytes)
    for item in items:
        yield _sanitized(item)


def read_source_records(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Parse the bytes of one file according to its detected format."""
    fmt = detect_format(source.data[:8192], source.suffix)
    try:
        if fmt is InputFormat.WARC:
            items: Iterable[RawDocument | InputError] = read_warc(source.name, source.data, max_bytes)
        elif fmt is InputFormat.FEED:
            items = read_feed(source.name, source.data)
        else:
            text, replaced = decode_counted(source.data)
            if not text.strip():
                raise InputProblem(Msg.EMPTY)
            text = strip_controls(text)
            if fmt is InputFormat.JSON:
                items = read_json(source.name, text, max_bytes, size=len(source.data), replaced=replaced)
            elif fmt is InputFormat.JSONL:
                items = read_jsonl(source.name, text, max_bytes)
            else:
                if fmt is InputFormat.HTML:
                    raw = raw_from_html(source.name, text)
                else:
                    raw = RawDocument(input=source.name, format=InputFormat.TEXT, text=text)
                raw.decode_replaced = replaced
                items = [raw]
        for item in items:
            yield _sanitized(item)
    except InputProblem as problem:
        yield InputError(source.name, problem.message, problem.line)


def _sanitized(item: RawDocument | InputError) -> RawDocument | InputError:
    """Control characters out of every string of a document, however they got in (JSON escapes, entities),
    and character references left in its text, title and subtitle decoded (text escaped once for a page)."""
    if isinstance(item, InputError):
        return item
    item.text = strip_controls(decode_references(item.text))
    if item.html is not None:
        item.html = strip_controls(item.html)
    meta = item.meta
    for field in ("id", "url", "title", "subtitle", "outlet", "language"):
        value = getattr(meta, field)
        if value:
            if field in ("title", "subtitle"):
                value = decode_references(value)
            setattr(meta, field, strip_controls(value))
    meta.authors = [strip_controls(a) for a in meta.authors]
    return item


def error_for(label: str, fmt: InputFormat, message: str) -> InputError:
    """An error about a document named ``label``, in the shape ingest gives errors (``path`` + line for JSONL)."""
    if fmt is InputFormat.JSONL:
        path, _, line = label.rpartition(":")
        if path and line.isdigit():
            return InputError(path, message, line=int(line))
    return InputError(label, message)
