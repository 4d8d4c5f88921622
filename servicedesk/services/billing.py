"""Billing plans (R-CON-5): instalments from amount, periodicity and count (or calendar periods).

Two ways to plan a term, chosen per contract:

- **equal instalments** (the default): ``instalments_count`` equal parts, due every period from
  the first due date. Due dates keep the contract's *anchor day* — the day of the first due date
  (or of the start date when none is set) — clamped to each month's length, through every term:
  instalment *i* of a term is due ``anchor + (months from the contract start to the term start)
  + i × period`` months, always computed from the anchor, never from a date already clamped. A
  contract from 31 January billed monthly on quarterly terms bills 31 Jan, 28 Feb, 31 Mar, then
  30 Apr, **31 May**, 30 Jun; a yearly one from 29 February 2024 bills 28 February in common years
  and 29 February again in 2028.
- **calendar periods, first period pro rata** (``billing_by_calendar``): the term is cut at the
  boundaries of calendar periods (months; Jan–Feb, Mar–Apr… for bimonthly; quarters; Jan–Apr,
  May–Aug, Sep–Dec for four-monthly; halves; years). A full period weighs 1; a partial one — the
  first of a term that starts mid-period, and the last — weighs the days it covers over the days
  of its calendar period. Each instalment is due on the first day it covers and its amount is
  ``amount × weight ÷ sum of weights``.

Amounts are to the cent (half up); the last instalment absorbs the rounding, so the plan adds up
to the amount exactly (when a few cents spread over many instalments would leave the last one
below zero, every share is rounded down instead). Single instalments can be edited (the plan's
total is then checked against the contract amount and a difference is reported, not refused: a
customer may agree a different split), marked paid, and the plan of a term regenerated — never
touching instalments already paid.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from peewee import fn

from .. import clock, context
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import Contract, Instalment
from ..models.base import new_uuid
from ..months import add_months, months_between
from ..permissions import MONEY, Permission, sees_money

CENT = Decimal("0.01")
PERIODICITY_MONTHS = {"monthly": 1, "bimonthly": 2, "quarterly": 3, "four_monthly": 4,
                      "half_yearly": 6, "yearly": 12}
# Other spellings found in data written by other tools (the demo generator writes "semiannual").
PERIODICITY_ALIASES = {"semiannual": "half_yearly", "semestral": "half_yearly",
                       "annual": "yearly", "four-monthly": "four_monthly",
                       "quadrimestral": "four_monthly"}
MAX_INSTALMENTS = 120
MAX_AMOUNT = Decimal("999999999999.99")


def normal_periodicity(value: str) -> str:
    """The canonical code of a periodicity (aliases mapped; unknown values returned as is)."""
    return PERIODICITY_ALIASES.get(value) or value


def split_weighted(amount: Decimal, weights: list[Any]) -> list[Decimal]:
    """Shares of ``amount`` proportional to ``weights`` (exact numbers: ints or Fractions), to the
    cent, adding up to ``amount`` exactly; the last absorbs the rounding and is never negative."""
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    total = sum(Fraction(w) for w in weights)
    cents = Fraction(int(amount * 100))

    def shares(rounding: str) -> list[Decimal]:
        parts = []
        for w in weights[:-1]:
            exact = cents * Fraction(w) / total
            parts.append((Decimal(exact.numerator) / Decimal(exact.denominator)
                          ).quantize(Decimal(1), rounding=rounding) * CENT)
        return parts + [amount - sum(parts, Decimal("0.00"))]

    parts = shares(ROUND_HALF_UP)
    if parts[-1] < 0:
        parts = shares(ROUND_DOWN)
    return [p.quantize(CENT) for p in parts]


def split(amount: Decimal, count: int) -> list[Decimal]:
    """``count`` (1 or more: :func:`_check`) equal amounts adding up to ``amount`` exactly; the
    last absorbs the rounding."""
    return split_weighted(amount, [1] * count)


def due_dates(first_due: dt.date, count: int, periodicity: str,
              anchor_day: int | None = None) -> list[dt.date]:
    """``count`` dates one period apart from ``first_due``, on ``anchor_day`` (default: the day
    of ``first_due``) clamped to each month's length."""

    step = PERIODICITY_MONTHS[normal_periodicity(periodicity)]
    return [add_months(first_due, i * step, anchor_day or first_due.day) for i in range(count)]


@dataclass(frozen=True)
class PlannedInstalment:
    seq: int
    due_date: dt.date
    amount: Decimal


def _check(amount: Decimal, count: int | None, first_due: Any, periodicity: str) -> str:
    errors = []
    periodicity = normal_periodicity(periodicity)
    if periodicity not in PERIODICITY_MONTHS:
        errors.append(FieldError("billing_periodicity", "invalid_choice",
                                 {"value": periodicity}))
    if count is not None and (not isinstance(count, int) or not 1 <= count <= MAX_INSTALMENTS):
        errors.append(FieldError("instalments_count", "billing.count_range",
                                 {"max": MAX_INSTALMENTS}))
    if not isinstance(first_due, dt.date):
        errors.append(FieldError("first_due_date", "invalid_date"))
    if Decimal(amount) < 0:
        errors.append(FieldError("amount", "negative"))
    if errors:
        raise ValidationError(errors)
    return periodicity


def plan(amount: Decimal, count: int, first_due: dt.date, periodicity: str,
         anchor_day: int | None = None) -> list[PlannedInstalment]:
    """Equal instalments (not saved): used for previews and by :func:`term_plan`."""
    periodicity = _check(amount, count, first_due, periodicity)
    return [PlannedInstalment(i + 1, d, a) for i, (d, a) in enumerate(zip(
        due_dates(first_due, count, periodicity, anchor_day), split(amount, count)))]


def calendar_periods(term_start: dt.date, term_end: dt.date,
                     periodicity: str) -> list[tuple[dt.date, dt.date, Fraction]]:
    """The term cut at calendar period boundaries: (first day, last day, weight) of each piece.
    A full period weighs 1, a partial one its days over the days of its calendar period."""

    step = PERIODICITY_MONTHS[normal_periodicity(periodicity)]
    out = []
    day = term_start
    while day <= term_end:
        month0 = (day.month - 1) // step * step + 1  # the calendar period holding ``day``
        p_start = dt.date(day.year, month0, 1)
        p_next = add_months(p_start, step)
        piece_end = min(p_next - dt.timedelta(days=1), term_end)
        covered = (piece_end - day).days + 1
        out.append((day, piece_end, Fraction(covered, (p_next - p_start).days)))
        day = piece_end + dt.timedelta(days=1)
    return out


def calendar_plan(amount: Decimal, term_start: dt.date, term_end: dt.date,
                  periodicity: str) -> list[PlannedInstalment]:
    """One instalment per calendar period of the term, partial periods pro rata (not saved)."""
    periodicity = _check(amount, None, term_start, periodicity)
    pieces = calendar_periods(term_start, term_end, periodicity)
    if len(pieces) > MAX_INSTALMENTS:  # a term has at least its first day (term_end ≥ term_start)
        raise ValidationError(FieldError("billing_periodicity", "billing.count_range",
                                         {"max": MAX_INSTALMENTS}))
    amounts = split_weighted(amount, [w for _, _, w in pieces])
    return [PlannedInstalment(i + 1, start, a)
            for i, ((start, _, _), a) in enumerate(zip(pieces, amounts))]


def anchor_date(contract: Contract) -> dt.date:
    """The date whose day of the month every due date keeps: the first due date, else the start."""
    return contract.first_due_date or contract.start_date


def first_due_for_term(contract: Contract, term_start: dt.date) -> dt.date:
    """The first due date of a term: the anchor moved forward by as many months as the term
    starts after the contract (so "every 31 January" stays that way)."""

    anchor = anchor_date(contract)
    return add_months(anchor, months_between(contract.start_date, term_start), anchor.day)


def term_plan(contract: Contract, term_start: dt.date | None = None,
              term_end: dt.date | None = None, amount: Decimal | None = None
              ) -> list[PlannedInstalment]:
    """The plan of a term of ``contract`` (its current term by default), by its own rule."""
    term_start = term_start or contract.term_start
    term_end = term_end or contract.term_end
    amount = contract.amount if amount is None else amount
    if getattr(contract, "billing_by_calendar", False):
        return calendar_plan(amount, term_start, term_end, contract.billing_periodicity)
    return plan(amount, contract.instalments_count, first_due_for_term(contract, term_start),
                contract.billing_periodicity, anchor_date(contract).day)


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
        planned = term_plan(contract)
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
