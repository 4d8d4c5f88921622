"""SLA rules in working time: holidays, Easter, seconds, requests without due times (R-REQ-2)."""
from __future__ import annotations

import datetime as dt

from servicedesk.services import sla

D = dt.datetime


def gauss_lichtenberg_easter(year: int) -> dt.date:
    """Easter Sunday by Lichtenberg's form of Gauss's rule: an independent published method."""
    k = year // 100
    m = 15 + (3 * k + 3) // 4 - (8 * k + 13) // 25
    s = 2 - (3 * k + 3) // 4
    a = year % 19
    d = (19 * a + m) % 30
    r = (d + a // 11) // 29
    full_moon = 21 + d - r
    first_sunday = 7 - (year + year // 4 + s) % 7
    sunday = full_moon + 7 - (full_moon - first_sunday) % 7
    return dt.date(year, 3, 1) + dt.timedelta(days=sunday - 1)


def test_easter_is_right_in_every_gregorian_year():
    """Easter Monday stops the SLA clock, so Easter must be right in any year: the extremes
    (22 March, 25 April), the years where the lunar correction applies (1954, 1981), and every
    year from the first Gregorian one to 4099 as Gauss's rule gives it."""
    known = {1818: (3, 22), 2285: (3, 22), 1943: (4, 25), 2038: (4, 25), 1954: (4, 18),
             1981: (4, 19), 2000: (4, 23), 2100: (3, 28), 2024: (3, 31), 2027: (3, 28)}
    for year, (month, day) in known.items():
        assert sla.easter_sunday(year) == dt.date(year, month, day), year
    for year in range(1583, 4100):
        assert sla.easter_sunday(year) == gauss_lichtenberg_easter(year), year


def test_national_holidays_are_exactly_those_of_the_republic():
    """The eleven national holidays, Easter Monday included, and no other day (patron saints
    are local)."""
    def days(year, easter_monday):
        fixed = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25),
                 (12, 26)]
        return {dt.date(year, m, d) for m, d in fixed} | {easter_monday}

    assert sla.italian_holidays(2026) == days(2026, dt.date(2026, 4, 6))
    assert sla.italian_holidays(2027) == days(2027, dt.date(2027, 3, 29))
    cal = sla.default_calendar()
    assert not cal.is_working_day(dt.date(2027, 3, 29))  # Easter Monday, a Monday
    assert cal.is_working_day(dt.date(2027, 3, 30))
    assert not cal.is_working_day(dt.date(2027, 6, 2))  # Festa della Repubblica, a Wednesday


def test_due_time_keeps_the_seconds_of_the_opening():
    """A request opened at 09:00:59 with one working hour is due at 10:00:59; across lunch
    the seconds carry over too."""
    cal = sla.default_calendar()
    assert cal.add(D(2026, 11, 25, 9, 0, 59), 60) == D(2026, 11, 25, 10, 0, 59)
    assert cal.add(D(2026, 11, 25, 12, 29, 59), 1) == D(2026, 11, 25, 13, 30, 59)
    assert cal.add(D(2026, 11, 25, 10, 0, 59), -60) == D(2026, 11, 25, 9, 0, 59)
    assert cal.minutes_between(D(2026, 11, 25, 9, 0, 59), D(2026, 11, 25, 10, 0, 59)) == 60
    assert cal.minutes_between(D(2026, 11, 25, 9, 0, 0), D(2026, 11, 25, 9, 1, 59)) == 2
