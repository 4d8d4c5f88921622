"""SLA clocks in office working time: due times, pauses and the urgency of a request (R-REQ-2).

Working time is Mon–Fri on the periods of ``working_hours_default`` in reference.json
(08:30–12:30, 13:30–17:30), minus Italian national holidays (Easter Monday included).
A request's clocks start when it is opened; waiting for the customer or the supplier pauses
them (``paused_since``); on resume the paused working minutes are added to ``paused_minutes``
and the due times move on by as much.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .. import uow
from ..reference_data import reference

OPEN_STATUSES = ("new", "assigned", "in_progress", "waiting_customer", "waiting_supplier")
PAUSING_STATUSES = ("waiting_customer", "waiting_supplier")
CLOSED_STATUSES = ("resolved", "closed", "cancelled")

AT_RISK_SHARE = 0.25  # at risk when less than this share of the SLA window is left …
AT_RISK_MINUTES = 120  # … or less than two working hours

OVERDUE, AT_RISK, OK, PAUSED, NONE = "overdue", "at_risk", "ok", "paused", "none"


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (anonymous algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def italian_holidays(year: int) -> frozenset[dt.date]:
    """National holidays of the Italian Republic (patron saints' days are local, not included)."""
    fixed = [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (11, 1), (12, 8), (12, 25), (12, 26)]
    days = {dt.date(year, m, d) for m, d in fixed}
    days.add(easter_sunday(year) + dt.timedelta(days=1))  # Lunedì dell'Angelo
    return frozenset(days)


def _parse_periods(rows: Iterable[Iterable[str]]) -> tuple[tuple[int, int], ...]:
    out = []
    for start, end in rows:
        h1, m1 = (int(x) for x in start.split(":"))
        h2, m2 = (int(x) for x in end.split(":"))
        out.append((h1 * 60 + m1, h2 * 60 + m2))
    return tuple(sorted(out))


@dataclass(frozen=True)
class WorkingCalendar:
    """Working periods (minutes from midnight) on working days; weekends and holidays off."""

    periods: tuple[tuple[int, int], ...]
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    @property
    def minutes_per_day(self) -> int:
        return sum(e - s for s, e in self.periods)

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() in self.workdays and day not in italian_holidays(day.year)

    def add(self, start: dt.datetime, minutes: float) -> dt.datetime:
        """The moment ``minutes`` working minutes after ``start`` (before it when negative)."""
        if minutes < 0:
            return self._subtract(start, -minutes)
        remaining = float(minutes)
        day = start.date()
        pos = start.hour * 60 + start.minute + start.second / 60
        for _ in range(3700):  # ten years of days: a guard, never reached with real SLAs
            if self.is_working_day(day):
                for s, e in self.periods:
                    if pos >= e:
                        continue
                    begin = max(pos, s)
                    if remaining <= e - begin:
                        return _at(day, begin + remaining)
                    remaining -= e - begin
                    pos = e
            day += dt.timedelta(days=1)
            pos = 0
        raise ValueError("working time out of range")

    def _subtract(self, end: dt.datetime, minutes: float) -> dt.datetime:
        remaining = float(minutes)
        day = end.date()
        pos = end.hour * 60 + end.minute + end.second / 60
        for _ in range(3700):
            if self.is_working_day(day):
                for s, e in reversed(self.periods):
                    if pos <= s:
                        continue
                    stop = min(pos, e)
                    if remaining <= stop - s:
                        return _at(day, stop - remaining)
                    remaining -= stop - s
                    pos = s
            day -= dt.timedelta(days=1)
            pos = 24 * 60
        raise ValueError("working time out of range")

    def minutes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Working minutes from ``start`` to ``end`` (negative when ``end`` is before)."""
        if end < start:
            return -self.minutes_between(end, start)
        total = 0.0
        day = start.date()
        last = end.date()
        while day <= last:
            if self.is_working_day(day):
                lo = start.hour * 60 + start.minute + start.second / 60 if day == start.date() else 0
                hi = end.hour * 60 + end.minute + end.second / 60 if day == last else 24 * 60
                for s, e in self.periods:
                    a, b = max(s, lo), min(e, hi)
                    if b > a:
                        total += b - a
            day += dt.timedelta(days=1)
        return int(round(total))


def _at(day: dt.date, minute: float) -> dt.datetime:
    seconds = int(round(minute * 60))
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)


@lru_cache(maxsize=1)
def default_calendar() -> WorkingCalendar:
    return WorkingCalendar(_parse_periods(reference()["working_hours_default"]))


# -- a request's clocks ---------------------------------------------------------------------
@dataclass(frozen=True)
class SlaHours:
    response_hours: int
    resolution_hours: int


def sla_hours(priority, contract=None) -> SlaHours:
    """The service level: the contract's when it sets one, else the priority's defaults."""
    resp = getattr(contract, "response_hours", None) if contract is not None else None
    reso = getattr(contract, "resolution_hours", None) if contract is not None else None
    return SlaHours(int(resp if resp else priority.response_hours),
                    int(reso if reso else priority.resolution_hours))


@dataclass(frozen=True)
class Clocks:
    response_due: dt.datetime
    resolution_due: dt.datetime


def due_times(opened_at: dt.datetime, hours: SlaHours, paused_minutes: int = 0,
              calendar: WorkingCalendar | None = None) -> Clocks:
    """Due times from the opening moment, moved on by the working minutes spent paused."""
    cal = calendar or default_calendar()
    return Clocks(cal.add(opened_at, hours.response_hours * 60 + paused_minutes),
                  cal.add(opened_at, hours.resolution_hours * 60 + paused_minutes))


def running_due(request) -> tuple[dt.datetime | None, int]:
    """(the deadline that matters now, the window in working minutes) for an open request:
    the response due until the first response, then the resolution due."""
    if request.first_response_at is None and request.response_due is not None:
        return request.response_due, _window(request, "response")
    return request.resolution_due, _window(request, "resolution")


def _window(request, which: str) -> int:
    due = request.response_due if which == "response" else request.resolution_due
    if due is None:
        return 0
    return default_calendar().minutes_between(request.opened_at, due) - request.paused_minutes


def risk_at(due: dt.datetime, window_minutes: int,
            calendar: WorkingCalendar | None = None) -> dt.datetime:
    """When a deadline becomes at risk: less than 25% of its window or two working hours left."""
    cal = calendar or default_calendar()
    margin = max(window_minutes * AT_RISK_SHARE, AT_RISK_MINUTES)
    return cal.add(due, -margin)


def stored_keys(request) -> tuple[dt.datetime | None, dt.datetime | None]:
    """(sla_due, sla_risk_at) stored on the row so that the queue sorts and counts by index.

    Both are NULL when the clock does not run (paused, resolved, closed, cancelled)."""
    if request.status not in OPEN_STATUSES or request.paused_since is not None:
        return None, None
    due, window = running_due(request)
    if due is None:
        return None, None
    return due, risk_at(due, window)


def urgency(status: str, sla_due: dt.datetime | None, sla_risk: dt.datetime | None,
            paused_since: dt.datetime | None, now: dt.datetime) -> str:
    """overdue, at_risk, ok, paused or none (closed / no SLA)."""
    if status not in OPEN_STATUSES:
        return NONE
    if paused_since is not None:
        return PAUSED
    if sla_due is None:
        return NONE
    if sla_due < now:
        return OVERDUE
    if sla_risk is not None and sla_risk <= now:
        return AT_RISK
    return OK


def remaining_minutes(due: dt.datetime | None, now: dt.datetime) -> int | None:
    """Working minutes left until ``due`` (negative when overdue)."""
    if due is None:
        return None
    return default_calendar().minutes_between(now, due)


# -- stored keys for rows written outside the request services (demo, imports, migrations) --
class _Row:
    __slots__ = ("id", "status", "opened_at", "first_response_at", "response_due",
                 "resolution_due", "paused_since", "paused_minutes")


def _dt(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _sql(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat(sep=" ")


def refresh_stored_keys(db, *, only_missing: bool = False) -> int:
    """Recompute ``sla_due``/``sla_risk_at`` of open requests (system work, no audit/version).

    ``only_missing`` touches only running requests whose keys were never computed — what a
    bulk import or the demo generator leaves behind. Returns the number of rows updated.
    """
    marks = ",".join("?" * len(OPEN_STATUSES))
    sql = ("SELECT id, status, opened_at, first_response_at, response_due, resolution_due, "
           f"paused_since, paused_minutes FROM service_request WHERE status IN ({marks})")
    if only_missing:
        sql += " AND sla_due IS NULL AND paused_since IS NULL AND resolution_due IS NOT NULL"
    updates = []
    for values in db.execute_sql(sql, OPEN_STATUSES).fetchall():
        row = _Row()
        (row.id, row.status, opened, first, resp, reso, paused, row.paused_minutes) = values
        row.opened_at, row.first_response_at = _dt(opened), _dt(first)
        row.response_due, row.resolution_due, row.paused_since = _dt(resp), _dt(reso), _dt(paused)
        due, risk = stored_keys(row)
        updates.append((_sql(due), _sql(risk), row.id))
    if updates:
        with db.atomic():
            db.cursor().executemany(
                "UPDATE service_request SET sla_due = ?, sla_risk_at = ? WHERE id = ?", updates)
            uow.record("service_request", None, None, uow.UPDATED, ("sla_due", "sla_risk_at"))
    return len(updates)
