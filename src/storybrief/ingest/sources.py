"""Finding input files and reading their bytes: folders, stdin, size limits and gzip."""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import defaults
from ..errors import InputProblem, Msg
from ..model import InputError

DEFAULT_MAX_BYTES = defaults.MAX_BYTES
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(slots=True, frozen=True)
class Source:
    """The bytes of one input file, decompressed. ``name`` is what the user will see in messages."""

    name: str
    data: bytes
    suffix: str  # lower-cased extension of the (decompressed) file name, e.g. ".jsonl"


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Expand folders recursively in sorted order; ``-`` stands for standard input."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            entries = sorted(p for p in path.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists()))
            if not entries:
                yield InputError(raw, Msg.EMPTY_FOLDER)
            for p in entries:
                yield str(p) if p.exists() else InputError(str(p), Msg.BROKEN_LINK)
        elif path.exists():
            yield raw
        else:
            yield InputError(raw, Msg.NOT_FOUND)


def read_source(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file (or ``-``) with the size limit applied before and after decompression."""
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise InputProblem(Msg.STDIN_TTY)
        data = sys.stdin.buffer.read(max_bytes + 1)
        label = "<stdin>"
        if len(data) > max_bytes:
            raise InputProblem(Msg.TOO_LARGE_STREAM.format(limit=max_bytes))
    else:
        try:
            size = os.path.getsize(name)
        except OSError as exc:
            raise InputProblem(Msg.NOT_READABLE.format(reason=exc.strerror or exc)) from None
        if size > max_bytes:
            raise InputProblem(Msg.TOO_LARGE.format(size=size, limit=max_bytes))
        try:
            with open(name, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputProblem(Msg.NOT_READABLE.format(reason=exc.strerror or exc)) from None
        label = name
    if len(data) > max_bytes:
        raise InputProblem(Msg.TOO_LARGE.format(size=len(data), limit=max_bytes))
    suffix = Path(label).suffix.lower()
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
        if suffix in (".gz", ".gzip"):
            suffix = Path(Path(label).stem).suffix.lower()
    if not data.strip():
        raise InputProblem(Msg.EMPTY)
    return Source(label, data, suffix)


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress (possibly multi-member) gzip data, refusing truncated streams and oversized output."""
    out: list[bytes] = []
    total = 0
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=31)
        try:
            chunk = d.decompress(rest, max_bytes - total + 1)
        except zlib.error as exc:
            raise InputProblem(Msg.GZIP_TRUNCATED.format(reason=exc)) from None
        total += len(chunk)
        if total > max_bytes or d.unconsumed_tail:
            raise InputProblem(Msg.TOO_LARGE_UNPACKED.format(limit=max_bytes))
        if not d.eof:
            raise InputProblem(Msg.GZIP_TRUNCATED.format(reason="unexpected end of data"))
        out.append(chunk)
        rest = d.unused_data
        if rest and not rest.startswith(GZIP_MAGIC):
            break  # trailing garbage after the last member is ignored, as gzip(1) does
    return b"".join(out)
