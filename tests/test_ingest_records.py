"""Ingest JSON and JSONL records (storybrief.ingest.records)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import storybrief
from storybrief.cli.main import app
from storybrief.errors import Msg
from storybrief.ingest import read_inputs
from storybrief.ingest.records import read_json, read_jsonl, record_to_raw
from storybrief.model import InputError, InputFormat, RawDocument

CET = timezone(timedelta(hours=1))
EST = timezone(timedelta(hours=-5))

LOCK = "The lock keeper at Mardle Cut retired on Friday after thirty-one years on the canal."
TOWPATH = "The towpath between Mardle and Fenby reopened to walkers and cyclists on Saturday."
BRIDGE = "A swing bridge near Fenby will be closed for repainting until the end of the month."

NO_TEXT = "record has no text (expected one of the fields 'text', 'body', 'content')"


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def _jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def _read(path: Path) -> list[RawDocument | InputError]:
    return list(read_inputs([str(path)]))


# --- JSONL -------------------------------------------------------------------------------------------


def test_jsonl_records_with_all_common_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "canal.jsonl",
        _jsonl(
            {
                "id": 41,
                "title": "Lock keeper retires",
                "text": LOCK,
                "url": "https://canal-courier.example/lock-keeper",
                "published": "2024-03-08T16:30:00+01:00",
                "source": "The Canal Courier",
                "author": "Petra Holloway and Jonas Reeve",
                "language": "en",
                "subtitle": "Thirty-one years at Mardle Cut",
                "updated": "2024-03-09T09:00:00Z",
            },
            {
                "id": "tp-2",
                "headline": "Towpath reopens",
                "body": TOWPATH,
                "link": "https://canal-courier.example/towpath",
                "date": "2024-03-09",
                "outlet": "Fenby Gazette",
                "byline": "Corin Ashdown",
            },
            {"content": BRIDGE, "publish_date": "2024-03-10T07:00:00", "site": "Mardle Post"},
        ),
    )
    first, second, third = _read(path)

    assert isinstance(first, RawDocument)
    assert first.input == f"{path}:1"
    assert first.format is InputFormat.JSONL
    assert first.text == LOCK
    assert first.html is None
    assert first.page_text is None
    meta = first.meta
    assert meta.id == "41"
    assert meta.title == "Lock keeper retires"
    assert meta.subtitle == "Thirty-one years at Mardle Cut"
    assert meta.url == "https://canal-courier.example/lock-keeper"
    assert meta.outlet == "The Canal Courier"
    assert meta.authors == ["Petra Holloway", "Jonas Reeve"]
    assert meta.language == "en"
    assert meta.published == datetime(2024, 3, 8, 16, 30, tzinfo=CET)
    assert meta.published is not None and meta.published.utcoffset() == timedelta(hours=1)
    assert meta.updated == datetime(2024, 3, 9, 9, 0, tzinfo=UTC)
    assert meta.teaser_only is False
    assert meta.captured is None

    assert isinstance(second, RawDocument)
    assert second.input == f"{path}:2"
    assert second.text == TOWPATH
    assert (second.meta.id, second.meta.title, second.meta.url) == (
        "tp-2",
        "Towpath reopens",
        "https://canal-courier.example/towpath",
    )
    assert second.meta.outlet == "Fenby Gazette"
    assert second.meta.authors == ["Corin Ashdown"]
    assert second.meta.published == datetime(2024, 3, 9, tzinfo=UTC)

    assert isinstance(third, RawDocument)
    assert third.input == f"{path}:3"
    assert third.text == BRIDGE
    assert third.meta.outlet == "Mardle Post"
    # A naive timestamp from metadata is taken as UTC.
    assert third.meta.published == datetime(2024, 3, 10, 7, 0, tzinfo=UTC)
    assert third.meta.id is None


def test_jsonl_malformed_line_is_reported_with_its_number_and_other_lines_are_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "mixed.jsonl",
        _jsonl({"text": LOCK}, '{"text": "unterminated', {"text": TOWPATH}, "not json at all", {"text": BRIDGE}),
    )
    out = _read(path)
    assert [type(d).__name__ for d in out] == [
        "RawDocument",
        "InputError",
        "RawDocument",
        "InputError",
        "RawDocument",
    ]
    assert [d.input for d in out] == [f"{path}:1", str(path), f"{path}:3", str(path), f"{path}:5"]
    assert isinstance(out[1], InputError) and isinstance(out[3], InputError)
    assert out[1].line == 2
    assert out[1].message.startswith("malformed JSON line: ")
    assert "Unterminated string" in out[1].message
    assert out[3].line == 4
    assert out[3].message == "malformed JSON line: Expecting value"
    assert str(out[3]) == f"{path}:4: malformed JSON line: Expecting value"
    assert [d.text for d in out if isinstance(d, RawDocument)] == [LOCK, TOWPATH, BRIDGE]


def test_jsonl_blank_lines_are_skipped_but_still_counted(tmp_path: Path) -> None:
    content = json.dumps({"text": LOCK}) + "\n\n   \n" + json.dumps({"text": TOWPATH}) + "\n"
    path = _write(tmp_path, "gaps.jsonl", content)
    assert [d.input for d in _read(path)] == [f"{path}:1", f"{path}:4"]


def test_jsonl_with_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes((json.dumps({"text": LOCK}) + "\r\n" + json.dumps({"text": TOWPATH}) + "\r\n").encode())
    assert [(d.input, d.text) for d in _read(path)] == [(f"{path}:1", LOCK), (f"{path}:2", TOWPATH)]


def test_jsonl_record_without_text_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "notext.jsonl",
        _jsonl(
            {"text": LOCK},
            {"title": "Headline only", "url": "https://x.example/1"},
            {"text": "   "},
            {"text": TOWPATH},
        ),
    )
    out = _read(path)
    assert out[1] == InputError(str(path), NO_TEXT, line=2)
    assert out[2] == InputError(str(path), NO_TEXT, line=3)
    assert isinstance(out[3], RawDocument) and out[3].input == f"{path}:4"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('["a", "list"]', "a JSON record must be an object, got list"),
        ('"a string"', "a JSON record must be an object, got str"),
        ("42", "a JSON record must be an object, got int"),
        ('{"text": 42}', "field 'text' should be a string, got int"),
        ('{"text": ["para one", "para two"]}', "field 'text' should be a string, got list"),
        ('{"text": "ok", "title": {"main": "x"}}', "field 'title' should be a string, got dict"),
        ('{"text": "ok", "id": 1.5}', "field 'id' should be a string or number, got float"),
        ('{"text": "ok", "published": ["2024-03-08"]}', "field 'published' should be a string, got list"),
    ],
)
def test_jsonl_bad_record_shapes(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, "shapes.jsonl", _jsonl({"text": LOCK}, line))
    out = _read(path)
    assert len(out) == 2
    assert out[1] == InputError(str(path), message, line=2)


def test_jsonl_utf8_bom_and_non_ascii(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    body = "Die Schleuse in Mardle ist wieder geöffnet – sagt der Schleusenwärter."
    path.write_bytes(b"\xef\xbb\xbf" + _jsonl({"text": body}, {"text": TOWPATH}).encode("utf-8"))
    out = _read(path)
    assert [(d.input, d.text) for d in out] == [(f"{path}:1", body), (f"{path}:2", TOWPATH)]


def test_jsonl_in_cp1252_is_decoded(tmp_path: Path) -> None:
    body = "The café by the lock – “Mardle Cup” – reopened; it’s busier than ever, said the owner. " * 3
    path = tmp_path / "legacy.jsonl"
    legacy = (json.dumps({"text": body}, ensure_ascii=False) + "\n" + json.dumps({"text": TOWPATH}) + "\n").encode(
        "cp1252"
    )
    path.write_bytes(legacy)
    out = _read(path)
    assert [d.text for d in out] == [body, TOWPATH]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
def test_jsonl_string_with_unicode_line_separator(tmp_path: Path, separator: str) -> None:
    first = json.dumps({"text": f"The lock keeper waved.{separator}Then the gates opened."}, ensure_ascii=False)
    path = _write(tmp_path, "sep.jsonl", first + "\n" + json.dumps({"text": TOWPATH}) + "\n")
    out = _read(path)
    assert [(d.input, d.text) for d in out] == [
        (f"{path}:1", f"The lock keeper waved.{separator}Then the gates opened."),
        (f"{path}:2", TOWPATH),
    ]


# --- JSON --------------------------------------------------------------------------------------------


def test_json_single_object(tmp_path: Path) -> None:
    record = {
        "id": "mc-7",
        "title": "Lock keeper retires",
        "text": LOCK,
        "publish_date": "2024-03-08T16:30:00+01:00",
        "source": {"id": "cc", "name": "The Canal Courier"},
        "authors": ["Petra Holloway", "Jonas Reeve"],
    }
    path = _write(tmp_path, "one.json", json.dumps(record, indent=2))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.input == str(path)
    assert doc.format is InputFormat.JSON
    assert doc.text == LOCK
    assert doc.meta.id == "mc-7"
    assert doc.meta.outlet == "The Canal Courier"
    assert doc.meta.authors == ["Petra Holloway", "Jonas Reeve"]
    assert doc.meta.published == datetime(2024, 3, 8, 15, 30, tzinfo=UTC)


def test_json_list_labels_records_by_position(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "list.json",
        json.dumps([{"text": LOCK}, {"title": "no text here"}, "oops", {"text": TOWPATH, "id": True}]),
    )
    first, second, third, fourth = _read(path)
    assert isinstance(first, RawDocument)
    assert (first.input, first.format, first.text) == (f"{path}#1", InputFormat.JSON, LOCK)
    assert second == InputError(f"{path}#2", NO_TEXT)
    assert third == InputError(f"{path}#3", "a JSON record must be an object, got str")
    assert isinstance(fourth, RawDocument)
    assert (fourth.input, fourth.format, fourth.text) == (f"{path}#4", InputFormat.JSON, TOWPATH)
    assert fourth.meta.id is None  # a boolean id is ignored


def test_json_articles_wrapper(tmp_path: Path) -> None:
    payload = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {"title": "Lock", "content": LOCK, "source": {"name": "Canal Courier"}, "publishedAt": "ignored"},
            {
                "title": "Towpath",
                "description": "Walkers return",
                "content": TOWPATH,
                "author": "Corin Ashdown",
            },
        ],
    }
    path = _write(tmp_path, "api.json", json.dumps(payload))
    out = _read(path)
    assert [(d.input, d.format, d.text) for d in out] == [
        (f"{path}#1", InputFormat.JSON, LOCK),
        (f"{path}#2", InputFormat.JSON, TOWPATH),
    ]
    assert out[0].meta.outlet == "Canal Courier"
    assert out[1].meta.subtitle == "Walkers return"
    assert out[1].meta.authors == ["Corin Ashdown"]


def test_json_articles_key_that_is_not_a_list_is_an_ordinary_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "odd.json", json.dumps({"articles": "see below", "text": LOCK}))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument) and doc.text == LOCK


def test_json_malformed_reports_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.json", '{\n  "title": "Lock",\n  "text": "x"\n  "id": 3\n}\n')
    assert _read(path) == [InputError(str(path), "malformed JSON: Expecting ',' delimiter", line=4)]


@pytest.mark.parametrize(("content", "kind"), [('"just a string"', "str"), ("12", "int"), ("null", "NoneType")])
def test_json_top_level_scalar_is_an_error(tmp_path: Path, content: str, kind: str) -> None:
    path = _write(tmp_path, "scalar.json", content)
    assert _read(path) == [InputError(str(path), f"a JSON record must be an object, got {kind}")]


def test_json_object_without_text_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "empty_text.json", json.dumps({"title": "Lock", "text": ""}))
    assert _read(path) == [InputError(str(path), NO_TEXT)]


def test_json_html_body_is_extracted_and_container_metadata_wins(tmp_path: Path) -> None:
    paragraphs = [
        "The lock keeper at Mardle Cut retired on Friday after thirty-one years on the canal, handing his "
        "windlass to a successor chosen by the boaters themselves.",
        "Boaters lined the towpath to cheer as he worked the gates one last time, and the Fenby brass band "
        "played from the deck of a moored narrowboat.",
        "The canal trust said the cottage beside the lock would remain home to whoever keeps the gates.",
    ]
    html = (
        "<html><head><title>HTML title that must not win</title>"
        '<meta property="article:published_time" content="2001-01-01T00:00:00Z"></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    record = {"title": "Lock keeper retires", "text": html, "published": "2024-03-08T16:30:00+01:00"}
    path = _write(tmp_path, "html_body.jsonl", json.dumps(record) + "\n")
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.input == f"{path}:1"
    assert doc.format is InputFormat.JSONL
    assert doc.html == html
    assert doc.page_text is False
    assert doc.text.splitlines() == paragraphs
    assert doc.meta.title == "Lock keeper retires"
    assert doc.meta.published == datetime(2024, 3, 8, 16, 30, tzinfo=CET)


def test_free_form_date_with_zone_abbreviation(tmp_path: Path) -> None:
    path = _write(tmp_path, "free.json", json.dumps({"text": LOCK, "date": "March 5, 2024 8:30 AM EST"}))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 5, 8, 30, tzinfo=EST)


def test_unparseable_date_is_dropped_not_fatal(tmp_path: Path) -> None:
    path = _write(tmp_path, "vague.json", json.dumps({"text": LOCK, "published": "sometime last spring"}))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.published is None


def test_rfc822_pubdate_keeps_its_offset(tmp_path: Path) -> None:
    path = _write(tmp_path, "pub.json", json.dumps({"text": LOCK, "pubDate": "Tue, 05 Mar 2024 08:30:00 +0100"}))
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.published == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)


@pytest.mark.parametrize("content", ["[]", '{"articles": []}'])
def test_json_with_no_records_is_reported(tmp_path: Path, content: str) -> None:
    path = _write(tmp_path, "nothing.json", content)
    out = _read(path)
    assert len(out) == 1
    assert isinstance(out[0], InputError)
    assert out[0].input == str(path)


# --- record_to_raw, read_json, read_jsonl directly ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Petra Holloway", ["Petra Holloway"]),
        ("Petra Holloway, Jonas Reeve", ["Petra Holloway", "Jonas Reeve"]),
        ("Petra Holloway and Jonas Reeve", ["Petra Holloway", "Jonas Reeve"]),
        ("  Corin Ashdown  ", ["Corin Ashdown"]),
        (["Petra Holloway", "Jonas Reeve"], ["Petra Holloway", "Jonas Reeve"]),
        ([{"name": "Petra Holloway"}, {"name": "Jonas Reeve"}], ["Petra Holloway", "Jonas Reeve"]),
        ("", []),
        ([], []),
    ],
)
def test_author_field_shapes(value: object, expected: list[str]) -> None:
    raw = record_to_raw("r", {"text": LOCK, "authors": value}, InputFormat.JSON)
    assert raw.meta.authors == expected


def test_author_object_without_name_is_skipped() -> None:
    raw = record_to_raw(
        "r",
        {"text": LOCK, "authors": [{"name": "Petra Holloway"}, {"email": "desk@canal.example"}]},
        InputFormat.JSON,
    )
    assert raw.meta.authors == ["Petra Holloway"]


@pytest.mark.parametrize(
    ("fields", "outlet"),
    [
        ({"publisher": " Mardle Post "}, "Mardle Post"),
        ({"source_domain": "mardle.example"}, "mardle.example"),
        ({"source": {"title": "Courier"}}, "Courier"),
        ({"source": "", "outlet": "Gazette"}, "Gazette"),
        ({"source": {"id": "only-an-id"}}, None),
        ({"sitename": "   "}, None),
    ],
)
def test_outlet_field_order_and_shapes(fields: dict[str, Any], outlet: str | None) -> None:
    assert record_to_raw("r", {"text": LOCK, **fields}, InputFormat.JSON).meta.outlet == outlet


def test_text_field_precedence() -> None:
    raw = record_to_raw("r", {"body": "from body", "text": "from text", "content": "from content"}, InputFormat.JSON)
    assert raw.text == "from text"
    raw = record_to_raw("r", {"text": "", "maintext": "from maintext"}, InputFormat.JSON)
    assert raw.text == "from maintext"


def test_read_json_and_read_jsonl_directly() -> None:
    assert [d.input for d in read_json("dump", json.dumps([{"text": LOCK}, {"text": TOWPATH}]))] == [
        "dump#1",
        "dump#2",
    ]
    out = list(read_jsonl("lines", _jsonl({"text": LOCK}, "{", {"text": TOWPATH})))
    assert [d.input for d in out] == ["lines:1", "lines", "lines:3"]
    reason = "Expecting property name enclosed in double quotes"
    assert out[1] == InputError("lines", Msg.JSON_LINE_MALFORMED.format(reason=reason), line=2)


def test_unix_timestamps_are_dates(tmp_path: Path) -> None:
    path = tmp_path / "epoch.jsonl"
    path.write_text('{"text": "ok", "published": 1709900000}\n{"text": "ok", "published": 1709900000000}\n')
    docs = [d for d in read_inputs([str(path)]) if isinstance(d, RawDocument)]
    expected = datetime(2024, 3, 8, 12, 13, 20, tzinfo=UTC)
    assert [d.meta.published for d in docs] == [expected, expected]


@pytest.mark.parametrize("value", ["0000-01-01", "10000-01-01", "1/1/1", 10**30])
def test_a_date_field_that_is_no_date_is_flagged_not_dropped(tmp_path: Path, value: object) -> None:
    """The record stays an article; the unreadable date is a 'metadata' flag and a warning line."""
    path = tmp_path / "dump.json"
    text = "The Orrin valley dam reopened its spillway road on Thursday, the water board said."
    path.write_text(json.dumps({"id": "d1", "text": text, "published": value}), encoding="utf-8")
    corpus = storybrief.load([str(path)])
    assert not corpus.errors
    (article,) = corpus.articles
    assert article.published is None or article.published_source != "metadata"
    flags = [f for f in article.flags if f.kind == "metadata"]
    assert len(flags) == 1 and "'published'" in flags[0].detail
    result = CliRunner().invoke(app, ["clean", str(path), "--no-annotate", "-f", "json"])
    assert result.exit_code == 0
    assert "warning" in result.stderr and "'published'" in result.stderr


def test_character_references_in_json_text_and_title_are_decoded(tmp_path: Path) -> None:
    """A dump of text escaped once for a page: "&amp;" and "&#8212;" become the characters, in the text and
    the title; an ampersand that starts no reference ("AT&T", "R&D", "&nbspx") stays as written."""
    record = {
        "id": "r1",
        "title": "Harrow &amp; Vane to shut the Lismore mill",
        "text": "Harrow &amp; Vane said on Monday the mill would close &#8212; after 90 years. "
        "Its AT&T contract and R&D unit stay open&#x2c; the firm said. Staff were told &nbspx nothing more.",
    }
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.meta.title == "Harrow & Vane to shut the Lismore mill"
    assert doc.text == (
        "Harrow & Vane said on Monday the mill would close — after 90 years. "
        "Its AT&T contract and R&D unit stay open, the firm said. Staff were told &nbspx nothing more."
    )


def test_a_decoded_reference_brings_no_control_character(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The council met on Tuesday.&#1; It voted to keep the ferry running.", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "The council met on Tuesday. It voted to keep the ferry running."
