"""Every input is accounted for: each path yields at least one document or error, in order."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storybrief.ingest import read_inputs
from storybrief.model import InputError, InputFormat, RawDocument

STORY = (
    "The Orrin Hill tram depot will open its doors to visitors on Sunday for the first time since the line "
    "was electrified, the transport board announced."
)
PAGE = f"<html><head><title>Depot</title></head><body><article><p>{STORY}</p><p>{STORY}</p></article></body></html>"
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Orrin Post</title>'
    f"<item><title>Depot</title><description>{STORY}</description></item>"
    "<item><title>Depot again</title><description>Short teaser...</description></item>"
    "</channel></rss>"
)


def _warc() -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://orrin.example/depot", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
        )
    )
    return buf.getvalue()


# name -> (bytes, expected record kinds in order: "D" document, "E" error)
CASES: dict[str, tuple[bytes, str]] = {
    "01_story.txt": (STORY.encode(), "D"),
    "02_page.html": (PAGE.encode(), "D"),
    "03_one.json": (json.dumps({"text": STORY}).encode(), "D"),
    "04_list.json": (json.dumps([{"text": STORY}, {"title": "no text"}]).encode(), "DE"),
    "05_lines.jsonl": (
        (json.dumps({"text": STORY}) + "\n{oops\n" + json.dumps({"text": STORY}) + "\n").encode(),
        "DED",
    ),
    "06_feed.rss": (RSS.encode(), "DD"),
    "07_crawl.warc.gz": (_warc(), "D"),
    "08_lines.jsonl.gz": (gzip.compress((json.dumps({"text": STORY}) + "\n").encode()), "D"),
    "09_empty.txt": (b"", "E"),
    "10_binary.txt": (b"\x00\x01\x02\x03\x04", "E"),
    "11_undecodable.txt": (bytes(range(128, 256)) * 4, "E"),
    "12_truncated.txt.gz": (gzip.compress(STORY.encode() * 10)[:-12], "E"),
    "13_malformed.json": (b'{"text": ', "E"),
    "14_notext.json": (b'{"title": "headline only"}', "E"),
    "15_noentries.rss": (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
        "E",
    ),
    "16_malformed.warc": (b"<html>not an archive</html>", "E"),
    "17_big.txt": (b"x" * 5000, "E"),
    "18_bomb.txt.gz": (gzip.compress(b"y" * 50_000), "E"),
    "19_blank_page.html": (b"<html><body><script>1</script></body></html>", "E"),
    "20_scalar.json": (b"42", "E"),
}
MAX_BYTES = 4096


def _belongs(item: RawDocument | InputError, path: str) -> bool:
    label = item.input
    return label == path or label.startswith((f"{path}:", f"{path}#"))


def _build(root: Path) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (data, _) in CASES.items():
        (root / name).write_bytes(data)
        paths.append(str(root / name))
    return paths


def _kinds(items: list[RawDocument | InputError]) -> str:
    return "".join("D" if isinstance(i, RawDocument) else "E" for i in items)


def test_every_path_yields_its_records_in_order(tmp_path: Path) -> None:
    paths = _build(tmp_path / "corpus")
    missing = str(tmp_path / "corpus" / "99_missing.txt")
    out = list(read_inputs([*paths, missing], max_bytes=MAX_BYTES))

    # Group the output by path; every item must belong to exactly one path, in the order given.
    remaining = list(out)
    for path, (_, expected) in zip(paths, CASES.values(), strict=True):
        mine = []
        while remaining and _belongs(remaining[0], path):
            mine.append(remaining.pop(0))
        assert mine, f"{path} yielded nothing"
        assert _kinds(mine) == expected, path
    assert remaining == [InputError(missing, "no such file or folder")]


def test_folder_accounts_for_every_file(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    paths = _build(root)
    out = list(read_inputs([str(root)], max_bytes=MAX_BYTES))
    for path in paths:
        assert any(_belongs(item, path) for item in out), f"{path} is not accounted for"
    assert all(any(_belongs(item, p) for p in paths) for item in out)
    assert _kinds(out) == "".join(kinds for _, kinds in CASES.values())


def test_one_bad_file_never_stops_the_rest(tmp_path: Path) -> None:
    paths = _build(tmp_path / "corpus")
    # Reverse order: errors come first, the good files must still be read.
    out = list(read_inputs(list(reversed(paths)), max_bytes=MAX_BYTES))
    docs = [item for item in out if isinstance(item, RawDocument)]
    assert {d.format for d in docs} == {
        InputFormat.TEXT,
        InputFormat.HTML,
        InputFormat.JSON,
        InputFormat.JSONL,
        InputFormat.FEED,
        InputFormat.WARC,
    }
    assert len(docs) == sum(kinds.count("D") for _, kinds in CASES.values())


@pytest.mark.parametrize("name", list(CASES))
def test_each_case_alone_yields_at_least_one_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CASES[name][0])
    out = list(read_inputs([str(path)], max_bytes=MAX_BYTES))
    assert out
    assert all(_belongs(item, str(path)) for item in out)
    assert _kinds(out) == CASES[name][1]


def test_errors_render_with_their_location(tmp_path: Path) -> None:
    paths = _build(tmp_path / "corpus")
    errors = [i for i in read_inputs(paths, max_bytes=MAX_BYTES) if isinstance(i, InputError)]
    line_error = next(e for e in errors if e.line is not None and e.input.endswith("05_lines.jsonl"))
    assert str(line_error) == f"{paths[4]}:2: malformed JSON line: Expecting property name enclosed in double quotes"
    assert line_error.to_dict() == {
        "input": paths[4],
        "line": 2,
        "message": "malformed JSON line: Expecting property name enclosed in double quotes",
    }


def test_stdin_is_accounted_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"")

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    out = list(read_inputs(["-", str(good)]))
    assert out[0] == InputError("<stdin>", "is empty")
    assert isinstance(out[1], RawDocument) and out[1].input == str(good)
