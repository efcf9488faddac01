from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from storybrief.annotate.published import (
    apply_user_dates,
    infer_window,
    parse_date_options,
    read_dates_file,
)
from storybrief.errors import InputProblem
from storybrief.model import Article, DateSource, InputFormat, TimeMention


def _article(input_name: str) -> Article:
    return Article(id=input_name, input=input_name, format=InputFormat.TEXT, text="x")


def _mention(text: str, value: str | None, anchored: bool = True, direction: str | None = None) -> TimeMention:
    return TimeMention(text, 0, len(text), value, "day", anchored, "date", direction)


def test_user_dates_match_full_names_records_and_file_names(tmp_path: Path) -> None:
    sidecar = tmp_path / "dates.json"
    sidecar.write_text(json.dumps({"a.txt": "2021-10-01", "dump.jsonl:2": "2022-01-13T09:00+01:00"}))
    dates = read_dates_file(str(sidecar))
    dates.update(parse_date_options(["feed.xml=2022-06-13"]))
    articles = [_article("in/a.txt"), _article("dump.jsonl:2"), _article("dump.jsonl:3"), _article("feed.xml#1")]
    unused = apply_user_dates(articles, dates)
    assert unused == []
    assert articles[0].published == datetime(2021, 10, 1, tzinfo=UTC)
    assert articles[0].published_source is DateSource.USER
    assert articles[1].published is not None and articles[1].published.utcoffset() is not None
    assert articles[2].published is None
    assert articles[3].published == datetime(2022, 6, 13, tzinfo=UTC)


def test_bad_user_dates_are_clear(tmp_path: Path) -> None:
    with pytest.raises(InputProblem, match="not a date"):
        parse_date_options(["a.txt=someday"])
    with pytest.raises(InputProblem, match="INPUT=DATE"):
        parse_date_options(["2021-10-01"])
    bad = tmp_path / "d.json"
    bad.write_text('{"a.txt": "2021-10-01",\n oops}')
    with pytest.raises(InputProblem, match=r"d\.json:2: malformed JSON"):
        read_dates_file(str(bad))
    assert apply_user_dates([_article("a.txt")], {"b.txt": datetime(2021, 1, 1, tzinfo=UTC)}) == ["b.txt"]


def test_window_from_past_and_future_mentions() -> None:
    window = infer_window(
        [
            _mention("January 2021", "2021-01"),
            _mention("September 2021", "2021-09"),
            _mention("March 9, 2022", "2022-03-09", direction="future"),
        ]
    )
    assert window is not None
    assert (window.earliest, window.latest) == (date(2021, 9, 1), date(2022, 3, 9))
    assert len(window.evidence) == 2 and "September 2021" in window.evidence[0]


def test_yearless_future_day_takes_its_year_from_the_earliest_bound() -> None:
    text = "The vote since September 2021 has been delayed; the election is scheduled for March 9."
    sept = TimeMention("September 2021", 15, 29, "2021-09", "month", True, "date", None)
    march = TimeMention("March 9", text.index("March 9"), text.index("March 9") + 7, "XXXX-03-09", "day", False)
    window = infer_window([sept, march], text=text)
    assert window is not None and window.latest == date(2022, 3, 9)
    alone = infer_window([march], text=text)
    assert alone is not None and alone.earliest is None and alone.latest is None
    assert "no year given" in alone.evidence[0]


def test_capture_date_and_nothing_to_go_on() -> None:
    window = infer_window([], captured=datetime(2022, 2, 1, 23, 0, tzinfo=UTC))
    assert window is not None and window.latest == date(2022, 2, 1)
    assert infer_window([_mention("Thursday", None, anchored=False)]) is None


def test_window_reads_the_languages_own_future_words() -> None:
    # "A new ferry terminal will be built in Kuala Selat in 2027, the council said; work began in 2023."
    text = "Terminal feri baharu bakal dibina di Kuala Selat, Melaka, pada tahun 2027, kata majlis. Kerja bermula 2023."
    later = TimeMention("2027", text.index("2027"), text.index("2027") + 4, "2027", "year", True, "date", None)
    began = TimeMention("2023", text.rindex("2023"), text.rindex("2023") + 4, "2023", "year", True, "date", None)
    window = infer_window([later, began], text=text, language="ms")
    assert window is not None and (window.earliest, window.latest) == (date(2023, 1, 1), date(2027, 12, 31))
    # without the table's cues, 2027 was read as past: "published on or after 2027"
    blind = infer_window([later, began], text=text)
    assert blind is not None and blind.earliest == date(2027, 1, 1)
