"""Reads of periodic maintenance (R-MNT-1) and the outbox of customer notices (R-MNT-2): plan
list ids and rows, one plan's snapshot for its editor, its visits, outbox lists (#13)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from .. import like
from ..models import (Contract, Intervention, MaintenancePlan, Operator, OutboxMessage, Party,
                      Product, Unit)
from ..services import maintenance as _svc
from ..services.maintenance import PlanRow

__all__ = ["PlanFilter", "PlanRow", "PlanDetail", "VisitRow", "plan_ids", "plan_rows", "plan",
           "plans_of_unit", "visits", "OutboxFilter", "OutboxRow", "outbox_ids", "outbox_rows",
           "outbox_message", "letters_to_print", "outbox_counts", "customer_names"]


@dataclass
class PlanFilter:
    text: str = ""
    active_only: bool = True


@dataclass(frozen=True)
class PlanDetail:
    """One plan as its editor shows it; ``version`` is what a save must still find."""

    id: int
    version: int
    unit_id: int | None
    contract_id: int | None
    target_ref: str  # the unit's serial or the contract's number
    target_label: str  # "product – customer" or "title – customer"
    title: str
    activity_type_id: int
    every: int
    period: str
    start_date: dt.date
    until_date: dt.date | None
    team_id: int | None
    operator_id: int | None
    duration_minutes: int
    notice_days: int
    last_done_on: dt.date | None
    instructions: str
    active: bool
    next_due: dt.date


@dataclass(frozen=True)
class VisitRow:
    id: int  # the intervention
    request_id: int
    due_date: dt.date | None
    planned_start: dt.datetime | None
    operator: str
    status: str


def plan_ids(spec: PlanFilter) -> list[int]:
    """Ids of the matching plans, newest first."""
    q = _svc.plan_query(text=spec.text, active_only=spec.active_only,
                        fields=(MaintenancePlan.id,)).order_by(MaintenancePlan.id.desc())
    return [pid for (pid,) in q.tuples()]


def plan_rows(ids: list[int]) -> dict[int, PlanRow]:
    out: dict[int, PlanRow] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        out.update({r.id: r for r in _svc.list_plans(ids=chunk, limit=len(chunk))})
    return out


def plans_of_unit(unit_id: int) -> list[PlanRow]:
    return _svc.list_plans(unit_id=unit_id, limit=200)


def plan(plan_id: int) -> PlanDetail | None:
    p = MaintenancePlan.get_or_none(MaintenancePlan.id == plan_id)
    if p is None:
        return None
    ref, label = "", ""
    if p.unit_id:
        u = (Unit.select(Unit.serial, Product.name, Party.name).join(Product).switch(Unit)
             .join(Party, on=(Unit.owner == Party.id)).where(Unit.id == p.unit_id).tuples().first())
        if u:
            ref, label = u[0], f"{u[1]} – {u[2]}"
    elif p.contract_id:
        c = (Contract.select(Contract.number, Contract.title, Party.name)
             .join(Party, on=(Contract.party == Party.id)).where(Contract.id == p.contract_id)
             .tuples().first())
        if c:
            ref, label = c[0], f"{c[1]} – {c[2]}"
    return PlanDetail(p.id, p.version, p.unit_id, p.contract_id, ref, label, p.title,
                      p.activity_type_id, p.every, p.period, p.start_date, p.until_date,
                      p.team_id, p.operator_id, p.duration_minutes, p.notice_days, p.last_done_on,
                      p.instructions, bool(p.active), _svc.next_due_date(p))


def unit_target(serial: str) -> tuple[int | None, str, int]:
    """The unit a plan is for, by its whole serial: (id or None, "product – customer", how many
    units carry that serial: 0, 1 or 2 meaning several)."""
    q = (Unit.select(Unit.id, Product.name, Party.name).join(Product).switch(Unit)
         .join(Party, on=(Unit.owner == Party.id))
         .where(like.like(Unit.serial, serial.strip(), "equals")).limit(2))
    found = list(q.tuples())
    if len(found) == 1:
        uid, product, owner = found[0]
        return uid, f"{product} – {owner}", 1
    return None, "", len(found)


def contract_target(number: str) -> tuple[int | None, str]:
    """The contract a plan is for, by its number: (id or None, "title – customer")."""
    row = (Contract.select(Contract.id, Contract.title, Party.name)
           .join(Party, on=(Contract.party == Party.id))
           .where(like.like(Contract.number, number.strip(), "equals")).tuples().first())
    return (row[0], f"{row[1]} – {row[2]}") if row else (None, "")


def visits(plan_id: int, limit: int = 200) -> list[VisitRow]:
    """The plan's visits, latest due first."""
    q = (Intervention.select(Intervention.id, Intervention.request, Intervention.due_date,
                             Intervention.planned_start, Operator.full_name, Intervention.status)
         .join(Operator, pw.JOIN.LEFT_OUTER, on=(Intervention.operator == Operator.id))
         .where(Intervention.maintenance_plan == plan_id)
         .order_by(Intervention.due_date.desc(), Intervention.id.desc()).limit(limit))
    return [VisitRow(r[0], r[1], r[2], r[3], r[4] or "", r[5]) for r in q.tuples()]


def customer_names(ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        out.update(Party.select(Party.id, Party.name).where(Party.id.in_(ids[i:i + 500])).tuples())
    return out


# -- outbox -------------------------------------------------------------------------------------
@dataclass
class OutboxFilter:
    mode: str = "pending"  # pending (e-mails to send or check), letters, sent, all


@dataclass(frozen=True)
class OutboxRow:
    id: int
    created_at: dt.datetime
    channel: str
    to_name: str
    to_address: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: dt.datetime | None
    last_error: str


@dataclass(frozen=True)
class OutboxMessageView(OutboxRow):
    body: str = ""


def _outbox_query(spec: OutboxFilter, *fields):
    q = OutboxMessage.select(*fields)
    if spec.mode == "pending":
        q = q.where(OutboxMessage.status.in_(("queued", "sending", "failed")),
                    OutboxMessage.channel == "email")
    elif spec.mode == "letters":
        q = q.where(OutboxMessage.status == "queued", OutboxMessage.channel == "letter")
    elif spec.mode == "sent":
        q = q.where(OutboxMessage.status == "sent")
    return q


def outbox_ids(spec: OutboxFilter) -> list[int]:
    q = _outbox_query(spec, OutboxMessage.id).order_by(OutboxMessage.id.desc())
    return [mid for (mid,) in q.tuples()]


_ROW_FIELDS = (OutboxMessage.id, OutboxMessage.created_at, OutboxMessage.channel,
               OutboxMessage.to_name, OutboxMessage.to_address, OutboxMessage.subject,
               OutboxMessage.status, OutboxMessage.attempts, OutboxMessage.next_attempt_at,
               OutboxMessage.last_error)


def outbox_rows(ids: list[int]) -> dict[int, OutboxRow]:
    out: dict[int, OutboxRow] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        q = OutboxMessage.select(*_ROW_FIELDS).where(OutboxMessage.id.in_(ids[i:i + 500]))
        for r in q.tuples():
            out[r[0]] = OutboxRow(*r[:7], r[7] or 0, r[8], r[9] or "")
    return out


def outbox_message(message_id: int) -> OutboxMessageView | None:
    r = (OutboxMessage.select(*_ROW_FIELDS, OutboxMessage.body)
         .where(OutboxMessage.id == message_id).tuples().first())
    return OutboxMessageView(*r[:7], r[7] or 0, r[8], r[9] or "", r[10]) if r else None


def letters_to_print() -> list[int]:
    """Ids of the queued letters, oldest first."""
    q = (OutboxMessage.select(OutboxMessage.id)
         .where(OutboxMessage.channel == "letter", OutboxMessage.status == "queued")
         .order_by(OutboxMessage.id))
    return [mid for (mid,) in q.tuples()]


def outbox_counts() -> dict[str, int]:
    from ..services import mailer

    return mailer.counts()


@dataclass(frozen=True)
class Letter:
    """A printed notice: what goes on its page."""

    id: int
    subject: str
    address: str
    place: str  # place and date line
    body: str


def letters(ids: list[int]) -> list[Letter]:
    """The letters with these ids, in that order, as :func:`notices.letter_text` lays them out."""
    from ..services import notices

    found = {m.id: m for m in OutboxMessage.select().where(OutboxMessage.id.in_(list(ids)))}
    out = []
    for mid in ids:
        m = found.get(mid)
        if m is not None:
            address, place, body = notices.letter_text(m)
            out.append(Letter(m.id, m.subject, address, place, body))
    return out
