"""Contract analysis (R-CON-6). Ticket figures come from the ledger (``ticket_movement``) as
correlated sub-selects built from the one definition in ``services/tickets.py``: available =
tickets bought, used = debits net of give-backs, remaining = available − used; a contract
"with tickets" has bought any.

Amounts need ANALYSIS_MONEY: without it the amount column and the value measure are left out
and an amount filter is refused (technicians and coordinators still analyse contracts).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import peewee as pw

from ...models import Contract, JobOrder, Operator, Party, TicketMovement
from ...permissions import Permission
from ...services import tickets
from ...services.contracts import CONTRACT_TYPES, DIRECTIONS, RENEWAL_TYPES
from ...services.contracts import STATUSES as CONTRACT_STATUSES
from .base import (Column, Dimension, Measure, Subject, contains, day_range, month_of,
                   name_labels)


def contract_types() -> list[str]:
    """The known types, then any other type found in the database (imported data)."""
    found = [t for (t,) in Contract.select(Contract.contract_type).distinct().tuples()
             if t and t not in CONTRACT_TYPES]
    return list(CONTRACT_TYPES) + sorted(found)


@dataclass(frozen=True)
class ContractSpec:
    text: str = ""  # number or title contains
    party_ids: tuple[int, ...] = ()
    contract_types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    operator_ids: tuple[int, ...] = ()  # who signed it for us
    signed_from: dt.date | None = None
    signed_to: dt.date | None = None
    expiry_from: dt.date | None = None  # end of the current term
    expiry_to: dt.date | None = None
    direction: str = ""  # "", active, passive
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    renewal_types: tuple[str, ...] = ()
    tickets: str = ""  # "", "with", "without"
    available_min: int | None = None
    available_max: int | None = None
    used_min: int | None = None
    used_max: int | None = None
    remaining_min: int | None = None
    remaining_max: int | None = None
    include_archived: bool = False


C = Contract
TM = TicketMovement
CParty = Party.alias("cparty")
CSigner = Operator.alias("csigner")
CJob = JobOrder.alias("cjob")


def _ledger(total: Any) -> Any:
    return TM.select(total).where(TM.contract == C.id)


AVAILABLE = _ledger(tickets.available_sum(TM))
USED = _ledger(tickets.used_sum(TM))
REMAINING = _ledger(tickets.remaining_sum(TM))


def _between(expr: Any, lo: Any, hi: Any) -> list[Any]:
    out = []
    if lo is not None:
        out.append(expr >= lo)
    if hi is not None:
        out.append(expr <= hi)
    return out


class ContractsSubject(Subject):
    name = "contracts"
    spec_type = ContractSpec
    permissions = (Permission.ANALYSIS, Permission.CONTRACT_READ)
    default_sort = ("term_end", False)
    default_chart = ("expiry_month", None, "value")

    def __init__(self) -> None:
        super().__init__()
        self._columns = [
            Column("number", "text", C.number, width=16),
            Column("party", "text", CParty.name, width=30),
            Column("title", "text", C.title, width=34),
            Column("direction", "code", C.direction, codes="direction", width=10),
            Column("contract_type", "code", C.contract_type, codes="contract_type", width=18),
            Column("status", "code", C.status, codes="contract_status", width=12),
            Column("signed_on", "date", C.signed_on, width=12),
            Column("signed_by", "text", CSigner.full_name, width=20),
            Column("term_end", "date", C.term_end, width=12),
            Column("renewal_type", "code", C.renewal_type, codes="renewal_type", width=14),
            Column("amount", "money", C.amount, money=True, width=14),
            Column("tickets_available", "int", AVAILABLE, width=10),
            Column("tickets_used", "int", USED, width=10),
            Column("tickets_remaining", "int", REMAINING, width=10),
        ]
        self.dimensions = {
            "status": Dimension("status", C.status, codes="contract_status"),
            "contract_type": Dimension("contract_type", C.contract_type, codes="contract_type"),
            "direction": Dimension("direction", C.direction, codes="direction"),
            "renewal_type": Dimension("renewal_type", C.renewal_type, codes="renewal_type"),
            "party": Dimension("party", C.party, labels=name_labels(Party, Party.name)),
            "operator": Dimension("operator", C.signed_by,
                                  labels=name_labels(Operator, Operator.full_name)),
            "expiry_month": Dimension("expiry_month", month_of(C.term_end), period="month"),
            "signed_month": Dimension("signed_month", month_of(C.signed_on), period="month"),
        }
        self.measures = {
            "count": Measure("count", pw.fn.COUNT(C.id)),
            "value": Measure("value", pw.fn.SUM(C.amount), kind="money", money=True),
            "tickets_remaining": Measure("tickets_remaining", pw.fn.SUM(REMAINING)),
        }

    @property
    def model(self) -> type[pw.Model]:
        return C

    def uses_money(self, spec: ContractSpec) -> bool:
        return spec.amount_min is not None or spec.amount_max is not None

    def base(self, spec: ContractSpec) -> pw.ModelSelect:
        cond: list[Any] = []
        if not spec.include_archived:
            cond.append(C.archived == False)  # noqa: E712
        if spec.text.strip():
            cond.append(contains(C.number, spec.text.strip()) | contains(C.title, spec.text.strip()))
        if spec.party_ids:
            cond.append(C.party.in_(list(spec.party_ids)))
        if spec.contract_types:
            cond.append(C.contract_type.in_(list(spec.contract_types)))
        if spec.statuses:
            cond.append(C.status.in_(list(spec.statuses)))
        if spec.operator_ids:
            cond.append(C.signed_by.in_(list(spec.operator_ids)))
        cond += day_range(C.signed_on, spec.signed_from, spec.signed_to, datetime_column=False)
        cond += day_range(C.term_end, spec.expiry_from, spec.expiry_to, datetime_column=False)
        if spec.direction in DIRECTIONS:
            cond.append(C.direction == spec.direction)
        cond += _between(C.amount, spec.amount_min, spec.amount_max)
        if spec.renewal_types:
            cond.append(C.renewal_type.in_(list(spec.renewal_types)))
        if spec.tickets == "with":
            cond.append(AVAILABLE > 0)
        elif spec.tickets == "without":
            cond.append(AVAILABLE == 0)
        cond += _between(AVAILABLE, spec.available_min, spec.available_max)
        cond += _between(USED, spec.used_min, spec.used_max)
        cond += _between(REMAINING, spec.remaining_min, spec.remaining_max)
        query = C.select()
        return query.where(*cond) if cond else query

    def display(self, query: pw.ModelSelect, spec: Any) -> pw.ModelSelect:
        J = pw.JOIN.LEFT_OUTER
        return (query.join_from(C, CParty, J, on=(C.party == CParty.id))
                .join_from(C, CSigner, J, on=(C.signed_by == CSigner.id))
                .join_from(C, CJob, J, on=(C.job_order == CJob.id)))


CONTRACTS = ContractsSubject()
