from __future__ import annotations

from storybrief.clean.garble import garble_flags


def test_garbled_rewriting_is_flagged_with_offsets() -> None:
    text = (
        'in response to leaks from North Valeport. -Harbour. † Officials said the work would "continue." to proceed".'
    )
    flags = garble_flags(text)
    details = {f.detail for f in flags}
    assert "stray typographic symbol" in details
    assert "hyphen glued to a word after a full stop" in details
    for flag in flags:
        assert text[flag.start : flag.end] == flag.text


def test_clean_prose_has_no_flags() -> None:
    text = (
        "The minister said the inquiry would report in May. “We will publish everything,” she said. "
        "Officials from the port - including the harbour master - attended."
    )
    assert garble_flags(text) == []
