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
