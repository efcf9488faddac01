"""Ingest: every kind of input file becomes :class:`RawDocument` records or :class:`InputError` records.

Each path yields at least one record, so every input is accounted for: it either becomes documents or
is reported, and one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import InputProblem, Msg
from ..model import InputError, InputFormat, RawDocument
from .decode import decode
from .detect import detect_format
from .feeds import read_feed
from .html import raw_from_html
from .records import read_json, read_jsonl
from .sources import DEFAULT_MAX_BYTES, Source, expand_paths, read_source
from .warc import read_warc

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_one", "read_source_records"]


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Read files, folders (recursively, sorted) and ``-`` (stdin) into documents and errors."""
    for item in expand_paths(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_one(item, max_bytes)


def read_one(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    try:
        source = read_source(path, max_bytes)
    except InputProblem as problem:
        yield InputError(path if path != "-" else "<stdin>", problem.message, problem.line)
        return
    yield from read_source_records(source)


def read_source_records(source: Source) -> Iterator[RawDocument | InputError]:
    """Parse the bytes of one file according to its detected format."""
    fmt = detect_format(source.data[:8192], source.suffix)
    try:
        if fmt is InputFormat.WARC:
            yield from read_warc(source.name, source.data)
        elif fmt is InputFormat.FEED:
            yield from read_feed(source.name, source.data)
        else:
            text = decode(source.data)
            if not text.strip():
                raise InputProblem(Msg.EMPTY)
            if fmt is InputFormat.JSON:
                yield from read_json(source.name, text)
            elif fmt is InputFormat.JSONL:
                yield from read_jsonl(source.name, text)
            elif fmt is InputFormat.HTML:
                yield raw_from_html(source.name, text)
            else:
                yield RawDocument(input=source.name, format=InputFormat.TEXT, text=text)
    except InputProblem as problem:
        yield InputError(source.name, problem.message, problem.line)
