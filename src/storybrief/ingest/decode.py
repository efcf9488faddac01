"""Bytes to text: byte-order marks, UTF-8, and detection for everything else."""

from __future__ import annotations

import codecs
import html
import re

from ..errors import InputProblem, Msg

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never appear in text files (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
# C0 control characters taken out of every text ingest produces: all but tab, newline, form feed and CR.
_CONTROL_CHARS_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]+")
# Character references to those in markup: lxml would decode them, and trafilatura then drops the page.
_CONTROL_REFS_RE = re.compile(r"&#(?:0*(?:[0-8]|11|1[4-9]|2\d|3[01])|[xX]0*(?:[0-8bBeEfF]|1[0-9a-fA-F]));")
# Bytes that are not UTF-8, as ``errors="surrogateescape"`` leaves them (one lone surrogate per byte).
_ESCAPED_RE = re.compile("[\udc80-\udcff]+")
# UTF-8 with a few bad bytes (a corrupted or badly spliced file) is still UTF-8 when the bad bytes are at
# most 1 % of the data and valid non-ASCII characters at least as many: that evidence of UTF-8 is needed,
# else an ASCII text with one accented letter from a legacy encoding would lose that letter.
BAD_UTF8_SHARE = 0.01


def decode(data: bytes) -> str:
    """Decode ``data`` to ``str``: a BOM wins, then UTF-8, then charset detection.

    Raises :class:`InputProblem` for binary data or bytes that no encoding explains.
    """
    return decode_counted(data)[0]


def decode_counted(data: bytes) -> tuple[str, int]:
    """:func:`decode`, also returning how many runs of invalid bytes became U+FFFD (see ``BAD_UTF8_SHARE``)."""
    text, replaced, _ = decode_guessing(data)
    return text, replaced


def decode_guessing(data: bytes, guess: str | None = None) -> tuple[str, int, str | None]:
    """:func:`decode_counted`, trying the legacy encoding ``guess`` before charset detection.

    Also returns the legacy encoding used (None for UTF-8 or a BOM): the lines of a JSONL file then share
    the encoding detected for the first line that needed one, as the file would have when decoded whole,
    at the cost of one detection instead of one per line.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), 0, None
            except UnicodeDecodeError:
                raise InputProblem(Msg.UNDECODABLE) from None
    check_not_binary(data[:8192])
    try:
        return data.decode("utf-8"), 0, None
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly[0], mostly[1], None
    if guess is not None:
        try:
            return data.decode(guess), 0, guess
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputProblem(Msg.UNDECODABLE)
    return str(best), 0, best.encoding


def check_not_binary(sample: bytes) -> None:
    """Raise :class:`InputProblem` when the first bytes of a file (without BOM) look binary."""
    if b"\x00" in sample:
        raise InputProblem(Msg.BINARY.format(detail="it contains NUL bytes"))
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    if controls > max(4, len(sample) // 100):
        raise InputProblem(Msg.BINARY.format(detail=f"{controls} control bytes in the first {len(sample)}"))


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = sum(len(m) for m in _ESCAPED_RE.findall(escaped))
    good = len(escaped) - len(escaped.encode("ascii", errors="ignore")) - bad  # valid non-ASCII characters
    if bad > len(data) * BAD_UTF8_SHARE or good < bad:
        return None
    text, runs = _ESCAPED_RE.subn("\ufffd", escaped)
    return text, runs


def strip_controls(text: str) -> str:
    """Remove C0 control characters (NUL and friends; not tab, newline, form feed or CR) from ``text``.

    They reach text through JSON escapes, HTML entities or bytes past the binary check of the first 8 KB;
    no article holds them, and lxml refuses strings that contain them.
    """
    return _CONTROL_CHARS_RE.sub("", text) if _CONTROL_CHARS_RE.search(text) else text


# a character reference with its closing semicolon: "&amp;", "&#8212;", "&#x2014;" (one without it, as in
# "AT&T" or "R&D", is left alone)
_REFERENCE_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str) -> str:
    """HTML character references in text that is not HTML (``&amp;`` → ``&``, ``&#8212;`` → ``—``).

    Scraper dumps and feeds often carry text escaped once for a page: left as they are, the references
    read as words ("Smith &amp; Sons") and split sentences. Names that are no entity stay as written.
    """
    if "&" not in text:
        return text
    return _REFERENCE_RE.sub(lambda m: html.unescape(m.group()), text)


def strip_markup_controls(html: str) -> str:
    """:func:`strip_controls` for markup: character references such as ``&#1;`` go too."""
    html = strip_controls(html)
    return _CONTROL_REFS_RE.sub("", html) if "&#" in html else html
