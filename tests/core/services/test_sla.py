"""SLA clocks in working time, pauses and urgency (R-REQ-2)."""
from __future__ import annotations

import datetime as dt

from servicedesk.services import sla

D = dt.datetime


def test_easter_monday_and_national_holidays():
    assert sla.easter_sunday(2026) == dt.date(2026, 4, 5)
    assert sla.easter_sunday(2025) == dt.date(2025, 4, 20)
    hol = sla.italian_holidays(2026)
    assert dt.date(2026, 4, 6) in hol  # Easter Monday
    for day in [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)]:
        assert dt.date(2026, *day) in hol


def test_add_working_minutes_skips_lunch_nights_weekends():
    cal = sla.default_calendar()
    # Friday 27/11/2026 16:30 + 2 h → 1 h on Friday, 1 h on Monday from 08:30
    assert cal.add(D(2026, 11, 27, 16, 30), 120) == D(2026, 11, 30, 9, 30)
    # 12:00 + 1 h → 30 min before lunch, 30 after (13:30) → 14:00
    assert cal.add(D(2026, 11, 25, 12, 0), 60) == D(2026, 11, 25, 14, 0)
    # Opened on a Sunday evening: the clock starts Monday 08:30
    assert cal.add(D(2026, 11, 29, 22, 0), 60) == D(2026, 11, 30, 9, 30)
    # Over the Christmas holidays (25, 26 Dec 2026 are Friday/Saturday)
    assert cal.add(D(2026, 12, 24, 17, 0), 60) == D(2026, 12, 28, 9, 0)
    # Easter Monday 6/4/2026 is skipped
    assert cal.add(D(2026, 4, 3, 17, 0), 60) == D(2026, 4, 7, 9, 0)


def test_subtract_and_minutes_between_are_inverse():
    cal = sla.default_calendar()
    start = D(2026, 11, 26, 10, 15)
    for minutes in (0, 1, 59, 240, 480, 2400, 4800):
        end = cal.add(start, minutes)
        assert cal.minutes_between(start, end) == minutes
        assert cal.add(end, -minutes) <= start or minutes == 0
    assert cal.minutes_between(D(2026, 11, 28, 9, 0), D(2026, 11, 29, 18, 0)) == 0  # weekend
    assert cal.minutes_between(D(2026, 11, 27, 17, 0), D(2026, 11, 30, 9, 0)) == 60


def test_due_times_use_priority_or_contract_hours():
    class Pri:
        response_hours, resolution_hours = 8, 40

    class Con:
        response_hours, resolution_hours = 2, None

    hours = sla.sla_hours(Pri, None)
    assert (hours.response_hours, hours.resolution_hours) == (8, 40)
    hours = sla.sla_hours(Pri, Con)
    assert (hours.response_hours, hours.resolution_hours) == (2, 40)
    clocks = sla.due_times(D(2026, 11, 23, 8, 30), hours)  # Monday
    assert clocks.response_due == D(2026, 11, 23, 10, 30)
    assert clocks.resolution_due == D(2026, 11, 27, 17, 30)  # a full working week
    # Paused working minutes move the due times on
    moved = sla.due_times(D(2026, 11, 23, 8, 30), hours, paused_minutes=60)
    assert moved.resolution_due == D(2026, 11, 30, 9, 30)


def test_urgency_classes():
    now = D(2026, 11, 25, 10, 0)
    due = D(2026, 11, 26, 10, 0)  # 8 working hours away
    window = 40 * 60
    risk = sla.risk_at(due, window)  # 25% of 40 h = 10 h before due
    assert risk == sla.default_calendar().add(due, -600)
    assert sla.urgency("assigned", due, risk, None, now) == sla.AT_RISK
    assert sla.urgency("assigned", due, risk, None, D(2026, 11, 20, 9, 0)) == sla.OK
    assert sla.urgency("assigned", due, risk, None, D(2026, 11, 26, 10, 1)) == sla.OVERDUE
    assert sla.urgency("waiting_customer", None, None, now, now) == sla.PAUSED
    assert sla.urgency("closed", due, risk, None, now) == sla.NONE
    # A short window: two working hours is the floor of the margin
    assert sla.risk_at(due, 120) == sla.default_calendar().add(due, -120)
