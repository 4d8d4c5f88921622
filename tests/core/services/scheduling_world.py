"""The small office the scheduling tests book on (test_scheduling.py, test_scheduling_rules.py):
one team, two operators, one request, a Monday."""
from __future__ import annotations

import datetime as dt

from servicedesk.models import (ActivityType, Intervention, Operator, Party, Priority,
                                ServiceRequest, Team)

MON = dt.date(2026, 3, 2)  # a Monday


def at(day: dt.date, hhmm: str, days: int = 0) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=days), dt.time.fromisoformat(hhmm))


def make_office():
    """(team, anna, bruno, book): ``book(operator, start, end, status="planned")`` plans an
    intervention of the office's one request."""
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team)
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", team=team)
    party = Party.create(code="C1", name="Officine Meccaniche")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="normal"), opened_at=at(MON, "08:00"))
    repair = ActivityType.get(code="repair")

    def book(op, start, end, status="planned"):
        return Intervention.create(request=req, activity_type=repair, operator=op,
                                   planned_start=start, planned_end=end, status=status)
    return team, anna, bruno, book
