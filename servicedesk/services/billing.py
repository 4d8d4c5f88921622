"""Billing plans (R-CON-5): instalments from amount, count, first due date and periodicity.

The last instalment absorbs the rounding cents so that the plan adds up to the amount exactly.
Single instalments can be edited (the plan's total is then checked against the contract amount
and a difference is reported, not refused: a customer may agree a different split), marked paid,
and the plan of a term regenerated — never touching instalments already paid.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from peewee import fn

from .. import clock, context
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import Contract, Instalment
from ..models.base import new_uuid
from ..permissions import MONEY, Permission, sees_money

CENT = Decimal("0.01")
PERIODICITY_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
# Other spellings found in data written by other tools (the demo generator writes "semiannual").
PERIODICITY_ALIASES = {"semiannual": "half_yearly", "semestral": "half_yearly",
                       "annual": "yearly", "bimonthly": None}


def normal_periodicity(value: str) -> str:
    """The canonical code of a periodicity (aliases mapped; unknown values returned as is)."""
    return PERIODICITY_ALIASES.get(value) or value
MAX_INSTALMENTS = 120
MAX_AMOUNT = Decimal("999999999999.99")


def split(amount: Decimal, count: int) -> list[Decimal]:
    """``count`` amounts adding up to ``amount`` exactly; the last absorbs the rounding."""
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    if count < 1:
        raise ValidationError(FieldError("instalments_count", "billing.count_range",
                                         {"max": MAX_INSTALMENTS}))
    each = (amount / count).quantize(CENT, rounding=ROUND_HALF_UP)
    parts = [each] * (count - 1)
    parts.append(amount - each * (count - 1))
    return parts


def due_dates(first_due: dt.date, count: int, periodicity: str) -> list[dt.date]:
    from .renewals import add_months

    step = PERIODICITY_MONTHS[normal_periodicity(periodicity)]
    return [add_months(first_due, i * step, first_due.day) for i in range(count)]


@dataclass(frozen=True)
class PlannedInstalment:
    seq: int
    due_date: dt.date
    amount: Decimal


def plan(amount: Decimal, count: int, first_due: dt.date, periodicity: str) -> list[PlannedInstalment]:
    """The instalments of a plan (not saved): used for previews and by :func:`generate`."""
    errors = []
    periodicity = normal_periodicity(periodicity)
    if periodicity not in PERIODICITY_MONTHS:
        errors.append(FieldError("billing_periodicity", "invalid_choice"))
    if not isinstance(count, int) or not 1 <= count <= MAX_INSTALMENTS:
        errors.append(FieldError("instalments_count", "billing.count_range",
                                 {"max": MAX_INSTALMENTS}))
    if not isinstance(first_due, dt.date):
        errors.append(FieldError("first_due_date", "invalid_date"))
    if Decimal(amount) < 0:
        errors.append(FieldError("amount", "negative"))
    if errors:
        raise ValidationError(errors)
    return [PlannedInstalment(i + 1, d, a) for i, (d, a) in
            enumerate(zip(due_dates(first_due, count, periodicity), split(amount, count)))]


def first_due_for_term(contract: Contract, term_start: dt.date) -> dt.date:
    """The first due date of a term: the contract's first due date moved forward by as many
    months as the term starts after the contract (so "every 31 January" stays that way)."""
    from .renewals import add_months, months_between

    if contract.first_due_date is None:
        return term_start
    offset = months_between(contract.start_date, term_start)
    return add_months(contract.first_due_date, offset, contract.first_due_date.day)


def generate_for_term(contract: Contract, term_no: int, *, fetch: bool = True) -> list[Instalment]:
    """(Re)create the plan of ``term_no`` from the contract's settings. Paid instalments of the
    term make it refuse (edit the single instalments instead); other terms are never touched.
    A contract of zero amount gets no plan. The caller checks the permission."""
    with Contract._meta.database.atomic():
        paid = Instalment.select(Instalment.id).where(
            Instalment.contract == contract.id, Instalment.term_no == term_no,
            Instalment.paid_on.is_null(False)).exists()
        if paid:
            raise ValidationError(FieldError("instalments", "billing.paid_in_term",
                                             {"term": term_no}))
        Instalment.delete().where(Instalment.contract == contract.id,
                                  Instalment.term_no == term_no).execute()
        if Decimal(contract.amount) <= 0:
            return []
        first = first_due_for_term(contract, contract.term_start)
        planned = plan(contract.amount, contract.instalments_count, first,
                       contract.billing_periodicity)
        now = clock.now()
        Instalment.insert_many([
            dict(contract=contract.id, term_no=term_no, seq=p.seq, due_date=p.due_date,
                 amount=p.amount, created_at=now, updated_at=now,
                 uuid=new_uuid())
            for p in planned]).execute()
        return instalments(contract.id, term_no) if fetch else []


def regenerate(contract_id: int) -> list[Instalment]:
    """The user's "regenerate the plan of the current term" action."""
    context.require(Permission.CONTRACT_EDIT)
    contract = Contract.get_or_none(Contract.id == contract_id)
    if contract is None:
        raise NotFound("contract not found")
    return generate_for_term(contract, contract.term_no)


def _without_money(rows: list[Instalment]) -> list[Instalment]:
    """Amounts blanked (None) for an operator who may not see money (#14); such an operator
    cannot edit contracts either, so these objects are never saved."""
    if not sees_money():
        for row in rows:
            row.amount = None
    return rows


def instalments(contract_id: int, term_no: int | None = None) -> list[Instalment]:
    q = Instalment.select().where(Instalment.contract == contract_id)
    if term_no is not None:
        q = q.where(Instalment.term_no == term_no)
    return _without_money(list(q.order_by(Instalment.term_no, Instalment.seq)))


@dataclass(frozen=True)
class PlanCheck:
    term_no: int
    total: Decimal
    amount: Decimal
    paid: Decimal
    count: int

    @property
    def difference(self) -> Decimal:
        return self.total - self.amount

    @property
    def balanced(self) -> bool:
        return self.count == 0 or self.difference == 0


def check(contract_id: int) -> PlanCheck:
    """The plan of the current term against the contract amount (the sum check)."""
    context.require(MONEY)
    contract = Contract.get_by_id(contract_id)
    rows = instalments(contract_id, contract.term_no)
    total = sum((r.amount for r in rows), Decimal("0.00"))
    paid = sum((r.amount for r in rows if r.paid_on is not None), Decimal("0.00"))
    return PlanCheck(contract.term_no, total, contract.amount, paid, len(rows))


def next_due(contract_id: int) -> Instalment | None:
    row = (Instalment.select().where(Instalment.contract == contract_id,
                                     Instalment.paid_on.is_null())
           .order_by(Instalment.due_date, Instalment.seq).first())
    return _without_money([row])[0] if row is not None else None


def next_due_many(contract_ids: list[int]) -> dict[int, dt.date]:
    """The earliest unpaid due date of many contracts in one query (for lists)."""
    if not contract_ids:
        return {}
    rows = (Instalment.select(Instalment.contract, fn.MIN(Instalment.due_date))
            .where(Instalment.contract.in_(contract_ids), Instalment.paid_on.is_null())
            .group_by(Instalment.contract).tuples())
    return {cid: (d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)))
            for cid, d in rows}


def _parse_amount(value) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValidationError(FieldError("amount", "invalid_number")) from None
    if not amount.is_finite():
        raise ValidationError(FieldError("amount", "invalid_number"))
    if amount < 0:
        raise ValidationError(FieldError("amount", "negative"))
    if amount > MAX_AMOUNT:
        raise ValidationError(FieldError("amount", "contracts.amount_too_large"))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _load(instalment_id: int, expected_version: int) -> Instalment:
    row = Instalment.get_or_none(Instalment.id == instalment_id)
    if row is None:
        raise ConflictError("Instalment", instalment_id, deleted=True)
    row.version = expected_version  # save() compares it with the stored one
    return row


def update_instalment(instalment_id: int, expected_version: int, *, due_date: dt.date | None = None,
                      amount=None, note: str | None = None) -> tuple[Instalment, PlanCheck]:
    """Edit one instalment; returns it and the plan's sum check (a difference is a warning)."""
    context.require(Permission.CONTRACT_EDIT)
    with Contract._meta.database.atomic():
        row = _load(instalment_id, expected_version)
        if due_date is not None:
            if not isinstance(due_date, dt.date):
                raise ValidationError(FieldError("due_date", "invalid_date"))
            row.due_date = due_date
        if amount is not None:
            row.amount = _parse_amount(amount)
        if note is not None:
            if len(note) > 200:
                raise ValidationError(FieldError("note", "too_long", {"max": 200}))
            row.note = note
        row.save()
        return row, check(row.contract_id)


def set_paid(instalment_id: int, expected_version: int, paid_on: dt.date | None) -> Instalment:
    """Mark an instalment paid on ``paid_on`` (None: not paid)."""
    context.require(Permission.CONTRACT_EDIT)
    if paid_on is not None and not isinstance(paid_on, dt.date):
        raise ValidationError(FieldError("paid_on", "invalid_date"))
    if paid_on is not None and paid_on > clock.today():
        raise ValidationError(FieldError("paid_on", "billing.paid_in_future"))
    with Contract._meta.database.atomic():
        row = _load(instalment_id, expected_version)
        row.paid_on = paid_on
        row.save()
        return row


def add_instalment(contract_id: int, due_date: dt.date, amount) -> tuple[Instalment, PlanCheck]:
    """Append an instalment to the current term's plan."""
    context.require(Permission.CONTRACT_EDIT)
    if not isinstance(due_date, dt.date):
        raise ValidationError(FieldError("due_date", "invalid_date"))
    value = _parse_amount(amount)
    with Contract._meta.database.atomic():
        contract = Contract.get_by_id(contract_id)
        last = (Instalment.select(fn.MAX(Instalment.seq))
                .where(Instalment.contract == contract_id,
                       Instalment.term_no == contract.term_no).scalar()) or 0
        row = Instalment.create(contract=contract_id, term_no=contract.term_no, seq=last + 1,
                                due_date=due_date, amount=value)
        return row, check(contract_id)


def delete_instalment(instalment_id: int, expected_version: int) -> PlanCheck:
    """Remove an unpaid instalment."""
    context.require(Permission.CONTRACT_EDIT)
    with Contract._meta.database.atomic():
        row = _load(instalment_id, expected_version)
        current = Instalment.get_by_id(instalment_id)
        if current.version != expected_version:
            raise ConflictError("Instalment", instalment_id)
        if current.paid_on is not None:
            raise ValidationError(FieldError("paid_on", "billing.delete_paid"))
        Instalment.delete().where(Instalment.id == instalment_id).execute()
        return check(row.contract_id)
