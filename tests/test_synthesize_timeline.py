"""How a timeline picks its days: votes per article, the publication day, and the days around."""

from __future__ import annotations

from datetime import UTC, datetime

from storybrief.model import Article, DateSource, InputFormat, Sentence, TimeMention
from storybrief.synthesize.timeline import build_timeline

Mentioned = tuple[str, list[tuple[str, str]]]  # a sentence and its (mention text, ISO day) pairs


def article(aid: str, published: str, sentences: list[Mentioned]) -> Article:
    """An annotated article built by hand: one sentence after another, each with its day mentions."""
    text, spans, dates = "", [], []
    for sentence, mentions in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append(Sentence(start, start + len(sentence)))
        for words, day in mentions:
            at = start + sentence.index(words)
            dates.append(TimeMention(words, at, at + len(words), day, "day", True))
    when = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return Article(
        id=aid,
        input=f"{aid}.txt",
        format=InputFormat.TEXT,
        text=text,
        published=when,
        published_source=DateSource.METADATA,
        sentences=spans,
        dates=dates,
    )


def lead(aid: str, words: str, day: str) -> Article:
    """An article published after the fact whose lead sentence mentions ``day``."""
    return article(aid, "2024-03-25", [(f"The council voted {words} to close the old harbour bridge.", [(words, day)])])


def test_a_day_amid_the_coverage_beats_an_isolated_day_with_as_many_votes() -> None:
    articles = [
        lead("a", "on 1 March 2024", "2024-03-01"),
        lead("b", "on 11 March 2024", "2024-03-11"),
        lead("c", "on 11 March 2024", "2024-03-11"),
        lead("d", "on 12 March 2024", "2024-03-12"),
    ]
    days = [e.date for e in build_timeline(articles, dates=2)]
    assert days == ["2024-03-11", "2024-03-12"]  # not the earlier 1 March, which has one vote too
    # only days that a sentence mentions are ever chosen, however much their neighbours weigh
    assert [e.date for e in build_timeline(articles, dates=5)] == ["2024-03-01", "2024-03-11", "2024-03-12"]


def test_the_publication_day_wins_between_days_an_article_mentions_as_prominently() -> None:
    sentence = "Ministers met on Sunday and signed the harbour accord on Monday in the capital."
    one = article("a", "2022-06-13", [(sentence, [("Sunday", "2022-06-12"), ("Monday", "2022-06-13")])])
    assert [e.date for e in build_timeline([one], dates=1)] == ["2022-06-13"]


def test_a_next_morning_report_votes_for_the_night_in_its_lead_not_its_own_day() -> None:
    report = article(
        "a",
        "2005-03-21",
        [
            ("Rebels seized the airport last night after a long siege of the city.", [("last night", "2005-03-20")]),
            (
                "Officials confirmed the losses on Monday 21 March 2005 in a short statement.",
                [("Monday 21 March 2005", "2005-03-21")],
            ),
        ],
    )
    assert [e.date for e in build_timeline([report], dates=1)] == ["2005-03-20"]


def test_inferred_marks_only_days_worked_out_not_days_stated() -> None:
    """'on Friday' is worked out from the publication date; 'on March 21' states its day (only its year
    comes from the publication date), so only the first is inferred."""
    articles = [
        article(
            "w1",
            "2024-03-25",
            [
                ("The ferry operator cancelled every crossing on Friday after the harbour wall cracked.", [
                    ("on Friday", "2024-03-22")
                ]),
                ("Engineers first inspected the harbour wall on March 21, the port office said.", [
                    ("March 21", "2024-03-21")
                ]),
            ],
        ),
    ]  # fmt: skip
    entries = {e.date: e.inferred for e in build_timeline(articles, dates=5)}
    assert entries == {"2024-03-21": False, "2024-03-22": True}
