"""Finding input files and reading their bytes: folders, stdin, size limits and gzip.

Single documents (text, HTML, feeds) are read whole, with the size limit applied before and after
decompression. Containers of many records (JSONL, JSON lists, WARC) are opened as a stream instead
(:func:`open_container`), bounded by the larger container limit; their readers apply the size limit to
each record.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .. import defaults
from ..errors import InputProblem, Msg
from ..model import InputError

DEFAULT_MAX_BYTES = defaults.MAX_BYTES
MAX_CONTAINER_BYTES = defaults.MAX_CONTAINER_BYTES
GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 8192  # what format detection looks at
_RAW_HEAD_BYTES = 65536  # read before deciding; enough compressed data for HEAD_BYTES of gzip output
_CHUNK = 65536
_INHERITED_FD_RE = re.compile(r"^/(?:dev|proc/self|proc/\d+)/fd/\d+$")


@dataclass(slots=True, frozen=True)
class Source:
    """The bytes of one input file, decompressed. ``name`` is what the user will see in messages."""

    name: str
    data: bytes
    suffix: str  # lower-cased extension of the (decompressed) file name, e.g. ".jsonl"


# --- finding files -----------------------------------------------------------------------------------


PathsLike = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def as_paths(paths: PathsLike) -> list[str]:
    """The inputs as a list of strings: one path (``str`` or ``Path``) is one input, not a sequence of
    characters to read one by one."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def expand_paths(paths: PathsLike, follow_links: bool = False) -> Iterator[str | InputError]:
    """Expand folders recursively in sorted order; ``-`` stands for standard input.

    The walk is iterative (any depth) and never opens what is not a regular file: pipes, sockets and
    devices are reported, not read. Inside a folder, a symbolic link that leads outside it is reported and
    not followed unless ``follow_links``; a link to a folder inside it is not followed (that folder is read
    anyway); folders reached twice through links are reported once and not read again.
    """
    for raw in as_paths(paths):
        if raw == "-":
            yield raw
            continue
        try:
            st = os.stat(raw)
        except OSError as exc:
            yield InputError(raw, _missing_or_unreadable(raw, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(str(Path(raw)), st, follow_links)
        elif stat.S_ISREG(st.st_mode) or _open_pipe(raw, st):
            yield raw
        else:
            yield InputError(raw, Msg.NOT_REGULAR)


def _open_pipe(path: str, st: os.stat_result) -> bool:
    """A pipe this process already holds open, as ``<(command)`` gives: reading it cannot block on open."""
    return stat.S_ISFIFO(st.st_mode) and _INHERITED_FD_RE.match(path) is not None


def _missing_or_unreadable(path: str, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return Msg.LINK_LOOP
    if isinstance(exc, FileNotFoundError):
        return Msg.BROKEN_LINK if os.path.islink(path) else Msg.NOT_FOUND
    return Msg.NOT_READABLE.format(reason=exc.strerror or exc)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk(root: str, root_stat: os.stat_result, follow_links: bool) -> Iterator[str | InputError]:
    """Depth first with an explicit stack, entries by name: the order of ``sorted(Path.rglob("*"))``."""
    root_real = os.path.realpath(root)
    seen = {(root_stat.st_dev, root_stat.st_ino)}
    # (path, is_folder) or an error, in reverse order so that pop() takes the next one
    stack: list[tuple[str, bool] | InputError] = [(root, True)]
    found = False
    while stack:
        item = stack.pop()
        if isinstance(item, InputError):
            found = True
            yield item
            continue
        path, is_folder = item
        if not is_folder:
            found = True
            yield path
            continue
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            stack.append(InputError(path, _missing_or_unreadable(path, exc)))
            continue
        # names as Path gives them: "a.txt", not "./a.txt", for the folder "."
        children = [_entry(e, e.name if path == "." else e.path, root_real, follow_links, seen) for e in entries]
        stack.extend(child for child in reversed(children) if child is not None)
    if not found:
        yield InputError(root, Msg.EMPTY_FOLDER)


def _entry(
    entry: os.DirEntry[str], path: str, root_real: str, follow_links: bool, seen: set[tuple[int, int]]
) -> tuple[str, bool] | InputError | None:
    """What to do with one folder entry: read it (file), walk it (folder), report it, or pass over it."""
    link = entry.is_symlink()
    try:
        st = os.stat(path) if link else entry.stat(follow_symlinks=False)
    except OSError as exc:
        return InputError(path, _missing_or_unreadable(path, exc))
    if link:
        target = os.path.realpath(path)
        if not _inside(target, root_real):
            if not follow_links:
                return InputError(path, Msg.LINK_OUTSIDE.format(target=target))
        elif stat.S_ISDIR(st.st_mode):
            return None  # a folder inside the input folder: read there, under its own name
    if stat.S_ISDIR(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return InputError(path, Msg.FOLDER_SEEN)
        seen.add(key)
        return (path, True)
    if stat.S_ISREG(st.st_mode):
        return (path, False)
    return InputError(path, Msg.NOT_REGULAR)


# --- opening and reading -----------------------------------------------------------------------------


@contextmanager
def open_input(name: str) -> Iterator[tuple[str, BinaryIO, int | None]]:
    """``(label, binary stream, size on disk or None)`` for a path or ``-``; a named pipe is never opened."""
    if name == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise InputProblem(Msg.STDIN_TTY)
        yield "<stdin>", sys.stdin.buffer, None
        return
    try:
        st = os.stat(name)
    except OSError as exc:
        raise InputProblem(Msg.NOT_READABLE.format(reason=exc.strerror or exc)) from None
    regular = stat.S_ISREG(st.st_mode)
    if not regular and not _open_pipe(name, st):
        raise InputProblem(Msg.NOT_REGULAR)
    try:
        fh = open(name, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise InputProblem(Msg.NOT_READABLE.format(reason=exc.strerror or exc)) from None
    with fh:
        yield name, fh, st.st_size if regular else None


def read_bytes(stream: BinaryIO, n: int) -> bytes:
    """``stream.read(n)`` with read errors as :class:`InputProblem`."""
    try:
        return stream.read(n)
    except OSError as exc:
        raise InputProblem(Msg.NOT_READABLE.format(reason=exc.strerror or exc)) from None


def sniff(stream: BinaryIO) -> tuple[bytes, bytes]:
    """The first raw bytes of ``stream`` and the first bytes of its content (unpacked when gzip)."""
    raw_head = read_bytes(stream, _RAW_HEAD_BYTES)
    if not raw_head.startswith(GZIP_MAGIC):
        return raw_head, raw_head[:HEAD_BYTES]
    try:
        return raw_head, zlib.decompressobj(wbits=31).decompress(raw_head, HEAD_BYTES)
    except zlib.error:
        return raw_head, b""  # reading the whole file reports it


def inner_suffix(label: str, gzipped: bool) -> str:
    """Lower-cased extension of the file name, of the name inside for ``x.jsonl.gz``."""
    suffix = Path(label).suffix.lower()
    if gzipped and suffix in (".gz", ".gzip"):
        suffix = Path(Path(label).stem).suffix.lower()
    return suffix


def read_source(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read one file (or ``-``) with the size limit applied before and after decompression."""
    with open_input(name) as (label, stream, size):
        return read_whole(label, stream, size, max_bytes)


def read_whole(label: str, stream: BinaryIO, size: int | None, max_bytes: int, head: bytes = b"") -> Source:
    """The rest of ``stream`` after ``head`` (bytes already read from it), as one :class:`Source`."""
    if size is not None and size > max_bytes:
        raise InputProblem(Msg.TOO_LARGE.format(size=size, limit=max_bytes))
    data = head + read_bytes(stream, max(0, max_bytes + 1 - len(head)))
    if len(data) > max_bytes:
        if size is None:
            raise InputProblem(Msg.TOO_LARGE_STREAM.format(limit=max_bytes))
        raise InputProblem(Msg.TOO_LARGE.format(size=len(data), limit=max_bytes))
    gzipped = data.startswith(GZIP_MAGIC)
    if gzipped:
        data = gunzip(data, max_bytes)
    if not data.strip():
        raise InputProblem(Msg.EMPTY)
    return Source(label, data, inner_suffix(label, gzipped))


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


# --- containers, streamed ----------------------------------------------------------------------------


def open_container(stream: BinaryIO, head: bytes, size: int | None, limit: int) -> io.BufferedReader:
    """A buffered stream of the content of a JSONL, JSON or WARC file (unpacked when gzip).

    ``head`` holds the bytes already read from ``stream``. Reading raises :class:`InputProblem` past
    ``limit`` bytes of content, or when the gzip data is truncated or corrupt.
    """
    if size is not None and size > limit:
        raise InputProblem(Msg.CONTAINER_TOO_LARGE.format(size=size, limit=limit))
    raw: io.RawIOBase = _Replay(head, stream, limit)
    if head.startswith(GZIP_MAGIC):
        raw = _Gunzip(raw, limit)
    return io.BufferedReader(raw, _CHUNK)


class _Replay(io.RawIOBase):
    """``head`` (bytes already read from ``stream``), then the rest of ``stream``; at most ``limit`` bytes."""

    def __init__(self, head: bytes, stream: BinaryIO, limit: int) -> None:
        self._head = head
        self._stream = stream
        self._limit = limit
        self._total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = len(buffer)
        if self._head:
            data, self._head = self._head[:want], self._head[want:]
        else:
            data = read_bytes(self._stream, want)
        self._total += len(data)
        if self._total > self._limit:
            raise InputProblem(Msg.CONTAINER_TOO_LARGE_STREAM.format(limit=self._limit))
        buffer[: len(data)] = data
        return len(data)


class _Gunzip(io.RawIOBase):
    """Streaming multi-member gzip decompression with a bound on the output, like :func:`gunzip`."""

    def __init__(self, stream: io.RawIOBase, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._d = zlib.decompressobj(wbits=31)
        self._total = 0
        self._end = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        out = self._next(len(buffer))
        buffer[: len(out)] = out
        return len(out)

    def _read(self) -> bytes:
        return self._stream.read(_CHUNK) or b""

    def _next(self, want: int) -> bytes:
        while not self._end:
            if self._d.eof:
                rest = self._d.unused_data
                if len(rest) < len(GZIP_MAGIC):
                    rest += self._read()
                if not rest.startswith(GZIP_MAGIC):
                    self._end = True  # the end, or trailing garbage after the last member (ignored)
                    break
                self._d = zlib.decompressobj(wbits=31)
                data = rest
            else:
                data = self._d.unconsumed_tail or self._read()
                if not data:
                    raise InputProblem(Msg.GZIP_TRUNCATED.format(reason="unexpected end of data"))
            try:
                out = self._d.decompress(data, want)
            except zlib.error as exc:
                raise InputProblem(Msg.GZIP_TRUNCATED.format(reason=exc)) from None
            if out:
                self._total += len(out)
                if self._total > self._limit:
                    raise InputProblem(Msg.CONTAINER_TOO_LARGE_STREAM.format(limit=self._limit))
                return out
        return b""
