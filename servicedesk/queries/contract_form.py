"""What the contract editor shows, read in one go as plain frozen rows (R-CON-1..5, issue 13).

:func:`contract_view` reads a saved contract — every field the form edits, with the version read
(the editor saves against it) — and what its panels show: ticket ledger and balance, requests
closed against it, the billing plan and its sum check, the renewal outlook and history, the
coverage. :func:`new_contract_view` gives the defaults of a new contract. Amounts are blanked
(None) for an operator who may not see money (``permissions.sees_money``), like every query.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any, Mapping

from .. import clock
from ..models import Contract, JobOrder, Party, Product, Unit
from ..permissions import sees_money
from ..services import billing, renewals, tickets
from ..services import contracts as svc
from ..services.istat import IstatTable, Period
from ..services.tickets import TicketBalance
from .contracts import alert_days, party_label

LEDGER_LIMIT = 500
UNITS_LIMIT = 2000
JOB_ORDERS_LIMIT = 2000


@dataclass(frozen=True)
class ContractSnapshot:
    """The stored contract: the fields the form edits, the current term and the version read.
    ``id`` is None for a new contract; ``amount`` None when money is hidden."""

    id: int | None
    version: int
    number: str
    direction: str
    party_id: int | None
    title: str
    contract_type: str
    status: str
    job_order_id: int | None
    signed_on: dt.date | None
    signed_by_id: int | None
    start_date: dt.date
    initial_months: int
    renewal_months: int
    amount: Decimal | None
    notes: str
    renewal_type: str
    notice_days: int
    notice_given_on: dt.date | None
    change_pct: Decimal
    istat_share_pct: Decimal
    istat_month_lag: int | None
    max_renewals: int | None
    proposal_days: int | None
    response_hours: int | None
    resolution_hours: int | None
    tickets_per_term: int
    tickets_per_request: int
    ticket_low_threshold: int
    billing_periodicity: str
    instalments_count: int
    first_due_date: dt.date | None
    billing_by_calendar: bool
    term_no: int
    term_start: dt.date
    term_end: dt.date
    renewals_done: int

    @property
    def saved(self) -> bool:
        return self.id is not None


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class InstalmentRow:
    id: int
    version: int
    term_no: int
    seq: int
    due_date: dt.date
    amount: Decimal | None  # None: money hidden
    paid_on: dt.date | None
    note: str


@dataclass(frozen=True)
class MovementRow:
    at: dt.datetime
    quantity: int
    kind: str
    note: str


@dataclass(frozen=True)
class ClosedRequestRow:
    id: int
    number: str
    closed_at: dt.datetime | None
    subject: str


@dataclass(frozen=True)
class ProposalRow:
    """A renewal proposal of the current term (accept/reject name its id and version)."""

    id: int
    version: int
    status: str
    processed_on: dt.date
    old_term_end: dt.date
    new_term_start: dt.date
    new_term_end: dt.date
    old_amount: Decimal | None
    new_amount: Decimal | None


@dataclass(frozen=True)
class OutlookRow:
    """``renewals.Outlook`` as a row: state, date, amount, the ISTAT period pending."""

    state: str
    on: dt.date | None = None
    amount: Decimal | None = None
    period: Period | None = None
    proposal: ProposalRow | None = None


@dataclass(frozen=True)
class RenewalRow:
    """One renewal of the history with the figures of its formula."""

    from_term_no: int
    status: str
    new_term_start: dt.date
    new_term_end: dt.date
    old_amount: Decimal | None
    new_amount: Decimal | None
    change_pct: Decimal
    istat_share_pct: Decimal
    istat_change_pct: Decimal | None
    istat_year: int | None
    istat_month: int | None
    istat_waived: bool
    agreed: bool  # the amount was agreed with the party (not the formula's)


@dataclass(frozen=True)
class CoverageItem:
    id: int
    label: str
    checked: bool


@dataclass(frozen=True)
class PlanCheckRow:
    """The current term's plan against the contract amount (only for who sees money)."""

    count: int
    total: Decimal
    amount: Decimal

    @property
    def difference(self) -> Decimal:
        return self.total - self.amount

    @property
    def balanced(self) -> bool:
        return self.count == 0 or self.difference == 0


@dataclass(frozen=True)
class ContractView:
    """Everything the editor shows of one contract (or of a new one), read at ``today``."""

    snapshot: ContractSnapshot
    party_label: str
    job_orders: tuple[Choice, ...]
    money: bool
    today: dt.date
    alert_days: int
    office_proposal_days: int | None
    balance: TicketBalance = TicketBalance(0, 0, 0)
    instalments: tuple[InstalmentRow, ...] = ()
    # the current term's plan is what the stored settings generate and nothing is paid: a
    # change of the billing settings regenerates it on save (services.contracts.update_contract)
    plan_follows: bool = True
    plan_check: PlanCheckRow | None = None
    outlook: OutlookRow = OutlookRow("")
    history: tuple[RenewalRow, ...] = ()
    ledger: tuple[MovementRow, ...] = ()
    closed_requests: tuple[ClosedRequestRow, ...] = ()
    products: tuple[CoverageItem, ...] = ()
    units: tuple[CoverageItem, ...] = ()
    # the ISTAT FOI figures in the table (the summary tells the amount of the next term)
    istat_figures: Mapping[Period, Decimal] = field(default_factory=dict)

    @property
    def next_due(self) -> InstalmentRow | None:
        """The earliest unpaid instalment of any term."""
        unpaid = [i for i in self.instalments if i.paid_on is None]
        return min(unpaid, key=lambda i: (i.due_date, i.seq)) if unpaid else None

    def current_term_instalments(self) -> list[InstalmentRow]:
        return [i for i in self.instalments if i.term_no == self.snapshot.term_no]


# -- reading ------------------------------------------------------------------------------------
def _snapshot(c: Contract, money: bool) -> ContractSnapshot:
    return ContractSnapshot(
        c.id, c.version, c.number, c.direction, c.party_id, c.title, c.contract_type, c.status,
        c.job_order_id, c.signed_on, c.signed_by_id, c.start_date, c.initial_months,
        c.renewal_months, c.amount if money else None, c.notes or "", c.renewal_type,
        c.notice_days, c.notice_given_on, c.change_pct, c.istat_share_pct, c.istat_month_lag,
        c.max_renewals, c.proposal_days, c.response_hours, c.resolution_hours,
        c.tickets_per_term, c.tickets_per_request, c.ticket_low_threshold,
        billing.normal_periodicity(c.billing_periodicity), c.instalments_count,
        c.first_due_date, bool(c.billing_by_calendar), c.term_no, c.term_start, c.term_end,
        c.renewals_done)


def job_order_choices(include_id: int | None = None) -> tuple[Choice, ...]:
    """Open job orders (and the contract's own, even if archived), by code."""
    cond = JobOrder.archived == False  # noqa: E712
    if include_id is not None:
        cond = cond | (JobOrder.id == include_id)
    return tuple(Choice(jid, f"{code} — {title}") for jid, code, title in
                 JobOrder.select(JobOrder.id, JobOrder.code, JobOrder.title).where(cond)
                 .order_by(JobOrder.code).limit(JOB_ORDERS_LIMIT).tuples())


def _party_label(party_id: int | None) -> str:
    if party_id is None:
        return ""
    row = (Party.select(Party.name, Party.vat_number, Party.city)
           .where(Party.id == party_id).tuples().first())
    return party_label(*row) if row else ""


def new_contract_view(party_id: int | None = None, today: dt.date | None = None) -> ContractView:
    """The form of a new contract with sensible defaults (what ``create_contract`` fills in
    when the user changes nothing)."""
    today = today or clock.today()
    snapshot = ContractSnapshot(
        None, 0, "", "active", party_id, "", "full_service", "active", None, None, None, today,
        12, 12, Decimal("0.00"), "", "tacit", svc.default_notice_for(12, 12), None, Decimal(0),
        Decimal(0), None, None, None, None, None, 0, 1, 2, "yearly", 1, None, False, 1, today,
        renewals.term_end_for(today, 12), 0)
    return ContractView(snapshot, _party_label(party_id), job_order_choices(), sees_money(),
                        today, alert_days(), renewals.office_proposal_days(),
                        istat_figures=IstatTable().figures)


def contract_view(contract_id: int, today: dt.date | None = None) -> ContractView | None:
    """The saved contract as the editor shows it; None when it no longer exists."""
    today = today or clock.today()
    c = Contract.get_or_none(Contract.id == contract_id)
    if c is None:
        return None
    money = sees_money()
    rows = [InstalmentRow(i.id, i.version, i.term_no, i.seq, i.due_date, i.amount, i.paid_on,
                          i.note or "")
            for i in billing.instalments(c.id)]  # amounts blanked without money
    current = [r for r in rows if r.term_no == c.term_no]
    check = None
    if money:
        total = sum((r.amount for r in current), Decimal("0.00"))
        check = PlanCheckRow(len(current), total, c.amount)
    return ContractView(
        _snapshot(c, money), _party_label(c.party_id), job_order_choices(c.job_order_id), money,
        today, alert_days(), renewals.office_proposal_days(), tickets.balance(c.id),
        tuple(rows), _plan_follows(c, current), check, _outlook(c, today), _history(c.id),
        _ledger(c.id), _closed_requests(c.id), *_coverage(c), IstatTable().figures)


def _plan_follows(c: Contract, current: list[InstalmentRow]) -> bool:
    """The rule of ``update_contract``: the current plan follows new billing settings when
    nothing of it is paid nor noted and it is exactly what the stored settings generate."""
    if any(r.paid_on is not None or r.note for r in current):
        return False
    if not current:
        return True
    try:
        planned = billing.term_plan(c)
    except Exception:  # noqa: BLE001 - settings the plan cannot follow: it is left alone
        return False
    return [p.due_date for p in planned] == [r.due_date for r in current] and (
        current[0].amount is None  # without money the dates decide (the editor cannot save)
        or [p.amount for p in planned] == [r.amount for r in current])


def _proposal_row(p: Any) -> ProposalRow:
    return ProposalRow(p.id, p.version, p.status, p.processed_on, p.old_term_end,
                       p.new_term_start, p.new_term_end, p.old_amount, p.new_amount)


def _outlook(c: Contract, today: dt.date) -> OutlookRow:
    o = renewals.outlook(c, today)
    return OutlookRow(o.state, o.on, o.amount, o.period,
                      _proposal_row(o.proposal) if o.proposal is not None else None)


def _history(contract_id: int) -> tuple[RenewalRow, ...]:
    return tuple(RenewalRow(h.from_term_no, h.status, h.new_term_start, h.new_term_end,
                            h.old_amount, h.new_amount, h.change_pct, h.istat_share_pct,
                            h.istat_change_pct, h.istat_year, h.istat_month,
                            bool(h.istat_waived), "; agreed " in (h.formula or ""))
                 for h in renewals.history(contract_id))


def _ledger(contract_id: int) -> tuple[MovementRow, ...]:
    from ..models import TicketMovement as TM

    return tuple(MovementRow(at, qty, kind, note or "") for at, qty, kind, note in
                 TM.select(TM.at, TM.quantity, TM.kind, TM.note).where(TM.contract == contract_id)
                 .order_by(TM.at.desc(), TM.id.desc()).limit(LEDGER_LIMIT).tuples())


def _closed_requests(contract_id: int) -> tuple[ClosedRequestRow, ...]:
    from ..models import ServiceRequest as SR

    return tuple(ClosedRequestRow(*row) for row in
                 SR.select(SR.id, SR.number, SR.closed_at, SR.subject)
                 .where(SR.id.in_(tickets.closed_against_ids(contract_id)))
                 .order_by(SR.closed_at.desc(), SR.id.desc()).tuples())


def _coverage(c: Contract) -> tuple[tuple[CoverageItem, ...], tuple[CoverageItem, ...]]:
    """The products and the party's units, each checked when the contract covers it."""
    from ..models import ContractProduct as CP
    from ..models import ContractUnit as CU

    covered_p = {pid for (pid,) in CP.select(CP.product).where(CP.contract == c.id).tuples()}
    covered_u = {uid for (uid,) in CU.select(CU.unit).where(CU.contract == c.id).tuples()}
    units = list(Unit.select(Unit.id, Unit.serial, Unit.site, Unit.product, Product.name)
                 .join(Product)
                 .where(((Unit.owner == c.party_id) & (Unit.archived == False))  # noqa: E712
                        | Unit.id.in_(list(covered_u) or [0]))
                 .order_by(Product.name, Unit.serial).limit(UNITS_LIMIT)
                 .tuples())
    product_ids = {row[3] for row in units} | covered_p
    products = tuple(CoverageItem(pid, f"{name}  ·  {code}", pid in covered_p)
                     for pid, name, code in Product.select(Product.id, Product.name, Product.code)
                     .where(Product.id.in_(list(product_ids) or [0]))
                     .order_by(Product.name).tuples())
    unit_items = tuple(CoverageItem(uid, f"{serial}  ·  {pname}" + (f" — {site}" if site else ""),
                                    uid in covered_u)
                       for uid, serial, site, _pid, pname in units)
    return products, unit_items


def snapshot_fields() -> tuple[str, ...]:
    """The names of a snapshot's fields (the editor compares the form with them)."""
    return tuple(f.name for f in fields(ContractSnapshot))
