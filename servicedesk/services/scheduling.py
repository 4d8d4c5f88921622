"""Operators' working time, absences, scheduling conflicts and free-slot search (R-REQ-3, R-MNT-1).

Working hours are ``WorkingHours`` rows per operator (weekday 0 = Monday, several periods a day);
an operator without any row works the office default (``reference.json``
``working_hours_default``, Monday to Friday). Absences are ``Absence`` rows (holiday, sick
leave, training, other).

An interval fits the working time when it lies inside one working period of its day, or — for a
job longer than the longest period of that day (a 6-hour installation) — inside the day's span
from the first start to the last end. ``free_slots`` and ``check_conflicts`` share that rule.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from .. import context
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import Absence, Intervention, Operator, WorkingHours
from ..permissions import Permission
from ..reference_data import reference

ABSENCE_KINDS = ("holiday", "sick", "training", "other")
ACTIVE_STATUSES = ("planned", "in_progress")  # interventions that occupy an operator
SLOT_STEP_MINUTES = 15
MAX_HORIZON_DAYS = 366

Period = tuple[dt.time, dt.time]
Interval = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class Slot:
    operator_id: int
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Conflict:
    kind: str  # "double_booking", "absence", "outside_hours"
    detail: str  # English fallback text; the UI builds its own message from kind + fields
    other_intervention_id: int | None = None
    start: dt.datetime | None = None  # the other intervention's / absence's interval
    end: dt.datetime | None = None
    absence_kind: str | None = None


# -- working hours ------------------------------------------------------------------------------

def _parse_time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def default_week() -> dict[int, list[Period]]:
    """The office default: the same periods Monday to Friday (a day missing is a day off)."""
    periods = [(_parse_time(a), _parse_time(b)) for a, b in reference()["working_hours_default"]]
    return {wd: list(periods) for wd in range(5)}


def weeks_of(operator_ids: Iterable[int]) -> dict[int, dict[int, list[Period]]]:
    """Each operator's week (weekday → sorted periods; a day missing is a day off), in one
    query."""
    ids = list(operator_ids)
    out: dict[int, dict[int, list[Period]]] = {}
    rows = (WorkingHours.select(WorkingHours.operator, WorkingHours.weekday, WorkingHours.start,
                                WorkingHours.end)
            .where(WorkingHours.operator.in_(ids)).tuples())
    for op_id, weekday, start, end in rows:
        out.setdefault(op_id, {}).setdefault(weekday, []).append((start, end))
    default = default_week()
    for op_id in ids:
        if op_id in out:
            for periods in out[op_id].values():
                periods.sort()
        else:
            out[op_id] = default
    return out


def week_of(operator_id: int) -> dict[int, list[Period]]:
    return weeks_of([operator_id])[operator_id]


def has_own_hours(operator_id: int) -> bool:
    return WorkingHours.select().where(WorkingHours.operator == operator_id).exists()


def periods_on(week: dict[int, list[Period]], day: dt.date) -> list[Interval]:
    return [(dt.datetime.combine(day, a), dt.datetime.combine(day, b))
            for a, b in week.get(day.weekday(), [])]


def _fits_working_time(week: dict[int, list[Period]], start: dt.datetime, end: dt.datetime) -> bool:
    # an interval that ends on a later day ends after every period of its first day: no fit
    periods = periods_on(week, start.date())
    if not periods:
        return False
    if any(a <= start and end <= b for a, b in periods):
        return True
    longest = max(b - a for a, b in periods)
    return (end - start) > longest and periods[0][0] <= start and end <= periods[-1][1]


def set_working_hours(operator_id: int, periods: list[tuple[int, dt.time, dt.time]]) -> list[WorkingHours]:
    """Replace an operator's week with ``periods`` (weekday, start, end).

    An empty list returns the operator to the office default.
    """
    context.require(Permission.BOARD_EDIT)
    if Operator.get_or_none(Operator.id == operator_id) is None:
        raise NotFound(f"operator {operator_id}", code="not_found")
    errors: list[FieldError] = []
    by_day: dict[int, list[Period]] = {}
    for weekday, start, end in periods:
        if not 0 <= int(weekday) <= 6:
            errors.append(FieldError("weekday", "invalid_choice", {"value": weekday}))
            continue
        if end <= start:
            errors.append(FieldError("end", "end_before_start", {"weekday": weekday}))
            continue
        by_day.setdefault(int(weekday), []).append((start, end))
    for weekday, items in by_day.items():
        items.sort()
        for (a1, b1), (a2, b2) in zip(items, items[1:]):
            if a2 < b1:
                errors.append(FieldError("start", "scheduling.hours_overlap", {"weekday": weekday}))
    if errors:
        raise ValidationError(errors)
    with WorkingHours._meta.database.atomic():
        WorkingHours.delete().where(WorkingHours.operator == operator_id).execute()
        rows = [WorkingHours.create(operator=operator_id, weekday=wd, start=a, end=b)
                for wd, items in sorted(by_day.items()) for a, b in items]
    return rows


# -- absences -----------------------------------------------------------------------------------

def _validate_absence(kind: str, start: dt.datetime, end: dt.datetime, note: str) -> None:
    errors: list[FieldError] = []
    if kind not in ABSENCE_KINDS:
        errors.append(FieldError("kind", "invalid_choice", {"value": kind}))
    if start is None:
        errors.append(FieldError("start", "required"))
    if end is None:
        errors.append(FieldError("end", "required"))
    if start is not None and end is not None and end <= start:
        errors.append(FieldError("end", "end_before_start"))
    if start is not None and end is not None and (end - start).days > MAX_HORIZON_DAYS:
        errors.append(FieldError("end", "scheduling.absence_too_long", {"days": MAX_HORIZON_DAYS}))
    if len(note or "") > 200:
        errors.append(FieldError("note", "too_long", {"max": 200}))
    if errors:
        raise ValidationError(errors)


def add_absence(operator_id: int, kind: str, start: dt.datetime, end: dt.datetime,
                note: str = "") -> Absence:
    context.require(Permission.BOARD_EDIT)
    _validate_absence(kind, start, end, note)
    if Operator.get_or_none(Operator.id == operator_id) is None:
        raise NotFound(f"operator {operator_id}", code="not_found")
    with Absence._meta.database.atomic():
        return Absence.create(operator=operator_id, kind=kind, start=start, end=end,
                              note=(note or "").strip())


def update_absence(absence: Absence, *, kind: str, start: dt.datetime, end: dt.datetime,
                   note: str = "") -> Absence:
    """Edit a loaded absence (optimistic-locked: a concurrent edit raises ConflictError)."""
    context.require(Permission.BOARD_EDIT)
    _validate_absence(kind, start, end, note)
    absence.kind, absence.start, absence.end, absence.note = kind, start, end, (note or "").strip()
    with Absence._meta.database.atomic():
        absence.save()
    return absence


def edit_absence(absence_id: int, expected_version: int, *, kind: str, start: dt.datetime,
                 end: dt.datetime, note: str = "") -> Absence:
    """:func:`update_absence` of the absence the user saw at ``expected_version``."""
    context.require(Permission.BOARD_EDIT)
    with Absence._meta.database.atomic():
        absence = Absence.get_or_none(Absence.id == absence_id)
        if absence is None:
            raise ConflictError("Absence", absence_id, deleted=True)
        absence.version = expected_version  # a newer stored version refuses the save
        return update_absence(absence, kind=kind, start=start, end=end, note=note)


def delete_absence(absence_id: int, expected_version: int | None = None) -> None:
    """Remove an absence (a tombstone keeps that it existed); with ``expected_version`` only
    the absence as the user saw it (ConflictError when it changed since)."""
    context.require(Permission.BOARD_EDIT)
    with Absence._meta.database.atomic():
        absence = Absence.get_or_none(Absence.id == absence_id)
        if absence is None:
            return
        if expected_version is not None:
            absence.version = expected_version
        absence.delete_instance()


def absences_between(operator_ids: Iterable[int], start: dt.datetime,
                     end: dt.datetime) -> dict[int, list[Absence]]:
    ids = list(operator_ids)
    out: dict[int, list[Absence]] = {i: [] for i in ids}
    query = (Absence.select().where(Absence.operator.in_(ids), Absence.start < end,
                                    Absence.end > start).order_by(Absence.start))
    for absence in query:
        out[absence.operator_id].append(absence)
    return out


# -- conflicts ----------------------------------------------------------------------------------

def _busy(operator_ids: list[int], start: dt.datetime, end: dt.datetime,
          exclude_intervention_id: int | None = None) -> dict[int, list[tuple[int, dt.datetime, dt.datetime]]]:
    out: dict[int, list[tuple[int, dt.datetime, dt.datetime]]] = {i: [] for i in operator_ids}
    query = (Intervention.select(Intervention.id, Intervention.operator, Intervention.planned_start,
                                 Intervention.planned_end)
             .where(Intervention.operator.in_(operator_ids),
                    Intervention.status.in_(ACTIVE_STATUSES),
                    Intervention.planned_start < end, Intervention.planned_end > start,
                    # interventions last at most two weeks: bounds the index range scan
                    Intervention.planned_start >= start - dt.timedelta(days=15))
             .order_by(Intervention.planned_start))
    if exclude_intervention_id is not None:
        query = query.where(Intervention.id != exclude_intervention_id)
    for iid, op_id, a, b in query.tuples():
        out[op_id].append((iid, a, b))
    return out


def check_conflicts(operator_id: int, start: dt.datetime, end: dt.datetime, *,
                    exclude_intervention_id: int | None = None) -> list[Conflict]:
    """What is wrong with giving ``operator_id`` the interval ``start``–``end``.

    Conflicts are warnings: the caller may override them (and records it).
    """
    if start is None or end is None or end <= start:
        raise ValidationError(FieldError("planned_end", "end_before_start"))
    found: list[Conflict] = []
    # The details below are stored in override notes; ui/widgets/board_common.py
    # (override_note_text) reads them back into the user's language: keep their shape.
    for iid, a, b in _busy([operator_id], start, end, exclude_intervention_id)[operator_id]:
        found.append(Conflict("double_booking", f"overlaps intervention #{iid} ({a:%d/%m %H:%M}–{b:%H:%M})",
                              iid, a, b))
    for absence in absences_between([operator_id], start, end)[operator_id]:
        found.append(Conflict("absence", f"absent ({absence.kind}) {absence.start:%d/%m %H:%M}–"
                                         f"{absence.end:%d/%m %H:%M}", None,
                              absence.start, absence.end, absence.kind))
    if not _fits_working_time(week_of(operator_id), start, end):
        found.append(Conflict("outside_hours", "outside working hours"))
    return found


# -- free slots ---------------------------------------------------------------------------------

def _round_up(moment: dt.datetime, minutes: int = SLOT_STEP_MINUTES) -> dt.datetime:
    moment = moment.replace(second=0, microsecond=0)
    extra = moment.minute % minutes
    return moment if extra == 0 else moment + dt.timedelta(minutes=minutes - extra)


def _subtract(window: Interval, blocked: list[Interval]) -> list[Interval]:
    free = [window]
    for a, b in blocked:
        nxt: list[Interval] = []
        for fa, fb in free:
            if b <= fa or a >= fb:
                nxt.append((fa, fb))
                continue
            if a > fa:
                nxt.append((fa, a))
            if b < fb:
                nxt.append((b, fb))
        free = nxt
    return free


def _operator_slots(operator_id: int, week: dict[int, list[Period]], blocked: list[Interval],
                    duration: dt.timedelta, after: dt.datetime, until: dt.datetime,
                    limit: int) -> list[Slot]:
    """The operator's slots day by day until there are ``limit`` (the last day's all: the
    caller keeps the first ``limit`` of every operator's)."""
    slots: list[Slot] = []
    day = after.date()
    while day < until.date() and len(slots) < limit:
        periods = periods_on(week, day)
        if periods:
            longest = max(b - a for a, b in periods)
            windows = periods if duration <= longest else [(periods[0][0], periods[-1][1])]
            for window in windows:
                for fa, fb in _subtract(window, blocked):
                    begin = _round_up(max(fa, after))
                    if begin + duration <= fb:
                        slots.append(Slot(operator_id, begin, begin + duration))
        day += dt.timedelta(days=1)
    return slots


def team_operator_ids(team_id: int) -> list[int]:
    return [r[0] for r in Operator.select(Operator.id)
            .where(Operator.team == team_id, Operator.active == True).order_by(Operator.id)  # noqa: E712
            .tuples()]


def free_slots(operator_id: int | None, duration_minutes: int, after: dt.datetime, *,
               limit: int = 5, horizon_days: int = 14, team_id: int | None = None,
               exclude_intervention_id: int | None = None) -> list[Slot]:
    """The first ``limit`` free slots of ``duration_minutes`` starting at or after ``after``.

    With ``operator_id`` None and a ``team_id``: any active operator of the team, earliest first.
    A slot lies within working time (see module docstring), clear of planned interventions and
    absences; starts are rounded up to the quarter hour. One slot per free gap, so the
    proposals are distinct options rather than 15-minute shifts of the same one.
    """
    if duration_minutes is None or duration_minutes <= 0:
        raise ValidationError(FieldError("duration", "scheduling.duration_positive"))
    if operator_id is None:
        if team_id is None:
            raise ValidationError(FieldError("operator", "required"))
        ids = team_operator_ids(team_id)
    else:
        ids = [operator_id]
    horizon_days = max(1, min(int(horizon_days), MAX_HORIZON_DAYS))
    duration = dt.timedelta(minutes=int(duration_minutes))
    after = after.replace(second=0, microsecond=0)
    until = dt.datetime.combine(after.date() + dt.timedelta(days=horizon_days), dt.time(0))
    weeks = weeks_of(ids)
    busy = _busy(ids, after, until, exclude_intervention_id)
    absent = absences_between(ids, after, until)
    found: list[Slot] = []
    for op_id in ids:
        blocked = [(a, b) for _, a, b in busy[op_id]]
        blocked += [(x.start, x.end) for x in absent[op_id]]
        found += _operator_slots(op_id, weeks[op_id], blocked, duration, after, until, limit)
    found.sort(key=lambda s: (s.start, s.operator_id))
    return found[:limit]


def why_no_slots(operator_id: int | None, duration_minutes: int, after: dt.datetime, *,
                 horizon_days: int, team_id: int | None = None) -> tuple[str, dict]:
    """Why :func:`free_slots` found nothing, as a code and its parameters (the UI says it):

    ``no_operator`` (neither an operator nor a team), ``team_empty`` (no active operator in the
    team), ``no_working_hours`` (no working period in the horizon), ``longer_than_day`` (longer
    than any working day: ``hours`` is the longest), ``absent`` (absent on every working day),
    ``fully_booked`` (every working period taken).
    """
    if operator_id is None and team_id is None:
        return "no_operator", {}
    ids = [operator_id] if operator_id is not None else team_operator_ids(team_id)
    if not ids:
        return "team_empty", {}
    horizon_days = max(1, min(int(horizon_days), MAX_HORIZON_DAYS))
    first = after.date()
    days = [first + dt.timedelta(days=i) for i in range(horizon_days)]
    until = dt.datetime.combine(first + dt.timedelta(days=horizon_days), dt.time(0))
    weeks = weeks_of(ids)
    spans = [periods_on(weeks[op], day) for op in ids for day in days]
    spans = [p for p in spans if p]
    if not spans:
        return "no_working_hours", {"days": horizon_days}
    longest = max(p[-1][1] - p[0][0] for p in spans)
    if dt.timedelta(minutes=int(duration_minutes)) > longest:
        return "longer_than_day", {"hours": round(longest.total_seconds() / 3600, 1)}
    absent = absences_between(ids, after, until)
    for op in ids:
        away = [(a.start, a.end) for a in absent[op]]
        for day in days:
            periods = periods_on(weeks[op], day)
            if periods and _subtract((periods[0][0], periods[-1][1]), away):
                return "fully_booked", {"days": horizon_days}
    return "absent", {"days": horizon_days}


def is_working_day(operator_id: int, day: dt.date) -> bool:
    return bool(week_of(operator_id).get(day.weekday()))
