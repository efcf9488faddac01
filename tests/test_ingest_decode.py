"""Ingest decoding: byte-order marks, UTF-8, legacy encodings and binary files (storybrief.ingest.decode)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from storybrief.errors import InputProblem
from storybrief.ingest import read_inputs
from storybrief.ingest.decode import decode
from storybrief.model import InputError, InputFormat, RawDocument

# Original fictional text with characters outside ASCII (curly quotes, apostrophes, accents, dashes).
QUAY_EN = (
    "The harbour master of Port Wrenna said on Thursday that the “old quay” would stay shut "
    "until the café on the pier had been moved – a plan the town’s traders called “a slow disaster”. "
    "Repairs are expected to cost about 4,000 crowns.\n"
)
QUAY_FR = (
    "Le maire de Port-Écluse a annoncé mercredi que la fête du port aura lieu en août, malgré les "
    "travaux prévus sur la jetée. « C’est une décision très attendue », a-t-il déclaré devant "
    "les pêcheurs réunis à la capitainerie.\n"
)
QUAY_DE = (
    "Die Fähre über den Großen Sund fährt ab Montag wieder nach Plan, teilte die Reederei mit. "
    "Die Bürger in Süderhafen begrüßten die Nachricht, obwohl einige über höhere Preise klagten. "
    "Der Bürgermeister will die Gebühren im März prüfen lassen.\n"
)


def _doc_from(tmp_path: Path, name: str, data: bytes) -> RawDocument | InputError:
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = list(read_inputs([str(path)]))
    return item


# --- decode() directly -------------------------------------------------------------------------------


def test_plain_utf8() -> None:
    assert decode(QUAY_EN.encode("utf-8")) == QUAY_EN


def test_ascii() -> None:
    assert decode(b"Plain words, nothing more.\n") == "Plain words, nothing more.\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
    ids=["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_bom_decides_the_encoding_and_is_removed(bom: bytes, encoding: str) -> None:
    text = decode(bom + QUAY_EN.encode(encoding))
    assert text == QUAY_EN
    assert not text.startswith("\ufeff")


def test_utf16_with_bom_is_not_mistaken_for_binary() -> None:
    data = codecs.BOM_UTF16_LE + QUAY_DE.encode("utf-16-le")
    assert b"\x00" in data
    assert decode(data) == QUAY_DE


@pytest.mark.parametrize(("text", "encoding"), [(QUAY_EN, "cp1252"), (QUAY_FR, "cp1252"), (QUAY_DE, "latin-1")])
def test_legacy_single_byte_encodings_are_detected(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data) == text


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputProblem) as info:
        decode(b"PK\x03\x04\x14\x00\x00\x00\x08\x00 a zip archive, not an article")
    assert info.value.message == "looks like a binary file, not text (it contains NUL bytes)"


def test_many_control_bytes_mean_binary() -> None:
    with pytest.raises(InputProblem) as info:
        decode(b"abc\x01\x02\x03\x04\x05\x06 text")
    assert info.value.message == "looks like a binary file, not text (6 control bytes in the first 14)"


def test_a_few_stray_control_bytes_are_tolerated() -> None:
    text = QUAY_EN * 3 + "\x0b\x07"
    assert decode(text.encode("utf-8")) == text


def test_tab_form_feed_and_escape_are_not_counted_as_control_bytes() -> None:
    text = "Col A\tCol B\r\n\x0cPage two\x1b[0m\n" * 20
    assert decode(text.encode("utf-8")) == text


def test_utf16_without_bom_is_treated_as_binary() -> None:
    with pytest.raises(InputProblem, match="NUL bytes"):
        decode(QUAY_EN.encode("utf-16-le"))


def test_bom_with_invalid_bytes_is_undecodable() -> None:
    with pytest.raises(InputProblem) as info:
        decode(codecs.BOM_UTF8 + b"Harbour \xff\xfe\xfa news")
    assert info.value.message == "cannot be decoded as text in any known encoding"


def test_utf16_bom_with_odd_length_is_undecodable() -> None:
    with pytest.raises(InputProblem, match="cannot be decoded"):
        decode(codecs.BOM_UTF16_LE + b"a\x00b")


def test_high_bytes_that_no_encoding_explains_are_undecodable() -> None:
    with pytest.raises(InputProblem, match="cannot be decoded as text in any known encoding"):
        decode(bytes(range(128, 256)) * 4)


# --- through read_inputs -----------------------------------------------------------------------------


def test_cp1252_text_file_is_read(tmp_path: Path) -> None:
    doc = _doc_from(tmp_path, "quay.txt", QUAY_EN.encode("cp1252"))
    assert isinstance(doc, RawDocument)
    assert doc.format is InputFormat.TEXT
    assert doc.text == QUAY_EN
    assert "“old quay”" in doc.text and "café" in doc.text


def test_utf8_bom_text_file_is_read_without_the_bom(tmp_path: Path) -> None:
    doc = _doc_from(tmp_path, "quay.txt", codecs.BOM_UTF8 + QUAY_FR.encode("utf-8"))
    assert isinstance(doc, RawDocument)
    assert doc.text == QUAY_FR


def test_utf16_be_text_file_is_read(tmp_path: Path) -> None:
    doc = _doc_from(tmp_path, "sund.txt", codecs.BOM_UTF16_BE + QUAY_DE.encode("utf-16-be"))
    assert isinstance(doc, RawDocument)
    assert doc.text == QUAY_DE


def test_binary_file_is_an_input_error(tmp_path: Path) -> None:
    err = _doc_from(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert isinstance(err, InputError)
    assert err.input == str(tmp_path / "photo.txt")
    assert err.message == "looks like a binary file, not text (it contains NUL bytes)"


def test_undecodable_file_is_an_input_error(tmp_path: Path) -> None:
    err = _doc_from(tmp_path, "noise.txt", bytes(range(128, 256)) * 4)
    assert err == InputError(str(tmp_path / "noise.txt"), "cannot be decoded as text in any known encoding")


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
    ids=["utf8-bom-only", "utf8-bom-whitespace", "utf16-bom-whitespace"],
)
def test_file_with_only_a_bom_is_empty(tmp_path: Path, data: bytes) -> None:
    assert _doc_from(tmp_path, "blank.txt", data) == InputError(str(tmp_path / "blank.txt"), "is empty")
