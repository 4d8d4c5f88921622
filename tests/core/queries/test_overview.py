"""Overview figures and the weekly flow chart data (R-REQ-2)."""
from __future__ import annotations

import datetime as dt

from servicedesk.models import Party, Priority, ServiceRequest
from servicedesk.queries.overview import overview, weekly_flow


def test_weekly_flow_counts_opened_and_closed_per_week(db):
    party = Party.create(code="C1", name="Ottica Neri")
    normal = Priority.get(code="normal")
    today = dt.date(2026, 11, 27)  # a Friday
    for n, (opened, closed) in enumerate([
        (dt.datetime(2026, 11, 23, 9), None),                       # this week
        (dt.datetime(2026, 11, 16, 10), dt.datetime(2026, 11, 24, 12)),
        (dt.datetime(2026, 11, 20, 10), dt.datetime(2026, 11, 20, 15)),
        (dt.datetime(2026, 1, 5, 10), dt.datetime(2026, 1, 9, 10)),  # outside the window
    ]):
        ServiceRequest.create(number=f"RS-2026-{n:06d}", customer=party, priority=normal,
                              opened_at=opened, closed_at=closed,
                              status="closed" if closed else "new")
    weeks = weekly_flow(12, today=today)
    assert len(weeks) == 12 and weeks[-1].week_start == dt.date(2026, 11, 23)
    assert (weeks[-1].opened, weeks[-1].closed) == (1, 1)
    assert (weeks[-2].opened, weeks[-2].closed) == (2, 1)
    assert sum(w.opened for w in weeks) == 3
    figures = overview(now=dt.datetime(2026, 11, 27, 12))
    assert figures.open_requests == 1 and figures.unassigned == 1


def test_overview_counts_overdue_like_the_queue(demo_db):
    """One definition of "overdue" (the deadline that runs now: response until the first answer,
    then resolution) for the overview card and the queue's counter (#12: 65 vs 67)."""
    from servicedesk import clock
    from servicedesk.queries.requests import counters

    now = clock.now()
    figures, queue = overview(now=now), counters(now)
    assert (figures.open_requests, figures.overdue, figures.at_risk, figures.unassigned) == \
        (queue.open, queue.overdue, queue.at_risk, queue.unassigned)
    assert figures.overdue > 0


def test_a_request_past_its_response_deadline_is_overdue_in_both(db):
    from servicedesk.queries.requests import counters
    from servicedesk.services import sla

    party = Party.create(code="C1", name="Ottica Neri")
    normal = Priority.get(code="normal")
    now = dt.datetime(2026, 11, 27, 12)
    request = ServiceRequest.create(
        number="RS-2026-000001", customer=party, priority=normal, status="new",
        opened_at=dt.datetime(2026, 11, 26, 9), response_due=dt.datetime(2026, 11, 26, 13),
        resolution_due=dt.datetime(2026, 12, 3, 17))  # not answered: the response clock runs
    sla.refresh_stored_keys(ServiceRequest._meta.database)
    assert overview(now=now).overdue == counters(now).overdue == 1
    ServiceRequest.update(status="waiting_customer", paused_since=now).where(
        ServiceRequest.id == request.id).execute()  # the clock paused: overdue in neither
    sla.refresh_stored_keys(ServiceRequest._meta.database)
    assert overview(now=now).overdue == counters(now).overdue == 0
