"""Deciding what kind of file we were given, from its content first and its name second."""

from __future__ import annotations

import re

from ..model import InputFormat

_BY_SUFFIX = {
    ".txt": InputFormat.TEXT,
    ".text": InputFormat.TEXT,
    ".md": InputFormat.TEXT,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xhtml": InputFormat.HTML,
    ".json": InputFormat.JSON,
    ".jsonl": InputFormat.JSONL,
    ".ndjson": InputFormat.JSONL,
    ".rss": InputFormat.FEED,
    ".atom": InputFormat.FEED,
    ".warc": InputFormat.WARC,
    ".wet": InputFormat.WARC,
}
_FEED_RE = re.compile(r"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_RE = re.compile(r"<(!doctype html|html|head|body|article|div|p|main|meta)\b", re.IGNORECASE)


def _sniff_text(head: bytes) -> str:
    """The first few KB as text, honouring a UTF-16/32 byte-order mark (feeds and pages are often UTF-16)."""
    for bom, encoding in (
        (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
    ):  # fmt: skip
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace").lstrip()
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].decode("utf-8", errors="replace")


def detect_format(head: bytes, suffix: str) -> InputFormat:
    """Guess the format of a file from its first bytes and its (decompressed) extension.

    Content wins where it is unambiguous (a WARC header, a feed root element, JSON); the extension breaks
    ties, so that a ``.txt`` scrape that happens to begin with ``<`` stays text.
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return InputFormat.WARC
    by_suffix = _BY_SUFFIX.get(suffix)
    text = _sniff_text(head)
    if (text.startswith("<") and by_suffix in (None, InputFormat.FEED, InputFormat.HTML)) or suffix == ".xml":
        if _FEED_RE.search(text):
            return InputFormat.FEED
        if _HTML_RE.search(text):
            return InputFormat.HTML
    if by_suffix is not None:
        return by_suffix
    if text.startswith("["):
        return InputFormat.JSON
    if text.startswith("{"):
        first, _, rest = text.partition("\n")
        return InputFormat.JSONL if first.rstrip().endswith("}") and rest.lstrip().startswith("{") else InputFormat.JSON
    return InputFormat.TEXT
