"""The ticket ledger of a contract (R-CON-3): balances are sums of movements, never counters.

One definition of the three figures, used by the contract editor, the lists and the analysis:
- available = tickets bought: every credit that is not a give-back (initial, top-up, renewal,
  adjustment; what is left of a term stays in the ledger, so it carries over);
- used = net use: debits minus give-backs (a request closed, reopened and closed again has used
  one ticket, not two);
- remaining = available − used = the sum of every movement.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import Case, fn

from .. import clock, context
from ..errors import FieldError, ValidationError
from ..models import Contract, ServiceRequest, TicketMovement
from ..permissions import Permission

CREDIT_KINDS = ("initial", "topup", "renewal", "adjust")
USE_KINDS = ("debit", "reversal")  # a debit and its give-back: together, the net use


@dataclass(frozen=True)
class TicketBalance:
    available: int  # bought (credits other than give-backs)
    used: int  # net use: debits minus give-backs
    remaining: int  # available − used


def available_sum(tm: Any = TicketMovement) -> Any:
    """SUM expression of the tickets bought over rows of ``tm`` (a TicketMovement or an alias)."""
    return fn.COALESCE(fn.SUM(Case(None, [(tm.kind.not_in(USE_KINDS), tm.quantity)], 0)), 0)


def used_sum(tm: Any = TicketMovement) -> Any:
    """SUM expression of the net use (positive) over rows of ``tm``."""
    return fn.COALESCE(fn.SUM(Case(None, [(tm.kind.in_(USE_KINDS), 0 - tm.quantity)], 0)), 0)


def remaining_sum(tm: Any = TicketMovement) -> Any:
    return fn.COALESCE(fn.SUM(tm.quantity), 0)


def balance(contract_id: int) -> TicketBalance:
    available, used = (TicketMovement.select(available_sum(), used_sum())
                       .where(TicketMovement.contract == contract_id).tuples().get())
    return TicketBalance(int(available), int(used), int(available) - int(used))


def balances(contract_ids: list[int]) -> dict[int, TicketBalance]:
    """Balances of many contracts in one query (for lists)."""
    rows = (TicketMovement.select(TicketMovement.contract, available_sum(), used_sum())
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


def _holds_tickets(request_id: int, contract_id: int) -> bool:
    """Does ``request_id`` hold tickets of the contract now (a debit not given back)?"""
    net = (TicketMovement.select(fn.SUM(TicketMovement.quantity))
           .where(TicketMovement.request == request_id, TicketMovement.contract == contract_id,
                  TicketMovement.kind.in_(USE_KINDS)).scalar())
    return net is not None and net < 0


def debit_for_request(request: ServiceRequest, *, override: bool = False) -> TicketMovement | None:
    """Debit the tickets of ``request``'s contract when the request is closed.

    Debits ``contract.tickets_per_request`` tickets (one by default). Contracts without any ticket
    credit do not use tickets: nothing is debited. When the balance would go below zero the debit
    is refused (``tickets.exhausted``) unless ``override`` — recorded on the movement.
    Idempotent: a request holding tickets is not debited again (a give-back allows a new debit).
    """
    actor = context.current()
    if request.contract_id is None:
        return None
    contract = Contract.get_by_id(request.contract_id)
    quantity = contract.tickets_per_request  # 0 or more (contracts._validate)
    if quantity == 0:
        return None
    with Contract._meta.database.atomic():
        bought = (TicketMovement.select(TicketMovement.id)
                  .where(TicketMovement.contract == contract.id, TicketMovement.quantity > 0,
                         TicketMovement.kind.not_in(USE_KINDS)).exists())
        if not bought:
            return None  # not a ticket contract
        current = balance(contract.id)
        if _holds_tickets(request.id, contract.id):
            return None  # already debited
        short = current.remaining < quantity
        if short and not override:
            raise ValidationError(FieldError("contract", "tickets.exhausted",
                                             {"remaining": current.remaining, "needed": quantity,
                                              "contract": contract.number}))
        return TicketMovement.create(
            contract=contract, at=clock.now(), quantity=-quantity, kind="debit",
            term_no=contract.term_no, request=request.id, operator=actor.operator_id,
            override=short, note=request.number)


def reverse_debit(request: ServiceRequest) -> list[TicketMovement]:
    """Give back the tickets ``request`` still holds (a closed request reopened).

    Gives back exactly the net use, per contract, so a second reopening (or a repeated call)
    finds nothing held and gives nothing back: tickets are never returned twice."""
    actor = context.current()
    with Contract._meta.database.atomic():
        held = (TicketMovement.select(TicketMovement.contract,
                                      fn.SUM(TicketMovement.quantity), fn.MAX(TicketMovement.term_no))
                .where(TicketMovement.request == request.id,
                       TicketMovement.kind.in_(USE_KINDS))
                .group_by(TicketMovement.contract).tuples())
        return [TicketMovement.create(contract=cid, at=clock.now(), quantity=-int(net),
                                      kind="reversal", term_no=term, request=request.id,
                                      operator=actor.operator_id, note=request.number)
                for cid, net, term in list(held) if int(net) < 0]


def closed_against_ids(contract_id: int):
    """Sub-select of the requests that hold tickets of this contract now (net use > 0)."""
    return (TicketMovement.select(TicketMovement.request)
            .where(TicketMovement.contract == contract_id, TicketMovement.kind.in_(USE_KINDS),
                   TicketMovement.request.is_null(False))
            .group_by(TicketMovement.request)
            .having(fn.SUM(TicketMovement.quantity) < 0))


def requests_closed_against(contract_id: int) -> list[ServiceRequest]:
    """The requests closed against this contract (R-CON-3), newest first: debits net of
    give-backs, so a reopened request leaves the list until it is closed again."""
    return list(ServiceRequest.select()
                .where(ServiceRequest.id.in_(closed_against_ids(contract_id)))
                .order_by(ServiceRequest.closed_at.desc(), ServiceRequest.id.desc()))
