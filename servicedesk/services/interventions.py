"""Interventions: schedule, reschedule, start, complete, cancel; the request's final report (R-REQ-3).

Scheduling conflicts (double booking, absence, outside working hours — see ``scheduling``) are
warnings: a call without ``override=True`` raises :class:`SchedulingConflictError` carrying them;
with ``override=True`` the intervention is written and what was overridden is recorded in
``Intervention.override_note`` (which the audit trail then keeps too).
Every change also lands in the request's history (``RequestEvent`` kind ``"intervention"``, R-REQ-5).

The request follows its work (#12): scheduling an intervention for a technician moves a "new"
request to "assigned" with that technician as owner (unless the office turned it off: setting
``requests.follow_work``), and completing the last open intervention of an open request says so
(``Step.suggest_resolve``) so that the UI can offer to resolve it.

Widgets call the ``*_intervention`` functions with the intervention's id and the version the
user saw; the older functions taking a loaded instance stay for scripts and other services.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import clock, context, settings
from ..errors import (ConflictError, FieldChange, FieldError, NotFound, ServiceDeskError,
                      ValidationError)
from ..models import (ActivityType, Intervention, Operator, RequestEvent, ServiceRequest,
                      Team)
from ..permissions import Permission
from . import scheduling
from .scheduling import Conflict

STATUSES = ("planned", "in_progress", "done", "cancelled")
OPEN_STATUSES = ("planned", "in_progress")
MAX_TEXT = 20_000  # instructions / report: generous, but not a pasted log file
MAX_DURATION = dt.timedelta(days=14)


class SchedulingConflictError(ServiceDeskError):
    """The proposed time has conflicts; pass ``override=True`` (with a note) to accept them."""

    code = "scheduling.conflicts"

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = list(conflicts)
        super().__init__("; ".join(c.detail for c in conflicts), count=len(conflicts))


@dataclass(frozen=True)
class ScheduleResult:
    intervention: Intervention
    conflicts: list[Conflict]  # the conflicts that were overridden (empty when none)
    request_assigned: bool = False  # the request followed its work: new → assigned

    @property
    def intervention_id(self) -> int:
        return self.intervention.id

    @property
    def version(self) -> int:
        return self.intervention.version


@dataclass(frozen=True)
class Step:
    """What a start, completion or cancellation left: the intervention's new version, and
    whether the request now waits only for its resolution (no open intervention left)."""

    intervention_id: int
    version: int
    request_id: int
    status: str
    suggest_resolve: bool = False


# -- the office's rule: the request follows its work ---------------------------------------------

FOLLOW_WORK_KEY = "requests.follow_work"


def request_follows_work() -> bool:
    """Does scheduling a technician assign a new request to him? (default: yes)"""
    return settings.read(settings.REQUEST_FOLLOWS_WORK)


def set_request_follows_work(on: bool) -> None:
    context.require(Permission.SETTINGS)
    settings.write(settings.REQUEST_FOLLOWS_WORK, bool(on))


def _follow(request: ServiceRequest, operator_id: int | None) -> bool:
    """A new request gets the scheduled technician as owner and becomes "assigned" (the same
    move as saving a new request with an owner). Only for a planner who may edit requests."""
    if operator_id is None or request.status != "new" or not request_follows_work():
        return False
    if not context.current().can(Permission.REQUEST_EDIT):
        return False
    from . import requests as request_service

    if request.owner_id is None:
        request.owner = operator_id
    request_service.change_status(request, "assigned")
    return True


def _override_text(conflicts: list[Conflict], note: str) -> str:
    stamp = clock.now().strftime("%Y-%m-%d %H:%M")
    who = context.current().name
    lines = [f"[{stamp} {who}] " + "; ".join(f"{c.kind}: {c.detail}" for c in conflicts)]
    if note.strip():
        lines.append(note.strip())
    return "\n".join(lines)


def _validate_times(start: dt.datetime | None, end: dt.datetime | None,
                    errors: list[FieldError], prefix: str = "planned") -> None:
    if start is None:
        errors.append(FieldError(f"{prefix}_start", "required"))
    if end is None:
        errors.append(FieldError(f"{prefix}_end", "required"))
    if start is not None and end is not None:
        if end <= start:
            errors.append(FieldError(f"{prefix}_end", "end_before_start"))
        elif end - start > MAX_DURATION:
            errors.append(FieldError(f"{prefix}_end", "interventions.too_long",
                                     {"days": MAX_DURATION.days}))


def _text(value: str | None, name: str, errors: list[FieldError]) -> str:
    value = (value or "").replace("\x00", "")
    if len(value) > MAX_TEXT:
        errors.append(FieldError(name, "too_long", {"max": MAX_TEXT}))
    return value


def _event(request_id: int, intervention_id: int, action: str, text: str = "") -> None:
    """The request's history records what happened to one of its interventions as a code
    (scheduled, rescheduled, done, cancelled); the UI says it in the user's language."""
    RequestEvent.create(request=request_id, at=clock.now(), operator=context.current().operator_id,
                        kind="intervention", to_status=action, intervention_id=intervention_id,
                        text=text)


def _check(operator_id: int | None, start: dt.datetime, end: dt.datetime, exclude: int | None,
           override: bool) -> list[Conflict]:
    if operator_id is None:
        return []
    conflicts = scheduling.check_conflicts(operator_id, start, end, exclude_intervention_id=exclude)
    if conflicts and not override:
        raise SchedulingConflictError(conflicts)
    return conflicts


def _resolve_refs(activity_type_id, operator_id, team_id, errors: list[FieldError]) -> None:
    if activity_type_id is None:
        errors.append(FieldError("activity_type", "required"))
    elif ActivityType.get_or_none(ActivityType.id == activity_type_id) is None:
        errors.append(FieldError("activity_type", "invalid_choice", {"value": activity_type_id}))
    if operator_id is None and team_id is None:
        errors.append(FieldError("operator", "interventions.operator_or_team"))
    if operator_id is not None:
        op = Operator.get_or_none(Operator.id == operator_id)
        if op is None or not op.active:
            errors.append(FieldError("operator", "invalid_choice", {"value": operator_id}))
    if team_id is not None and Team.get_or_none(Team.id == team_id) is None:
        errors.append(FieldError("team", "invalid_choice", {"value": team_id}))


def schedule(request_id: int, *, activity_type_id: int, planned_start: dt.datetime,
             planned_end: dt.datetime, operator_id: int | None = None, team_id: int | None = None,
             instructions: str = "", override: bool = False, override_note: str = "",
             due_date: dt.date | None = None, maintenance_plan_id: int | None = None) -> ScheduleResult:
    """Plan a new intervention on a request; the priority is the request's. A new request
    follows its work (see the module docstring)."""
    context.require(Permission.INTERVENTION_PLAN)
    errors: list[FieldError] = []
    _validate_times(planned_start, planned_end, errors)
    _resolve_refs(activity_type_id, operator_id, team_id, errors)
    instructions = _text(instructions, "instructions", errors)
    if errors:
        raise ValidationError(errors)
    if team_id is None and operator_id is not None:
        team_id = Operator.get_by_id(operator_id).team_id
    with Intervention._meta.database.atomic():
        request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
        if request is None:
            raise NotFound(f"request {request_id}", code="not_found")
        conflicts = _check(operator_id, planned_start, planned_end, None, override)
        item = Intervention.create(
            request=request.id, activity_type=activity_type_id, operator=operator_id, team=team_id,
            priority=request.priority_id, status="planned", planned_start=planned_start,
            planned_end=planned_end, instructions=instructions,
            override_note=_override_text(conflicts, override_note) if conflicts else "",
            due_date=due_date, maintenance_plan=maintenance_plan_id)
        _event(request.id, item.id, "scheduled")
        assigned = _follow(request, operator_id)
    return ScheduleResult(item, conflicts, assigned)


def reschedule(intervention: Intervention, *, planned_start: dt.datetime, planned_end: dt.datetime,
               operator_id: int | None = None, team_id: int | None = None,
               keep_assignment: bool = False, activity_type_id: int | None = None,
               instructions: str | None = None, override: bool = False,
               override_note: str = "") -> ScheduleResult:
    """Move / resize / reassign a loaded intervention (optimistic-locked: a concurrent edit from
    another workstation raises ``ConflictError``). ``keep_assignment`` leaves operator and team."""
    context.require(Permission.INTERVENTION_PLAN)
    if intervention.status not in OPEN_STATUSES:
        raise ValidationError(FieldError("status", "interventions.not_open",
                                         {"status": intervention.status}))
    if keep_assignment:
        operator_id, team_id = intervention.operator_id, intervention.team_id
    errors: list[FieldError] = []
    _validate_times(planned_start, planned_end, errors)
    _resolve_refs(activity_type_id or intervention.activity_type_id, operator_id, team_id, errors)
    if instructions is not None:
        instructions = _text(instructions, "instructions", errors)
    if errors:
        raise ValidationError(errors)
    if operator_id is not None and operator_id != intervention.operator_id and team_id is None:
        team_id = Operator.get_by_id(operator_id).team_id
    with Intervention._meta.database.atomic():
        conflicts = _check(operator_id, planned_start, planned_end, intervention.id, override)
        intervention.planned_start, intervention.planned_end = planned_start, planned_end
        intervention.operator, intervention.team = operator_id, team_id
        if activity_type_id is not None:
            intervention.activity_type = activity_type_id
        if instructions is not None:
            intervention.instructions = instructions
        if conflicts:
            previous = intervention.override_note
            text = _override_text(conflicts, override_note)
            intervention.override_note = f"{previous}\n{text}" if previous else text
        intervention.save()
        _event(intervention.request_id, intervention.id, "rescheduled")
    return ScheduleResult(intervention, conflicts)


def _may_work_on(intervention: Intervention) -> None:
    """A planner works on every intervention, a technician on his own — as *stored*: the check
    reads the row inside the write transaction, not the copy in memory."""
    actor = context.current()
    if actor.can(Permission.INTERVENTION_PLAN):
        return
    actor.require(Permission.INTERVENTION_OWN)
    stored = (Intervention.select(Intervention.operator).where(Intervention.id == intervention.id)
              .scalar())
    if stored != actor.operator_id or intervention.operator_id != actor.operator_id:
        actor.require(Permission.INTERVENTION_PLAN)  # raises: not one's own intervention


def start(intervention: Intervention, at: dt.datetime | None = None) -> Intervention:
    """Mark as in progress (the technician is on site)."""
    with Intervention._meta.database.atomic():
        _may_work_on(intervention)
        if intervention.status != "planned":
            raise ValidationError(FieldError("status", "interventions.not_open",
                                             {"status": intervention.status}))
        intervention.status = "in_progress"
        intervention.actual_start = at or clock.now()
        intervention.save()
    return intervention


def complete(intervention: Intervention, *, actual_start: dt.datetime, actual_end: dt.datetime,
             report: str) -> Intervention:
    """Record the actual times and the report; the intervention is done."""
    with Intervention._meta.database.atomic():
        _may_work_on(intervention)  # against the stored row, inside the transaction
        return _complete(intervention, actual_start, actual_end, report)


def _complete(intervention: Intervention, actual_start: dt.datetime, actual_end: dt.datetime,
              report: str) -> Intervention:
    if intervention.status not in OPEN_STATUSES:
        raise ValidationError(FieldError("status", "interventions.not_open",
                                         {"status": intervention.status}))
    errors: list[FieldError] = []
    _validate_times(actual_start, actual_end, errors, prefix="actual")
    if actual_start is not None and actual_start > clock.now() + dt.timedelta(minutes=5):
        errors.append(FieldError("actual_start", "interventions.in_future"))
    report = _text(report, "report", errors).strip()
    if not report:
        errors.append(FieldError("report", "required"))
    if errors:
        raise ValidationError(errors)
    with Intervention._meta.database.atomic():
        intervention.status = "done"
        intervention.actual_start, intervention.actual_end = actual_start, actual_end
        intervention.report = report
        intervention.save()
        _event(intervention.request_id, intervention.id, "done")
    return intervention


def cancel(intervention: Intervention, reason: str = "") -> Intervention:
    context.require(Permission.INTERVENTION_PLAN)
    if intervention.status not in OPEN_STATUSES:
        raise ValidationError(FieldError("status", "interventions.not_open",
                                         {"status": intervention.status}))
    errors: list[FieldError] = []
    reason = _text(reason, "reason", errors).strip()
    if errors:
        raise ValidationError(errors)
    with Intervention._meta.database.atomic():
        intervention.status = "cancelled"
        if reason:
            intervention.report = reason
        intervention.save()
        _event(intervention.request_id, intervention.id, "cancelled", reason)
    return intervention


# -- the widgets' write path: by id, with the version the user saw -------------------------------

def _as_seen(intervention_id: int, expected_version: int, proposed: dict | None = None) -> Intervention:
    """The intervention as stored, read inside the unit of work. When another workstation
    changed it since the user saw ``expected_version`` the change is refused before any rule
    judges a state the user never saw: ConflictError listing where the stored intervention
    differs from what the user asked for."""
    row = Intervention.get_or_none(Intervention.id == intervention_id)
    if row is None:
        raise ConflictError("Intervention", intervention_id, deleted=True)
    if row.version != expected_version:
        stored = row.__data__
        changes = [FieldChange(name, stored.get(name), value)
                   for name, value in (proposed or {}).items() if stored.get(name) != value]
        if not changes:
            changes = [FieldChange("status", row.status, row.status)]
        raise ConflictError("Intervention", intervention_id, changes)
    return row


def reschedule_intervention(intervention_id: int, expected_version: int, *,
                            planned_start: dt.datetime, planned_end: dt.datetime,
                            operator_id: int | None = None, team_id: int | None = None,
                            keep_assignment: bool = False, activity_type_id: int | None = None,
                            instructions: str | None = None, override: bool = False,
                            override_note: str = "") -> ScheduleResult:
    """:func:`reschedule` of the intervention the user saw at ``expected_version`` (board drags,
    undo/redo, the edit dialog)."""
    context.require(Permission.INTERVENTION_PLAN)
    proposed = {"planned_start": planned_start, "planned_end": planned_end}
    if not keep_assignment:
        proposed["operator"] = operator_id
    with Intervention._meta.database.atomic():
        row = _as_seen(intervention_id, expected_version, proposed)
        return reschedule(row, planned_start=planned_start, planned_end=planned_end,
                          operator_id=operator_id, team_id=team_id,
                          keep_assignment=keep_assignment, activity_type_id=activity_type_id,
                          instructions=instructions, override=override, override_note=override_note)


def _step(row: Intervention, suggest_resolve: bool = False) -> Step:
    return Step(row.id, row.version, row.request_id, row.status, suggest_resolve)


def start_intervention(intervention_id: int, expected_version: int,
                       at: dt.datetime | None = None) -> Step:
    with Intervention._meta.database.atomic():
        row = _as_seen(intervention_id, expected_version, {"status": "in_progress"})
        return _step(start(row, at))


def complete_intervention(intervention_id: int, expected_version: int, *,
                          actual_start: dt.datetime, actual_end: dt.datetime, report: str) -> Step:
    """:func:`complete`; ``suggest_resolve`` when it was the request's last open intervention
    and the request is still open (the UI offers to resolve it)."""
    with Intervention._meta.database.atomic():
        row = _as_seen(intervention_id, expected_version, {"status": "done"})
        complete(row, actual_start=actual_start, actual_end=actual_end, report=report)
        still_open = (Intervention.select().where(Intervention.request == row.request_id,
                                                  Intervention.status.in_(OPEN_STATUSES))
                      .exists())
        request_status = (ServiceRequest.select(ServiceRequest.status)
                          .where(ServiceRequest.id == row.request_id).scalar())
        from .requests import OPEN_STATUSES as OPEN_REQUEST

        return _step(row, not still_open and request_status in OPEN_REQUEST)


def cancel_intervention(intervention_id: int, expected_version: int, reason: str = "") -> Step:
    with Intervention._meta.database.atomic():
        row = _as_seen(intervention_id, expected_version, {"status": "cancelled"})
        return _step(cancel(row, reason))


def save_final_report(request_id: int, expected_version: int, text: str) -> int:
    """Save the final report of the request the user saw at ``expected_version``; returns the
    request's new version."""
    with ServiceRequest._meta.database.atomic():
        request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
        if request is None:
            raise ConflictError("ServiceRequest", request_id, deleted=True)
        request.version = expected_version  # a newer stored version refuses the save
        return set_final_report(request, text).version


# -- the request's final report ---------------------------------------------------------------

def set_final_report(request: ServiceRequest, text: str) -> ServiceRequest:
    """Save the final report of a loaded request (optimistic-locked)."""
    context.require(Permission.REQUEST_NOTE)
    errors: list[FieldError] = []
    text = _text(text, "final_report", errors)
    if errors:
        raise ValidationError(errors)
    with ServiceRequest._meta.database.atomic():
        request.final_report = text
        request.save()
    return request


def resolve_request(request_id: int, expected_version: int, final_report: str) -> int:
    """Resolve the request the user saw at ``expected_version`` with ``final_report`` — the
    step offered once its last intervention is done. Returns the request's new version."""
    from . import requests as request_service

    with ServiceRequest._meta.database.atomic():
        request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
        if request is None:
            raise ConflictError("ServiceRequest", request_id, deleted=True)
        request.version = expected_version  # a newer stored version refuses the move
        return request_service.change_status(request, "resolved", final_report=final_report).version


# -- what a technician takes along: sheet, calendar event ---------------------------------------

@dataclass(frozen=True)
class UnitLine:
    product: str
    serial: str
    site: str
    address: str


@dataclass(frozen=True)
class InterventionDetails:
    """Everything the intervention sheet and the calendar event show, read in a few queries."""

    id: int
    uuid: str
    version: int
    status: str
    request_id: int
    request_number: str
    subject: str
    description: str
    activity_en: str
    activity_it: str
    priority_en: str
    priority_it: str
    operator_name: str
    operator_email: str
    team_name: str
    planned_start: dt.datetime | None
    planned_end: dt.datetime | None
    instructions: str
    customer: str
    customer_code: str
    address: str  # one line: street, postal code, city (province)
    customer_phone: str
    contact_name: str
    contact_phone: str
    contact_email: str
    units: list[UnitLine]
    contract_number: str
    contract_title: str
    contract_end: dt.date | None
    tickets: object | None  # tickets.TicketBalance when the contract uses tickets


def _address(street: str, postal: str, city: str, province: str | None) -> str:
    place = " ".join(p for p in (postal, city) if p)
    if province:
        place = f"{place} ({province})" if place else province
    return ", ".join(p for p in (street, place) if p)


def details(intervention_id: int) -> InterventionDetails:
    from ..models import Contact, Contract, Party, Priority, Product, RequestUnit, Unit
    from . import tickets

    i = Intervention.get_or_none(Intervention.id == intervention_id)
    if i is None:
        raise NotFound(f"intervention {intervention_id}", code="not_found")
    req = ServiceRequest.get_by_id(i.request_id)
    party = Party.get_by_id(req.customer_id)
    act = ActivityType.get_by_id(i.activity_type_id)
    prio = Priority.get_or_none(Priority.id == (i.priority_id or req.priority_id))
    op = Operator.get_or_none(Operator.id == i.operator_id) if i.operator_id else None
    team = Team.get_or_none(Team.id == i.team_id) if i.team_id else None
    contact = Contact.get_or_none(Contact.id == req.contact_id) if req.contact_id else None
    units = [UnitLine(p.name, u.serial, u.site, _address(u.address, "", u.city, u.province_id))
             for u, p in ((ru.unit, ru.unit.product) for ru in
                          RequestUnit.select(RequestUnit, Unit, Product).join(Unit).join(Product)
                          .where(RequestUnit.request == req.id).order_by(Unit.serial))]
    contract = Contract.get_or_none(Contract.id == req.contract_id) if req.contract_id else None
    balance = None
    if contract is not None:
        b = tickets.balance(contract.id)
        balance = b if b.available or b.used else None
    return InterventionDetails(
        id=i.id, uuid=i.uuid, version=i.version, status=i.status, request_id=req.id,
        request_number=req.number, subject=req.subject, description=req.description,
        activity_en=act.name_en, activity_it=act.name_it,
        priority_en=prio.name_en if prio else "", priority_it=prio.name_it if prio else "",
        operator_name=op.full_name if op else "", operator_email=op.email if op else "",
        team_name=team.name if team else "", planned_start=i.planned_start,
        planned_end=i.planned_end, instructions=i.instructions, customer=party.name,
        customer_code=party.code,
        address=_address(party.address, party.postal_code, party.city, party.province_id),
        customer_phone=party.phone, contact_name=contact.name if contact else "",
        contact_phone=(contact.mobile or contact.phone) if contact else "",
        contact_email=contact.email if contact else "", units=units,
        contract_number=contract.number if contract else "",
        contract_title=contract.title if contract else "",
        contract_end=contract.term_end if contract else None, tickets=balance)
