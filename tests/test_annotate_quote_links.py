from __future__ import annotations

from storybrief.annotate.quotes import link_quotes, word_diff
from storybrief.model import Article, Flag, InputFormat, Quote


def _article(aid: str, *quotes: tuple[str, str | None], garbled: bool = False) -> Article:
    article = Article(id=aid, input=f"{aid}.txt", format=InputFormat.TEXT, text="")
    article.quotes = [Quote(text, 0, len(text), speaker) for text, speaker in quotes]
    if garbled:  # debris enough to make the page suspect (one stray symbol is not)
        article.flags = [Flag("garbled", "†", 0, 1), Flag("garbled", "‡", 1, 2)]
    return article


def test_word_diff_marks_insertions_and_deletions() -> None:
    diff = word_diff("the tanks were inspected last year", "the tanks had been inspected last year")
    assert diff == (("=", "the tanks"), ("-", "were"), ("+", "had been"), ("=", "inspected last year"))


def test_same_utterance_with_different_wording_is_one_group() -> None:
    a = _article("a", ("We were told these tanks had been inspected last year, and I want every page", "Ines Cartalo"))
    b = _article(
        "b", ("We were told those tanks were inspected last year. I want every page on my desk", "Ines Cartalo")
    )
    c = _article("c", ("The ferry timetable changes on Monday for the whole of the summer season", "Ines Cartalo"))
    (group,) = link_quotes([a, b, c])
    assert group.articles == ["a", "b"] and group.speaker == "Ines Cartalo"
    assert {v.article for v in group.variants} == {"a", "b"}


def test_an_unattributed_copy_needs_most_of_its_wording_shared() -> None:
    said = "I think some of this is an attempt to get attention, and it has been done in the past"
    a = _article("a", (said, "Antony Blinken"))
    b = _article("b", ("I think some of this is an attempt to get attention, it has been done before", None))
    c = _article("c", ("Some of this is about attention, the minister has argued in the past", None))
    (group,) = link_quotes([a, b, c])
    assert group.articles == ["a", "b"] and group.speaker == "Antony Blinken"


def test_different_speakers_are_never_linked() -> None:
    text = "We will not lift the ban until every sample is clean, and that is final"
    assert link_quotes([_article("a", (text, "Owen Patel")), _article("b", (text, "Dara Quinlan"))]) == []


def test_quotes_within_one_article_and_short_quotes_are_not_groups() -> None:
    text = "We will not lift the ban until every sample is clean"
    assert link_quotes([_article("a", (text, None), (text, None))]) == []
    assert link_quotes([_article("a", ("very seriously", None)), _article("b", ("very seriously", None))]) == []


def test_reference_wording_avoids_garbled_copies() -> None:
    clean = "I recommended that the tank be emptied and repaired within twelve months"
    spun = "I really helpful that the tank be emptied and repaired inside twelve months time frame"
    (group,) = link_quotes(
        [_article("spun", (spun, "Ruth Okafor"), garbled=True), _article("ok", (clean, "Ruth Okafor"))]
    )
    assert group.text == clean


def test_one_stray_symbol_does_not_make_a_page_suspect() -> None:
    from storybrief.annotate.quotes import garbled

    page = _article(
        "court", ("The claim under § 1983 fails because the officers acted in good faith", "Judge Ama Mensah")
    )
    page.flags = [Flag("garbled", "§", 15, 16)]
    assert not garbled(page)
    page.flags.append(Flag("garbled", "†", 40, 41))
    assert garbled(page)
