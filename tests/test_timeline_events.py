"""Issue 16 item 7: a timeline entry's date is the date of the event its sentence reports.

(a) the main clause's date, not one in a side clause; (b) named things and hashtags are not dates;
(c) relative years and coming weekdays resolve the right way; (d) day-month order follows the language or
locale; (e) forecasts, deadlines, birth dates and site notices are not events; (f) an undated story says so.
Every text here is made up.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import storybrief
from storybrief.annotate.annotator import day_first, tag_article_dates
from storybrief.annotate.dates import tag_dates
from storybrief.model import Article, DateSource, InputFormat, Sentence
from storybrief.render.brief_md import story_markdown
from storybrief.synthesize import timeline
from storybrief.synthesize.event_dates import BACKGROUND, EVENT, EXPECTED, NONE, REPORTING, mention_role
from storybrief.synthesize.timeline import build_timeline

SATURDAY = date(2023, 5, 6)


def article(aid: str, sentences: list[str], published: date | None = SATURDAY, **extra: str) -> Article:
    """An article whose sentences are the given ones, one per paragraph, with its dates tagged for real."""
    text = "\n\n".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(at, at + len(s)))
        at += len(s) + 2
    when = datetime(published.year, published.month, published.day, 9, tzinfo=UTC) if published else None
    a = Article(
        id=aid,
        input=f"{aid}.txt",
        format=InputFormat.TEXT,
        text=text,
        published=when,
        published_source=DateSource.METADATA if when else None,
        sentences=spans,
        url=extra.get("url"),
        language=extra.get("language", "en"),
    )
    a.dates = tag_article_dates(a, text)
    return a


def days_of(articles: list[Article], **kwargs: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in build_timeline(articles, dates=kwargs.get("dates", 10), sentences=kwargs.get("sentences", 5)):
        out.setdefault(e.date, []).append(e.text)
    return out


def roles(text: str, published: date = SATURDAY) -> list[tuple[str, str]]:
    """(mention text, role) of each day-valued date of a one-sentence ``text``."""
    found = [m for m in tag_dates(text, published) if m.value and re.match(r"\d{4}-\d\d-\d\d", m.value)]
    return [(m.text, mention_role(text, (0, len(text)), m, published)) for m in found]


# (a) ----------------------------------------------------------------------------------------------


def test_a_date_in_a_relative_clause_is_background_and_the_main_verb_date_places_the_sentence() -> None:
    assert roles("Protests that began on April 25 turned violent on Friday in the port of Velmora.") == [
        ("April 25", BACKGROUND),
        ("Friday", EVENT),
    ]
    assert roles("The dock strike, which started on April 28, shut the ferry terminals on Thursday.") == [
        ("April 28", BACKGROUND),
        ("Thursday", EVENT),
    ]
    assert roles("Crowds have filled Lantern Square every night since April 25.") == [("April 25", BACKGROUND)]
    assert roles("Ahead of Sunday's vote, the harbour unions marched on Tuesday.")[1] == ("Tuesday", EVENT)
    # an owner between the side-clause word and the date: "ahead of its Tuesday launch" is still a side clause
    assert roles("The navy, earlier this month, tested a new torpedo, ahead of its Tuesday launch of a drone.") == [
        ("Tuesday", BACKGROUND)
    ]
    assert roles("The harbour has stayed shut since their Monday walkout.") == [("Monday", BACKGROUND)]
    # the man arrested on Monday (a relative clause with a passive verb) appeared in court on Friday
    assert roles("The courier who was detained on Monday appeared before a Velmora judge on Friday.") == [
        ("Monday", BACKGROUND),
        ("Friday", EVENT),
    ]


def test_a_speech_verbs_date_dates_the_sentence_only_when_nothing_else_does() -> None:
    assert roles("Troops shelled the hill villages on Tuesday, officials said on Wednesday.") == [
        ("Tuesday", EVENT),
        ("Wednesday", REPORTING),
    ]
    # "said Monday that …": what was said is the event, the relative-looking "that" opens what was said
    assert roles("The mayor said Monday that crews had cleared the flooded tunnel on Sunday.")[1] == ("Sunday", EVENT)
    story = [
        article("a", ["Protests that began on April 25 turned violent on Friday in the port of Velmora."]),
        article("b", ["The Velmora harbour board said on Thursday it would review the lease of Pier 9."]),
    ]
    days = days_of(story)
    assert "2023-04-25" not in days
    assert days["2023-05-05"] == ["Protests that began on April 25 turned violent on Friday in the port of Velmora."]
    assert days["2023-05-04"]  # a reporting date alone still places its sentence


# (b) ----------------------------------------------------------------------------------------------


def test_named_things_and_hashtags_are_not_dates() -> None:
    for text in (
        "Traffic came to a halt on the October 6 bridge during the storm.",
        "Fans shared #July4 photos from the Velmora fireworks.",
        "Supporters of the April 6 Youth Movement gathered outside the court.",
        "Handles such as @Jan25 posted updates all night.",
        "The March 14 Alliance walked out of the talks.",
    ):
        assert [m.text for m in tag_dates(text, SATURDAY) if m.granularity == "day"] == [], text
    # a day that starts a clause is still a date, even before a capitalised name
    assert (tag_dates("On October 6 Velmora marks its founding.", SATURDAY)[0].value or "").endswith("-10-06")


# (c) ----------------------------------------------------------------------------------------------


def test_relative_years_and_coming_weekdays_resolve_the_right_way() -> None:
    november = date(2022, 11, 20)  # a Sunday
    one = tag_dates("The ferry ran aground on Sep 14 last year.", november)[0]
    assert (one.text, one.value) == ("Sep 14 last year", "2021-09-14")
    assert tag_dates("The dam opens on 3 June next year.", november)[0].value == "2023-06-03"
    tuesday = date(2023, 5, 2)
    assert tag_dates("The council meets later on Wednesday.", tuesday)[0].value == "2023-05-03"
    assert tag_dates("The council extended the curfew until Sunday.", tuesday)[0].value == "2023-05-07"
    assert tag_dates("Ministers must sign the accord by Monday.", tuesday)[0].value == "2023-05-08"
    # but a past that went on until then, or a past "later on", looks back
    assert tag_dates("The shops stayed shut until Sunday.", tuesday)[0].value == "2023-04-30"
    assert tag_dates("Police arrived later on Wednesday.", tuesday)[0].value == "2023-04-26"


# (d) ----------------------------------------------------------------------------------------------


def test_day_month_order_follows_the_language_or_locale() -> None:
    indonesian = article("id", ["Banjir melanda Kota Sungai Emas pada 12/7/2022, kata petugas."], language="id")
    assert [m.value for m in indonesian.dates] == ["2022-07-12"]
    malay = article("ms", ["Jambatan itu dibuka pada 3/4/2022 oleh menteri."], language="ms")
    assert [m.value for m in malay.dates] == ["2022-04-03"]
    british = article("uk", ["The pier closed on 12/7/2022 after the storm."], url="https://news.example.co.uk/a")
    american = article("us", ["The pier closed on 12/7/2022 after the storm."], url="https://news.example.com/a")
    assert day_first(british) and not day_first(american)
    assert [m.value for m in british.dates] == ["2022-07-12"]
    assert [m.value for m in american.dates] == ["2022-12-07"]
    # a date only one order can read decides for the whole text, whatever the locale says
    text = "The pier closed on 25/7/2022 and reopened on 3/8/2022."
    assert [m.value for m in tag_dates(text, None)] == ["2022-07-25", "2022-08-03"]
    assert [m.value for m in tag_dates("Filed 7/25/2022, heard 3/8/2022.", None, day_first=True)] == [
        "2022-07-25",
        "2022-03-08",
    ]


# (e) ----------------------------------------------------------------------------------------------


def test_forecasts_deadlines_birth_dates_and_notices_are_not_events() -> None:
    assert roles("The curfew will stay in force until at least May 10.") == [("May 10", EXPECTED)]
    assert roles("Parliament is expected to vote on the harbour bill later today.") == [("later today", EXPECTED)]
    assert roles("Tenants must leave the tower by Monday.") == [("Monday", EXPECTED)]
    assert roles("The April 30 deadline passed without a deal.") == [("April 30", EXPECTED)]
    assert roles("Born: 12 March 1961, in Velmora.") == [("12 March 1961", NONE)]
    assert roles("The captain, born on 2 February 1970, joined the navy young.") == [("2 February 1970", NONE)]
    story = [
        article(
            "a",
            [
                "Harbour pilots walked off the job on Friday in Velmora.",
                "The pilots will vote on a new offer on Tuesday, their union said.",
                "The port authority set a deadline of May 12 for a settlement.",
                "Comments are moderated and this article was amended on 5 May 2023.",
                "Born: 12 March 1961, the union chief has led the pilots for a decade.",
            ],
        ),
        article("b", ["Ferries stayed in port on Friday as harbour pilots in Velmora walked out."]),
    ]
    days = days_of(story)
    assert set(days) == {"2023-05-05"}  # no Tuesday, no May 12, no notice date, no birth date
    entries = build_timeline(story)
    assert all(not e.inferred for e in entries if e.date == "2023-05-05") or entries


def test_a_stated_day_is_not_inferred_and_a_weekday_is() -> None:
    stated = article("a", ["Harbour pilots walked off the job on 5 May 2023 in Velmora."])
    worked_out = article("b", ["Harbour pilots in Velmora walked off the job on Friday."], published=date(2023, 5, 9))
    assert [(e.date, e.inferred) for e in build_timeline([stated])] == [("2023-05-05", False)]
    assert [(e.date, e.inferred) for e in build_timeline([worked_out])] == [("2023-05-05", True)]


# (f) ----------------------------------------------------------------------------------------------


def test_an_undated_story_says_so_and_shows_its_window(tmp_path: Path) -> None:
    texts = [
        "The Velmora harbour board approved the sale of Pier 9 to a shipping group in March 2023. "
        "Board members said the sale would fund a new ferry terminal.",
        "Velmora's harbour board agreed to sell Pier 9 to a shipping group, board members said in March 2023. "
        "The money will go to a new ferry terminal, the board said.",
    ]
    path = tmp_path / "undated.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"u{k}", "text": t}) for k, t in enumerate(texts)), encoding="utf-8")
    report = storybrief.brief([path])
    assert report.stories
    articles = {a.id: a for a in report.articles}
    for story in report.stories:
        assert story.undated is not None and not story.timeline
        data = story.to_dict()["timeline_undated"]
        assert data["reason"] == "no article of this story has a publication date"
        assert data["earliest"] is not None and data["earliest"] >= "2023-03-01"  # "in March 2023"
        shown = story_markdown(story, articles)
        assert "No timeline: no article of this story has a publication date" in shown
        assert data["earliest"] in shown
    # a story with one dated article has no such note
    dated = tmp_path / "dated.jsonl"
    dated.write_text(json.dumps({"id": "d", "text": texts[0], "published": "2023-04-02"}), encoding="utf-8")
    assert storybrief.brief([dated]).stories[0].undated is None


def test_an_undated_lead_reporting_a_past_event_is_placed_on_its_publication_day_as_inferred() -> None:
    lead = article("a", ["The Velmora harbour board sold Pier 9 to a shipping group.", "Its members were split."])
    ahead = article("b", ["The Velmora harbour board will sell Pier 9 to a shipping group."])
    assert [(e.date, e.inferred, e.text) for e in build_timeline([lead])][:1] == [
        ("2023-05-06", True, "The Velmora harbour board sold Pier 9 to a shipping group.")
    ]
    assert build_timeline([ahead]) == []


def test_a_photo_caption_votes_for_its_day_but_is_not_shown() -> None:
    caption = "Dock workers stand by idle cranes in Velmora May 4, 2023."
    story = [
        article("a", [caption]),
        article("b", ["Picture shows idle cranes at the port of Velmora on May 4 after the strike began."]),
        article("c", ["Harbour pilots in Velmora walked off the job on May 4, their union said on Friday."]),
    ]
    entries = build_timeline(story, dates=1, sentences=5)
    assert [e.date for e in entries] == ["2023-05-04"]
    assert [e.text for e in entries] == [
        "Harbour pilots in Velmora walked off the job on May 4, their union said on Friday."
    ]
    assert build_timeline(story[:2]) == []  # captions alone give no entry


def test_an_undated_lead_is_shown_only_when_it_is_the_first_sentence_and_tells_a_finished_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(timeline, "STRICT_LEADS", True)  # off by default (benchmarks/README.md)

    def shown(sentences: list[str]) -> list[str]:
        return [e.text for e in build_timeline([article("a", sentences)], dates=5, sentences=5)]

    told = "The Velmora harbour board sold Pier 9 to a shipping group."
    assert shown([told, "Dock workers cheered outside the board's offices."]) == [told]  # the second is no lead
    # a state, a perfect ("has found": a finding of no particular day), a quote: they vote but are not shown
    assert shown(["The Velmora ferry scheme is in its consultation phase."]) == []
    assert shown(["Coastal towns near Velmora are sinking fast, a recent survey has found."]) == []
    assert shown(["In recent months, storms have made the crossing harder for the Velmora ferries."]) == []
    assert shown(['"We sold the pier because nobody else bid," the harbour chief said.']) == []


def test_an_undated_lead_is_not_shown_on_a_day_that_a_sentence_dates_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timeline, "HIDE_LEADS_ON_WRITTEN_DAYS", True)  # off by default (benchmarks/README.md)
    written = "Harbour pilots in Velmora walked off the job on Saturday, their union said."
    story = [
        article("a", ["The Velmora harbour board sold Pier 9 to a shipping group."]),
        article("b", ["Crowds gathered at the Velmora docks.", written]),
    ]
    assert days_of(story) == {"2023-05-06": [written]}
    # the lead still votes: with it, Saturday outweighs a day one other article names
    other = article("c", ["Pier 4 in Velmora was closed on May 2 for repairs."])
    assert list(days_of([*story, other], dates=1)) == ["2023-05-06"]


def test_a_date_after_a_participle_that_modifies_a_noun_is_background() -> None:
    object_np = (
        "One sailor, who served on the Velmora ferries in 2019 and knows the three pilots charged on Tuesday "
        "with negligence, said the crews were shaken."
    )
    assert roles(object_np) == [("Tuesday", BACKGROUND)]
    assert roles("The three pilots charged on Tuesday with negligence were named by the port.") == [
        ("Tuesday", BACKGROUND)
    ]
    assert roles("The harbour board welcomed the five crewmen released on Monday.") == [("Monday", BACKGROUND)]
    # the participle is the clause's own verb: the date is the event's
    assert roles("Port officials said the pilots walked out on Tuesday.") == [("Tuesday", EVENT)]
    assert roles("Police arrested two pilots on Tuesday.") == [("Tuesday", EVENT)]
    assert roles("When the storm struck on Friday, the ferries stayed in port.") == [("Friday", EVENT)]


def test_a_clock_time_alone_does_not_place_a_sentence_on_the_publication_day() -> None:
    clock = "The last ferry left Velmora at around 9.20pm and reached the island an hour later."
    dated = "The last ferry left Velmora at 9.20pm on Thursday, the port said."
    later = "Pilots returned to work."
    # position 3: too far down to be an undated lead, so only its own dates could place it
    assert days_of([article("a", ["Velmora is quiet.", "Its port is old.", later, clock])]) == {}
    assert days_of([article("b", ["Velmora is quiet.", "Its port is old.", later, dated])]) == {"2023-05-04": [dated]}


def test_a_weekday_in_a_title_is_no_date_and_a_dated_scene_is_a_caption() -> None:
    assert roles("The plan was saved by Ada Pell, a Herald on Sunday reporter travelling with the crews.") == [
        ("Sunday", NONE)
    ]
    assert roles("A rally in Velmora on Sunday drew thousands.") == [("Sunday", EVENT)]
    caption = "Crates of oysters are stacked awaiting shipment at a quay near the Velmora border, May 4, 2023."
    story = [article("a", [caption]), article("b", ["Velmora's oyster exports were halted on May 4, 2023."])]
    assert [e.text for e in build_timeline(story)] == ["Velmora's oyster exports were halted on May 4, 2023."]


def test_by_default_every_undated_lead_reporting_a_past_event_is_shown() -> None:
    perfect = "Coastal towns near Velmora are sinking fast, a recent survey has found."
    assert [e.text for e in build_timeline([article("a", [perfect])])] == [perfect]


# issue 16, third round: plans, anniversaries, leads labelled as reported, run-in headlines --------------


def test_a_plan_told_in_the_past_is_no_event_of_its_day() -> None:
    assert roles("The harbour chief was meant to meet the pilots in Velmora on Thursday.") == [("Thursday", EXPECTED)]
    assert roles("The ferry had been due to sail for the island on Thursday.") == [("Thursday", EXPECTED)]
    assert roles("The harbour chief met the pilots in Velmora on Thursday.") == [("Thursday", EVENT)]
    # nor is such a plan an undated lead of the publication day
    assert build_timeline([article("a", ["The Velmora pilots were supposed to sign the deal with the board."])]) == []


def test_of_two_dates_on_the_same_month_and_day_the_earlier_year_is_an_anniversary() -> None:
    text = "A quake struck Velmora on 4 May 2023; the town had been flattened by a quake on 4 May 1983."
    assert days_of([article("a", ["Velmora is quiet.", text])]) == {"2023-05-04": [text]}


def test_an_undated_lead_is_labelled_as_reported_that_day_in_the_json_and_the_renderers() -> None:
    told = "The Velmora harbour board sold Pier 9 to a shipping group."
    written = "Pilots in Velmora walked off the job on May 2, their union said."
    story = [article("a", [told]), article("b", ["Velmora is quiet.", written])]
    entries = build_timeline(story, dates=5)
    by_text = {e.text: e for e in entries}
    assert by_text[told].reported and by_text[told].to_dict()["reported"] is True
    assert not by_text[written].reported
    from storybrief.errors import Msg
    from storybrief.render.brief_html import _timeline as html_timeline
    from storybrief.render.brief_md import _timeline as md_timeline

    lines = md_timeline(entries, lambda sources: "")
    assert [Msg.TIMELINE_REPORTED in line for line in lines] == [e.reported for e in entries]
    assert html_timeline(entries, {a.id: a for a in story}, {}).count(Msg.TIMELINE_REPORTED) == 1


def test_an_undated_lead_is_not_shown_when_a_sentence_dates_the_same_event_on_another_day() -> None:
    lead = "The Velmora harbour board sold Pier 9 to a Danish shipping group for 40 million."
    dated = "On Thursday the Velmora harbour board sold Pier 9 to a Danish shipping group for 40 million."
    entries = build_timeline([article("a", [lead]), article("b", ["Velmora is quiet.", dated])], dates=5)
    assert [(e.date, e.text) for e in entries] == [("2023-05-04", dated)]
    other = "The Velmora harbour board sold Pier 9 to a Danish shipping group for 40 million."
    alone = build_timeline([article("c", [other])], dates=5)
    assert [(e.date, e.reported) for e in alone] == [("2023-05-06", True)]


def test_a_headline_run_into_the_lead_is_not_part_of_the_entry() -> None:
    text = "Velmora pilots end strike The pilots of Velmora returned to work on Thursday after a deal was signed."
    entries = build_timeline([article("a", ["Velmora is quiet.", text])])
    assert [e.text for e in entries] == ["The pilots of Velmora returned to work on Thursday after a deal was signed."]


def test_an_undated_lead_telling_a_perfect_over_a_span_of_time_is_background_and_not_shown() -> None:
    background = "A rapid rise in fuel prices this year has hammered the Velmora ferry companies."
    assert build_timeline([article("a", [background])]) == []
    told = "A rapid rise in fuel prices hammered the Velmora ferry companies this year."
    assert [e.text for e in build_timeline([article("a", [told])])] == [told]  # a simple past: an event


# issue 16, fourth round: possessive dates, side dates, copies, run-in time stamps, background leads ---------


def test_a_possessive_date_belongs_to_its_noun_unless_that_noun_sets_the_time() -> None:
    assert roles("The mayor asked for a delay of Friday's council vote on the harbour plan.") == [
        ("Friday", BACKGROUND)
    ]
    assert roles("Pilots will boycott Monday's talks with the port.") != [("Monday", EVENT)]
    assert roles("During Thursday's council meeting, the mayor said the harbour plan was dead.") == [
        ("Thursday", EVENT)
    ]
    assert roles("Thursday's storm flooded the lower town of Velmora.") == [("Thursday", EVENT)]
    assert roles("The port said Thursday's storm flooded the lower town.") == [("Thursday", EVENT)]


def test_the_start_of_a_range_and_a_participle_after_the_subject_are_background() -> None:
    assert roles("Fishing boats caught 40 tonnes of cod from May 1 to May 4, the port said.") == [
        ("May 1", BACKGROUND),
        ("May 4", EVENT),
    ]
    assert roles("The three-day visit ending on Thursday has allowed the envoy to meet the pilots.") == [
        ("Thursday", BACKGROUND)
    ]
    assert roles("The envoy, visiting on Thursday, met the pilots.") == [("Thursday", EVENT)]
    # an event named as a goal keeps its own day: "restricted … to one rally on Tuesday"
    assert roles("The port has restricted the ferry union to just one rally on Tuesday, the mayor said.") == [
        ("Tuesday", BACKGROUND)
    ]
    assert roles("The pilots held a meeting on Friday.") == [("Friday", EVENT)]
    # a date a few words into a clause opened by "since" or "after" is that clause's
    assert roles("Since the mayor on Thursday closed the pier, ferries have stayed in port.") == [
        ("Thursday", BACKGROUND)
    ]
    assert roles("The port has been shut since its winter closure on Monday.") == [("Monday", BACKGROUND)]


def test_a_sentence_is_shown_on_its_main_verbs_day_and_a_side_date_only_votes() -> None:
    side = "The ferry board told reporters Friday it welcomed a call Thursday by the union for new talks."
    assert days_of([article("a", ["Velmora is quiet.", side])]) == {"2023-05-05": [side]}
    # a date in a clause of its own is an event of its own
    both = "The union met the board on Thursday and signed the new pay deal on Friday."
    assert days_of([article("b", ["Velmora is quiet.", both])]) == {"2023-05-04": [both], "2023-05-05": [both]}


def test_one_sentence_in_two_articles_is_shown_on_the_day_its_earliest_copy_gives() -> None:
    told = "The Velmora harbour board sold Pier 9 to a Danish shipping group last night."
    first = article("a", ["Velmora is quiet.", told], published=date(2023, 5, 5))
    reprint = article("b", ["Velmora is quiet.", told], published=date(2023, 5, 6))
    entries = build_timeline([first, reprint], dates=5)
    assert [(e.date, e.text) for e in entries] == [("2023-05-04", told)]


def test_a_run_in_time_stamp_dates_what_was_reported_not_the_event() -> None:
    text = "Saturday 6 May 2023 09.12 BST The pilots of Velmora returned to work yesterday after a deal was signed."
    entries = build_timeline([article("a", [text])], dates=5)
    unit = "The pilots of Velmora returned to work yesterday after a deal was signed."
    assert [(e.date, e.text, e.reported) for e in entries] == [
        ("2023-05-05", unit, False),
        ("2023-05-06", unit, True),
    ]
    stamped_lead = "Saturday 6 May 2023 09.12 BST The pilots of Velmora have ended their strike."
    lead = build_timeline([article("b", [stamped_lead])], dates=5)
    assert [(e.date, e.reported) for e in lead] == [("2023-05-06", True)]


@pytest.mark.parametrize(
    "background",
    [
        "For although the pilots won the first round, the board could still close the port.",
        "The Velmora harbour board has stressed the importance of the ferries for the island.",
        "The ferry union has been leading the talks with the board.",
        "The proposed pier tax is currently in its consultation phase.",
        "The Velmora harbour board warned last weekend that Pier 9 was unsafe.",
        "In April 2022, the board began selling the old piers.",
    ],
)
def test_an_undated_lead_that_is_background_is_not_shown_as_that_days_news(background: str) -> None:
    assert build_timeline([article("a", [background])], dates=5) == []


def test_an_undated_lead_with_a_period_only_in_what_was_said_is_shown() -> None:
    told = "The harbour chief said Pier 9 was sold, adding that he met the buyers last week."
    assert [(e.text, e.reported) for e in build_timeline([article("a", [told])], dates=5)] == [(told, True)]
