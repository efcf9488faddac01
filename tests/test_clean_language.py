"""Language codes: ISO 639-1 from py3langid, container tags kept when valid, short texts handled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storybrief
from storybrief.clean.language import guess_language, normalize_language

# original sentences about an invented town, one language each
SAMPLES = {
    "en": "The ferry to Wrenna resumed on Monday after the storm, and the operator said that boats would leave "
    "every hour until the harbour wall is repaired.",
    "de": "Die Fähre nach Wrenna fährt seit Montag wieder, nachdem der Sturm vorbei ist. Der Betreiber sagte, "
    "die Boote würden stündlich ablegen, bis die Hafenmauer repariert sei.",
    "ms": "Feri ke Wrenna kembali beroperasi pada hari Isnin selepas ribut reda. Pengendali berkata bahawa bot "
    "akan bertolak setiap jam sehingga tembok pelabuhan dibaiki.",
    "id": "Kapal feri ke Wrenna kembali beroperasi pada hari Senin setelah badai mereda. Operator mengatakan "
    "bahwa kapal akan berangkat setiap jam sampai tembok pelabuhan selesai diperbaiki.",
    "zh": "风暴过后，前往雷纳岛的渡轮周一恢复航行。运营商表示，在港口防波堤修好之前，渡轮将每小时开出一班。",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_each_language_gets_its_code(code: str) -> None:
    assert guess_language(SAMPLES[code]) == code


def test_short_and_letterless_texts() -> None:
    assert guess_language("The ferry resumed.") is None  # too short for a confident guess
    assert guess_language("12:30 — 4/5") is None
    assert guess_language("") is None
    assert guess_language("渡轮恢复航行") == "zh"  # the script alone tells


@pytest.mark.parametrize(
    ("tag", "code"),
    [("en-GB", "en"), ("zh_Hant", "zh"), ("ind", "id"), ("MS", "ms"), ("iw", "he"), ("English", None), ("und", None)],
)
def test_container_tags_are_normalised(tag: str, code: str | None) -> None:
    assert normalize_language(tag) == code


def test_container_language_kept_when_valid_else_detected_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "a", "title": "Ferry", "text": SAMPLES["ms"], "language": "id-ID"},  # the container wins
        {"id": "b", "title": "Ferry", "text": SAMPLES["ms"], "language": "Bahasa"},
        {"id": "c", "title": "Ferry", "text": SAMPLES["zh"]},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    corpus = storybrief.load([path])
    by_id = {a.id: a for a in corpus.articles}
    assert (by_id["a"].language, by_id["b"].language, by_id["c"].language) == ("id", "ms", "zh")
    notes = [f.detail for f in by_id["b"].flags if f.kind == "metadata"]
    assert any("'Bahasa' is not a language code" in n for n in notes)
    assert not [f for f in by_id["a"].flags if f.kind == "metadata"]


def test_plainly_english_text_needs_no_model_and_other_languages_still_get_it() -> None:
    """English news is recognised from its function words without loading py3langid's model (half a second
    of every run's start); Malay, Indonesian and German never take that shortcut."""
    from storybrief.clean import language

    english = (
        "The council said on Monday that the harbour bridge would reopen to traffic after three weeks of "
        "repairs, and that the ferry timetable was to return to normal by the end of the month."
    )
    others = {
        "ms": "Majlis bandaran berkata pada hari Isnin bahawa jambatan pelabuhan akan dibuka semula kepada "
        "kenderaan selepas tiga minggu kerja pembaikan, dan jadual feri akan kembali seperti biasa.",
        "de": "Der Stadtrat teilte am Montag mit, dass die Hafenbrücke nach drei Wochen Reparaturarbeiten wieder "
        "für den Verkehr geöffnet wird und der Fährplan bis Ende des Monats wieder normal ist.",
    }
    language._identifier.cache_clear()
    assert language.guess_language(english) == "en"
    assert language._identifier.cache_info().currsize == 0
    for code, text in others.items():
        letters = sum(ch.isalpha() for ch in text)
        assert not language._plainly_english(text, letters)
        assert language.guess_language(text) == code
