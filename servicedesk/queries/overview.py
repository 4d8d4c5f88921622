"""Key figures for the overview page: a handful of cheap COUNT queries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import SQL, fn

from .. import clock
from ..models import Contract, Intervention, Priority, ServiceRequest
from .requests import counters

OPEN_STATUSES = ("new", "assigned", "in_progress", "waiting_customer", "waiting_supplier")


@dataclass
class Overview:
    open_requests: int
    unassigned: int
    overdue: int  # past the deadline that runs now: response until answered, then resolution
    at_risk: int
    interventions_today: int
    interventions_week: int
    contracts_active: int
    contracts_expiring: int
    expiring_days: int
    open_by_priority: list[tuple[str, int]] = field(default_factory=list)  # (priority code, n)


def overview(now: dt.datetime | None = None, expiring_days: int | None = None) -> Overview:
    """Key figures; contracts "expiring" within the office's alert window (default 60 days)."""
    now = now or clock.now()
    if expiring_days is None:
        from .contracts import alert_days

        expiring_days = alert_days()
    today = now.date()
    day_start = dt.datetime.combine(today, dt.time())
    week_end = day_start + dt.timedelta(days=7)
    # Counted on the open requests first (the status index), then named: joined from the few
    # priorities, SQLite walked every request of each priority (2.1 s on 200,000 requests, #18).
    per_id = dict(ServiceRequest.select(ServiceRequest.priority, fn.COUNT(SQL("*")))
                  .where(ServiceRequest.status.in_(OPEN_STATUSES))
                  .group_by(ServiceRequest.priority).tuples())
    by_priority = [(code, per_id[pid]) for pid, code in
                   Priority.select(Priority.id, Priority.code).order_by(Priority.rank).tuples()
                   if per_id.get(pid)]
    planned = Intervention.select().where(Intervention.status.in_(("planned", "in_progress")))
    # The queue's own counters: the overview and the queue's buttons never disagree (#12).
    queue = counters(now)
    return Overview(
        open_requests=queue.open,
        unassigned=queue.unassigned,
        overdue=queue.overdue,
        at_risk=queue.at_risk,
        interventions_today=planned.where(
            Intervention.planned_start >= day_start,
            Intervention.planned_start < day_start + dt.timedelta(days=1)).count(),
        interventions_week=planned.where(Intervention.planned_start >= day_start,
                                         Intervention.planned_start < week_end).count(),
        contracts_active=Contract.select().where(Contract.status == "active").count(),
        contracts_expiring=Contract.select().where(
            Contract.status == "active", Contract.term_end >= today,
            Contract.term_end <= today + dt.timedelta(days=expiring_days)).count(),
        expiring_days=expiring_days,
        open_by_priority=by_priority,
    )


@dataclass
class WeekFlow:
    week_start: dt.date
    opened: int
    closed: int


def weekly_flow(weeks: int = 12, today: dt.date | None = None) -> list[WeekFlow]:
    """Requests opened and closed per ISO week over the last ``weeks`` weeks (this one included).

    Two range scans on the opened_at/closed_at indexes, grouped in Python by week."""
    today = today or clock.today()
    first = today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=weeks - 1)
    start = dt.datetime.combine(first, dt.time())
    out = {first + dt.timedelta(weeks=i): [0, 0] for i in range(weeks)}

    def bucket(column, slot: int) -> None:
        day = fn.date(column)
        rows = (ServiceRequest.select(day.alias("d"), fn.COUNT(ServiceRequest.id))
                .where(column >= start).group_by(day).tuples())
        for text, n in rows:
            d = dt.date.fromisoformat(text[:10]) if isinstance(text, str) else text
            if isinstance(d, dt.datetime):
                d = d.date()
            key = d - dt.timedelta(days=d.weekday())
            if key in out:
                out[key][slot] += n

    bucket(ServiceRequest.opened_at, 0)
    bucket(ServiceRequest.closed_at, 1)
    return [WeekFlow(week, o, c) for week, (o, c) in sorted(out.items())]
