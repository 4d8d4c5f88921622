"""The contract summary as the form stands, before it is saved (R-CON-2..5, issue 12).

Pure: :func:`summarize` takes the values the form holds (:class:`Terms`, typed) and what was
read of the stored contract (:class:`~servicedesk.queries.contract_form.ContractView`), and
computes with the very rules the services apply on save and at renewal — term end, notice
deadline, whether and when the contract renews and at what amount, the ticket balance, the
billing plan the save would write. Nothing here reads the database, so the editor can call it at
every keystroke.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..errors import ServiceDeskError
from ..services import billing, renewals
from ..services.istat import Figure, Period, needed_period
from .contract_form import ContractSnapshot, ContractView

#: The form's fields that decide the billing plan (``services.contracts.BILLING_FIELDS``).
BILLING_FIELDS = ("amount", "instalments_count", "billing_periodicity", "first_due_date",
                  "billing_by_calendar")
#: Decided states of a renewal proposal of the current term: facts, not the form's to change.
DECIDED = ("proposed", "accepted", "rejected", "unanswered")


@dataclass(frozen=True)
class Terms:
    """The form's values, typed. A number the user typed that does not parse is None
    (``amount``) or 0 (percentages), as on save."""

    start_date: dt.date
    initial_months: int
    renewal_months: int
    renewal_type: str
    notice_days: int
    notice_given_on: dt.date | None
    max_renewals: int | None
    proposal_days: int | None
    change_pct: Decimal
    istat_share_pct: Decimal
    istat_month_lag: int | None
    amount: Decimal | None
    billing_periodicity: str
    instalments_count: int
    first_due_date: dt.date | None
    billing_by_calendar: bool
    tickets_per_term: int
    ticket_low_threshold: int
    status: str


@dataclass(frozen=True)
class Notice:
    """``state``: "not_renewable", "last_term" (maximum renewals reached), "given" (notice
    given in time: ends at ``term_end``), "open" (``cancel_by`` ahead or passed)."""

    state: str
    cancel_by: dt.date
    given_on: dt.date | None
    days_left: int  # from today to cancel_by (negative: passed)
    renews_on: dt.date  # the day after the term end


@dataclass(frozen=True)
class Renewal:
    """The renewal of the current term. ``state``: one of :data:`DECIDED` or "waiting" (read
    from the stored proposal / run), or, from the form: "ends" (on ``on``), "proposal_due"
    (proposal to be made on ``on``), "renews" (on ``on`` until ``until``, at ``amount`` when
    it can be told: None without money or while ``period``'s ISTAT figure is missing)."""

    state: str
    on: dt.date | None = None
    until: dt.date | None = None
    amount: Decimal | None = None
    period: Period | None = None  # the ISTAT figure applied (or missing)
    istat_pct: Decimal | None = None  # its change, when in the table


@dataclass(frozen=True)
class Tickets:
    available: int
    used: int
    remaining: int
    low: bool
    per_term: int


@dataclass(frozen=True)
class Plan:
    """The billing plan of the current term as saving would leave it. ``source``: "stored"
    (the saved plan, unchanged), "preview" (what the save will generate), "kept" (the billing
    settings changed but the plan was edited or partly paid: it stays), "none" (zero amount:
    no plan), "invalid" (the form's values make no plan: the save will say why)."""

    source: str
    count: int = 0
    total: Decimal | None = None
    each: Decimal | None = None  # all instalments equal
    first_due: dt.date | None = None
    next_due: dt.date | None = None  # the earliest unpaid instalment (any term)
    next_amount: Decimal | None = None
    next_overdue: bool = False


@dataclass(frozen=True)
class Summary:
    saved: bool
    term_no: int
    term_start: dt.date
    term_end: dt.date
    notice: Notice
    renewals_done: int
    max_renewals: int | None
    renewal: Renewal
    tickets: Tickets
    plan: Plan
    money: bool
    today: dt.date


def summarize(terms: Terms, view: ContractView) -> Summary:
    """The summary of the contract as the form holds it (see the module docstring)."""
    stored = view.snapshot
    today = view.today
    contract = _as_contract(stored, terms)
    notice = _notice(contract, today)
    renewal = _renewal(contract, view, terms)
    return Summary(stored.saved, contract.term_no, contract.term_start, contract.term_end, notice,
                   stored.renewals_done, terms.max_renewals, renewal,
                   _tickets(view, terms), _plan(contract, view, terms), view.money, today)


class _Draft:
    """The stored contract with the form's values on top: what the renewal and billing rules
    read (they take anything with a contract's attributes)."""

    def __init__(self, **values) -> None:
        self.__dict__.update(values)


def _as_contract(stored: ContractSnapshot, terms: Terms) -> _Draft:
    values = {name: getattr(stored, name) for name in stored.__dataclass_fields__}
    values.update({name: getattr(terms, name) for name in terms.__dataclass_fields__})
    if stored.term_no == 1:  # the first term follows the start date and its length
        values["term_start"] = terms.start_date
        values["term_end"] = renewals.term_end_for(terms.start_date, max(terms.initial_months, 1))
    else:  # once renewed the start and the first term are fixed (services.contracts)
        values["start_date"], values["initial_months"] = stored.start_date, stored.initial_months
    return _Draft(**values)


def _notice(c: _Draft, today: dt.date) -> Notice:
    cancel = renewals.contract_cancel_by(c)
    renews_on = c.term_end + dt.timedelta(days=1)
    if c.renewal_type == "none":
        state = "not_renewable"
    elif renewals.max_reached(c):
        state = "last_term"
    elif renewals.notice_effective(c):
        state = "given"
    else:
        state = "open"
    return Notice(state, cancel, c.notice_given_on, (cancel - today).days, renews_on)


def _renewal(c: _Draft, view: ContractView, terms: Terms) -> Renewal:
    stored = view.outlook
    if stored.state in DECIDED:
        on = stored.on
        return Renewal(stored.state, on, None, stored.amount if view.money else None,
                       stored.period)
    if not renewals.will_renew(c):
        return Renewal("ends", c.term_end)
    if c.renewal_type == "proposal":
        return Renewal("proposal_due", renewals.proposal_date(c, view.office_proposal_days))
    start, until = renewals.next_term(c)
    period = needed_period(start, c.istat_month_lag) if c.istat_share_pct else None
    change = view.istat_figures.get(period) if period is not None else None
    state = "waiting" if (period is not None and change is None and c.term_end < view.today) \
        else "renews"
    amount = None
    if view.money and terms.amount and (period is None or change is not None):
        figure = Figure(period, change) if change is not None else None
        amount = renewals.revalue(terms.amount, terms.change_pct, terms.istat_share_pct,
                                  figure).new_amount
    return Renewal(state, start if state == "renews" else c.term_end, until, amount, period,
                   change)


def _tickets(view: ContractView, terms: Terms) -> Tickets:
    if view.snapshot.saved:
        bal = view.balance
        available, used, remaining = bal.available, bal.used, bal.remaining
    else:  # a new contract is credited its tickets of the first term on save
        available, used, remaining = terms.tickets_per_term, 0, terms.tickets_per_term
    return Tickets(available, used, remaining,
                   available > 0 and remaining <= terms.ticket_low_threshold,
                   terms.tickets_per_term)


def _billing_changed(stored: ContractSnapshot, terms: Terms) -> bool:
    return any(getattr(stored, f) != getattr(terms, f) for f in BILLING_FIELDS
               if not (f == "amount" and stored.amount is None))


def _plan(c: _Draft, view: ContractView, terms: Terms) -> Plan:
    stored = view.snapshot
    today = view.today
    money = view.money
    if stored.saved and not _billing_changed(stored, terms):
        return _stored_plan(view, "stored")
    if stored.saved and not view.plan_follows:
        return _stored_plan(view, "kept")
    if terms.amount is None:
        return Plan("invalid") if money else _stored_plan(view, "stored")
    if terms.amount <= 0:
        return Plan("none")
    try:
        planned = billing.term_plan(_Draft(**{**c.__dict__, "amount": terms.amount}))
    except (ServiceDeskError, KeyError, ValueError, OverflowError):
        return Plan("invalid")
    others = [i for i in view.instalments
              if i.term_no != stored.term_no and i.paid_on is None]
    upcoming = sorted([(p.due_date, p.amount) for p in planned]
                      + [(i.due_date, i.amount) for i in others], key=lambda x: x[0])
    next_due, next_amount = upcoming[0] if upcoming else (None, None)
    amounts = {p.amount for p in planned}
    return Plan("preview", len(planned), sum((p.amount for p in planned), Decimal("0.00"))
                if money else None,
                next(iter(amounts)) if money and len(amounts) == 1 else None,
                planned[0].due_date if planned else None, next_due,
                next_amount if money else None, next_due is not None and next_due < today)


def _stored_plan(view: ContractView, source: str) -> Plan:
    rows = view.current_term_instalments()
    nxt = view.next_due
    money = view.money
    amounts = {r.amount for r in rows}
    total = sum((r.amount for r in rows), Decimal("0.00")) if money and rows else None
    return Plan(source, len(rows), total,
                next(iter(amounts)) if money and len(amounts) == 1 and rows else None,
                min((r.due_date for r in rows), default=None),
                nxt.due_date if nxt else None, nxt.amount if nxt and money else None,
                nxt is not None and nxt.due_date < view.today)
