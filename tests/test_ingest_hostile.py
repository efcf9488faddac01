"""Hostile and unlucky input: each becomes documents or exactly one clear error, and the run goes on.

Deep JSON, huge integers, cut and lying WARC files, bad bytes in UTF-8, control characters; the shape of
every reader's errors. All inputs are generated in ``tmp_path``.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storybrief.clean import clean_documents
from storybrief.errors import Msg
from storybrief.ingest import read_inputs, records
from storybrief.ingest.decode import decode_counted, strip_controls
from storybrief.model import InputError, InputFormat, RawDocument
from storybrief.pipeline import load

LOCK = "The lock keeper at Mardle Cut retired on Friday after thirty-one years on the canal."
QUAY = (
    "The harbour master said the “old quay” would stay shut until the café on the pier had moved – "
    "a plan the town’s traders called “a slow disaster”. Repairs will cost about 4,000 crowns.\n"
)
DEEP = "[" * 100_000 + "]" * 100_000
HUGE_INT = "9" * 5000


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _read(*paths: Path, **kwargs: int) -> list[RawDocument | InputError]:
    return list(read_inputs([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


# --- JSON beyond Python's limits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (DEEP, "nested too deeply"),
        ('{"text": ' + DEEP + "}", "nested too deeply"),
        ('{"text": "x", "id": ' + HUGE_INT + "}", "a number has more than 4,300 digits"),
    ],
    ids=["deep-list", "deep-field", "huge-int"],
)
def test_json_beyond_pythons_limits_is_one_error(tmp_path: Path, content: str, reason: str) -> None:
    path = _write(tmp_path, "hostile.json", content)
    good = _write(tmp_path, "good.txt", LOCK)
    out = _read(path, good)
    assert out[0] == InputError(str(path), f"malformed JSON: {reason}")
    assert isinstance(out[1], RawDocument) and out[1].input == str(good)


@pytest.mark.parametrize(
    ("line", "reason"),
    [(DEEP, "nested too deeply"), ('{"text": "x", "id": ' + HUGE_INT + "}", "a number has more than 4,300 digits")],
    ids=["deep", "huge-int"],
)
def test_jsonl_line_beyond_pythons_limits_is_an_error_for_that_line(tmp_path: Path, line: str, reason: str) -> None:
    path = _write(tmp_path, "hostile.jsonl", json.dumps({"text": LOCK}) + "\n" + line + "\n" + '{"text": "Third."}\n')
    out = _read(path)
    assert out[1] == InputError(str(path), f"malformed JSON line: {reason}", line=2)
    assert [d.input for d in out if isinstance(d, RawDocument)] == [f"{path}:1", f"{path}:3"]


def test_field_nested_too_deep_to_print_is_an_error_for_the_record() -> None:
    nested: list[object] = []
    for _ in range(100_000):  # JSON this deep does not parse; a library caller's dict can hold it
        nested = [nested]
    item = {"text": "Body.", "authors": [nested]}
    error = records._record("dump#4", item, InputFormat.JSON, error_input="dump#4", line=None, replaced=0)
    assert error == InputError("dump#4", "malformed JSON: nested too deeply")


# --- WARC that warcio cannot parse -------------------------------------------------------------------


def _warc(body: bytes = b"<html><body><p>Quay news.</p></body></html>") -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://ks.example/q", "response", payload=io.BytesIO(body), http_headers=http)
    )
    return buf.getvalue()


def test_warc_cut_after_40_bytes_is_malformed(tmp_path: Path) -> None:
    path = _write(tmp_path, "cut.warc", _warc()[:40])
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message.startswith("malformed WARC file: ")


def test_warc_with_a_20_digit_content_length_is_malformed(tmp_path: Path) -> None:
    data = re.sub(rb"Content-Length: \d+", b"Content-Length: 99999999999999999999", _warc(), count=1)
    path = _write(tmp_path, "liar.warc", data)
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message.startswith("malformed WARC file: ")


def test_warc_record_declaring_more_than_the_limit_is_an_error_for_that_record(tmp_path: Path) -> None:
    data = re.sub(rb"Content-Length: \d+", b"Content-Length: 999999999", _warc(), count=1)
    path = _write(tmp_path, "long.warc", data)
    out = _read(path, max_bytes=10_000)
    assert out[0] == InputError(f"{path}#1", Msg.RECORD_TOO_LARGE.format(size=999999999, limit=10_000))


# --- decoding ----------------------------------------------------------------------------------------


def test_utf8_with_one_bad_byte_stays_utf8_and_is_flagged(tmp_path: Path) -> None:
    data = QUAY.encode("utf-8")
    path = _write(tmp_path, "quay.txt", data[:60] + b"\xff" + data[60:])
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == data[:60].decode() + "\ufffd" + data[60:].decode()
    assert doc.decode_replaced == 1
    (article,) = clean_documents([doc])
    flag = next(f for f in article.flags if f.kind == "decoding")
    assert article.text[flag.start : flag.end] == "\ufffd" == flag.text
    assert flag.detail == Msg.DECODE_REPLACED.format(count=1)


def test_jsonl_line_with_a_bad_byte_is_flagged_alone(tmp_path: Path) -> None:
    good = json.dumps({"text": QUAY}, ensure_ascii=False).encode()
    bad = good.replace("café".encode(), b"caf\xc3")  # a cut multi-byte sequence
    path = _write(tmp_path, "quay.jsonl", good + b"\n" + bad + b"\n")
    first, second = _read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.decode_replaced, second.decode_replaced) == (0, 1)
    assert "caf\ufffd" in second.text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (QUAY.encode("cp1252"), QUAY),  # a legacy encoding: many "bad" bytes, no valid UTF-8 sequence
        ("Plain ASCII words and one caf\xe9 in Latin-1, decoded as such. " * 2, None),
    ],
    ids=["cp1252", "ascii-plus-latin1"],
)
def test_legacy_encodings_are_not_taken_for_damaged_utf8(data: bytes | str, expected: str | None) -> None:
    raw = data if isinstance(data, bytes) else data.encode("latin-1")
    text, replaced = decode_counted(raw)
    assert replaced == 0
    assert "\ufffd" not in text
    if expected is not None:
        assert text == expected


def test_too_many_bad_bytes_is_not_utf8() -> None:
    data = QUAY.encode("utf-8") + b"\xff\xfe" * 20
    _text, replaced = decode_counted(data)
    assert replaced == 0  # over 1 % bad: left to charset detection


def test_control_characters_are_removed_but_not_tab_newline_cr_or_form_feed() -> None:
    assert strip_controls("a\x00b\x01\x07\x1b[0mc\td\ne\rf\x0cg\x1f") == "ab[0mc\td\ne\rf\x0cg"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("nul.jsonl", json.dumps({"text": "Mardle\u0000 lock \u0007reopened.", "title": "Lock\u0000 news"}) + "\n"),
        ("nul.json", json.dumps([{"text": "Mardle\u0000 lock \u0007reopened.", "title": "Lock\u0000 news"}])),
        (
            "entity.jsonl",
            json.dumps({"text": f"<html><body><p>Mardle\u0000 lock &#1;reopened.</p><p>&#x1F;{LOCK}</p></body></html>"})
            + "\n",
        ),
        ("late.txt", "Mardle lock reopened. " * 500 + "Then\x00 the\x01 gates."),
    ],
    ids=["jsonl-escape", "json-escape", "html-entity", "after-8kb"],
)
def test_control_characters_never_reach_the_text(tmp_path: Path, name: str, content: str) -> None:
    path = _write(tmp_path, name, content)
    docs = _read(path)
    assert docs and all(isinstance(d, RawDocument) for d in docs)
    for doc in docs:
        assert isinstance(doc, RawDocument)
        strings = [doc.text, doc.html or "", doc.meta.title or ""]
        assert not any(re.search("[\x00-\x08\x0b\x0e-\x1f]", s) for s in strings), strings
        assert "Mardle" in doc.text or "Then the gates." in doc.text


# --- the shape of errors -----------------------------------------------------------------------------


def test_every_reader_gives_errors_in_one_shape(tmp_path: Path) -> None:
    jsonl = _write(tmp_path, "a.jsonl", json.dumps({"text": LOCK}) + "\n{oops\n" + json.dumps({"title": "x"}) + "\n")
    listing = _write(tmp_path, "b.json", json.dumps([{"text": LOCK}, {"title": "no text"}, 7]))
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>A</title><description>{LOCK}</description></item>"
        "<item><title>B</title></item></channel></rss>"
    )
    feed = _write(tmp_path, "c.rss", rss)
    warc = _write(tmp_path, "d.warc", _warc() + _warc(b"   "))
    errors = [e for e in _read(jsonl, listing, feed, warc) if isinstance(e, InputError)]
    assert [(e.input, e.line) for e in errors] == [
        (str(jsonl), 2),
        (str(jsonl), 3),
        (f"{listing}#2", None),
        (f"{listing}#3", None),
        (f"{feed}#2", None),
        (f"{warc}#2", None),
    ]
    for error in errors:  # never "file:n" as the input
        assert not re.search(r":\d+$", error.input)


def test_record_left_empty_by_cleaning_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "junk.jsonl", json.dumps({"text": LOCK}) + "\n" + json.dumps({"text": "Advertisement"}) + "\n"
    )
    corpus = load([str(path)])
    assert [a.input for a in corpus.articles] == [f"{path}:1"]
    assert corpus.errors == [InputError(str(path), Msg.NO_TEXT_LEFT, line=2)]


def test_document_with_a_colon_in_its_name_keeps_its_name(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes:2.txt", "Advertisement")
    corpus = load([str(path)])
    assert corpus.errors == [InputError(str(path), Msg.NO_TEXT_LEFT)]  # only JSONL labels are split


def test_legacy_jsonl_is_detected_once_and_decoded_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    calls: list[int] = []
    real = charset_normalizer.from_bytes

    def counting(data: bytes, *args: object, **kwargs: object) -> object:
        calls.append(len(data))
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(charset_normalizer, "from_bytes", counting)
    body = "The café by the lock – “Mardle Cup” – reopened; it’s busier than ever, said the owner. " * 3
    lines = [json.dumps({"text": f"{body}{i}"}, ensure_ascii=False) for i in range(40)]
    path = _write(tmp_path, "legacy.jsonl", "\n".join(lines).encode("cp1252"))
    out = _read(path)
    assert [d.text for d in out if isinstance(d, RawDocument)] == [f"{body}{i}" for i in range(40)]
    assert len(calls) == 1
