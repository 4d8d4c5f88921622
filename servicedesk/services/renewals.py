"""Contract terms and renewals (R-CON-4): term arithmetic, notice deadline, ISTAT, the renewal run.

Term arithmetic adds calendar months clamping to the month end (31 Jan + 1 month → 28/29 Feb)
while keeping the day the contract started on as the anchor, so a contract that started on the
31st (or on 29 Feb) never drifts towards the 28th. A term's last day is ``start + months − 1 day``.

The notice (cancel-by) date is computed from the CURRENT term (GLPI #23084), and the first term
and the later ones have separate durations (``initial_months``/``renewal_months``, GLPI #15893).

The renewal run processes every active or suspended contract whose term has ended, looping when
several terms have passed; it is idempotent because each renewal moves ``term_end`` forward and
``ContractRenewal`` is unique per (contract, from_term_no).

Renewal **on proposal**: the run makes the proposal *ahead* of the end — ``proposal_days`` before
it (set per contract; else the office's default; else the notice period) — and the contract shows
"proposal pending". Accepted, the contract renews on time: the run moves it into the new term the
day after the end, with the accepted amount (accepted after the end, it renews at once, still
from the day after the end). Rejected, or unanswered when the term ends, the contract expires; an
unanswered proposal may still be accepted late, which renews it on time.

The **ISTAT** figure a renewal applies is the one ``services/istat.py`` names for the contract; a
renewal whose figure is not in the table waits (reported in ``RunResult.waiting``, the contract
left as it is) until the figure is added or the office renews it without ISTAT (recorded).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from decimal import ROUND_HALF_UP, Decimal

from .. import clock, context
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import Contract, ContractRenewal
from ..permissions import Permission, sees_money
from ..months import add_months
from . import istat
from .istat import Figure, Period

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
RENEWABLE_STATUSES = ("active", "suspended")
RENEWAL_TYPES = ("tacit", "proposal", "none")


# -- term arithmetic ---------------------------------------------------------------------------
def term_end_for(term_start: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """The last day (inclusive) of a term of ``months`` months starting on ``term_start``."""
    return add_months(term_start, months, anchor_day) - dt.timedelta(days=1)


def cancel_by(term_end: dt.date, notice_days: int) -> dt.date:
    """The last day on which notice may be given for the term ending on ``term_end``."""
    return term_end - dt.timedelta(days=notice_days)  # 0 or more (contracts._validate)


def contract_cancel_by(contract: Contract) -> dt.date:
    return cancel_by(contract.term_end, contract.notice_days)


def next_term(contract: Contract) -> tuple[dt.date, dt.date]:
    """(start, end) of the term that follows the current one."""
    start = contract.term_end + dt.timedelta(days=1)
    return start, term_end_for(start, contract.renewal_months, contract.start_date.day)


def notice_effective(contract: Contract) -> bool:
    """Notice given on or before the cancel-by date of the current term ends the contract at
    the term end; a late notice takes effect at the following expiry."""
    given = contract.notice_given_on
    return given is not None and given <= contract_cancel_by(contract)


def max_reached(contract: Contract) -> bool:
    return contract.max_renewals is not None and contract.renewals_done >= contract.max_renewals


def will_renew(contract: Contract) -> bool:
    """Whether the contract, as it stands, renews (or is proposed) at the end of this term."""
    if contract.renewal_type == "none" or max_reached(contract):
        return False
    return not notice_effective(contract)


def proposal_lead(contract: Contract, office_days: int | None) -> int:
    """Days before the term end a renewal proposal is made: the contract's own setting, else
    the office's default, else the contract's notice period."""
    for days in (contract.proposal_days, office_days):  # 0 or more (validated)
        if days is not None:
            return int(days)
    return contract.notice_days


def proposal_date(contract: Contract, office_days: int | None) -> dt.date:
    return contract.term_end - dt.timedelta(days=proposal_lead(contract, office_days))


def office_proposal_days() -> int | None:
    """The office's default lead of renewal proposals (None: each contract's notice period)."""
    from .. import settings

    return settings.read(settings.CONTRACT_PROPOSAL_DAYS)


PROPOSAL_DAYS_KEY = "contracts.proposal_days"  # declared in servicedesk/settings.py


# -- the value at renewal ------------------------------------------------------------------------
@dataclass(frozen=True)
class Revaluation:
    old_amount: Decimal
    new_amount: Decimal
    change_pct: Decimal
    istat_share_pct: Decimal
    istat_change_pct: Decimal | None  # None: no figure applied (none needed, pending or waived)
    istat_year: int | None  # the period of the figure needed (None: no ISTAT share)
    formula: str
    istat_month: int | None = None
    istat_waived: bool = False


def revalue(old: Decimal, change_pct: Decimal, istat_share_pct: Decimal,
            figure: Any | None, *, period: Period | None = None,
            waived: bool = False) -> Revaluation:
    """new = old × (1 + change%/100 + ISTAT share%/100 × ISTAT change%/100), to the cent
    (ROUND_HALF_UP); never below zero.

    ``figure`` is the ISTAT figure applied (anything with ``change_pct``, ``year`` and an
    optional ``month``), or None: then ``period`` names the figure that was needed and is not
    applied — pending (a proposal made before it is published) or ``waived`` by the office."""
    old = Decimal(old)
    change = Decimal(change_pct or 0)
    share = Decimal(istat_share_pct or 0)
    istat_change = Decimal(figure.change_pct) if figure is not None else None
    if figure is not None:
        period = Period(figure.year, getattr(figure, "month", None))
    factor = 1 + change / HUNDRED + share / HUNDRED * (istat_change or Decimal(0)) / HUNDRED
    new = max((old * factor).quantize(CENT, rounding=ROUND_HALF_UP), Decimal("0.00"))
    if period is None:
        istat_text = "no ISTAT share"
    elif istat_change is not None:
        istat_text = f"{share}% × {istat_change}% (ISTAT FOI {_period_text(period)})"
    elif waived:
        istat_text = (f"{share}% × ISTAT FOI {_period_text(period)} not published: "
                      "renewed without it by the office's choice")
    else:
        istat_text = f"{share}% × ISTAT FOI {_period_text(period)} not yet published"
    formula = f"{old:.2f} × (1 + {change}% + {istat_text}) = {new:.2f}"
    return Revaluation(old, new, change, share, istat_change,
                       period.year if period else None, formula,
                       period.month if period else None, waived)


def _period_text(period: Period) -> str:
    return (f"{period.year} annual average" if period.month is None
            else f"{period.label} over 12 months")


def needed_figure(contract: Contract, new_term_start: dt.date,
                  table: istat.IstatTable | None = None) -> tuple[Period | None, Figure | None]:
    """(period, figure) a renewal of ``contract`` starting on ``new_term_start`` needs: no period
    when the contract has no ISTAT share; the figure None while it is not in the table."""
    if not contract.istat_share_pct:
        return None, None
    period = istat.needed_period(new_term_start, contract.istat_month_lag)
    return period, (table.get(period) if table is not None else istat.figure(period))


# -- the run ---------------------------------------------------------------------------------------
@dataclass
class RunItem:
    contract_id: int
    number: str
    party: str
    # renewed, proposed, expired, error (left as it was; reason = the error code),
    # waiting (term ended, the ISTAT figure it needs is missing: detail = its period code)
    action: str
    from_term_no: int
    old_term_end: dt.date
    new_term_end: dt.date | None = None
    old_amount: Decimal | None = None
    new_amount: Decimal | None = None
    # expired: notice, max_renewals, not_renewable, rejected, unanswered, no_proposal;
    # renewed: late_notice, proposal_accepted; proposed: istat_pending; waiting: istat_missing
    reason: str = ""
    detail: str = ""


@dataclass
class RunResult:
    today: dt.date
    items: list[RunItem] = field(default_factory=list)  # what the run did
    waiting: list[RunItem] = field(default_factory=list)  # what it could not do yet

    def count(self, action: str) -> int:
        if action == "waiting":
            return len(self.waiting)
        return sum(1 for i in self.items if i.action == action)


def _renewal_row(contract: Contract, rev: Revaluation, start: dt.date, end: dt.date,
                 today: dt.date, **kw: Any) -> dict[str, Any]:
    return dict(contract=contract.id, from_term_no=contract.term_no, processed_on=today,
                old_term_end=contract.term_end, new_term_start=start, new_term_end=end,
                old_amount=rev.old_amount, new_amount=rev.new_amount, change_pct=rev.change_pct,
                istat_share_pct=rev.istat_share_pct, istat_change_pct=rev.istat_change_pct,
                istat_year=rev.istat_year, istat_month=rev.istat_month,
                istat_waived=rev.istat_waived, formula=rev.formula, **kw)


def _renew(contract: Contract, rev: Revaluation, *, kind: str, status: str,
           renewal: ContractRenewal | None, today: dt.date, decided_by: int | None) -> None:
    """Move ``contract`` into its next term by the office's decision (caller holds the
    transaction); without ``renewal`` the decision is recorded as a new one."""
    from . import billing, tickets

    start, end = next_term(contract)
    if renewal is None:
        ContractRenewal.create(**_renewal_row(
            contract, rev, start, end, today, kind=kind, status=status, decided_by=decided_by,
            decided_on=today))
    contract.term_no = contract.term_no + 1
    contract.term_start, contract.term_end = start, end
    contract.amount = rev.new_amount
    contract.renewals_done = contract.renewals_done + 1
    if contract.status not in RENEWABLE_STATUSES:
        contract.status = "active"  # an unanswered proposal accepted late
    contract.save()
    if contract.tickets_per_term > 0:
        tickets.credit(contract, contract.tickets_per_term, "renewal",
                       note=f"term {contract.term_no}")
    billing.generate_for_term(contract, contract.term_no, fetch=False)


# -- decisions of the office -----------------------------------------------------------------------
def pending_proposals(contract_id: int | None = None) -> list[ContractRenewal]:
    q = ContractRenewal.select().where(ContractRenewal.status == "proposed")
    if contract_id is not None:
        q = q.where(ContractRenewal.contract == contract_id)
    return list(q.order_by(ContractRenewal.old_term_end))


def _proposal(renewal_id: int, expected_version: int | None,
              allowed: tuple[str, ...] = ("proposed",)) -> ContractRenewal:
    proposal = ContractRenewal.get_or_none(ContractRenewal.id == renewal_id)
    if proposal is None:
        raise NotFound("renewal proposal not found")
    if expected_version is not None and proposal.version != expected_version:
        raise ConflictError("ContractRenewal", renewal_id)
    if proposal.status not in allowed:
        raise ValidationError(FieldError("status", "renewals.already_decided",
                                         {"status": proposal.status}))
    return proposal


def accept_proposal(renewal_id: int, expected_version: int | None = None,
                    new_amount: Decimal | None = None, *,
                    without_istat: bool = False) -> Contract:
    """The party accepted: the contract renews on time (the day after its term ends).

    The amount is the proposal's — recomputed with the ISTAT figure if the proposal was made
    before it was published — or ``new_amount``, agreed with the party. When the figure is still
    missing the acceptance is refused (``istat.missing``) unless an amount is agreed or the
    office chooses ``without_istat`` (recorded in the formula). Accepted before the end, the run
    renews the contract when the term ends; after the end (also an unanswered proposal accepted
    late), it renews at once."""
    actor = context.require(Permission.CONTRACT_EDIT)
    today = clock.today()
    with Contract._meta.database.atomic():
        proposal = _proposal(renewal_id, expected_version, ("proposed", "expired"))
        contract = Contract.get_by_id(proposal.contract_id)
        live = contract.status in RENEWABLE_STATUSES or (
            proposal.status == "expired" and contract.status == "expired")
        if contract.term_no != proposal.from_term_no or not live:
            raise ValidationError(FieldError("status", "renewals.stale_proposal"))
        period = (Period(proposal.istat_year, proposal.istat_month)
                  if proposal.istat_year is not None else None)
        rev = Revaluation(proposal.old_amount, proposal.new_amount, proposal.change_pct,
                          proposal.istat_share_pct, proposal.istat_change_pct,
                          proposal.istat_year, proposal.formula, proposal.istat_month)
        if period is not None and proposal.istat_change_pct is None:  # made before the figure
            figure = istat.figure(period)
            if figure is None and not without_istat and new_amount is None:
                raise ValidationError(FieldError("istat", "istat.missing",
                                                 {"period": period.label}))
            # with the figure now published; or, without it, by the office's choice (going
            # without it, or agreeing an amount with the party): recorded either way
            rev = revalue(proposal.old_amount, proposal.change_pct, proposal.istat_share_pct,
                          figure, period=period, waived=figure is None)
        if new_amount is not None:
            amount = Decimal(new_amount)
            if amount < 0:
                raise ValidationError(FieldError("new_amount", "negative"))
            amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
            if amount != rev.new_amount:
                rev = Revaluation(rev.old_amount, amount, rev.change_pct, rev.istat_share_pct,
                                  rev.istat_change_pct, rev.istat_year,
                                  rev.formula + f"; agreed {amount:.2f}", rev.istat_month,
                                  rev.istat_waived)
        proposal.status, proposal.new_amount, proposal.formula = "accepted", rev.new_amount, \
            rev.formula
        proposal.istat_change_pct, proposal.istat_waived = rev.istat_change_pct, rev.istat_waived
        proposal.decided_by, proposal.decided_on = actor.operator_id, today
        proposal.save()
        if contract.term_end < today:  # the term is over: renew now, still on time
            _renew(contract, rev, kind="proposal", status="accepted", renewal=proposal,
                   today=today, decided_by=actor.operator_id)
        return contract


def reject_proposal(renewal_id: int, expected_version: int | None = None) -> Contract:
    """The proposal was refused: the contract runs to the end of its term, then expires (at
    once when the term is already over)."""
    actor = context.require(Permission.CONTRACT_EDIT)
    today = clock.today()
    with Contract._meta.database.atomic():
        proposal = _proposal(renewal_id, expected_version)
        contract = Contract.get_by_id(proposal.contract_id)
        proposal.status = "rejected"
        proposal.decided_by, proposal.decided_on = actor.operator_id, today
        proposal.save()
        if (contract.term_no == proposal.from_term_no and contract.status in RENEWABLE_STATUSES
                and contract.term_end < today):
            contract.status = "expired"
            contract.save()
        return contract


def renew_without_istat(contract_id: int, expected_version: int) -> Contract:
    """The office's explicit choice for a tacit renewal waiting for a missing ISTAT figure:
    renew now (the new term still starts the day after the end) without the ISTAT share; the
    renewal records the choice."""
    actor = context.require(Permission.CONTRACT_EDIT)
    today = clock.today()
    with Contract._meta.database.atomic():
        contract = Contract.get_or_none(Contract.id == contract_id)
        if contract is None:
            raise ConflictError("Contract", contract_id, deleted=True)
        if contract.version != expected_version:
            raise ConflictError("Contract", contract_id)
        start, _end = next_term(contract)
        period, figure = needed_figure(contract, start)
        if (contract.status not in RENEWABLE_STATUSES or contract.term_end >= today
                or contract.renewal_type != "tacit" or not will_renew(contract)
                or period is None or figure is not None):
            raise ValidationError(FieldError("istat", "renewals.not_waiting"))
        rev = revalue(contract.amount, contract.change_pct, contract.istat_share_pct, None,
                      period=period, waived=True)
        _renew(contract, rev, kind="tacit", status="done", renewal=None, today=today,
               decided_by=actor.operator_id)
        return contract


# -- what lies ahead, for the editor ----------------------------------------------------------------
@dataclass(frozen=True)
class Outlook:
    """The renewal of the current term as it stands.

    ``state``: "" (nothing to say), "proposal_due" (proposal to be made on ``on``), "proposed"
    (pending since ``on``), "accepted" (renews on ``on``), "rejected"/"unanswered" (ends on
    ``on``), "waiting" (term over, the ISTAT figure ``period`` missing), "istat_pending" (a
    pending/accepted proposal made before the figure ``period`` was published)."""

    state: str
    on: dt.date | None = None
    amount: Decimal | None = None
    period: Period | None = None
    proposal: ContractRenewal | None = None


def outlook(contract: Contract, today: dt.date | None = None) -> Outlook:
    """The renewal outlook; amounts left out (None) for an operator who may not see money."""
    found = _outlook(contract, today or clock.today())
    if found.amount is not None and not sees_money():
        if found.proposal is not None:
            found.proposal.old_amount = found.proposal.new_amount = None
        found = Outlook(found.state, found.on, None, found.period, found.proposal)
    return found


def _outlook(contract: Contract, today: dt.date) -> Outlook:
    if contract.status not in RENEWABLE_STATUSES + ("expired",) or contract.id is None:
        return Outlook("")
    row = (ContractRenewal.select().where(ContractRenewal.contract == contract.id,
                                          ContractRenewal.from_term_no == contract.term_no)
           .first())
    end_next = contract.term_end + dt.timedelta(days=1)
    if row is not None:  # a proposal for this term (a tacit renewal moves the term on)
        pending = (Period(row.istat_year, row.istat_month)
                   if row.istat_year is not None and row.istat_change_pct is None
                   and not row.istat_waived else None)
        if row.status == "proposed":
            return Outlook("proposed", row.processed_on, row.new_amount, pending, row)
        if row.status == "accepted":
            return Outlook("accepted", end_next, row.new_amount, None, row)
        if row.status == "rejected":
            return Outlook("rejected", contract.term_end, None, None, row)
        if row.status == "expired":
            return Outlook("unanswered", contract.term_end, row.new_amount, pending, row)
    if contract.status == "expired":
        return Outlook("")
    if contract.renewal_type == "proposal" and will_renew(contract):
        return Outlook("proposal_due", proposal_date(contract, office_proposal_days()))
    if contract.term_end < today and contract.renewal_type == "tacit" and will_renew(contract):
        period, figure = needed_figure(contract, end_next)
        if period is not None and figure is None:
            return Outlook("waiting", contract.term_end, None, period)
    return Outlook("")


def history(contract_id: int) -> list[ContractRenewal]:
    """The renewals of a contract, newest first; amounts blanked (None) for an operator who
    may not see money (#14)."""
    rows = list(ContractRenewal.select().where(ContractRenewal.contract == contract_id)
                .order_by(ContractRenewal.from_term_no.desc()))
    if not sees_money():
        for row in rows:
            row.old_amount = row.new_amount = None
    return rows
