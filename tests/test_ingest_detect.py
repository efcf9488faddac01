"""Ingest format detection: content first, file extension second (storybrief.ingest.detect)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from storybrief.ingest import read_inputs
from storybrief.ingest.detect import detect_format
from storybrief.model import InputFormat, RawDocument

RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wrenna Weekly</title></channel></rss>'
ATOM = b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'
RDF = b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
HTML = b"<!DOCTYPE html>\n<html><head><title>Pier</title></head><body><p>Pier news.</p></body></html>"
WARC = b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"


@pytest.mark.parametrize(
    ("head", "suffix", "expected"),
    [
        # A WARC header wins over every extension.
        (WARC, "", InputFormat.WARC),
        (WARC, ".txt", InputFormat.WARC),
        (WARC, ".json", InputFormat.WARC),
        (b"\xef\xbb\xbf\r\n  " + WARC, ".html", InputFormat.WARC),
        # Feed root elements.
        (RSS, "", InputFormat.FEED),
        (RSS, ".xml", InputFormat.FEED),
        (RSS, ".rss", InputFormat.FEED),
        (ATOM, "", InputFormat.FEED),
        (ATOM, ".atom", InputFormat.FEED),
        (RDF, ".xml", InputFormat.FEED),
        (b"  \n<RSS version='0.91'>", "", InputFormat.FEED),
        # HTML by content.
        (HTML, "", InputFormat.HTML),
        (HTML, ".xml", InputFormat.HTML),
        (HTML, ".htm", InputFormat.HTML),
        (b"<div class='story'><p>Text</p></div>", "", InputFormat.HTML),
        (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>',
            ".xhtml",
            InputFormat.HTML,
        ),
        # A .txt scrape that starts with markup stays text.
        (b"<p>Scraped paragraph kept as text.</p>", ".txt", InputFormat.TEXT),
        (b"<<< UPDATE >>> The ferry is late.", "", InputFormat.TEXT),
        # Extensions.
        (b"Plain words.", ".txt", InputFormat.TEXT),
        (b"# Notes\n\nSome notes.", ".md", InputFormat.TEXT),
        (b"Plain words.", ".text", InputFormat.TEXT),
        (b"Plain words.", ".html", InputFormat.HTML),
        (b'{"a": 1}\n{"a": 2}\n', ".json", InputFormat.JSON),
        (b'{"a": 1}', ".jsonl", InputFormat.JSONL),
        (b'{"a": 1}', ".ndjson", InputFormat.JSONL),
        (b"not actually a feed", ".rss", InputFormat.FEED),
        (b"not actually a warc", ".warc", InputFormat.WARC),
        (b"not actually a warc", ".wet", InputFormat.WARC),
        # JSON versus JSONL without an extension.
        (b'[{"text": "a"}]', "", InputFormat.JSON),
        (b'{\n  "text": "pretty printed"\n}\n', "", InputFormat.JSON),
        (b'{"text": "one line only"}\n', "", InputFormat.JSON),
        (b'{"text": "a"}\n{"text": "b"}\n', "", InputFormat.JSONL),
        (b'{"text": "a"}\r\n\r\n{"text": "b"}\r\n', "", InputFormat.JSONL),
        (b'\xef\xbb\xbf{"text": "a"}\n{"text": "b"}\n', "", InputFormat.JSONL),
        # Anything else is text.
        (b"Just a line of prose about the pier.", "", InputFormat.TEXT),
        (b"Plain words in an unknown file type.", ".dat", InputFormat.TEXT),
    ],
)
def test_detect_format(head: bytes, suffix: str, expected: InputFormat) -> None:
    assert detect_format(head, suffix) is expected


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("scrape.txt", b"<p>The pier lights failed.</p><p>Engineers were called.</p>", InputFormat.TEXT),
        (
            "page",
            b"<html><body><p>The pier lights at Wrenna failed on Sunday night.</p></body></html>",
            InputFormat.HTML,
        ),
        ("record", b'{"title": "Pier", "text": "The pier lights failed."}', InputFormat.JSON),
        ("records", b'{"text": "Lights failed."}\n{"text": "Lights fixed."}\n', InputFormat.JSONL),
        ("notes.md", b"# Pier\n\nThe pier lights failed.", InputFormat.TEXT),
    ],
)
def test_read_inputs_uses_the_detected_format(tmp_path: Path, name: str, data: bytes, expected: InputFormat) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    out = list(read_inputs([str(path)]))
    assert out
    assert all(isinstance(d, RawDocument) and d.format is expected for d in out)


def test_txt_file_with_markup_keeps_the_markup_as_text(tmp_path: Path) -> None:
    path = tmp_path / "scrape.txt"
    path.write_text("<p>The pier lights failed.</p>\n", encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.text == "<p>The pier lights failed.</p>\n"
    assert doc.html is None


def test_utf16_feed_with_xml_extension_is_a_feed() -> None:
    data = codecs.BOM_UTF16_LE + RSS.decode("ascii").encode("utf-16-le")
    assert detect_format(data[:8192], ".xml") is InputFormat.FEED
