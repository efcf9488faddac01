"""Page furniture never survives cleaning (issue 16); real paragraphs that look like it stay.

Each kind is written into an HTML page the way news sites print it, inside the article element where an
extractor keeps it, and the page goes through the whole path (ingest with trafilatura, then the cleaner).
Whole-page text (a scrape with one block per line) is checked for the related-story cards after the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from article_support import PARAS
from storybrief.clean import clean_documents, clean_text
from storybrief.clean.page import region_scores
from storybrief.ingest import read_inputs
from storybrief.model import Article, RawDocument


def _page(inside: str, after: str = "") -> str:
    """A news page: the furniture ``inside`` sits in the article between its second and third paragraphs."""
    body = f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>{inside}<p>{PARAS[2]}</p><p>{PARAS[3]}</p>{after}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Tide mill to be restored</title>'
        '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>Tide mill to be restored after council vote</h1>{body}</article>"
        "<footer>© 2024 Brackwater Echo. All rights reserved.</footer></body></html>"
    )


def _clean_html(tmp_path: Path, html: str) -> tuple[str, Article]:
    """The text the HTML extractor passed on, and the clean article."""
    path = tmp_path / "mill.html"
    path.write_text(html, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)]))
    assert isinstance(doc, RawDocument)
    (article,) = clean_documents([doc])
    return doc.text, article


FURNITURE = [
    # (kind, markup inside the article, the text that must go, the reason recorded)
    (
        "edition picker",
        "<div><p>Would you like to make this your default edition?</p></div>",
        "default edition",
        "site-widget",
    ),
    (
        "feedback widget",
        "<div><p>Was this article helpful?</p><p>Thank you for helping us improve!</p></div>",
        "helping us improve",
        "site-widget",
    ),
    (
        "removed video",
        '<div class="player"><p>This video has been removed.</p></div>',
        "video has been removed",
        "player-notice",
    ),
    (
        "newsletter prompt",
        "<div><p>Stay up to date with the Echo. Subscribe to our newsletter.</p>"
        "<p>You have successfully subscribed. Thank you!</p></div>",
        "newsletter",
        "newsletter-prompt",
    ),
    (
        "affiliate note",
        "<p><em>The Echo may earn a commission if you buy something through links in this article.</em></p>",
        "commission",
        "disclaimer",
    ),
    (
        "social and contact notes",
        "<p>Follow Rowena Tallis on Twitter and Instagram</p><p>Rowena Tallis can be reached at rt@echo.example.</p>",
        "Follow Rowena Tallis",
        "share-prompt",
    ),
    (
        "source note",
        "<p>This article was originally published on Brackwater Weekly.</p>",
        "originally published",
        "source-note",
    ),
    ("media label", "<p>Watch: the tide mill at work in 1921</p>", "tide mill at work", "media-label"),
    (
        "caption marker",
        "<p>Image caption The mill race, where herons have nested since 2010</p>",
        "mill race, where herons",
        "image-caption",
    ),
    (
        "news-photo caption",
        "<p>Hesper Quayle, left, and the mayor inspect the sluice gates in Brackwater, Monday, March 4, 2024.</p>",
        "inspect the sluice gates",
        "image-caption",
    ),
    (
        "site information disclaimer",
        "<p>The information provided on this website (including the blogs and all other content) is intended "
        "for general informational purposes only and is not a substitute for professional advice.</p>",
        "informational purposes",
        "disclaimer",
    ),
    (
        "results disclaimer",
        "<p>+Results vary depending on starting point, goals and effort. Regular walks are necessary to achieve "
        "and keep any gains.</p>",
        "starting point, goals",
        "disclaimer",
    ),
    (
        "see-your-doctor disclaimer",
        "<p>Consult your physician before beginning any exercise programme or using any supplement sold on "
        "this site.</p>",
        "Consult your physician",
        "disclaimer",
    ),
    (
        "submitted photo",
        "<p>Hesper Quayle Submitted photo</p>",
        "Submitted photo",
        "image-credit",
    ),
    (
        "credit after the caption",
        "<p>The tide mill seen from the estuary at low water. Credit: Brackwater Echo</p>",
        "seen from the estuary",
        "image-caption",
    ),
]


@pytest.mark.parametrize(("kind", "markup", "gone", "reason"), FURNITURE, ids=[f[0] for f in FURNITURE])
def test_furniture_in_an_html_page_is_removed_and_recorded(
    tmp_path: Path, kind: str, markup: str, gone: str, reason: str
) -> None:
    extracted, article = _clean_html(tmp_path, _page(markup))
    assert gone not in article.text, kind
    assert all(p in article.text for p in PARAS)
    assert gone in extracted  # the HTML extractor passed it on: the cleaner takes it out, with its reason
    assert any(gone in r.text and r.reason == reason for r in article.removed), [
        (r.text, r.reason) for r in article.removed
    ]


LOOKALIKES = [
    # paragraphs of news that share words with furniture
    "Residents can subscribe to the council's newsletter at the library, the clerk said on Tuesday.",
    "The miller said he gave credit to his neighbours. Credit, he added, was what kept the mill going in 1921.",
    "The trust said it may earn a commission of three per cent on the sale of the flour, not more.",
    "On Monday, March 4, 2024, the council met in the old corn exchange to settle the matter at last.",
    "Hesper Quayle, who left the council in 2019, said the mill had been a photograph of the town's past.",
    "Thank you for helping us improve the harbour, the mayor told the volunteers at the end of the meeting.",
    "Watch: the council will publish the plans on Friday, a spokesman said.",
    "The minister said the report was originally published in 1998 and never read.",
    "Results vary from one parish to the next, the survey of the estuary's mills found.",
    "The family of the millwright submitted photos of the mill race to the council in 2019.",
    "The millers' guild told members to consult a doctor before taking the old flour samples home.",
    "The information on this website was removed after the vote, the clerk said on Tuesday.",
]


@pytest.mark.parametrize("paragraph", LOOKALIKES)
def test_a_real_paragraph_that_looks_like_furniture_is_kept(tmp_path: Path, paragraph: str) -> None:
    _, article = _clean_html(tmp_path, _page(f"<p>{paragraph}</p>"))
    assert paragraph in article.text
    assert not any(paragraph[:30] in r.text for r in article.removed)


def test_furniture_glued_into_running_text_is_cut_in_place() -> None:
    text = (
        "media playback is not supported on this device this video has been removed for rights reasons "
        "the mill will reopen in May, the council said. Would you like to make this your default edition? "
        "Work starts after the spring tides. Thank you for helping us improve!"
    )
    article = clean_text(text)
    assert article.text == "the mill will reopen in May, the council said. Work starts after the spring tides."
    assert {r.reason for r in article.removed} == {"player-notice", "site-widget"}


def _cards(n: int) -> list[str]:
    """Related-story cards: section, headline, one-sentence summary, time stamp."""
    out = []
    for k in range(n):
        out += [
            "Business",
            f"Harbour board number {k} approves a new dredging contract",
            f"The board said the contract number {k} would keep the channel open for the ferries all winter.",
            f"{k + 2}H ago",
        ]
    return out


def test_related_story_cards_after_the_article_are_not_kept() -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Sign in"] * 3
    page = "\n".join([*menu, "Tide mill to be restored after council vote", *PARAS, "More in Business", *_cards(5)])
    article = clean_text(page, page_text=True)
    assert article.paragraphs == PARAS
    assert "dredging" not in article.text
    # the first headline goes as a related link (under "More in Business"), the rest with the page around
    assert sorted(r.reason for r in article.removed if "number" in r.text) == ["page-boilerplate"] * 9 + [
        "related-links"
    ]


def test_a_one_sentence_paragraph_between_subheads_inside_the_article_is_kept() -> None:
    short = "The vote was seven to four, after a long debate in the evening."
    menu = ["Home", "News", "Sport", "Business", "Weather", "Sign in"] * 3
    page = "\n".join(
        [*menu, "Tide mill to be restored", PARAS[0], PARAS[1], "The vote", short, "What next", *PARAS[2:]]
    )
    article = clean_text(page, page_text=True)
    assert short in article.paragraphs and article.paragraphs[-1] == PARAS[3]


def test_region_scores_halve_isolated_sentences_only() -> None:
    lines = [
        (True, "", "Business"),
        (True, "", PARAS[0]),
        (True, "", "2H ago"),
        (True, "", PARAS[1]),
        (True, "", PARAS[2]),
    ]
    scores = region_scores(lines)
    words = [len(PARAS[k].split()) for k in range(3)]
    assert scores[1] == pytest.approx(words[0] / 2)  # no prose on either side: a card's summary
    assert scores[3:] == [words[1], words[2]]  # a run of prose: article paragraphs
    assert region_scores([(False, "newsletter-prompt", "Newsletter")]) < region_scores([(False, "ad-slot", "Ad")])


def test_the_only_line_of_a_document_is_never_taken_for_a_news_photo_caption() -> None:
    line = (
        "file - in this july 24, 2013, file photo, the mayor leaves the town hall in brackwater. "
        "the council will vote on the tide mill on monday, officials said."
    )
    assert clean_text(line).text == line
    assert clean_text(f"{PARAS[0]}\n\n{line}\n\n{PARAS[1]}").text == f"{PARAS[0]}\n\n{PARAS[1]}"


def test_headlines_under_a_related_links_header_inside_the_article_go() -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Sign in"] * 3
    related = ["Don't miss", "Harbour board approves a dredging contract", "Ferry timetable changes [VIDEO]"]
    page = "\n".join([*menu, "Tide mill to be restored", PARAS[0], PARAS[1], *related, "The vote", *PARAS[2:]])
    article = clean_text(page, page_text=True)
    assert "dredging" not in article.text and "Ferry" not in article.text
    assert article.headings == ["The vote"] and article.paragraphs == PARAS
    assert [r.reason for r in article.removed if "dredging" in r.text or "Ferry" in r.text] == ["related-links"] * 2


@pytest.mark.parametrize(
    ("line", "byline", "credits"),
    [
        (
            "By Rowena Tallis , Hesper Quayle on Monday, March 4th, 2024 at 11:08 a.m.",
            ["Rowena Tallis", "Hesper Quayle"],
            [],
        ),
        ("Written by Rowena Tallis, MS, RD on March 4, 2024", ["Rowena Tallis"], []),
        ("Medically reviewed by Hesper Quayle, PhD", [], ["Hesper Quayle"]),
    ],
)
def test_bylines_with_dates_degrees_and_reviewers_are_metadata(
    line: str, byline: list[str], credits: list[str]
) -> None:
    article = clean_text("\n\n".join(["Tide mill to be restored", line, *PARAS]))
    assert article.paragraphs == PARAS
    assert (article.byline, article.credits) == (byline, credits)
    assert [r.reason for r in article.removed if r.text == line] == ["byline"]


def test_a_published_and_updated_line_gives_both_dates() -> None:
    line = "PUBLISHED: 10:48, Tue, Mar 5, 2024 | UPDATED: 11:05, Tue, Mar 5, 2024"
    article = clean_text("\n\n".join(["Tide mill to be restored", line, *PARAS]))
    assert article.paragraphs == PARAS
    assert article.published is not None and article.updated is not None
    assert (article.published.hour, article.updated.hour) == (10, 11)


def test_a_sentence_opening_with_by_is_not_a_byline() -> None:
    line = "By the end of the year, Rowena Tallis said, the mill on March 4, 2024 will grind again."
    article = clean_text("\n\n".join(["Tide mill to be restored", line, *PARAS]))
    assert line in article.paragraphs


def test_readers_comments_with_reply_buttons_after_the_article_are_not_kept() -> None:
    menu = ["Home", "News", "Sport", "Business", "Weather", "Sign in"] * 3
    comments = []
    for name, text in [
        ("harbourfan", "About time somebody restored that mill, it has been an eyesore for twenty years now."),
        ("quaywatcher", "The council knew about the sluice gates for years and did nothing about them at all."),
        ("millrace", "Two million crowns for a mill that nobody will use, while the ferry still runs late."),
    ]:
        comments += [name, "3 hours ago", text, "Reply", "12 points"]
    page = "\n".join([*menu, "Tide mill to be restored", *PARAS, "Comments", *comments])
    article = clean_text(page, page_text=True)
    assert article.paragraphs == PARAS
    assert "eyesore" not in article.text and "ferry" not in article.text
    assert {r.reason for r in article.removed if r.text in ("Reply", "12 points", "3 hours ago")} == {
        "comment-form",
        "time-stamp",
    }


def test_a_teaser_card_inside_the_article_goes_but_a_repeated_subhead_stays() -> None:
    card = [
        "Business",
        "Harbour board approves a new dredging contract",
        "Business",
        "Harbour board approves a new dredging contract",
        "The board said the contract would keep the channel open for the ferries all winter.",
    ]
    menu = ["Home", "News", "Sport", "Business", "Weather", "Sign in"] * 3
    page = "\n".join([*menu, "Tide mill to be restored", PARAS[0], PARAS[1], *card, "The vote", *PARAS[2:]])
    article = clean_text(page, page_text=True)
    assert article.paragraphs == PARAS and "dredging" not in article.text and article.headings == ["The vote"]
    assert [r.reason for r in article.removed if "contract" in r.text] == ["related-links"] * 3
    # a subhead given twice far apart (a recap at the end) is not a card
    page = "\n".join(
        [*menu, "Tide mill", PARAS[0], "What the vote means", *PARAS[1:3], "What the vote means", PARAS[3]]
    )
    assert clean_text(page, page_text=True).headings == ["What the vote means"] * 2


def test_a_bare_wire_credit_closing_the_story_becomes_byline_and_credits() -> None:
    line = "Reporting by Ana Lind; Editing by Tom Reyes"
    article = clean_text("\n\n".join(["Tide mill to be restored", *PARAS, line]))
    assert article.paragraphs == PARAS
    assert (article.byline, article.credits) == (["Ana Lind"], ["Tom Reyes"])
    assert [r.reason for r in article.removed if r.text == line] == ["wire-credit"]
    # a sentence that opens the same way is text
    news = "Reporting by the harbour board showed that the sluice gates had rusted through by 1990."
    article = clean_text("\n\n".join(["Tide mill to be restored", *PARAS, news]))
    assert article.paragraphs == [*PARAS, news] and article.byline == []


BIO = (
    "Award-winning journalist Rowena Tallis writes a weekly column on the estuary towns. She joined the "
    "Echo in 2011 after ten years at the Harbour Gazette."
)
ABOUT = (
    "Quayle Milling AG is a family-owned flour company focused on stone-ground flour for bakeries. The company "
    "employs around 300 people in four countries."
)
SEAT = "Quayle Milling AG is headquartered in Brackwater and has sites in four countries."


@pytest.mark.parametrize(
    ("tail", "reasons"),
    [
        (["Rowena Tallis", BIO], ["author-bio", "author-bio"]),
        ([ABOUT, SEAT], ["about-company", "about-company"]),
        (
            ["About Quayle Milling", "Quayle Milling grinds flour for 40 bakeries on the coast.", SEAT],
            ["about-company"] * 3,
        ),
        (["About the author", "Rowena Tallis has lived on the estuary all her life."], ["author-bio"] * 2),
    ],
    ids=["bio under the author's name", "company boilerplate", "about header", "about the author"],
)
def test_an_author_bio_or_a_company_note_closing_the_article_goes(tail: list[str], reasons: list[str]) -> None:
    article = clean_text("\n\n".join(["Tide mill to be restored", *PARAS, *tail]))
    assert article.paragraphs == PARAS
    assert [r.reason for r in article.removed if r.text in tail] == reasons


def test_a_company_or_a_reporter_in_the_news_stays() -> None:
    # what a company did, a reporter as the news, and a bio-shaped paragraph that does not close the article
    tail = [
        "Quayle Milling AG said on Tuesday it would buy the flour for its bakeries from the restored mill.",
        "Rowena Tallis is a reporter for the Echo who was briefly detained at the mill on Monday.",
        "Hesper Quayle is a retired millwright and a member of the heritage group that saved the mill.",
    ]
    article = clean_text("\n\n".join(["Tide mill to be restored", *PARAS, *tail]))
    assert article.paragraphs == [*PARAS, *tail]
    middle = [PARAS[0], ABOUT, *PARAS[1:]]
    article = clean_text("\n\n".join(["Tide mill to be restored", *middle]))
    assert article.paragraphs == middle
