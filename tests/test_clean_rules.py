from __future__ import annotations

import pytest

from storybrief.clean.rules import junk_reason, strip_bullets


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Advertisement", "ad-slot"),
        ("ADVERTISEMENT", "ad-slot"),
        ("Story continues below advertisement", "ad-slot"),
        ("  • Oops!", "widget-error"),
        ("Something went wrong.", "widget-error"),
        ("Please try again later.", "widget-error"),
        ("·2-min read", "reading-time"),
        ("5 min read", "reading-time"),
        ("In this article:", "in-this-article"),
        ("Read more: Harbour dredging resumes after the storm", "in-this-article"),
        ("Image: AP | Image:self", "image-credit"),
        ("(Image: AP)", "image-credit"),
        ("Photo: Jane Roe, Valeport Wire", "image-credit"),
        ("Image 1 of 23", "image-credit"),
        ("Please enter your comment!", "comment-form"),
        ("Please enter your name here", "comment-form"),
        ("Leave a Reply Cancel reply", "comment-form"),
        ("Source link", "source-link"),
        ("Share this article", "share-prompt"),
        ("Follow us on X", "share-prompt"),
        ("Sign up for our newsletter", "share-prompt"),
        ("Facebook Twitter WhatsApp Email", "share-prompt"),
        ("We use cookies to improve your experience. Accept", "cookie-notice"),
        ("© 2026 Northfield Daily. All rights reserved.", "copyright"),
        ("Privacy Policy | Terms of Use", "copyright"),
        (
            "Our goal is to create a safe and engaging place for users to connect over interests and passions. "
            "In order to improve our community experience, we are temporarily suspending article commenting",
            "moderation-notice",
        ),
        ("https://example.com/story/123", "bare-url"),
    ],
)
def test_junk_families(line: str, reason: str) -> None:
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The advertisement ran in three newspapers before the regulator ordered it withdrawn.",
        "The company said it would accept the findings and use cookies only with consent in future versions of the app,"
        " a spokesman said on Tuesday after the hearing had closed and the committee had taken evidence for an hour.",
        "Share prices fell 4 per cent on Monday.",
        "Years of Warnings",
        "He declined to comment.",
        "Sorry seems to be the hardest word, the minister told the assembly.",
        "Follow the money, investigators said.",
        "",
    ],
)
def test_prose_is_not_junk(line: str) -> None:
    assert junk_reason(line) is None


def test_strip_bullets() -> None:
    assert strip_bullets("  • Oops!") == "Oops!"
    assert strip_bullets("- item") == "item"


def test_agency_lines_and_wire_notes() -> None:
    assert junk_reason("REUTERS") == "agency-credit"
    assert junk_reason("AFP, Reuters") == "agency-credit"
    assert junk_reason("($1 = 7.0066 Chinese yuan renminbi)") == "wire-note"
    assert junk_reason("(This story has been refiled to fix a typo in paragraph 3)") == "wire-note"
    assert junk_reason("Read: Ferry timetable changes for the summer") == "in-this-article"


def test_a_single_unpunctuated_line_is_text_not_a_caption() -> None:
    from storybrief.clean import clean_text

    text = "The mayor said the new bridge will open next spring and that the council has approved the money for"
    assert clean_text(text).text == text
