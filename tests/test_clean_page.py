from __future__ import annotations

from storybrief.clean import clean_text
from storybrief.clean.page import line_score, looks_like_page, main_region

PROSE = (
    "The regional assembly voted on Tuesday to open an inquiry into the leak, after a debate that ran late into "
    "the evening and drew a large crowd to the public gallery."
)

SECOND = (
    "Members of the environment committee will question the depot's owner, the port authority and the fire "
    "service, and the first hearing is expected within a fortnight."
)
THIRD = "Residents of Kettle Row said they wanted to know why the warnings in the 2024 survey were never acted upon."


def _page() -> str:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Subscribe", "Sign in"] * 4
    related = ["Harbour dredging resumes after the storm", "Council approves flood levy", "Ferry timetable changes"]
    body = [PROSE, "Background", SECOND, THIRD]
    footer = ["About us", "Contact", "Careers", "Privacy Policy", "© 2026 Example Media"]
    return "\n".join([*menu, "Inquiry opened into Valeport leak", *body, "Most read", *related, *footer])


def test_scores_and_region() -> None:
    assert line_score(PROSE) > 0 > line_score("Business")
    assert main_region([-4, -4, 30, -4, 28, -4, -4]) == (2, 5)


def test_page_detection() -> None:
    assert looks_like_page(_page().split("\n"))
    assert not looks_like_page([PROSE] * 10)


def test_whole_page_text_keeps_the_article_only() -> None:
    article = clean_text(_page())
    assert article.paragraphs[0] == PROSE
    assert article.headings == ["Background"]
    assert len(article.paragraphs) == 3
    assert "Harbour dredging" not in article.text and "Business" not in article.text
    reasons = {r.reason for r in article.removed}
    assert "page-boilerplate" in reasons


def test_readers_comments_are_cut_after_the_article() -> None:
    body = [PROSE, SECOND, THIRD]
    comments = [
        "12 responses to “Inquiry opened”",
        "harbourfan says:",
        "About time somebody looked at those tanks.",
        "quaywatcher says:",
        "The council knew for years and did nothing about any of it, as usual.",
    ]
    article = clean_text("\n\n".join(["Inquiry opened into Valeport leak", *body, *comments]))
    assert len(article.paragraphs) == 3 and "About time" not in article.text
    assert sum(r.reason == "comments" for r in article.removed) == 5


def test_a_comment_nav_link_before_the_article_is_not_a_comment_section() -> None:
    article = clean_text("\n\n".join(["Inquiry opened into Valeport leak", "Comments", PROSE, SECOND, THIRD]))
    assert len(article.paragraphs) == 3


def test_text_repeated_later_on_the_page_is_dropped() -> None:
    article = clean_text("\n\n".join(["Inquiry opened into Valeport leak", PROSE, SECOND, THIRD, f"{PROSE} {SECOND}"]))
    assert len(article.paragraphs) == 3
    assert [r.reason for r in article.removed][-1] == "repeated-text"
