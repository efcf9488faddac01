"""Ingest sources: paths, folders, stdin, size limits and gzip (storybrief.ingest.sources).

Every fixture is built in ``tmp_path`` from original fictional text; nothing touches the network.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from storybrief.errors import InputProblem, Msg
from storybrief.ingest import read_inputs, read_one
from storybrief.ingest import sources as sources_mod
from storybrief.ingest.sources import DEFAULT_MAX_BYTES, Source, expand_paths, gunzip, read_source
from storybrief.model import InputError, InputFormat, RawDocument

TRAM = (
    "The tram line to Orrin Hill reopened on Saturday morning after a week of track repairs.\n"
    "Conductors said the first car was full before it reached the market square.\n"
)


def _write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _read(*paths: Path | str, **kwargs: int) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


class _FakeStdin:
    """Stands in for ``sys.stdin``: bytes on ``.buffer``, and a configurable ``isatty``."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        self.buffer = io.BytesIO(data)
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


# --- plain files and paths ---------------------------------------------------------------------------


def test_default_limit_is_20_megabytes() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_plain_text_file_becomes_one_text_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "tram.txt", TRAM)
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.input == str(path)
    assert doc.format is InputFormat.TEXT
    assert doc.text == TRAM
    assert doc.html is None
    assert doc.page_text is None


def test_missing_path_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path, "tram.txt", TRAM)
    missing = tmp_path / "nowhere" / "ghost.txt"
    out = _read(missing, good)
    assert out[0] == InputError(str(missing), Msg.NOT_FOUND)
    assert str(out[0]) == f"{missing}: no such file or folder"
    assert isinstance(out[1], RawDocument)
    assert out[1].input == str(good)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "], ids=["zero-bytes", "whitespace-only"])
def test_empty_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = _write(tmp_path, "blank.txt", content)
    assert _read(path) == [InputError(str(path), "is empty")]


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "locked.txt", TRAM)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # sources.py calls the built-in open(); a module global of the same name shadows it.
    monkeypatch.setattr(sources_mod, "open", refuse, raising=False)
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message == "cannot be read: Permission denied"


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    b = _write(tmp_path, "b.txt", "Second note about the ferry.")
    a = _write(tmp_path, "a.txt", "First note about the ferry.")
    assert [d.input for d in _read(b, a)] == [str(b), str(a)]


# --- folders -----------------------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    # Created deliberately out of order.
    for name in ["sub/zeta.txt", "b.txt", "sub/deeper/alpha.txt", "a.txt", "10.txt", "2.txt"]:
        _write(root, name, f"A short dispatch filed as {name} about the Orrin Hill tram.")
    out = _read(root)
    assert all(isinstance(d, RawDocument) for d in out)
    assert [d.input for d in out] == [
        str(root / "10.txt"),
        str(root / "2.txt"),
        str(root / "a.txt"),
        str(root / "b.txt"),
        str(root / "sub" / "deeper" / "alpha.txt"),
        str(root / "sub" / "zeta.txt"),
    ]
    assert out[0].text == "A short dispatch filed as 10.txt about the Orrin Hill tram."


def test_expand_paths_yields_files_and_errors_without_reading(tmp_path: Path) -> None:
    root = tmp_path / "mixed"
    _write(root, "one.txt", "x")
    (root / "empty_sub").mkdir()
    missing = tmp_path / "missing.txt"
    assert list(expand_paths([str(root), "-", str(missing)])) == [
        str(root / "one.txt"),
        "-",
        InputError(str(missing), Msg.NOT_FOUND),
    ]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "nothing_here"
    (empty / "inner").mkdir(parents=True)
    assert _read(empty) == [InputError(str(empty), "folder holds no files")]


def test_bad_file_inside_folder_does_not_stop_the_others(tmp_path: Path) -> None:
    root = tmp_path / "batch"
    _write(root, "a_good.txt", TRAM)
    _write(root, "b_empty.txt", b"")
    _write(root, "c_binary.txt", b"\x00\x01\x02\x03 not text")
    _write(root, "d_good.txt", "The ferry to Skerry Isle sails again on Monday.")
    out = _read(root)
    assert [type(d).__name__ for d in out] == ["RawDocument", "InputError", "InputError", "RawDocument"]
    assert out[1] == InputError(str(root / "b_empty.txt"), "is empty")
    assert "binary" in out[2].message
    assert out[3].text == "The ferry to Skerry Isle sails again on Monday."


# --- stdin -------------------------------------------------------------------------------------------


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(TRAM.encode("utf-8")))
    (doc,) = _read("-")
    assert isinstance(doc, RawDocument)
    assert doc.input == "<stdin>"
    assert doc.format is InputFormat.TEXT
    assert doc.text == TRAM


def test_stdin_jsonl_is_detected_from_content_and_labelled_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (
        b'{"id": "t1", "title": "Tram returns", "text": "The tram is back on Orrin Hill."}\n'
        b'{"id": "t2", "title": "Ferry delayed", "text": "Fog held the Skerry ferry in port."}\n'
    )
    monkeypatch.setattr(sys, "stdin", _FakeStdin(data))
    out = _read("-")
    assert [(d.input, d.format, d.meta.id) for d in out] == [
        ("<stdin>:1", InputFormat.JSONL, "t1"),
        ("<stdin>:2", InputFormat.JSONL, "t2"),
    ]


def test_stdin_gzip_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(gzip.compress(TRAM.encode("utf-8"))))
    (doc,) = _read("-")
    assert isinstance(doc, RawDocument)
    assert (doc.input, doc.format, doc.text) == ("<stdin>", InputFormat.TEXT, TRAM)


def test_stdin_terminal_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"", tty=True))
    assert _read("-") == [InputError("<stdin>", Msg.STDIN_TTY)]


def test_stdin_missing_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (err,) = _read("-")
    assert err == InputError("<stdin>", "'-' reads from standard input, but nothing was piped in")


def test_stdin_empty_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"\n\n"))
    assert _read("-") == [InputError("<stdin>", "is empty")]


def test_stdin_over_the_size_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"word " * 1000))
    (err,) = _read("-", max_bytes=100)
    assert isinstance(err, InputError)
    assert err.input == "<stdin>"
    assert "over the size limit" in err.message and "more than 100 bytes" in err.message


def test_stdin_over_the_limit_does_not_claim_a_wrong_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"word " * 1000))  # 5,000 bytes
    (err,) = _read("-", max_bytes=100)
    assert isinstance(err, InputError)
    assert "is 101 bytes" not in err.message


def test_stdin_between_files_keeps_its_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _write(tmp_path, "first.txt", "Note one from the quay.")
    last = _write(tmp_path, "last.txt", "Note three from the quay.")
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"Note two from the quay."))
    assert [(d.input, d.text) for d in _read(first, "-", last)] == [
        (str(first), "Note one from the quay."),
        ("<stdin>", "Note two from the quay."),
        (str(last), "Note three from the quay."),
    ]


# --- size limits -------------------------------------------------------------------------------------


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "edge.txt", "a" * 1000)
    (doc,) = _read(path, max_bytes=1000)
    assert isinstance(doc, RawDocument)
    assert len(doc.text) == 1000


def test_file_over_the_limit_is_an_error_with_sizes(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "a" * 1001)
    (err,) = _read(path, max_bytes=1000)
    assert err == InputError(str(path), "is 1,001 bytes, over the size limit of 1,000 bytes (raise it with --max-size)")


def test_size_limit_applies_per_file(tmp_path: Path) -> None:
    small = _write(tmp_path, "small.txt", "a" * 600)
    big = _write(tmp_path, "big.txt", "b" * 1600)
    other = _write(tmp_path, "other.txt", "c" * 600)
    out = _read(small, big, other, max_bytes=1000)
    assert [type(d).__name__ for d in out] == ["RawDocument", "InputError", "RawDocument"]
    assert "over the size limit" in out[1].message


# --- gzip --------------------------------------------------------------------------------------------


def test_gzip_text_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "tram.txt.gz", gzip.compress(TRAM.encode("utf-8")))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.input, doc.format, doc.text) == (str(path), InputFormat.TEXT, TRAM)


def test_gzip_jsonl_uses_the_inner_extension_and_labels_lines(tmp_path: Path) -> None:
    lines = (
        '{"id": 1, "title": "Lock gates", "text": "The lock gates at Mardle were replaced."}\n'
        '{"id": 2, "title": "Towpath", "text": "The towpath reopened to walkers."}\n'
    )
    path = _write(tmp_path, "canal.jsonl.gz", gzip.compress(lines.encode("utf-8")))
    out = _read(path)
    assert [(d.input, d.format, d.text) for d in out] == [
        (f"{path}:1", InputFormat.JSONL, "The lock gates at Mardle were replaced."),
        (f"{path}:2", InputFormat.JSONL, "The towpath reopened to walkers."),
    ]


def test_gzip_without_gz_extension_is_still_unpacked(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", gzip.compress(TRAM.encode("utf-8")))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == TRAM


def test_gz_suffix_alone_falls_back_to_content_detection(tmp_path: Path) -> None:
    path = _write(tmp_path, "dump.gz", gzip.compress(b'{"title": "Mill", "text": "The mill turns again."}'))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.input, doc.format, doc.meta.title) == (str(path), InputFormat.JSON, "Mill")


def test_multi_member_gzip_is_read_whole(tmp_path: Path) -> None:
    data = gzip.compress(b"First half of the dispatch. ") + gzip.compress(b"Second half of the dispatch.")
    path = _write(tmp_path, "joined.txt.gz", data)
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == "First half of the dispatch. Second half of the dispatch."


def test_trailing_garbage_after_gzip_is_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "padded.txt.gz", gzip.compress(TRAM.encode("utf-8")) + b"\x00\x00junk")
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == TRAM


@pytest.mark.parametrize("keep", [5, 12, -10], ids=["header-only", "mid-stream", "no-trailer"])
def test_truncated_gzip_is_an_error(tmp_path: Path, keep: int) -> None:
    whole = gzip.compress((TRAM * 20).encode("utf-8"))
    path = _write(tmp_path, "cut.txt.gz", whole[:keep])
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message.startswith("is a truncated or corrupt gzip file")


def test_truncated_second_member_is_an_error(tmp_path: Path) -> None:
    second = gzip.compress(b"The second member was cut short by a failing disk.")
    path = _write(tmp_path, "cut2.txt.gz", gzip.compress(b"Complete first member. ") + second[:-6])
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert "truncated or corrupt gzip" in err.message


def test_corrupt_gzip_data_is_an_error(tmp_path: Path) -> None:
    whole = bytearray(gzip.compress((TRAM * 5).encode("utf-8")))
    whole[10:30] = b"\xff" * 20  # clobber the deflate stream just after the header
    path = _write(tmp_path, "bad.txt.gz", bytes(whole))
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.message.startswith("is a truncated or corrupt gzip file: ")


def test_gzip_unpacking_over_the_limit_is_an_error(tmp_path: Path) -> None:
    packed = gzip.compress(b"a" * 5000)
    assert len(packed) < 1000  # the file itself is under the limit; only its unpacked size is not
    path = _write(tmp_path, "bomb.txt.gz", packed)
    (err,) = _read(path, max_bytes=1000)
    assert err == InputError(str(path), "unpacks to more than the size limit of 1,000 bytes (raise it with --max-size)")


def test_multi_member_gzip_over_the_limit_in_total_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "two.txt.gz", gzip.compress(b"y" * 600) + gzip.compress(b"z" * 600))
    (err,) = _read(path, max_bytes=1000)
    assert isinstance(err, InputError)
    assert "unpacks to more than the size limit of 1,000 bytes" in err.message


def test_gzip_unpacking_exactly_to_the_limit_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "edge.txt.gz", gzip.compress(b"y" * 1000))
    (doc,) = _read(path, max_bytes=1000)
    assert isinstance(doc, RawDocument)
    assert doc.text == "y" * 1000


def test_gzip_of_nothing_is_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "nothing.txt.gz", gzip.compress(b""))
    assert _read(path) == [InputError(str(path), "is empty")]


def test_gunzip_directly() -> None:
    assert gunzip(gzip.compress(b"abc") + gzip.compress(b"def"), 100) == b"abcdef"
    with pytest.raises(InputProblem, match="unpacks to more than the size limit of 5 bytes"):
        gunzip(gzip.compress(b"abcdef"), 5)
    with pytest.raises(InputProblem, match="truncated or corrupt gzip"):
        gunzip(gzip.compress(b"abcdef")[:-4], 100)


# --- read_source / read_one --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("story.JSONL.GZ", ".jsonl"),
        ("story.json.gzip", ".json"),
        ("story.txt", ".txt"),
        ("story.gz", ""),
        ("STORY.HTML", ".html"),
    ],
)
def test_read_source_reports_the_inner_suffix(tmp_path: Path, name: str, suffix: str) -> None:
    payload = b'{"text": "x"}'
    data = gzip.compress(payload) if name.lower().endswith(("gz", "gzip")) else payload
    path = _write(tmp_path, name, data)
    assert read_source(str(path)) == Source(str(path), payload, suffix)


def test_read_source_raises_input_problem_for_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputProblem, match="cannot be read"):
        read_source(str(tmp_path / "absent.txt"))


def test_read_one_turns_problems_into_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", "z" * 50)
    assert list(read_one(str(path), max_bytes=10)) == [
        InputError(str(path), "is 50 bytes, over the size limit of 10 bytes (raise it with --max-size)")
    ]
