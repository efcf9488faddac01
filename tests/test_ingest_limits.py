"""Size limits: --max-size parsing, per-record limits in JSONL, JSON and WARC, the container limit, streaming.

Inputs are generated in ``tmp_path`` (a few KB, with small limits); nothing touches the network.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storybrief.cli.common import parse_size
from storybrief.cli.main import app
from storybrief.defaults import MAX_BYTES, MAX_CONTAINER_BYTES
from storybrief.errors import Msg
from storybrief.ingest import read_inputs
from storybrief.model import InputError, RawDocument

runner = CliRunner()
LOCK = "The lock keeper at Mardle Cut retired on Friday after thirty-one years on the canal."


def _line(text: str, **fields: object) -> str:
    return json.dumps({"text": text, **fields}) + "\n"


def _read(path: Path, **kwargs: int) -> list[RawDocument | InputError]:
    return list(read_inputs([str(path)], **kwargs))  # type: ignore[arg-type]


# --- parse_size --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "size"),
    [("20MB", 20 * 1024**2), ("512k", 512 * 1024), ("1048576", 1048576), ("1.5GB", 3 * 1024**3 // 2), ("1TB", 1024**4)],
)
def test_parse_size(value: str, size: int) -> None:
    assert parse_size(value) == size


@pytest.mark.parametrize("value", ["99999999999GB", "9" * 400, "9" * 400 + "TB", "1.5TB", "1025GB"])
def test_absurd_sizes_are_a_usage_error_not_an_overflow(value: str) -> None:
    with pytest.raises(typer.BadParameter, match="too large; the size limit can be at most 1TB"):
        parse_size(value)


@pytest.mark.parametrize("value", ["0", "0.4", "0KB"])
def test_zero_size_is_a_usage_error(value: str) -> None:
    with pytest.raises(typer.BadParameter, match="at least 1 byte"):
        parse_size(value)


def test_cli_reports_an_absurd_size_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(LOCK, encoding="utf-8")
    result = runner.invoke(app, ["clean", str(path), "--no-annotate", "--max-size", "99999999999GB"])
    assert result.exit_code == 2
    assert "too large" in result.output
    assert not isinstance(result.exception, OverflowError)


def test_container_limit_is_documented_and_larger() -> None:
    assert MAX_CONTAINER_BYTES == 2 * 1024**3 > MAX_BYTES


# --- JSONL: per line, streamed -----------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_jsonl_limit_applies_to_each_line(tmp_path: Path, gz: bool) -> None:
    long_line = _line("x " * 600)
    content = _line(LOCK) + long_line + _line("The towpath reopened.")
    assert len(content) > 1000 and len(long_line) > 1000
    data = content.encode()
    path = tmp_path / ("dump.jsonl.gz" if gz else "dump.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    out = _read(path, max_bytes=1000)
    assert [type(d).__name__ for d in out] == ["RawDocument", "InputError", "RawDocument"]
    size = len(long_line) - 1
    assert out[1] == InputError(str(path), Msg.RECORD_TOO_LARGE.format(size=size, limit=1000), line=2)
    assert str(out[1]).startswith(f"{path}:2: record is {size:,} bytes, over the size limit of 1,000 bytes")
    assert [d.input for d in out if isinstance(d, RawDocument)] == [f"{path}:1", f"{path}:3"]


def test_jsonl_line_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    line = _line(LOCK)
    path = tmp_path / "edge.jsonl"
    path.write_bytes((line + line).encode().replace(b"\n", b"\r\n"))
    out = _read(path, max_bytes=len(line) - 1)  # the newline (and CR) do not count
    assert [d.input for d in out] == [f"{path}:1", f"{path}:2"]


def test_many_records_over_the_limit_as_a_file_are_all_read(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(_line(f"{LOCK} Record {i}.") for i in range(200)), encoding="utf-8")
    out = _read(path, max_bytes=200)
    assert path.stat().st_size > 200 * 50
    assert len(out) == 200 and all(isinstance(d, RawDocument) for d in out)


def test_truncated_jsonl_gz_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    lines = [_line(f"{LOCK} Record {i}.", id=f"r{i}") for i in range(3000)]
    packed = gzip.compress("".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    out = _read(path)
    *docs, last = out
    assert len(docs) > 1000 and all(isinstance(d, RawDocument) for d in docs)
    assert isinstance(last, InputError)
    assert last.input == str(path) and last.line == len(docs) + 1
    assert last.message.startswith("is a truncated or corrupt gzip file")


def test_container_limit_stops_a_stream_with_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("".join(_line(f"{LOCK} {i}") for i in range(5000)).encode()))
    out = _read(path, max_bytes=1000, max_container_bytes=100_000)
    *docs, last = out
    assert docs and all(isinstance(d, RawDocument) for d in docs)
    assert last == InputError(str(path), Msg.CONTAINER_TOO_LARGE_STREAM.format(limit=100_000), line=len(docs) + 1)


def test_container_limit_on_disk_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(_line(LOCK) * 20, encoding="utf-8")
    size = path.stat().st_size
    assert _read(path, max_bytes=500, max_container_bytes=1000) == [
        InputError(str(path), Msg.CONTAINER_TOO_LARGE.format(size=size, limit=1000))
    ]


def test_container_limit_is_never_below_the_record_limit(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(_line(LOCK) * 20, encoding="utf-8")
    assert len(_read(path, max_bytes=10_000, max_container_bytes=1000)) == 20


def test_binary_file_named_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n" * 50)
    assert _read(path) == [InputError(str(path), "looks like a binary file, not text (it contains NUL bytes)")]


def test_utf16_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(b"\xff\xfe" + (_line(LOCK) + _line("Zweite Zeile über die Schleuse.")).encode("utf-16-le"))
    out = _read(path)
    assert [(d.input, d.text) for d in out] == [(f"{path}:1", LOCK), (f"{path}:2", "Zweite Zeile über die Schleuse.")]


def test_stdin_jsonl_limit_applies_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO((_line(LOCK) * 30).encode())

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", Stdin())
    out = list(read_inputs(["-"], max_bytes=200))
    assert len(out) == 30 and out[29].input == "<stdin>:30"


# --- JSON lists --------------------------------------------------------------------------------------


def test_json_list_limit_applies_to_each_record(tmp_path: Path) -> None:
    records = [{"text": LOCK}, {"text": "y " * 800}, {"text": "The towpath reopened."}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    out = _read(path, max_bytes=1000)
    size = len(json.dumps(records[1]))
    assert out[1] == InputError(f"{path}#2", Msg.RECORD_TOO_LARGE.format(size=size, limit=1000))
    assert [d.input for d in out if isinstance(d, RawDocument)] == [f"{path}#1", f"{path}#3"]


def test_single_json_object_over_the_limit_is_an_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "z " * 800}), encoding="utf-8")
    size = path.stat().st_size
    assert _read(path, max_bytes=1000) == [InputError(str(path), Msg.TOO_LARGE.format(size=size, limit=1000))]


# --- WARC --------------------------------------------------------------------------------------------


def _page(words: str) -> bytes:
    return f"<html><body><article><p>{words}</p><p>{LOCK}</p></article></body></html>".encode()


def _warc(*bodies: tuple[bytes, str | None]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, (body, encoding) in enumerate(bodies):
        headers = [("Content-Type", "text/html; charset=utf-8")]
        if encoding:
            headers.append(("Content-Encoding", encoding))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://canal.example/{i}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buf.getvalue()


def test_warc_limit_applies_to_each_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc((_page("First page."), None), (_page("long " * 400), None), (_page("Third page."), None)))
    out = _read(path, max_bytes=1500)
    assert [type(d).__name__ for d in out] == ["RawDocument", "InputError", "RawDocument"]
    assert out[1].input == f"{path}#2"
    assert out[1].message.startswith("record is ") and "over the size limit of 1,500 bytes" in out[1].message


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_content_encoding_bomb_is_an_error_for_its_record(tmp_path: Path, encoding: str) -> None:
    inflated = _page("harbour " * 50_000)  # 400 KB unpacked, a few hundred bytes packed
    packed = gzip.compress(inflated) if encoding == "gzip" else _deflate(inflated)
    small = _page("The small page about the lock.")
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_warc((small, None), (packed, encoding), (gzip.compress(small), "gzip")))
    assert path.stat().st_size < 5000
    out = _read(path, max_bytes=20_000)
    assert out[1] == InputError(f"{path}#2", Msg.RECORD_TOO_LARGE_UNPACKED.format(limit=20_000))
    assert isinstance(out[0], RawDocument) and isinstance(out[2], RawDocument)
    assert "The small page about the lock." in out[2].text  # an encoded record under the limit is read


def _deflate(data: bytes) -> bytes:
    import zlib

    return zlib.compress(data)
