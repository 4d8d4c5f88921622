"""The ticket ledger of a contract (R-CON-3): balances are sums of movements, never counters."""
from __future__ import annotations

from dataclasses import dataclass

from peewee import Case, fn

from .. import clock, context
from ..errors import FieldError, ValidationError
from ..models import Contract, ServiceRequest, TicketMovement
from ..permissions import Permission

CREDIT_KINDS = ("initial", "topup", "renewal", "reversal", "adjust")


@dataclass(frozen=True)
class TicketBalance:
    available: int  # all credits
    used: int  # all debits (positive number)
    remaining: int

    @property
    def low(self) -> bool:  # pragma: no cover - trivial
        return self.remaining <= 0


def balance(contract_id: int) -> TicketBalance:
    credits = fn.COALESCE(fn.SUM(Case(None, [(TicketMovement.quantity > 0, TicketMovement.quantity)], 0)), 0)
    debits = fn.COALESCE(fn.SUM(Case(None, [(TicketMovement.quantity < 0, 0 - TicketMovement.quantity)], 0)), 0)
    rows = list(TicketMovement.select(credits, debits)
                .where(TicketMovement.contract == contract_id).tuples())
    available, used = (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)
    return TicketBalance(available, used, available - used)


def balances(contract_ids: list[int]) -> dict[int, TicketBalance]:
    """Balances of many contracts in one query (for lists)."""
    if not contract_ids:
        return {}
    credits = fn.COALESCE(fn.SUM(Case(None, [(TicketMovement.quantity > 0, TicketMovement.quantity)], 0)), 0)
    debits = fn.COALESCE(fn.SUM(Case(None, [(TicketMovement.quantity < 0, 0 - TicketMovement.quantity)], 0)), 0)
    rows = (TicketMovement.select(TicketMovement.contract, credits, debits)
            .where(TicketMovement.contract.in_(contract_ids))
            .group_by(TicketMovement.contract).tuples())
    out = {cid: TicketBalance(0, 0, 0) for cid in contract_ids}
    for cid, c, d in rows:
        out[cid] = TicketBalance(int(c), int(d), int(c) - int(d))
    return out


def credit(contract: Contract, quantity: int, kind: str = "topup", note: str = "") -> TicketMovement:
    """Add tickets to a contract (initial, top-up, renewal …)."""
    actor = context.require(Permission.CONTRACT_EDIT)
    if kind not in CREDIT_KINDS:
        raise ValidationError(FieldError("kind", "invalid_choice", {"value": kind}))
    if quantity <= 0:
        raise ValidationError(FieldError("quantity", "tickets.quantity_positive"))
    with Contract._meta.database.atomic():
        return TicketMovement.create(contract=contract, at=clock.now(), quantity=quantity, kind=kind,
                                     term_no=contract.term_no, operator=actor.operator_id, note=note)


def debit_for_request(request: ServiceRequest, *, override: bool = False,
                      note: str = "") -> TicketMovement | None:
    """Debit the tickets of ``request``'s contract when the request is closed.

    Debits ``contract.tickets_per_request`` tickets (one by default). Contracts without any ticket
    credit do not use tickets: nothing is debited. When the balance would go below zero the debit
    is refused (``tickets.exhausted``) unless ``override`` — recorded on the movement.
    Idempotent: a request is debited once (a reversal allows a new debit).
    """
    actor = context.current()
    if request.contract_id is None:
        return None
    contract = Contract.get_by_id(request.contract_id)
    quantity = max(contract.tickets_per_request, 0)
    if quantity == 0:
        return None
    with Contract._meta.database.atomic():
        current = balance(contract.id)
        if current.available == 0:
            return None  # not a ticket contract
        net = (TicketMovement.select(fn.COALESCE(fn.SUM(TicketMovement.quantity), 0))
               .where(TicketMovement.request == request.id,
                      TicketMovement.contract == contract.id).scalar())
        if net and int(net) < 0:
            return None  # already debited
        if current.remaining < quantity and not override:
            raise ValidationError(FieldError("contract", "tickets.exhausted",
                                             {"remaining": current.remaining, "needed": quantity,
                                              "contract": contract.number}))
        return TicketMovement.create(
            contract=contract, at=clock.now(), quantity=-quantity, kind="debit",
            term_no=contract.term_no, request=request.id, operator=actor.operator_id,
            override=current.remaining < quantity, note=note or request.number)


def reverse_debit(request: ServiceRequest, note: str = "") -> TicketMovement | None:
    """Give back the tickets debited for ``request`` (a closed request reopened)."""
    actor = context.current()
    net = (TicketMovement.select(fn.COALESCE(fn.SUM(TicketMovement.quantity), 0))
           .where(TicketMovement.request == request.id).scalar())
    if not net or int(net) >= 0:
        return None
    first = TicketMovement.select().where(TicketMovement.request == request.id).first()
    return TicketMovement.create(contract=first.contract_id, at=clock.now(), quantity=-int(net),
                                 kind="reversal", term_no=first.term_no, request=request.id,
                                 operator=actor.operator_id, note=note or request.number)


def requests_closed_against(contract_id: int) -> list[ServiceRequest]:
    """The requests whose closing debited this contract (R-CON-3), newest first."""
    ids = (TicketMovement.select(TicketMovement.request)
           .where(TicketMovement.contract == contract_id, TicketMovement.kind == "debit",
                  TicketMovement.request.is_null(False)))
    return list(ServiceRequest.select().where(ServiceRequest.id.in_(ids))
                .order_by(ServiceRequest.closed_at.desc()))
