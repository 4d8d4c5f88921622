"""A request's work log as the panels and dialogs show it, and the entry a new one starts from (R-LOG-1).

Rows (with the version the user saw) and totals of a request's entries; which interventions
already have an entry; and the prefilled input of a new entry — from an intervention (its
times), or for a request (the signed-in operator, his intervention preselected, the activity
type and duration the request's work suggests: :func:`queries.interventions.suggested_activity`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from peewee import Case, fn

from .. import clock
from ..errors import NotFound
from ..models import ActivityType, Intervention, Operator, WorkLog
from ..services.worklogs import WorklogInput
from .interventions import suggested_activity


@dataclass(frozen=True)
class WorklogRow:
    id: int
    version: int
    request_id: int
    intervention_id: int | None
    operator_id: int
    operator_name: str
    activity_type_id: int
    activity_en: str
    activity_it: str
    work_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    minutes: int
    travel_minutes: int
    km: Decimal
    billable: bool
    notes: str

    def as_input(self) -> WorklogInput:
        """The entry as the form edits it."""
        return WorklogInput(
            operator_id=self.operator_id, work_date=self.work_date,
            activity_type_id=self.activity_type_id, start_time=self.start_time,
            end_time=self.end_time, minutes=None if self.start_time else self.minutes,
            travel_minutes=self.travel_minutes, km=self.km, billable=self.billable,
            notes=self.notes, intervention_id=self.intervention_id)


def _select():
    return (WorkLog.select(WorkLog, Operator.id, Operator.full_name, ActivityType.id,
                           ActivityType.name_en, ActivityType.name_it)
            .join(Operator).switch(WorkLog).join(ActivityType))


def _row(e: WorkLog) -> WorklogRow:
    return WorklogRow(
        e.id, e.version, e.request_id, e.intervention_id, e.operator_id, e.operator.full_name,
        e.activity_type_id, e.activity_type.name_en, e.activity_type.name_it, e.work_date,
        e.start_time, e.end_time, e.minutes, e.travel_minutes, Decimal(str(e.km or 0)),
        bool(e.billable), e.notes or "")


def of_request(request_id: int) -> list[WorklogRow]:
    """A request's entries, newest first."""
    return [_row(e) for e in _select().where(WorkLog.request == request_id)
            .order_by(WorkLog.work_date.desc(), WorkLog.start_time.desc(), WorkLog.id.desc())]


def entry(entry_id: int) -> WorklogRow | None:
    found = _select().where(WorkLog.id == entry_id).first()
    return _row(found) if found is not None else None


@dataclass(frozen=True)
class Totals:
    billable_minutes: int
    non_billable_minutes: int
    travel_minutes: int
    km: Decimal
    entries: int

    @property
    def minutes(self) -> int:
        return self.billable_minutes + self.non_billable_minutes


def totals(request_id: int) -> Totals:
    """The request's logged time, billable and not, in one query."""
    billable = fn.COALESCE(fn.SUM(Case(None, [(WorkLog.billable == True, WorkLog.minutes)], 0)), 0)  # noqa: E712
    other = fn.COALESCE(fn.SUM(Case(None, [(WorkLog.billable == False, WorkLog.minutes)], 0)), 0)  # noqa: E712
    row = (WorkLog.select(billable, other, fn.COALESCE(fn.SUM(WorkLog.travel_minutes), 0),
                          fn.COALESCE(fn.SUM(WorkLog.km), 0), fn.COUNT(WorkLog.id))
           .where(WorkLog.request == request_id).tuples().get())
    return Totals(int(row[0]), int(row[1]), int(row[2]), Decimal(str(row[3])).quantize(Decimal("0.1")),
                  int(row[4]))


def logged_interventions(intervention_ids: list[int]) -> set[int]:
    """Which of these interventions already have a work-log entry."""
    if not intervention_ids:
        return set()
    return {r[0] for r in WorkLog.select(WorkLog.intervention).distinct()
            .where(WorkLog.intervention.in_(intervention_ids)).tuples()}


# -- what a new entry starts from ----------------------------------------------------------------

def from_intervention(intervention_id: int, operator_id: int | None = None) -> WorklogInput:
    """A prefilled entry for an intervention (the "my day" one-click log): its actual times when
    done, else its planned times; the date is the intervention's day."""
    i = (Intervention.select(Intervention.id, Intervention.operator, Intervention.activity_type,
                             Intervention.planned_start, Intervention.planned_end,
                             Intervention.actual_start, Intervention.actual_end,
                             ActivityType.default_minutes)
         .join(ActivityType).where(Intervention.id == intervention_id).objects().first())
    if i is None:
        raise NotFound(f"intervention {intervention_id}", code="not_found")
    start = i.actual_start or i.planned_start
    end = i.actual_end or i.planned_end
    same_day = start is not None and end is not None and start.date() == end.date() and end > start
    return WorklogInput(
        operator_id=operator_id or i.operator_id,
        work_date=start.date() if start else clock.today(),
        activity_type_id=i.activity_type_id,
        start_time=start.time().replace(second=0, microsecond=0) if same_day else None,
        end_time=end.time().replace(second=0, microsecond=0) if same_day else None,
        minutes=None if same_day else i.default_minutes,
        billable=None, intervention_id=i.id)


def _worked_on(request_id: int, operator_id: int | None) -> int | None:
    """The intervention an entry of ``operator_id`` on this request most probably belongs to:
    his own that has begun (in progress, then the latest done), else his next planned one."""
    if operator_id is None:
        return None
    mine = (Intervention.select(Intervention.id, Intervention.status)
            .where(Intervention.request == request_id, Intervention.operator == operator_id,
                   Intervention.status != "cancelled"))
    rank = Case(Intervention.status, [("in_progress", 0), ("done", 1)], 2)
    begun = (mine.where(Intervention.status.in_(("in_progress", "done")))
             .order_by(rank, fn.COALESCE(Intervention.actual_start, Intervention.planned_start).desc())
             .tuples().first())
    if begun is not None:
        return begun[0]
    upcoming = (mine.where(Intervention.status == "planned")
                .order_by(Intervention.planned_start, Intervention.id).tuples().first())
    return upcoming[0] if upcoming is not None else None


def defaults_for(request_id: int, operator_id: int | None) -> WorklogInput:
    """A new entry of ``operator_id`` (the signed-in operator) on a request: with his
    intervention preselected, its activity type and times; without one, today, the activity type
    and duration the request's work suggests, ending at the current hour."""
    intervention_id = _worked_on(request_id, operator_id)
    if intervention_id is not None:
        data = from_intervention(intervention_id, operator_id)
        if data.work_date <= clock.today():
            return data
        # planned for later: preselect it, but log today's work by its duration
        minutes = data.minutes
        if data.start_time is not None and data.end_time is not None:
            minutes = (data.end_time.hour * 60 + data.end_time.minute
                       - data.start_time.hour * 60 - data.start_time.minute)
        return WorklogInput(operator_id=operator_id, work_date=clock.today(),
                            activity_type_id=data.activity_type_id, minutes=minutes,
                            intervention_id=intervention_id)
    suggestion = suggested_activity(request_id)
    minutes = suggestion.minutes
    if minutes is None and suggestion.activity_type_id is not None:
        minutes = ActivityType.get_by_id(suggestion.activity_type_id).default_minutes
    minutes = minutes or 60
    end = clock.now().replace(minute=0, second=0, microsecond=0)
    start = end - dt.timedelta(minutes=minutes)
    if start.date() != end.date():  # early in the morning: a duration, not times
        return WorklogInput(operator_id=operator_id, work_date=clock.today(),
                            activity_type_id=suggestion.activity_type_id, minutes=minutes)
    return WorklogInput(operator_id=operator_id, work_date=clock.today(),
                        activity_type_id=suggestion.activity_type_id, start_time=start.time(),
                        end_time=end.time())
