"""Work logs (consuntivi): time and activity spent on a request (R-LOG-1).

An entry has a date and either start–end times or a number of minutes; travel time and km;
billable or not (default: the activity type's). Customer and job order follow from the request.
Overlapping entries of the same operator are warned, not refused: a save without
``allow_overlap=True`` raises :class:`WorklogOverlapError` listing them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from peewee import fn

from .. import clock, context
from ..errors import ConflictError, FieldError, NotFound, ServiceDeskError, ValidationError
from ..models import ActivityType, Intervention, Operator, ServiceRequest, WorkLog
from ..permissions import Permission

MAX_DAY_HOURS = 16  # more than 16 hours in one day is a typing mistake
MAX_DAY_MINUTES = MAX_DAY_HOURS * 60
MAX_KM = Decimal("3000")
MAX_NOTES = 5000


@dataclass(frozen=True)
class Overlap:
    """An entry of the same operator and day that a new one overlaps."""

    id: int
    start_time: dt.time | None
    end_time: dt.time | None


class WorklogOverlapError(ServiceDeskError):
    """The entry overlaps other entries of the same operator; save again with allow_overlap."""

    code = "worklogs.overlap"

    def __init__(self, overlapping: list[WorkLog]) -> None:
        # plain rows: the error travels to the UI, which shows their times
        self.overlapping = [Overlap(e.id, e.start_time, e.end_time) for e in overlapping]
        super().__init__(f"overlaps {len(overlapping)} entries", count=len(overlapping))


@dataclass(frozen=True)
class WorklogInput:
    operator_id: int | None
    work_date: dt.date | None
    activity_type_id: int | None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    minutes: int | None = None  # used when no start–end is given
    travel_minutes: int = 0
    km: Decimal | int | str = 0
    billable: bool | None = None  # None: the activity type's default
    notes: str = ""
    intervention_id: int | None = None


def _require_for(operator_id: int | None) -> None:
    """Anyone's entries with "log any time", one's own with "log own time" (R-LOG-1)."""
    context.require_own(Permission.WORKLOG_ANY, Permission.WORKLOG_OWN, operator_id)


def _minutes_between(a: dt.time, b: dt.time) -> int:
    return (b.hour * 60 + b.minute) - (a.hour * 60 + a.minute)


def _validate(request: ServiceRequest, data: WorklogInput, exclude_id: int | None) -> dict:
    errors: list[FieldError] = []
    today = clock.today()
    if data.operator_id is None:
        errors.append(FieldError("operator", "required"))
    elif Operator.get_or_none(Operator.id == data.operator_id) is None:
        errors.append(FieldError("operator", "invalid_choice", {"value": data.operator_id}))
    activity = None
    if data.activity_type_id is None:
        errors.append(FieldError("activity_type", "required"))
    else:
        activity = ActivityType.get_or_none(ActivityType.id == data.activity_type_id)
        if activity is None:
            errors.append(FieldError("activity_type", "invalid_choice", {"value": data.activity_type_id}))
    if data.work_date is None:
        errors.append(FieldError("work_date", "required"))
    elif data.work_date > today:
        errors.append(FieldError("work_date", "worklogs.future_date"))
    elif data.work_date < today - dt.timedelta(days=3660):
        errors.append(FieldError("work_date", "invalid_date"))
    minutes = data.minutes
    if (data.start_time is None) != (data.end_time is None):
        errors.append(FieldError("end_time" if data.end_time is None else "start_time", "required"))
    elif data.start_time is not None:
        span = _minutes_between(data.start_time, data.end_time)
        if span <= 0:
            errors.append(FieldError("end_time", "end_before_start"))
        minutes = span
    if minutes is None:
        errors.append(FieldError("minutes", "required"))
    elif minutes < 0:
        errors.append(FieldError("minutes", "negative"))
    elif minutes > MAX_DAY_MINUTES:
        errors.append(FieldError("minutes", "worklogs.too_many_hours", {"hours": MAX_DAY_HOURS}))
    travel = data.travel_minutes or 0
    if travel < 0:
        errors.append(FieldError("travel_minutes", "negative"))
    elif travel > MAX_DAY_MINUTES:
        errors.append(FieldError("travel_minutes", "worklogs.too_many_hours", {"hours": MAX_DAY_HOURS}))
    if minutes == 0 and travel == 0 and not any(e.field in ("minutes", "end_time") for e in errors):
        errors.append(FieldError("minutes", "worklogs.empty"))
    try:
        km = Decimal(str(data.km if data.km not in (None, "") else 0).replace(",", "."))
        if not km.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors.append(FieldError("km", "invalid_number"))
    else:
        if km < 0:
            errors.append(FieldError("km", "negative"))
        elif km > MAX_KM:
            errors.append(FieldError("km", "worklogs.too_many_km", {"max": int(MAX_KM)}))
    notes = (data.notes or "").replace("\x00", "")
    if len(notes) > MAX_NOTES:
        errors.append(FieldError("notes", "too_long", {"max": MAX_NOTES}))
    if data.intervention_id is not None:
        owner = (Intervention.select(Intervention.request).where(Intervention.id == data.intervention_id)
                 .scalar())
        if owner != request.id:
            errors.append(FieldError("intervention", "invalid_choice", {"value": data.intervention_id}))
    if not errors:  # a valid entry: operator, date and minutes are known
        logged = (WorkLog.select(fn.COALESCE(fn.SUM(WorkLog.minutes + WorkLog.travel_minutes), 0))
                  .where(WorkLog.operator == data.operator_id, WorkLog.work_date == data.work_date))
        if exclude_id is not None:
            logged = logged.where(WorkLog.id != exclude_id)
        total = int(logged.scalar()) + minutes + travel
        if total > MAX_DAY_MINUTES:
            errors.append(FieldError("minutes", "worklogs.day_too_long",
                                     {"hours": MAX_DAY_HOURS, "logged": round(total / 60, 1)}))
    if errors:
        raise ValidationError(errors)
    billable = activity.billable if data.billable is None else bool(data.billable)
    return dict(operator=data.operator_id, work_date=data.work_date, activity_type=data.activity_type_id,
                start_time=data.start_time, end_time=data.end_time, minutes=minutes,
                travel_minutes=travel, km=km, billable=billable, notes=notes.strip(),
                intervention=data.intervention_id, customer=request.customer_id,
                job_order=request.job_order_id)


def overlapping(operator_id: int, work_date: dt.date, start: dt.time | None, end: dt.time | None,
                exclude_id: int | None = None) -> list[WorkLog]:
    """Entries of the operator on that date whose start–end overlaps ``start``–``end``."""
    if start is None or end is None:
        return []
    query = (WorkLog.select().where(WorkLog.operator == operator_id, WorkLog.work_date == work_date,
                                    WorkLog.start_time.is_null(False), WorkLog.start_time < end,
                                    WorkLog.end_time > start)
             .order_by(WorkLog.start_time))
    if exclude_id is not None:
        query = query.where(WorkLog.id != exclude_id)
    return list(query)


def create(request_id: int, data: WorklogInput, *, allow_overlap: bool = False) -> WorkLog:
    _require_for(data.operator_id)
    request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    if request is None:
        raise NotFound(f"request {request_id}", code="not_found")
    with WorkLog._meta.database.atomic():
        values = _validate(request, data, None)
        if not allow_overlap:
            clash = overlapping(data.operator_id, data.work_date, data.start_time, data.end_time)
            if clash:
                raise WorklogOverlapError(clash)
        return WorkLog.create(request=request.id, **values)


def _stored(entry: WorkLog | int) -> WorkLog:
    """The entry as stored, read inside the write transaction: permissions are checked against
    it, never against the copy in memory (whose owner a caller could have changed)."""
    entry_id = entry if isinstance(entry, int) else entry.id
    stored = WorkLog.get_or_none(WorkLog.id == entry_id)
    if stored is None:
        raise ConflictError("WorkLog", entry_id, deleted=True)
    return stored


def _as_seen(entry_id: int, expected_version: int) -> WorkLog:
    """The stored entry carrying the version the user saw: its save or delete is refused
    (ConflictError listing what differs) when another workstation changed it since."""
    stored = _stored(entry_id)
    stored.version = expected_version
    return stored


def update(entry: WorkLog, data: WorklogInput, *, allow_overlap: bool = False) -> WorkLog:
    """Edit a loaded entry (optimistic-locked)."""
    with WorkLog._meta.database.atomic():
        stored = _stored(entry)
        _require_for(stored.operator_id)
        _require_for(data.operator_id)
        request = ServiceRequest.get_by_id(stored.request_id)
        values = _validate(request, data, entry.id)
        if not allow_overlap:
            clash = overlapping(data.operator_id, data.work_date, data.start_time, data.end_time,
                                exclude_id=entry.id)
            if clash:
                raise WorklogOverlapError(clash)
        for name, value in values.items():
            setattr(entry, name, value)
        entry.save()
    return entry


def delete(entry: WorkLog) -> None:
    """Remove an entry (the audit trail and a tombstone keep that it existed)."""
    with WorkLog._meta.database.atomic():
        _require_for(_stored(entry).operator_id)
        entry.delete_instance()  # refused with ConflictError if changed since it was read


def update_entry(entry_id: int, expected_version: int, data: WorklogInput, *,
                 allow_overlap: bool = False) -> WorkLog:
    """Edit the entry the user saw at ``expected_version`` (the form's write path)."""
    with WorkLog._meta.database.atomic():
        return update(_as_seen(entry_id, expected_version), data, allow_overlap=allow_overlap)


def delete_entry(entry_id: int, expected_version: int) -> None:
    """Remove the entry the user saw at ``expected_version``."""
    with WorkLog._meta.database.atomic():
        delete(_as_seen(entry_id, expected_version))
