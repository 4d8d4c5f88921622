"""The team board's data for a day or a week, in four queries (R-REQ-3).

Rows are operators grouped by team (plus one "unassigned" row per team for interventions
planned to a team without an operator); blocks are interventions with the fields a block shows;
working periods and absences are per operator and day, for shading. Also what the scheduling
dialogs read: an operator's absences and working week, the conflicts of a proposed time and the
free slots (or why there are none).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from peewee import JOIN

from ..models import Absence, ActivityType, Intervention, Operator, Priority, Team, WorkingHours
from ..services import scheduling
from ..services.scheduling import Conflict, Slot

SHOWN_STATUSES = ("planned", "in_progress", "done")
MAX_SPAN = dt.timedelta(days=15)  # > services.interventions.MAX_DURATION


@dataclass(frozen=True)
class BoardRow:
    operator_id: int | None  # None: the team's unassigned row
    name: str
    team_id: int | None
    team_name: str
    color: str


class Block(NamedTuple):
    """One intervention on the board (a NamedTuple: a busy week builds thousands of them)."""

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
    version: int = 1


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


def _blocks(lo: dt.datetime, hi: dt.datetime, *conditions) -> list[Block]:
    """Interventions overlapping ``lo``–``hi`` as blocks.

    The intervention table is read alone, so that SQLite walks the ``planned_start`` index (in a
    join it may prefer an index starting with activity type and scan the whole history); the
    request/customer fields follow in one query by ids, activity types and priorities are tiny.
    """
    q = (Intervention.select(
            Intervention.id, Intervention.version, Intervention.request, Intervention.operator,
            Intervention.team, Intervention.planned_start, Intervention.planned_end,
            Intervention.status, Intervention.activity_type, Intervention.priority)
         .where(Intervention.planned_start < hi, Intervention.planned_end > lo,
                # interventions last at most MAX_SPAN: bounds the index range scan from below
                Intervention.planned_start >= lo - MAX_SPAN, *conditions)
         .order_by(Intervention.planned_start, Intervention.id))
    db = Intervention._meta.database
    # Raw rows (peewee's per-value conversion costs more than the query); the status is filtered
    # here, not in SQL, where it would tempt SQLite into the status index over the time range.
    rows = [r for r in db.execute(q).fetchall() if r[7] in SHOWN_STATUSES]
    if not rows:
        return []
    request_ids = sorted({int(r[2]) for r in rows})
    # Integer ids inlined (they come from the database, never from the user): binding a few
    # thousand parameters through peewee costs more than the query itself.
    sql = ('SELECT r."id", r."number", r."subject", r."priority_id", p."name", p."city" '
           'FROM "service_request" AS r JOIN "party" AS p ON p."id" = r."customer_id" '
           'WHERE r."id" IN (' + ",".join(map(str, request_ids)) + ")")
    requests = {row[0]: row[1:] for row in db.execute_sql(sql).fetchall()}
    activities = {a[0]: a[1:] for a in ActivityType.select(
        ActivityType.id, ActivityType.code, ActivityType.name_en, ActivityType.name_it,
        ActivityType.color).tuples()}
    priorities = {p[0]: p[1:] for p in Priority.select(
        Priority.id, Priority.code, Priority.rank, Priority.color).tuples()}
    out = []
    for iid, version, rid, op, team, start, end, status, act_id, prio_id in rows:
        number, subject, req_prio, customer, city = requests.get(rid, ("", "", None, "", ""))
        code, name_en, name_it, color = activities.get(act_id, ("", "", "", "#5b8def"))
        p_code, p_rank, p_color = priorities.get(prio_id or req_prio, ("normal", 3, "#888888"))
        out.append(Block(
            id=iid, version=version, request_id=rid, request_number=number, operator_id=op,
            team_id=team, start=_dt(start), end=_dt(end), status=status, activity_code=code,
            activity_en=name_en, activity_it=name_it, color=color or "#5b8def",
            priority_code=p_code, priority_rank=p_rank, priority_color=p_color or "#888888",
            customer=customer or "", city=city or "", subject=subject or ""))
    return out


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

    conditions = [Intervention.team == team_id] if team_id is not None else []
    teams_with_unassigned: set[int | None] = set()
    op_ids = {o[0] for o in operators}
    for block in _blocks(lo, hi, *conditions):
        if block.operator_id is not None and block.operator_id not in op_ids:
            continue  # an archived operator or another team's operator
        if block.operator_id is None:
            if not include_unassigned:
                continue
            teams_with_unassigned.add(block.team_id)
        data.blocks.append(block)

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
        data.absences = _absences(Absence.operator.in_(list(op_ids)), Absence.start < hi,
                                  Absence.end > lo)
    return data


def interventions_of_operator(operator_id: int, start: dt.datetime, end: dt.datetime) -> list[Block]:
    """One operator's planned/in-progress/done interventions in a range (agenda, .ics, my day)."""
    return _blocks(start, end, Intervention.operator == operator_id)


def team_unassigned(team_id: int, start: dt.datetime, end: dt.datetime) -> list[Block]:
    return _blocks(start, end, Intervention.team == team_id, Intervention.operator.is_null())


def _absences(*conditions) -> list[AbsenceSpan]:
    return [AbsenceSpan(a[0], a[1], a[2], _dt(a[3]), _dt(a[4]), a[5], a[6])
            for a in (Absence.select(Absence.id, Absence.operator, Absence.kind, Absence.start,
                                     Absence.end, Absence.note, Absence.version)
                      .where(*conditions).order_by(Absence.start, Absence.id).tuples())]


def absences_of(operator_id: int, since: dt.datetime) -> list[AbsenceSpan]:
    """An operator's absences that end after ``since``, earliest first."""
    return _absences(Absence.operator == operator_id, Absence.end >= since)


@dataclass(frozen=True)
class WorkingWeek:
    """An operator's week: weekday (0 = Monday) → periods; ``own`` False when it is the
    office default (the operator has no hours of his own)."""

    operator_id: int
    periods: dict[int, list[tuple[dt.time, dt.time]]]
    own: bool


def working_week(operator_id: int) -> WorkingWeek:
    own = WorkingHours.select().where(WorkingHours.operator == operator_id).exists()
    return WorkingWeek(operator_id, scheduling.week_of(operator_id), own)


def conflicts(operator_id: int, start: dt.datetime, end: dt.datetime, *,
              exclude_intervention_id: int | None = None) -> list[Conflict]:
    """What is wrong with giving the operator this time (double booking, absence, outside
    working hours); nothing when the end is not after the start (the form says that)."""
    if start is None or end is None or end <= start:
        return []
    return scheduling.check_conflicts(operator_id, start, end,
                                      exclude_intervention_id=exclude_intervention_id)


@dataclass(frozen=True)
class SlotSearch:
    """Free slots for a duration, or — when there are none — why (a code of
    :func:`services.scheduling.why_no_slots`, or ``end_before_start``) and its parameters."""

    slots: tuple[Slot, ...]
    problem: str | None = None
    params: dict = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # operator id → name of the slots' operators


def find_slots(operator_id: int | None, team_id: int | None, duration_minutes: int,
               after: dt.datetime, *, limit: int = 6, horizon_days: int = 14,
               exclude_intervention_id: int | None = None) -> SlotSearch:
    """The first free slots of the operator (or, with none chosen, of anyone in the team)."""
    if duration_minutes is None or duration_minutes <= 0:
        return SlotSearch((), "end_before_start")
    if operator_id is None and team_id is None:
        return SlotSearch((), "no_operator")
    found = scheduling.free_slots(operator_id, duration_minutes, after, limit=limit,
                                  horizon_days=horizon_days,
                                  team_id=team_id if operator_id is None else None,
                                  exclude_intervention_id=exclude_intervention_id)
    if not found:
        problem, params = scheduling.why_no_slots(
            operator_id, duration_minutes, after, horizon_days=horizon_days,
            team_id=team_id if operator_id is None else None)
        return SlotSearch((), problem, params)
    names = dict(Operator.select(Operator.id, Operator.full_name)
                 .where(Operator.id.in_(sorted({s.operator_id for s in found}))).tuples())
    return SlotSearch(tuple(found), None, {}, names)
