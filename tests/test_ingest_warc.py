"""Ingest web archives: HTML responses and WET-style conversions in WARC / WARC.gz (storybrief.ingest.warc).

Archives are written in ``tmp_path`` with warcio's own writer, so the records are valid WARC 1.0.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storybrief.ingest import read_inputs
from storybrief.ingest.warc import read_warc
from storybrief.model import InputError, InputFormat, RawDocument

QUAY_PARAS = [
    "The harbour authority in Kestrel Sound reopened the north quay on Tuesday after three weeks of "
    "repairs to the storm-damaged sea wall.",
    "Fishing crews who had been mooring at the ferry slip welcomed the news, although several said the new "
    "bollards were placed too far apart for the smaller boats.",
    "The authority said a second phase of work on the south quay would begin in the autumn.",
]
QUAY_PAGE = (
    "<html><head><title>North quay reopens</title>"
    '<meta property="article:published_time" content="2024-02-01T06:00:00Z"></head><body>'
    '<nav><a href="/">Home</a> <a href="/weather">Weather</a></nav><article>'
    + "".join(f"<p>{p}</p>" for p in QUAY_PARAS)
    + "</article></body></html>"
)
WET_TEXT = "Home | News | Weather\nThe north quay at Kestrel Sound is open again.\nCookie settings"

Builder = Callable[[WARCWriter], None]


def _response(url: str, status: str, content_type: str, body: bytes, date: str = "2024-02-02T10:00:00Z") -> Builder:
    def add(writer: WARCWriter) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)

    return add


def _request(url: str) -> Builder:
    def add(writer: WARCWriter) -> None:
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "ks.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers))

    return add


def _plain(kind: str, url: str, content_type: str, body: bytes, date: str = "2024-02-02T10:00:05Z") -> Builder:
    """A record without HTTP headers: a WET ``conversion`` or a ``resource``."""

    def add(writer: WARCWriter) -> None:
        record = writer.create_warc_record(
            url,
            kind,
            payload=io.BytesIO(body),
            warc_headers_dict={"Content-Type": content_type, "WARC-Date": date},
        )
        writer.write_record(record)

    return add


def _warc(*builders: Builder, gz: bool = False, warcinfo: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    if warcinfo:
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "storybrief-tests"}))
    for build in builders:
        build(writer)
    return buf.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read(path: Path) -> list[RawDocument | InputError]:
    return list(read_inputs([str(path)]))


def _mixed_archive(gz: bool) -> bytes:
    return _warc(
        _request("https://ks.example/quay"),
        _response(
            "https://ks.example/missing",
            "404 Not Found",
            "text/html",
            b"<html><body><p>Gone</p></body></html>",
        ),
        _response("https://ks.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        _response("https://ks.example/quay", "200 OK", "text/html; charset=utf-8", QUAY_PAGE.encode("utf-8")),
        _plain("conversion", "https://ks.example/quay", "text/plain", WET_TEXT.encode("utf-8")),
        gz=gz,
    )


@pytest.mark.parametrize(("name", "gz"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_response_and_conversion_are_read_and_the_rest_skipped(tmp_path: Path, name: str, gz: bool) -> None:
    data = _mixed_archive(gz)
    assert data.startswith(b"\x1f\x8b") is gz
    path = _write(tmp_path, name, data)
    out = _read(path)
    # N in path#N counts the content records (response, resource, conversion), skipped ones included:
    # 404 = #1, image = #2, article = #3, WET text = #4. warcinfo and request records are not counted.
    assert [d.input for d in out] == [f"{path}#3", f"{path}#4"]
    html_doc, wet_doc = out

    assert isinstance(html_doc, RawDocument)
    assert html_doc.format is InputFormat.WARC
    assert html_doc.text.splitlines() == QUAY_PARAS
    assert html_doc.html == QUAY_PAGE
    assert html_doc.page_text is False
    assert html_doc.meta.url == "https://ks.example/quay"
    assert html_doc.meta.title == "North quay reopens"
    assert html_doc.meta.published == datetime(2024, 2, 1, 6, 0, tzinfo=UTC)
    assert html_doc.meta.captured == datetime(2024, 2, 2, 10, 0, tzinfo=UTC)

    assert isinstance(wet_doc, RawDocument)
    assert wet_doc.format is InputFormat.WARC
    assert wet_doc.text == WET_TEXT
    assert wet_doc.html is None
    assert wet_doc.page_text is True
    assert wet_doc.meta.url == "https://ks.example/quay"
    assert wet_doc.meta.published is None
    assert wet_doc.meta.captured == datetime(2024, 2, 2, 10, 0, 5, tzinfo=UTC)


def test_gzipped_warc_with_any_name_is_detected(tmp_path: Path) -> None:
    path = _write(tmp_path, "crawl-00001", _mixed_archive(gz=True))
    assert [d.input for d in _read(path)] == [f"{path}#3", f"{path}#4"]


def test_whole_file_gzip_of_a_plain_warc(tmp_path: Path) -> None:
    path = _write(tmp_path, "crawl.warc.gz", gzip.compress(_mixed_archive(gz=False)))
    assert [d.input for d in _read(path)] == [f"{path}#3", f"{path}#4"]


def test_wet_file_of_conversions(tmp_path: Path) -> None:
    data = _warc(
        _plain("conversion", "https://ks.example/a", "text/plain", b"First page text about the ferry."),
        _plain("conversion", "https://ks.example/b", "text/plain", "Second page – the café.".encode()),
        gz=True,
    )
    path = _write(tmp_path, "crawl.warc.wet.gz", data)
    out = _read(path)
    assert [(d.input, d.text, d.meta.url, d.page_text) for d in out] == [
        (f"{path}#1", "First page text about the ferry.", "https://ks.example/a", True),
        (f"{path}#2", "Second page – the café.", "https://ks.example/b", True),
    ]


def test_resource_record_with_html(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "res.warc",
        _warc(_plain("resource", "https://ks.example/r", "text/html", QUAY_PAGE.encode())),
    )
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.input == f"{path}#1"
    assert doc.text.splitlines() == QUAY_PARAS
    assert doc.page_text is False


def test_text_plain_response_is_page_text(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "plain.warc",
        _warc(_response("https://ks.example/t.txt", "200 OK", "text/plain; charset=utf-8", b"Tide table for March.")),
    )
    (doc,) = _read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.input, doc.text, doc.page_text) == (f"{path}#1", "Tide table for March.", True)


def test_redirect_response_is_skipped(tmp_path: Path) -> None:
    data = _warc(
        _response("https://ks.example/old", "301 Moved Permanently", "text/html", b"<html><p>Moved</p></html>"),
        _response("https://ks.example/quay", "200 OK", "text/html", QUAY_PAGE.encode()),
    )
    path = _write(tmp_path, "redirect.warc", data)
    assert [d.input for d in _read(path)] == [f"{path}#2"]


def test_cp1252_html_response_is_decoded(tmp_path: Path) -> None:
    body = (
        "<html><body><article><p>The café at Kestrel Sound – “The Gull” – reopened on Tuesday; its owner "
        "said it’s been the longest winter she remembers.</p><p>Crews queued for tea at dawn.</p>"
        "</article></body></html>"
    )
    data = _warc(
        _response("https://ks.example/cafe", "200 OK", "text/html; charset=windows-1252", body.encode("cp1252"))
    )
    (doc,) = _read(_write(tmp_path, "cafe.warc", data))
    assert isinstance(doc, RawDocument)
    assert "The café at Kestrel Sound – “The Gull” – reopened" in doc.text


def test_archive_without_html_or_text_is_an_error(tmp_path: Path) -> None:
    data = _warc(
        _response("https://ks.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        _response("https://ks.example/missing", "404 Not Found", "text/html", b"<html><p>No</p><p>No</p></html>"),
    )
    path = _write(tmp_path, "images.warc", data)
    assert _read(path) == [InputError(str(path), "WARC file holds no HTML responses or text conversions")]


def test_bad_record_is_an_error_and_the_other_records_are_read(tmp_path: Path) -> None:
    data = _warc(
        _response(
            "https://ks.example/blank",
            "200 OK",
            "text/html",
            b"<html><body><script>x()</script></body></html>",
        ),
        _response("https://ks.example/bin", "200 OK", "text/html", b"\x00\x01\x02\x03binary"),
        _response("https://ks.example/quay", "200 OK", "text/html", QUAY_PAGE.encode()),
    )
    path = _write(tmp_path, "partly.warc", data)
    out = _read(path)
    assert out[0] == InputError(f"{path}#1", "no article text could be extracted from this HTML page")
    assert out[1] == InputError(f"{path}#2", "looks like a binary file, not text (it contains NUL bytes)")
    assert isinstance(out[2], RawDocument) and out[2].input == f"{path}#3"


@pytest.mark.parametrize(
    "data",
    [b"<html><body><p>Not an archive</p></body></html>", b"\x01\x02\x03 binary junk \xff\xfe"],
    ids=["html-in-warc-file", "binary-junk"],
)
def test_malformed_warc_is_an_error(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "broken.warc", data)
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert err.message.startswith("malformed WARC file: ")
    assert "Unknown archive format" in err.message


def test_truncated_warc_gz_is_an_error(tmp_path: Path) -> None:
    data = _mixed_archive(gz=True)
    path = _write(tmp_path, "cut.warc.gz", data[:-40])
    (err,) = _read(path)
    assert isinstance(err, InputError)
    assert err.input == str(path)
    assert "truncated or corrupt gzip" in err.message


def test_read_warc_directly() -> None:
    out = list(read_warc("mem", _mixed_archive(gz=False)))
    assert [d.input for d in out] == ["mem#3", "mem#4"]


def test_empty_conversion_record_is_not_a_document(tmp_path: Path) -> None:
    data = _warc(
        _plain("conversion", "https://ks.example/empty", "text/plain", b""),
        _plain("conversion", "https://ks.example/full", "text/plain", b"The quay is open."),
    )
    path = _write(tmp_path, "wet.warc", data)
    docs = [d for d in _read(path) if isinstance(d, RawDocument)]
    assert [d.text for d in docs] == ["The quay is open."]


def test_truncated_plain_warc_is_reported(tmp_path: Path) -> None:
    data = _mixed_archive(gz=False)
    path = _write(tmp_path, "cut.warc", data[:-40])  # cuts into the payload of the last (conversion) record
    out = _read(path)
    assert any(isinstance(d, InputError) for d in out)
