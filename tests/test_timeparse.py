from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from storybrief.timeparse import parse_datetime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-14T08:00:00+00:00", datetime(2026, 3, 14, 8, 0, tzinfo=UTC)),
        ("2026-03-14T08:00:00Z", datetime(2026, 3, 14, 8, 0, tzinfo=UTC)),
        ("2022-09-21", datetime(2022, 9, 21, tzinfo=UTC)),
        ("October 1st, 2021 at 11:53 IST", datetime(2021, 10, 1, 11, 53, tzinfo=timezone(timedelta(minutes=330)))),
        ("Nov 18, 2019 at 9:24 pm ET", datetime(2019, 11, 18, 21, 24, tzinfo=timezone(timedelta(hours=-5)))),
        (
            "1:39 am EST, Wednesday, November 20, 2019",
            datetime(2019, 11, 20, 1, 39, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("Sat 5 March 2022", datetime(2022, 3, 5, tzinfo=UTC)),
        ("12:00 pm, March 1, 2024", datetime(2024, 3, 1, 12, 0, tzinfo=UTC)),
    ],
)
def test_parse(text: str, expected: datetime) -> None:
    value = parse_datetime(text)
    assert value == expected and value is not None and value.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("text", ["", "on Thursday", "March 9", "not a date at all 2021x", "2026-13-45"])
def test_no_guessing(text: str) -> None:
    assert parse_datetime(text) is None
