"""SLA rules in working time: holidays, Easter, seconds, requests without due times (R-REQ-2)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from servicedesk.models import Party, Priority, ServiceRequest
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


def test_round_the_clock_calendar_counts_plain_minutes_across_midnight():
    """With working time all day every day, working minutes are plain minutes: the calendar
    arithmetic has no gap at midnight, forwards or backwards."""
    cal = sla.WorkingCalendar(((0, 24 * 60),), frozenset(range(7)))
    assert cal.add(D(2026, 11, 24, 23, 30), 60) == D(2026, 11, 25, 0, 30)
    assert cal.add(D(2026, 11, 25, 0, 30), -60) == D(2026, 11, 24, 23, 30)
    assert cal.add(D(2026, 11, 24, 22, 0), 3 * 24 * 60) == D(2026, 11, 27, 22, 0)
    assert cal.minutes_between(D(2026, 11, 24, 23, 30), D(2026, 11, 25, 0, 30)) == 60
    assert cal.minutes_between(D(2026, 11, 24, 22, 0), D(2026, 11, 27, 22, 0)) == 3 * 24 * 60


def test_counting_back_from_before_opening_time_starts_on_the_previous_working_day():
    """The at-risk point is counted back from the due time in working time: from Monday 08:00
    one working hour back is Friday 16:30; from lunch, the morning; a whole day back from
    Tuesday's opening is Monday's opening."""
    cal = sla.default_calendar()
    assert cal.add(D(2026, 11, 30, 8, 0), -60) == D(2026, 11, 27, 16, 30)
    assert cal.add(D(2026, 11, 30, 13, 0), -60) == D(2026, 11, 30, 11, 30)
    assert cal.add(D(2026, 12, 1, 8, 30), -480) == D(2026, 11, 30, 8, 30)
    # 25% of a 40-hour window before Tuesday 09:30: one hour on Tuesday, Monday, 1 h on Friday.
    assert sla.risk_at(D(2026, 12, 1, 9, 30), 40 * 60) == D(2026, 11, 27, 16, 30)


def test_an_overdue_request_shows_the_working_minutes_it_is_late():
    cal = sla.default_calendar()
    assert cal.minutes_between(D(2026, 11, 25, 11, 0), D(2026, 11, 25, 9, 0)) == -120
    assert sla.remaining_minutes(D(2026, 11, 25, 9, 0), D(2026, 11, 25, 11, 0)) == -120
    assert sla.remaining_minutes(D(2026, 11, 25, 11, 0), D(2026, 11, 25, 9, 0)) == 120
    assert sla.remaining_minutes(None, D(2026, 11, 25, 9, 0)) is None


def test_paused_time_moves_the_response_and_the_resolution_due():
    """R-REQ-2: an hour waiting for the customer moves both deadlines by one working hour."""
    opened = D(2026, 11, 23, 8, 30)  # Monday
    clocks = sla.due_times(opened, sla.SlaHours(8, 40), paused_minutes=60)
    assert clocks.response_due == D(2026, 11, 24, 9, 30)
    assert clocks.resolution_due == D(2026, 11, 30, 9, 30)


def _request(**kw):
    base = dict(status="in_progress", opened_at=D(2026, 11, 23, 8, 30), paused_since=None,
                first_response_at=D(2026, 11, 23, 9, 0), response_due=D(2026, 11, 23, 16, 30),
                resolution_due=None, paused_minutes=0)
    base.update(kw)
    return SimpleNamespace(**base)


def test_the_at_risk_point_leaves_paused_time_out_of_the_window():
    """A 40-hour resolution window paused for 8 hours is due 48 working hours after opening,
    and at risk 10 hours (25% of 40, not of 48) before that."""
    req = _request(resolution_due=D(2026, 11, 30, 17, 30), paused_minutes=480)
    due, risk = sla.stored_keys(req)
    assert due == D(2026, 11, 30, 17, 30)
    assert risk == D(2026, 11, 27, 15, 30)


def test_a_request_without_due_times_has_no_clock(db):
    """A request with no due times (a maintenance visit, an old imported one) is open but has
    no SLA: no keys, urgency none — and refreshing the keys of all requests does not fail."""
    req = _request(response_due=None, resolution_due=None, first_response_at=None)
    assert sla.stored_keys(req) == (None, None)
    assert sla.urgency(req.status, None, None, None, D(2026, 11, 25, 9, 0)) == sla.NONE
    customer = Party.create(code="C1", name="Rossi")
    row = ServiceRequest.create(number="RS-2026-000001", customer=customer, status="assigned",
                                priority=Priority.get(code="normal"), opened_at=D(2026, 11, 23, 9))
    assert sla.refresh_stored_keys(db) == 1
    row = ServiceRequest.get_by_id(row.id)
    assert (row.sla_due, row.sla_risk_at) == (None, None)


def test_a_full_refresh_recomputes_every_open_request(db):
    """Keys written by an older version are recomputed by a full refresh (only the missing
    ones on request)."""
    customer = Party.create(code="C1", name="Rossi")
    row = ServiceRequest.create(number="RS-2026-000001", customer=customer, status="assigned",
                                priority=Priority.get(code="normal"), opened_at=D(2026, 11, 23, 8, 30),
                                first_response_at=D(2026, 11, 23, 9), response_due=D(2026, 11, 23, 16, 30),
                                resolution_due=D(2026, 11, 27, 17, 30), sla_due=D(2020, 1, 1),
                                sla_risk_at=D(2020, 1, 1))
    assert sla.refresh_stored_keys(db, only_missing=True) == 0
    assert sla.refresh_stored_keys(db) == 1
    row = ServiceRequest.get_by_id(row.id)
    assert row.sla_due == D(2026, 11, 27, 17, 30)
    assert row.sla_risk_at == D(2026, 11, 26, 15, 30)  # 10 h (25% of 40 h) before


def test_overdue_once_the_due_time_has_passed_at_risk_from_the_risk_time():
    due, risk = D(2026, 11, 26, 10, 0), D(2026, 11, 25, 16, 0)
    assert sla.urgency("assigned", due, risk, None, due) == sla.AT_RISK
    assert sla.urgency("assigned", due, risk, None, due + dt.timedelta(seconds=1)) == sla.OVERDUE
    assert sla.urgency("assigned", due, risk, None, risk) == sla.AT_RISK
    assert sla.urgency("assigned", due, risk, None, risk - dt.timedelta(seconds=1)) == sla.OK
    assert sla.urgency("assigned", due, None, None, risk) == sla.OK
