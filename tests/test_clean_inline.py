from __future__ import annotations

from storybrief.clean.inline import ends_with_photo_credit, inline_junk


def _apply(line: str) -> str:
    out, pos = [], 0
    for start, end, _ in inline_junk(line):
        out.append(line[pos:start])
        pos = end
    out.append(line[pos:])
    return " ".join("".join(out).split())


def test_glued_related_links_widget() -> None:
    line = (
        "Mayor Ines CartaloInes CartaloCouncil approves flood levy Harbour dredging resumes after storm "
        "'We are not finished,' says mayor MORE on Friday said the city had never seen the records."
    )
    assert _apply(line) == "Mayor Ines Cartalo on Friday said the city had never seen the records."
    ((_, _, reason),) = inline_junk(line)
    assert reason == "related-links-widget"


def test_inline_ad_and_caption_in_flattened_text() -> None:
    line = "The vote was close. Advertisement The council met again on Monday."
    assert _apply(line) == "The vote was close. The council met again on Monday."
    line = "voters pick governors enlarge this image toggle caption jim cole/ap jim cole/ap voters in 11 states"
    assert _apply(line) == "voters pick governors voters in 11 states"


def test_photo_credit_in_parentheses() -> None:
    assert _apply("Residents gather at the hall. (Photo: Valeport Wire) They waited.") == (
        "Residents gather at the hall. They waited."
    )
    assert ends_with_photo_credit("Firefighters spray water on a tank. (Photo: Valeport Wire)")
    assert not ends_with_photo_credit("The tank (built in 1988) leaked.")


def test_prose_is_untouched() -> None:
    line = "The advertisement campaign, which ran for MORE than a year, was withdrawn."
    assert inline_junk(line) == []


def test_prompts_in_running_text() -> None:
    line = (
        "The vote was close. Media playback is unsupported on your device media caption The count went on. "
        "Sign up for our daily newsletter thanks for signing up! The result came at dawn."
    )
    assert _apply(line) == "The vote was close. The count went on. The result came at dawn."


def test_cookie_banner_glued_to_prose_is_cut_alone() -> None:
    line = "Officials met on Monday. We use cookies to improve your experience on our site. The talks went on."
    assert _apply(line) == "Officials met on Monday. The talks went on."


def test_image_copyright_takes_only_the_credit() -> None:
    assert _apply("image copyright reuters a police officer was sentenced on friday") == (
        "a police officer was sentenced on friday"
    )
    assert _apply("( ap photo/ada quill ) ( associated press ) the ferry left") == "the ferry left"
