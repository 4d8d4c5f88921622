"""Service requests: create, edit, status workflow, notes and answers (R-REQ-1, R-REQ-2, R-REQ-5).

Every write runs in one ``BEGIN IMMEDIATE`` transaction, is permission-checked here, records its
history as ``RequestEvent`` rows and keeps the stored SLA keys (``sla_due``/``sla_risk_at``)
that the queue sorts and counts by.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peewee import fn

from .. import clock, context
from ..errors import ConflictError, FieldChange, FieldError, NotFound, ValidationError
from ..models import (Contact, Contract, JobOrder, Operator, Party, Priority, ProblemType,
                      RequestCounter, RequestEvent, RequestUnit, ServiceRequest, Team, Unit)
from ..permissions import Permission
from . import sla, tickets

CHANNELS = ("phone", "email", "web", "onsite")
STATUSES = ("new", "assigned", "in_progress", "waiting_customer", "waiting_supplier", "resolved",
            "closed", "cancelled")
OPEN_STATUSES = sla.OPEN_STATUSES

# The workflow: only these moves are allowed (reopening included).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("assigned", "in_progress", "waiting_customer", "waiting_supplier", "resolved",
            "cancelled"),
    "assigned": ("in_progress", "waiting_customer", "waiting_supplier", "resolved", "cancelled"),
    "in_progress": ("assigned", "waiting_customer", "waiting_supplier", "resolved", "cancelled"),
    "waiting_customer": ("in_progress", "waiting_supplier", "resolved", "cancelled"),
    "waiting_supplier": ("in_progress", "waiting_customer", "resolved", "cancelled"),
    "resolved": ("closed", "in_progress"),
    "closed": ("in_progress",),
    "cancelled": ("new",),
}

MAX_SUBJECT = 200
MAX_TEXT = 20_000
NOTE_KINDS = ("note", "answer")
NUMBER_RE = re.compile(r"^RS-(\d{4})-(\d{6})$")


def allowed_transitions(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


@dataclass
class RequestInput:
    """What the request form edits."""

    customer_id: int | None = None
    description: str = ""
    priority_id: int | None = None
    subject: str = ""
    contact_id: int | None = None
    channel: str = "phone"
    problem_type_id: int | None = None
    contract_id: int | None = None
    job_order_id: int | None = None
    team_id: int | None = None
    owner_id: int | None = None
    unit_ids: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, request: ServiceRequest) -> "RequestInput":
        units = [ru.unit_id for ru in RequestUnit.select(RequestUnit.unit)
                 .where(RequestUnit.request == request.id).order_by(RequestUnit.id)]
        return cls(customer_id=request.customer_id, description=request.description,
                   priority_id=request.priority_id, subject=request.subject,
                   contact_id=request.contact_id, channel=request.channel,
                   problem_type_id=request.problem_type_id, contract_id=request.contract_id,
                   job_order_id=request.job_order_id, team_id=request.team_id,
                   owner_id=request.owner_id, unit_ids=units)


# -- validation -----------------------------------------------------------------------------
def _exists(model, pk: int | None) -> bool:
    return pk is not None and model.select(model.id).where(model.id == pk).exists()


def validate(data: RequestInput, *, current_contract_id: int | None = None) -> None:
    """Raise ValidationError listing every bad field; nothing is written."""
    errors: list[FieldError] = []
    customer = Party.get_or_none(Party.id == data.customer_id) if data.customer_id else None
    if customer is None:
        errors.append(FieldError("customer", "required"))
    elif customer.archived:
        errors.append(FieldError("customer", "requests.customer_archived", {"name": customer.name}))
    description = (data.description or "").strip()
    if not description:
        errors.append(FieldError("description", "required"))
    elif len(description) > MAX_TEXT:
        errors.append(FieldError("description", "too_long", {"max": MAX_TEXT}))
    if len(data.subject or "") > MAX_SUBJECT:
        errors.append(FieldError("subject", "too_long", {"max": MAX_SUBJECT}))
    if not _exists(Priority, data.priority_id):
        errors.append(FieldError("priority", "required"))
    if data.channel not in CHANNELS:
        errors.append(FieldError("channel", "invalid_choice", {"value": data.channel}))
    if data.problem_type_id is not None and not _exists(ProblemType, data.problem_type_id):
        errors.append(FieldError("problem_type", "invalid_choice"))
    if data.team_id is not None and not _exists(Team, data.team_id):
        errors.append(FieldError("team", "invalid_choice"))
    if data.owner_id is not None:
        owner = Operator.get_or_none(Operator.id == data.owner_id)
        if owner is None:
            errors.append(FieldError("owner", "invalid_choice"))
        elif not owner.active:
            errors.append(FieldError("owner", "requests.operator_inactive",
                                     {"name": owner.full_name}))
    if data.job_order_id is not None and not _exists(JobOrder, data.job_order_id):
        errors.append(FieldError("job_order", "invalid_choice"))
    if customer is not None:
        if data.contact_id is not None:
            contact = Contact.get_or_none(Contact.id == data.contact_id)
            if contact is None or contact.party_id != customer.id:
                errors.append(FieldError("contact", "requests.contact_not_customer"))
        if data.contract_id is not None:
            contract = Contract.get_or_none(Contract.id == data.contract_id)
            if contract is None or contract.party_id != customer.id:
                errors.append(FieldError("contract", "requests.contract_not_customer"))
            elif data.contract_id != current_contract_id and not _is_active(contract):
                errors.append(FieldError("contract", "requests.contract_not_active",
                                         {"contract": contract.number}))
        if data.unit_ids:
            ids = set(data.unit_ids)
            owned = {u.id for u in Unit.select(Unit.id).where(Unit.id.in_(list(ids)),
                                                              Unit.owner == customer.id)}
            if owned != ids:
                errors.append(FieldError("units", "requests.unit_not_customer"))
    if errors:
        raise ValidationError(errors)


def _is_active(contract: Contract, on: dt.date | None = None) -> bool:
    on = on or clock.today()
    return (contract.status == "active" and not contract.archived
            and contract.direction == "active"
            and contract.term_start <= on <= contract.term_end)


@dataclass(frozen=True)
class ContractOption:
    """An active contract offered in the request form (validity, type, tickets remaining)."""

    id: int
    number: str
    title: str
    contract_type: str
    term_start: dt.date
    term_end: dt.date
    uses_tickets: bool
    tickets_remaining: int
    response_hours: int | None
    resolution_hours: int | None


def active_contracts(customer_id: int, on: dt.date | None = None) -> list[ContractOption]:
    on = on or clock.today()
    rows = list(Contract.select().where(
        Contract.party == customer_id, Contract.status == "active", Contract.archived == False,  # noqa: E712
        Contract.direction == "active", Contract.term_start <= on, Contract.term_end >= on)
        .order_by(Contract.term_end))
    bal = tickets.balances([c.id for c in rows])
    return [ContractOption(c.id, c.number, c.title, c.contract_type, c.term_start, c.term_end,
                           bal[c.id].available > 0, bal[c.id].remaining, c.response_hours,
                           c.resolution_hours) for c in rows]


# -- numbering ------------------------------------------------------------------------------
def next_number(year: int) -> str:
    """RS-YYYY-NNNNNN, taken inside the caller's write transaction (unique across processes).
    In an offline pack a provisional TMP-… number, replaced by a real one at the merge (#16)."""
    from ..packs.identity import provisional_number

    provisional = provisional_number("service_request", "number")
    if provisional is not None:
        return provisional
    counter = RequestCounter.get_or_none(RequestCounter.year == year)
    if counter is None:
        # Numbers already used by imported/generated requests of that year are skipped.
        top = (ServiceRequest.select(fn.MAX(ServiceRequest.number))
               .where(ServiceRequest.number.startswith(f"RS-{year}-")).scalar())
        start = int(top.rsplit("-", 1)[1]) if top and NUMBER_RE.match(top) else 0
        RequestCounter.insert(year=year, last=start).on_conflict_ignore().execute()
    RequestCounter.update(last=RequestCounter.last + 1, version=RequestCounter.version + 1,
                          updated_at=clock.now()).where(RequestCounter.year == year).execute()
    last = RequestCounter.select(RequestCounter.last).where(RequestCounter.year == year).scalar()
    return f"RS-{year}-{last:06d}"


# -- create / edit --------------------------------------------------------------------------
def _apply(request: ServiceRequest, data: RequestInput) -> None:
    request.customer = data.customer_id
    request.description = data.description.strip()
    request.subject = (data.subject or "").strip()
    request.priority = data.priority_id
    request.contact = data.contact_id
    request.channel = data.channel
    request.problem_type = data.problem_type_id
    request.contract = data.contract_id
    request.job_order = data.job_order_id
    request.team = data.team_id
    request.owner = data.owner_id


def _recompute_clocks(request: ServiceRequest) -> None:
    priority = Priority.get_by_id(request.priority_id)
    contract = Contract.get_by_id(request.contract_id) if request.contract_id else None
    clocks = sla.due_times(request.opened_at, sla.sla_hours(priority, contract),
                           request.paused_minutes)
    request.response_due = clocks.response_due
    request.resolution_due = clocks.resolution_due
    _refresh_keys(request)


def _refresh_keys(request: ServiceRequest) -> None:
    request.sla_due, request.sla_risk_at = sla.stored_keys(request)


def _event(request: ServiceRequest, kind: str, text: str = "", from_status: str | None = None,
           to_status: str | None = None, at: dt.datetime | None = None) -> RequestEvent:
    return RequestEvent.create(request=request.id, at=at or clock.now(),
                               operator=context.current().operator_id, kind=kind,
                               from_status=from_status, to_status=to_status, text=text)


def _set_units(request: ServiceRequest, unit_ids: list[int]) -> bool:
    wanted = list(dict.fromkeys(unit_ids))
    have = {ru.unit_id: ru.id for ru in RequestUnit.select().where(RequestUnit.request == request.id)}
    gone = [rid for uid, rid in have.items() if uid not in wanted]
    new = [uid for uid in wanted if uid not in have]
    if gone:
        RequestUnit.delete().where(RequestUnit.id.in_(gone)).execute()
    for uid in new:
        RequestUnit.create(request=request.id, unit=uid)
    return bool(gone or new)


def create_request(data: RequestInput, *, opened_at: dt.datetime | None = None) -> ServiceRequest:
    """Register a new request (R-REQ-1): number, SLA clocks, units, the first history event."""
    context.require(Permission.REQUEST_EDIT)
    validate(data)
    opened = opened_at or clock.now()
    db = ServiceRequest._meta.database
    with db.atomic():
        request = ServiceRequest(number=next_number(opened.year), opened_at=opened, status="new")
        _apply(request, data)
        _recompute_clocks(request)
        request.save()
        _set_units(request, data.unit_ids)
        _event(request, "status", from_status=None, to_status="new", at=opened)
        if data.owner_id is not None:
            _move(request, "assigned")
            request.save()
    return request


def update_request(request: ServiceRequest, data: RequestInput) -> ServiceRequest:
    """Save the form on a loaded request; raises ConflictError when it changed meanwhile."""
    context.require(Permission.REQUEST_EDIT)
    validate(data, current_contract_id=request.contract_id)
    with ServiceRequest._meta.database.atomic():
        _update(request, data)
    return request


def save_request(request_id: int, expected_version: int, data: RequestInput) -> ServiceRequest:
    """Save the request form over the request as stored, which the user saw at
    ``expected_version``: a newer stored version refuses the save (ConflictError listing where
    the stored request differs from the form); nothing is written then."""
    context.require(Permission.REQUEST_EDIT)
    with ServiceRequest._meta.database.atomic():
        request = _stored(request_id, expected_version)
        validate(data, current_contract_id=request.contract_id)
        _update(request, data)
    return request


def _update(request: ServiceRequest, data: RequestInput) -> None:
    sla_before = (request.priority_id, request.contract_id)
    _apply(request, data)
    if (request.priority_id, request.contract_id) != sla_before:
        _recompute_clocks(request)
    if request.status == "new" and request.owner_id is not None:
        _move(request, "assigned")
    request.save()  # optimistic lock: nothing below runs on a stale copy
    if _set_units(request, data.unit_ids):
        ServiceRequest.update(updated_at=clock.now()).where(
            ServiceRequest.id == request.id).execute()


def _stored(request_id: int, expected_version: int) -> ServiceRequest:
    """The request as stored (read inside the caller's transaction) carrying the version the
    user saw, so that its save is refused when someone else saved in between."""
    request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    if request is None:
        raise ConflictError("ServiceRequest", request_id, deleted=True)
    request.version = expected_version
    return request


def get(request_id: int) -> ServiceRequest:
    request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    if request is None:
        raise NotFound(f"request {request_id}")
    return request


# -- status workflow ------------------------------------------------------------------------
def _move(request: ServiceRequest, to: str, text: str = "") -> None:
    """Apply a status change to ``request`` (not saved) and record the event."""
    now = clock.now()
    was = request.status
    if was in sla.PAUSING_STATUSES or was in ("resolved", "closed"):
        if request.paused_since is not None and to in OPEN_STATUSES \
                and to not in sla.PAUSING_STATUSES:
            paused = max(sla.default_calendar().minutes_between(request.paused_since, now), 0)
            request.paused_minutes += paused
            request.paused_since = None
            _recompute_clocks(request)
    if to in sla.PAUSING_STATUSES or to == "resolved":
        if request.paused_since is None:
            request.paused_since = now
    if was == "new" and to not in ("cancelled",) and request.first_response_at is None:
        request.first_response_at = now
    if to == "resolved":
        request.resolved_at = now
    elif to == "closed":
        request.closed_at = now
    elif to in OPEN_STATUSES and was in ("resolved", "closed"):
        request.resolved_at = None
        request.closed_at = None
    if to == "cancelled":
        request.closed_at = now
    elif was == "cancelled":
        request.closed_at = None
        request.paused_since = None
    request.status = to
    _refresh_keys(request)
    _event(request, "status", text=text, from_status=was, to_status=to, at=now)


def change_status(request: ServiceRequest, to: str, *, final_report: str | None = None,
                  note: str = "", ticket_override: bool = False) -> ServiceRequest:
    """Move ``request`` to ``to`` if the workflow allows it.

    Resolving needs the final report. Closing debits the contract's tickets; with none left it
    is refused (``tickets.exhausted``) unless ``ticket_override`` — then recorded as an event.
    Reopening a closed request gives the tickets back.
    """
    context.require(Permission.REQUEST_EDIT)
    with ServiceRequest._meta.database.atomic():
        _change_status(request, to, final_report, note, ticket_override)
    return request


def set_status(request_id: int, expected_version: int, to: str, *,
               final_report: str | None = None, note: str = "",
               ticket_override: bool = False) -> ServiceRequest:
    """:func:`change_status` of the request as stored, which the user saw at
    ``expected_version`` (a newer one refuses the move: ConflictError, nothing written)."""
    context.require(Permission.REQUEST_EDIT)
    with ServiceRequest._meta.database.atomic():
        request = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
        if request is None:
            raise ConflictError("ServiceRequest", request_id, deleted=True)
        if request.version != expected_version:
            # Checked first: the workflow rules below would judge a status the user never saw.
            raise ConflictError("ServiceRequest", request_id,
                                [FieldChange("status", request.status, to)])
        _change_status(request, to, final_report, note, ticket_override)
    return request


def _change_status(request: ServiceRequest, to: str, final_report: str | None, note: str,
                   ticket_override: bool) -> None:
    if to not in STATUSES:
        raise ValidationError(FieldError("status", "invalid_choice", {"value": to}))
    if to not in allowed_transitions(request.status):
        raise ValidationError(FieldError("status", "requests.transition",
                                         {"from": request.status, "to": to}))
    report = (final_report if final_report is not None else request.final_report).strip()
    if to == "resolved" and not report:
        raise ValidationError(FieldError("final_report", "requests.report_required"))
    if len(report) > MAX_TEXT:
        raise ValidationError(FieldError("final_report", "too_long", {"max": MAX_TEXT}))
    if len(note) > MAX_TEXT:
        raise ValidationError(FieldError("note", "too_long", {"max": MAX_TEXT}))
    was = request.status
    if to == "resolved":
        request.final_report = report
    _move(request, to, text=note.strip())
    request.save()  # raises ConflictError on a stale copy, before any ticket moves
    if to == "closed":
        movement = tickets.debit_for_request(request, override=ticket_override)
        if movement is not None and movement.override:
            # The kind says what happened (the UI says it in the user's language), the text
            # keeps the user's reason only.
            _event(request, "ticket_override", text=note.strip())
    elif was == "closed":
        tickets.reverse_debit(request)


def add_note(request: ServiceRequest | int, text: str, kind: str = "note") -> RequestEvent:
    """A note in the history, or an answer given to the customer (R-REQ-5)."""
    context.require(Permission.REQUEST_NOTE)
    request_id = request if isinstance(request, int) else request.id
    text = (text or "").strip()
    if kind not in NOTE_KINDS:
        raise ValidationError(FieldError("kind", "invalid_choice", {"value": kind}))
    if not text:
        raise ValidationError(FieldError("note", "required"))
    if len(text) > MAX_TEXT:
        raise ValidationError(FieldError("note", "too_long", {"max": MAX_TEXT}))
    db = ServiceRequest._meta.database
    with db.atomic():
        row = get(request_id)
        event = _event(row, kind, text=text)
        if kind == "answer" and row.first_response_at is None:
            # The first answer to the customer meets the response SLA (system bookkeeping).
            row.first_response_at = event.at
            due, risk = sla.stored_keys(row)
            ServiceRequest.update(first_response_at=event.at, sla_due=due, sla_risk_at=risk) \
                .where(ServiceRequest.id == row.id).execute()
    return event
