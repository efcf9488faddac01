from __future__ import annotations

from storybrief.clean import clean_text
from storybrief.clean.page import line_score, looks_like_page, main_region

PROSE = (
    "The regional assembly voted on Tuesday to open an inquiry into the leak, after a debate that ran late into "
    "the evening and drew a large crowd to the public gallery."
)


def _page() -> str:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Subscribe", "Sign in"] * 4
    related = ["Harbour dredging resumes after the storm", "Council approves flood levy", "Ferry timetable changes"]
    body = [PROSE, "Background", PROSE.replace("Tuesday", "Wednesday"), PROSE.replace("evening", "night")]
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
