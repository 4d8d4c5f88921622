"""The queue's short SLA times: the time alone today, day and month this year, the two-digit
year otherwise (R-REQ-2)."""
from __future__ import annotations

import datetime as dt

from ui.widgets.request_labels import short_datetime

NOW = dt.datetime(2026, 11, 30, 9, 5)


def test_today_shows_the_time_only():
    assert short_datetime(dt.datetime(2026, 11, 30, 7, 3), NOW) == "07:03"


def test_this_year_shows_day_and_month():
    assert short_datetime(dt.datetime(2026, 1, 2, 14, 30), NOW) == "02/01 14:30"
    assert short_datetime(dt.datetime(2026, 12, 1, 0, 0), NOW) == "01/12 00:00"


def test_another_year_shows_a_two_digit_year():
    assert short_datetime(dt.datetime(2025, 12, 31, 23, 59), NOW) == "31/12/25 23:59"
    assert short_datetime(dt.datetime(2030, 3, 4, 8, 0), NOW) == "04/03/30 08:00"


def test_no_deadline_shows_nothing():
    assert short_datetime(None, NOW) == ""
