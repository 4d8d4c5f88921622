"""Team board benchmarks: ``board_week``, ``free_slots``, ``worklog_save`` (issue 4)."""
from __future__ import annotations

import datetime as dt
import itertools

from harness import Bench


def benchmarks(env) -> list[Bench]:
    from servicedesk.models import ActivityType, Intervention, Operator, ServiceRequest
    from servicedesk.queries.board import board
    from servicedesk.services import scheduling, worklogs

    # The busiest week around today (the demo's present): the honest case for the board.
    today = dt.date.today()
    this_monday = today - dt.timedelta(days=today.weekday())

    def planned_in(monday: dt.date) -> int:
        lo = dt.datetime.combine(monday, dt.time(0))
        return Intervention.select().where(Intervention.planned_start >= lo,
                                           Intervention.planned_start < lo + dt.timedelta(days=7)).count()

    monday = max((this_monday + dt.timedelta(weeks=w) for w in range(-4, 5)), key=planned_in)
    operators = [o.id for o in Operator.select(Operator.id).where(Operator.active == True)]  # noqa: E712
    ops = itertools.cycle(operators)
    after = dt.datetime.combine(monday, dt.time(8))

    def board_week() -> None:
        data = board(monday, 7)
        assert len({r.operator_id for r in data.rows if r.operator_id}) == len(operators)

    def free_slots() -> None:
        scheduling.free_slots(next(ops), 120, after, limit=5)

    request = ServiceRequest.select().order_by(ServiceRequest.id.desc()).first()
    repair = ActivityType.get(code="repair")
    days = itertools.count()

    def worklog_save() -> None:
        day = dt.date.today() - dt.timedelta(days=3000 + next(days) % 300)  # days without demo logs
        with env.rolled_back():
            worklogs.create(request.id, worklogs.WorklogInput(
                operator_id=next(ops), work_date=day, activity_type_id=repair.id,
                start_time=dt.time(9), end_time=dt.time(10, 30), travel_minutes=20, km=12),
                allow_overlap=True)

    n = len(operators)
    return [
        Bench("board_week", board_week, "p95 <= 150 ms", target_p95_ms=150,
              note=f"week of {monday}, {n} operators"),
        Bench("free_slots", free_slots, "p95 <= 20 ms", target_p95_ms=20, repeat=60),
        Bench("worklog_save", worklog_save, "p95 <= 20 ms", target_p95_ms=20, repeat=60),
    ]
