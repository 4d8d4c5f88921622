"""The team board's data for a day or a week, in four queries (R-REQ-3).

Rows are operators grouped by team (plus one "unassigned" row per team for interventions
planned to a team without an operator); blocks are interventions with the fields a block shows;
working periods and absences are per operator and day, for shading.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN

from ..models import (Absence, ActivityType, Intervention, Operator, Party, Priority,
                      ServiceRequest, Team)
from ..services import scheduling

SHOWN_STATUSES = ("planned", "in_progress", "done")
MAX_SPAN = dt.timedelta(days=15)  # > services.interventions.MAX_DURATION


@dataclass(frozen=True)
class BoardRow:
    operator_id: int | None  # None: the team's unassigned row
    name: str
    team_id: int | None
    team_name: str
    color: str


@dataclass(frozen=True)
class Block:
    id: int
    version: int
    request_id: int
    request_number: str
    operator_id: int | None
    team_id: int | None
    start: dt.datetime
    end: dt.datetime
    status: str
    activity_code: str
    activity_en: str
    activity_it: str
    color: str
    priority_code: str
    priority_rank: int
    priority_color: str
    customer: str
    city: str
    subject: str


@dataclass(frozen=True)
class AbsenceSpan:
    id: int
    operator_id: int
    kind: str
    start: dt.datetime
    end: dt.datetime
    note: str


@dataclass
class BoardData:
    start: dt.date
    days: int
    rows: list[BoardRow] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    working: dict[int, dict[dt.date, list[tuple[dt.datetime, dt.datetime]]]] = field(default_factory=dict)
    absences: list[AbsenceSpan] = field(default_factory=list)

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=self.days)


def _dt(value) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _block_query(lo: dt.datetime, hi: dt.datetime):
    return (Intervention.select(
              Intervention.id, Intervention.version, Intervention.request, ServiceRequest.number,
              Intervention.operator, Intervention.team, Intervention.planned_start,
              Intervention.planned_end, Intervention.status, ActivityType.code, ActivityType.name_en,
              ActivityType.name_it, ActivityType.color, Priority.code, Priority.rank, Priority.color,
              Party.name, Party.city, ServiceRequest.subject)
           .join(ActivityType, on=(Intervention.activity_type == ActivityType.id))
           .switch(Intervention).join(ServiceRequest, on=(Intervention.request == ServiceRequest.id))
           .join(Party, on=(ServiceRequest.customer == Party.id))
           .switch(Intervention)
           .join(Priority, JOIN.LEFT_OUTER, on=(Intervention.priority == Priority.id))
           .where(Intervention.planned_start < hi, Intervention.planned_end > lo,
                  # interventions last at most MAX_SPAN: bounds the index range scan from below
                  Intervention.planned_start >= lo - MAX_SPAN,
                  Intervention.status.in_(SHOWN_STATUSES))
           .order_by(Intervention.planned_start))


def _block(r: tuple) -> Block:
    return Block(
        id=r[0], version=r[1], request_id=r[2], request_number=r[3], operator_id=r[4],
        team_id=r[5], start=_dt(r[6]), end=_dt(r[7]), status=r[8], activity_code=r[9],
        activity_en=r[10], activity_it=r[11], color=r[12] or "#5b8def",
        priority_code=r[13] or "normal", priority_rank=r[14] or 3,
        priority_color=r[15] or "#888888", customer=r[16] or "", city=r[17] or "",
        subject=r[18] or "")


def board(start: dt.date, days: int = 7, *, team_id: int | None = None,
          include_unassigned: bool = True) -> BoardData:
    """The board from ``start`` for ``days`` days, optionally for one team only."""
    data = BoardData(start=start, days=days)
    lo = dt.datetime.combine(start, dt.time(0))
    hi = lo + dt.timedelta(days=days)

    ops = (Operator.select(Operator.id, Operator.full_name, Operator.team, Team.name, Operator.color)
           .join(Team, JOIN.LEFT_OUTER, on=(Operator.team == Team.id))
           .where(Operator.active == True))  # noqa: E712
    if team_id is not None:
        ops = ops.where(Operator.team == team_id)
    operators = list(ops.order_by(Team.name.is_null(), Team.name, Operator.full_name).tuples())

    q = _block_query(lo, hi)
    if team_id is not None:
        q = q.where(Intervention.team == team_id)
    teams_with_unassigned: set[int | None] = set()
    op_ids = {o[0] for o in operators}
    for r in q.tuples():
        if r[4] is not None and r[4] not in op_ids:
            continue  # an archived operator or another team's operator
        if r[4] is None:
            if not include_unassigned:
                continue
            teams_with_unassigned.add(r[5])
        data.blocks.append(_block(r))

    team_names = {t.id: t.name for t in Team.select(Team.id, Team.name)} if teams_with_unassigned else {}
    current_team: object = object()
    for oid, name, tid, tname, color in operators:
        if tid != current_team:
            current_team = tid
            if tid in teams_with_unassigned:
                data.rows.append(BoardRow(None, "", tid, tname or "", "#9ca3af"))
                teams_with_unassigned.discard(tid)
        data.rows.append(BoardRow(oid, name, tid, tname or "", color or "#4a90d9"))
    for tid in sorted(teams_with_unassigned, key=lambda t: (t is None, team_names.get(t, ""))):
        data.rows.append(BoardRow(None, "", tid, team_names.get(tid, ""), "#9ca3af"))

    weeks = scheduling.weeks_of(list(op_ids))
    for oid in op_ids:
        week = weeks[oid]
        data.working[oid] = {
            start + dt.timedelta(days=i): scheduling.periods_on(week, start + dt.timedelta(days=i))
            for i in range(days)}
    if op_ids:
        for a in (Absence.select(Absence.id, Absence.operator, Absence.kind, Absence.start,
                                 Absence.end, Absence.note)
                  .where(Absence.operator.in_(list(op_ids)), Absence.start < hi, Absence.end > lo)
                  .tuples()):
            data.absences.append(AbsenceSpan(a[0], a[1], a[2], _dt(a[3]), _dt(a[4]), a[5]))
    return data


def interventions_of_operator(operator_id: int, start: dt.datetime, end: dt.datetime) -> list[Block]:
    """One operator's planned/in-progress/done interventions in a range (agenda, .ics, my day)."""
    q = _block_query(start, end).where(Intervention.operator == operator_id)
    return [_block(r) for r in q.tuples()]


def team_unassigned(team_id: int, start: dt.datetime, end: dt.datetime) -> list[Block]:
    q = _block_query(start, end).where(Intervention.team == team_id, Intervention.operator.is_null())
    return [_block(r) for r in q.tuples()]
