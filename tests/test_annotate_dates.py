"""Temporal expressions: finding them, their offsets, and their TIMEX3 values against the publication date.

All sentences are original fiction about the harbour town of Port Keswin. Unless a test says otherwise the
article is published on Friday 1 October 2021 (ISO week 39, third quarter just over).
"""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest

from storybrief.annotate.dates import tag_dates
from storybrief.model import TimeMention

FRIDAY = date(2021, 10, 1)


def found(text: str, phrase: str, anchor: date | None = FRIDAY, **kwargs: bool) -> TimeMention:
    """The one mention whose text is ``phrase``; its offsets must point at it."""
    mentions = tag_dates(text, anchor, **kwargs)
    matching = [m for m in mentions if m.text == phrase]
    assert len(matching) == 1, [m.text for m in mentions]
    mention = matching[0]
    assert text[mention.start : mention.end] == phrase
    assert mention.start == text.index(phrase)
    return mention


def values(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in tag_dates(text, anchor)]


# --- the examples of the specification -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "value", "granularity", "direction"),
    [
        ("The harbour board said on Thursday that the crane had failed.", "Thursday", "2021-09-30", "day", "past"),
        ("The Tuesday launch of the new ferry drew a large crowd.", "Tuesday", "2021-09-28", "day", "past"),
        ("The mayor reiterated Monday that the pier would stay shut.", "Monday", "2021-09-27", "day", "past"),
        ("Divers searched the wreck yesterday.", "yesterday", "2021-09-30", "day", "past"),
        ("The ferry does not sail today.", "today", "2021-10-01", "day", None),
        ("The ferry will sail again tomorrow.", "tomorrow", "2021-10-02", "day", "future"),
        ("Fish prices fell last week.", "last week", "2021-W38", "week", "past"),
        ("Fish prices fell last month.", "last month", "2021-09", "month", "past"),
        ("The council met earlier this month to discuss the dredging.", "earlier this month", "2021-10", "month", None),
        ("The catch this year is the smallest on record.", "this year", "2021", "year", None),
        ("A new quay will open next year.", "next year", "2022", "year", "future"),
        ("In March, the coastguard command announced new patrols.", "March", "2021-03", "month", "past"),
        ("The two fleets will meet in March to agree on quotas.", "March", "2022-03", "month", "future"),
        ("Rents have risen since September 2021.", "September 2021", "2021-09", "month", None),
        ("The lighthouse was sold in January 2021.", "January 2021", "2021-01", "month", None),
        ("Two weeks ago the breakwater cracked.", "Two weeks ago", "2021-W37", "week", "past"),
        ("The repairs will take three years.", "three years", "P3Y", "duration", None),
        ("In the last twenty four hours the tide rose twice.", "the last twenty four hours", "P1D", "duration", "past"),
        ("Port Keswin boomed in the 1990s.", "the 1990s", "199", "decade", None),
        ("Landings dropped in the third quarter.", "the third quarter", "2021-Q3", "quarter", "past"),
        ("The co-operative lost money in fiscal 1998.", "fiscal 1998", "1998", "year", None),
        ("The old pier was built in 1997.", "1997", "1997", "year", None),
        ("The vote was held at 9:30 a.m. in the town hall.", "9:30 a.m.", "2021-10-01T09:30", "time", None),
        ("Over the past year the harbour lost two trawlers.", "the past year", "2020", "year", "past"),
        ("A year earlier the harbour had six trawlers.", "A year earlier", "2020", "year", "past"),
    ],
)
def test_specification_examples(text: str, phrase: str, value: str, granularity: str, direction: str | None) -> None:
    mention = found(text, phrase)
    assert (mention.value, mention.granularity, mention.direction) == (value, granularity, direction)
    assert mention.anchored


def test_kinds_of_durations_times_and_sets() -> None:
    text = "The tug worked Friday morning, inspectors call every week, and the market opens every Monday."
    morning = found(text, "Friday morning")
    assert (morning.value, morning.kind, morning.granularity) == ("2021-10-01TMO", "time", "time")
    weekly = found(text, "every week")
    assert (weekly.value, weekly.kind, weekly.granularity) == ("P1W", "set", "set")
    mondays = found(text, "every Monday")
    assert (mondays.value, mondays.kind) == ("XXXX-WXX-1", "set")
    assert found("The dredging will take three years.", "three years").kind == "duration"


def test_scheduled_date_without_year_is_ahead() -> None:
    text = "The inquiry into the grounding is scheduled for March 9, officials said."
    mention = found(text, "March 9", date(2022, 1, 13))
    assert (mention.value, mention.granularity, mention.direction) == ("2022-03-09", "day", "future")
    # a near reading wins over a far one whatever the tense ...
    assert found("The ferry sank on March 9.", "March 9", date(2022, 1, 13)).value == "2022-03-09"
    # ... but "last year" after the day says which year it is (issue 16: "Sep 14 last year" got this year)
    assert found("The ferry sank on March 9 last year.", "March 9 last year", date(2022, 1, 13)).value == "2021-03-09"
    assert found("The ferry sank on 9 March last year.", "9 March last year", date(2022, 11, 13)).value == "2021-03-09"
    assert found("The pier reopens on Sep 14 next year.", "Sep 14 next year", date(2022, 11, 13)).value == "2023-09-14"


def test_weekday_and_month_follow_the_tense() -> None:
    assert found("The harbour master will meet the fishermen on Thursday.", "Thursday").value == "2021-10-07"
    assert found("The harbour master met the fishermen on Thursday.", "Thursday").value == "2021-09-30"
    # the same weekday as the publication day is the publication day itself
    assert found("The harbour master said Friday that talks failed.", "Friday").value == "2021-10-01"
    # without the tense cue a weekday is the last one, a month the nearest one
    plain = found("The harbour master will meet the fishermen on Thursday.", "Thursday", tense_aware=False)
    assert (plain.value, plain.direction) == ("2021-09-30", None)


def test_earnings_comparison_is_the_same_quarter_a_year_back() -> None:
    text = "Third-quarter profit at the cannery rose 5% to $3.1 million from $2.9 million a year earlier."
    assert values(text) == [("Third-quarter", "2021-Q3"), ("a year earlier", "2020-Q3")]


def test_anaphoric_expressions_count_from_the_last_date_named() -> None:
    text = "The storm struck on Aug. 12, 2019. Three days later the harbour reopened. The following year it flooded."
    assert values(text) == [
        ("Aug. 12, 2019", "2019-08-12"),
        ("Three days later", "2019-08-15"),
        ("The following year", "2020"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm hit on Monday, Oct. 4, 2021 at 10 p.m.",
            [("Monday, Oct. 4, 2021", "2021-10-04"), ("10 p.m.", "2021-10-04T22:00")],
        ),
        (
            "Quotas were set for Q3 2021 and the first half of 2022.",
            [("Q3 2021", "2021-Q3"), ("the first half of 2022", "2022-H1")],
        ),
        ("The strike lasted from 2021-09-20 to mid-2021.", [("2021-09-20", "2021-09-20"), ("mid-2021", "2021")]),
        ("It was the worst winter of the 20th century.", [("the 20th century", "19")]),
        (
            "Boats return each July and twice a year the nets are mended.",
            [("each July", "XXXX-07"), ("twice a year", "P1Y")],
        ),
        (
            "The slipway closed last summer and reopens this spring.",
            [("last summer", "2021-SU"), ("this spring", "2021-SP")],
        ),
        ("Crews have worked for nearly two and a half years.", [("nearly two and a half years", "P2Y6M")]),
        ("The pier has stood for decades.", [("decades", "PXDE")]),
        ("Recently the fish returned; soon the gulls will follow.", [("Recently", "PAST_REF"), ("soon", "FUTURE_REF")]),
    ],
)
def test_more_families(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


# --- without a publication date ---------------------------------------------------------------------


def test_without_anchor_relative_expressions_are_unanchored() -> None:
    text = "On Thursday the board met; last week it voted; the ferry returns March 9 after three years at sea."
    by_text = {m.text: m for m in tag_dates(text, None)}
    assert (by_text["Thursday"].value, by_text["Thursday"].anchored) == ("XXXX-WXX-4", False)
    assert (by_text["last week"].value, by_text["last week"].anchored) == (None, False)
    assert (by_text["March 9"].value, by_text["March 9"].anchored) == ("XXXX-03-09", False)
    assert (by_text["three years"].value, by_text["three years"].anchored) == ("P3Y", True)


def test_without_anchor_absolute_expressions_are_anchored() -> None:
    mentions = tag_dates("The pier opened in January 2021 and closed on March 9, 2022.", None)
    assert [(m.text, m.value, m.anchored) for m in mentions] == [
        ("January 2021", "2021-01", True),
        ("March 9, 2022", "2022-03-09", True),
    ]


def test_datetime_anchor_is_accepted() -> None:
    assert found("Divers searched the wreck yesterday.", "yesterday", datetime(2021, 10, 1, 14, 30)).value == (
        "2021-09-30"
    )


# --- false positives ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Fuel prices may rise again, the harbour master warned.",
        "Fishermen plan to march on the town hall.",
        "The Sunday Times printed a letter from the harbour master.",
        "About 1,997 people signed the petition.",
        "The navy sent 2000 troops to guard the quay.",
        "The Keswin crew came second in the regatta.",
        "Catches could fall sharply if the quotas stay.",
        "The seals spring onto the rocks at low tide.",
        "Those present voted to keep the lighthouse.",
        "Theresa May opened the new quay.",
        "The score was level in the second half of the match.",
    ],
)
def test_false_positives(text: str) -> None:
    assert tag_dates(text, FRIDAY) == []


def test_possessive_weekday_is_a_date() -> None:
    mention = found("Tuesday's vote on the dredging passed.", "Tuesday")
    assert mention.value == "2021-09-28"


def test_seasons_need_a_determiner_or_a_year() -> None:
    text = "Leaves fall early here. Last fall the nets tore, and in the fall of 1998 the quay burned."
    assert values(text) == [("Last fall", "2020-FA"), ("the fall of 1998", "1998-FA")]


# --- text shape --------------------------------------------------------------------------------------


def test_curly_quotes_and_newlines_keep_offsets() -> None:
    text = "The skipper said “on Thursday” the\nboats would leave next\nweek, ‘by Monday’ at the latest."
    mentions = tag_dates(text, FRIDAY)
    assert [(m.text, m.value) for m in mentions] == [
        ("Thursday", "2021-09-30"),
        ("next\nweek", "2021-W40"),
        ("Monday", "2021-10-04"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = (
        "PORT KESWIN - The harbour board said on Thursday that the third-quarter loss of $2 million, "
        "compared with a profit a year earlier, would be covered by the end of the year. The 1990s were "
        "better: in 1997 the port handled 40 ships a week. Officials now expect the new quay to open "
        "in the spring of 2023, two years later than planned, and the ferry sails at 6:45 a.m. daily."
    )
    mentions = tag_dates(text, FRIDAY)
    assert len(mentions) >= 10
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("date", "time", "duration", "set")
        assert m.granularity in ("time", "day", "week", "month", "quarter", "year", "decade", "duration", "set", "ref")


def test_empty_text() -> None:
    assert tag_dates("", FRIDAY) == []
    assert tag_dates("No dates here at all.", None) == []


def test_spans_beyond_the_calendar_do_not_crash() -> None:
    from datetime import date as _date

    from storybrief.annotate.dates import tag_dates

    found = tag_dates("It happened 2500 years ago, and some 10,000 years ago too.", _date(2009, 5, 1))
    assert len(found) == 2 and all(m.granularity == "year" for m in found)


def test_a_verb_decides_the_tense_before_a_time_word_of_another_event() -> None:
    """'will appear … on Thursday … about last month's leak': the verb says the coming Thursday; 'last'
    dates the leak, not the hearing."""
    wednesday = date(2026, 4, 1)
    text = (
        "The depot's chief executive will appear before the assembly committee on Thursday to answer"
        " questions about last month's leak."
    )
    assert found(text, "Thursday", wednesday).value == "2026-04-02"
    past = "The chief executive appeared before the committee on Thursday to answer questions about the leak."
    assert found(past, "Thursday", wednesday).value == "2026-03-26"
    # a past verb with a time word: still the past
    assert found("A year ago on Thursday the depot's tank was last inspected.", "Thursday", wednesday).value == (
        "2026-03-26"
    )


def test_a_modal_before_a_bare_verb_looks_ahead() -> None:
    thursday = date(2022, 9, 22)

    def day(text: str) -> tuple[str | None, str | None]:
        (m,) = [m for m in tag_dates(text, thursday) if m.text in ("Friday", "Saturday", "Monday", "Tuesday")]
        return m.value, m.direction

    assert day("The storm could reach the Velmora coast on Friday.") == ("2022-09-23", "future")
    assert day("The ferry may sail again on Saturday.") == ("2022-09-24", "future")
    assert day("The storm may hit the coast on Saturday.") == ("2022-09-24", "future")  # "hit" after a modal
    assert day("The storm hit the coast on Saturday.")[0] == "2022-09-17"
    assert day("The captain could have left on Tuesday.")[0] == "2022-09-20"  # a modal perfect tells the past
    assert day("The mayor could not attend the hearing on Monday.")[0] == "2022-09-19"


def test_a_day_named_again_without_its_year_keeps_it_however_far_apart() -> None:
    filler = "The court heard evidence from the doctors who treated her at the time. " * 20
    text = f"The judge found the ferry sank on Aug 10, 2021. {filler}On the morning of Aug 10, the crew was asleep."
    found = [(m.text, m.value) for m in tag_dates(text, date(2022, 9, 20))]
    assert found == [("Aug 10, 2021", "2021-08-10"), ("Aug 10", "2021-08-10")]
    # a day never named with a year keeps the publication year's reading
    assert [m.value for m in tag_dates("The crew was asleep on Aug 12.", date(2022, 9, 20))] == ["2022-08-12"]
