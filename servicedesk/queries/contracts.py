"""Contract lists and alerts: filter spec → peewee query; ids first, one page of rows after."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple
from decimal import Decimal

from peewee import fn

from .. import clock, like
from ..permissions import sees_money
from ..models import Contract, ContractRenewal, Party
from ..services import billing, renewals, tickets

ALERT_DAYS_KEY = "contracts.alert_days"
DEFAULT_ALERT_DAYS = 60
OPEN_STATUSES = ("draft", "active", "suspended")
LIVE_STATUSES = ("active", "suspended")


@dataclass(frozen=True)
class ContractFilter:
    text: str = ""  # number, title or party name/VAT
    party_id: int | None = None
    status: str | None = None  # a status, "open" (draft/active/suspended) or None (all)
    direction: str | None = None
    expiring_days: int | None = None  # current term ends within N days (live contracts)
    expiring_window: bool = False  # … within the alert window (the setting, read by the query)
    alerts_only: bool = False  # notice period, expiring, awaiting a decision or an ISTAT figure
    include_archived: bool = False


SORT_KEYS = {
    "number": Contract.number, "title": Contract.title, "party": Party.name,
    "status": Contract.status, "term_end": Contract.term_end, "amount": Contract.amount,
}


def alert_days() -> int:
    from .. import settings

    return settings.read(settings.CONTRACT_ALERT_DAYS)


def query(spec: ContractFilter, today: dt.date | None = None, *, with_party: bool = False,
          alert_ids_: list[int] | None = None):
    """The ids of ``spec`` as a query (``alert_ids_``: the alert ids already computed)."""
    today = today or clock.today()
    q = Contract.select(Contract.id)
    if with_party or spec.text.strip():  # the join costs ~30% on large lists: only when needed
        q = q.join(Party, on=(Contract.party == Party.id))
    if not spec.include_archived:
        q = q.where(Contract.archived == False)  # noqa: E712
    if spec.text.strip():
        q = q.where(like.any_of([Contract.number, Contract.title, Party.name, Party.vat_number],
                                spec.text.strip()))
    if spec.party_id is not None:
        q = q.where(Contract.party == spec.party_id)
    if spec.status == "open":
        q = q.where(Contract.status.in_(OPEN_STATUSES))
    elif spec.status:
        q = q.where(Contract.status == spec.status)
    if spec.direction:
        q = q.where(Contract.direction == spec.direction)
    expiring = alert_days() if spec.expiring_window else spec.expiring_days
    if expiring is not None:
        q = q.where(Contract.status.in_(LIVE_STATUSES), Contract.term_end >= today,
                    Contract.term_end <= today + dt.timedelta(days=expiring))
    if spec.alerts_only:
        q = q.where(Contract.id.in_(alert_ids(today=today) if alert_ids_ is None
                                    else alert_ids_))
    return q


def ids(spec: ContractFilter, sort: str = "term_end", descending: bool = False, *,
        alert_ids_: list[int] | None = None, today: dt.date | None = None) -> list[int]:
    if sort == "amount" and not sees_money():
        sort = "term_end"  # the order would tell the amounts
    key = SORT_KEYS.get(sort, Contract.term_end)
    order = [key.desc() if descending else key.asc(), Contract.id]
    return [r[0] for r in query(spec, today, with_party=(sort == "party"), alert_ids_=alert_ids_)
            .order_by(*order).tuples()]


def number_of(contract_id: int) -> str | None:
    """The contract's number (a tab title), None when it no longer exists."""
    return Contract.select(Contract.number).where(Contract.id == contract_id).scalar()


def count(spec: ContractFilter) -> int:
    return query(spec).count()


@dataclass(frozen=True)
class ContractRow:
    id: int
    number: str
    title: str
    party: str
    direction: str
    status: str
    term_no: int
    term_start: dt.date
    term_end: dt.date
    cancel_by: dt.date
    amount: Decimal | None  # None for an operator who may not see money (permissions.sees_money)
    renewal_type: str
    renewals_done: int
    max_renewals: int | None
    tickets_remaining: int | None  # None: not a ticket contract
    tickets_low: bool
    next_due: dt.date | None
    alert: str = ""  # notice, expiring, proposal, waiting (term over, not renewed), "" (none)
    renews: bool = True  # False: ends at term end (not renewable, max reached, notice given)


def rows(contract_ids: list[int], today: dt.date | None = None) -> list[ContractRow]:
    """The rows of one page, in the order of ``contract_ids``."""
    if not contract_ids:
        return []
    today = today or clock.today()
    days = alert_days()
    money = sees_money()
    found = {c.id: c for c in Contract.select(Contract, Party.name)
             .join(Party, on=(Contract.party == Party.id)).where(Contract.id.in_(contract_ids))}
    balances = tickets.balances(list(found))
    due = billing.next_due_many(list(found))
    proposals = {r.contract_id for r in ContractRenewal.select(ContractRenewal.contract)
                 .where(ContractRenewal.status == "proposed",
                        ContractRenewal.contract.in_(list(found)))}
    out = []
    for cid in contract_ids:
        c = found.get(cid)
        if c is None:
            continue
        bal = balances.get(cid)
        ticket_contract = bal is not None and bal.available > 0
        out.append(ContractRow(
            c.id, c.number, c.title, c.party.name, c.direction, c.status, c.term_no,
            c.term_start, c.term_end, renewals.contract_cancel_by(c), c.amount if money else None, c.renewal_type,
            c.renewals_done, c.max_renewals, bal.remaining if ticket_contract else None,
            ticket_contract and bal.remaining <= c.ticket_low_threshold, due.get(cid),
            _alert(c, today, days, cid in proposals), renewals.will_renew(c)))
    return out


def _alert(c: Contract, today: dt.date, days: int, proposal: bool) -> str:
    if c.status not in LIVE_STATUSES:
        return ""
    if proposal:
        return "proposal"
    if c.term_end < today and not c.archived:
        return "waiting"
    limit = today + dt.timedelta(days=days)
    cancel = renewals.contract_cancel_by(c)
    if c.notice_given_on is None and renewals.will_renew(c) and today <= cancel <= limit:
        return "notice"
    if today <= c.term_end <= limit:
        return "expiring"
    return ""


@dataclass(frozen=True)
class Alerts:
    days: int
    notice: list[int] = field(default_factory=list)  # notice deadline within N days
    expiring: list[int] = field(default_factory=list)  # term ends within N days
    proposals: list[int] = field(default_factory=list)  # proposals awaiting a decision
    # live contracts whose term is over and not renewed: their renewal waits for an ISTAT
    # figure (or for the renewal run)
    waiting: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.ids())

    def ids(self) -> list[int]:
        return sorted(set(self.notice) | set(self.expiring) | set(self.proposals)
                      | set(self.waiting))


class _AlertTerms(NamedTuple):
    """What the renewal rules read of a contract to decide on an alert."""

    id: int
    term_end: dt.date
    notice_days: int
    notice_given_on: dt.date | None
    renewal_type: str
    max_renewals: int | None
    renewals_done: int


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


#: Tables whose writes may change the alerts (a contract, a proposal, the alert window).
ALERT_TABLES = ("contract", "contract_renewal", "setting")


def alerts(today: dt.date | None = None, days: int | None = None) -> Alerts:
    """Contracts entering their notice period, expiring within ``days`` (the setting by
    default), and renewal proposals awaiting a decision."""
    today = today or clock.today()
    days = alert_days() if days is None else days
    limit = today + dt.timedelta(days=days)
    max_notice = (Contract.select(fn.MAX(Contract.notice_days))
                  .where(Contract.status.in_(LIVE_STATUSES)).scalar()) or 0
    # Cheap SQL window (portable: no date arithmetic in SQL), exact test in Python. Plain
    # tuples, not Contract objects: building 2,000 models was most of the time (#18).
    candidates = (Contract.select(Contract.id, Contract.term_end, Contract.notice_days,
                                  Contract.notice_given_on, Contract.renewal_type,
                                  Contract.max_renewals, Contract.renewals_done)
                  .where(Contract.status.in_(LIVE_STATUSES), Contract.archived == False,  # noqa: E712
                         Contract.term_end >= today,
                         Contract.term_end <= limit + dt.timedelta(days=max_notice)))
    sql, params = candidates.sql()
    notice: list[int] = []
    expiring: list[int] = []
    for row in Contract._meta.database.execute_sql(sql, params).fetchall():
        c = _AlertTerms(row[0], _date(row[1]), row[2], _date(row[3]), *row[4:])
        cancel = renewals.contract_cancel_by(c)
        if c.notice_given_on is None and renewals.will_renew(c) and today <= cancel <= limit:
            notice.append(c.id)
        if c.term_end <= limit:
            expiring.append(c.id)
    proposals = [r[0] for r in ContractRenewal.select(ContractRenewal.contract)
                 .join(Contract, on=(ContractRenewal.contract == Contract.id))
                 .where(ContractRenewal.status == "proposed",
                        Contract.status.in_(LIVE_STATUSES),
                        Contract.archived == False).tuples()]  # noqa: E712
    waiting = [r[0] for r in Contract.select(Contract.id)
               .where(Contract.status.in_(LIVE_STATUSES), Contract.archived == False,  # noqa: E712
                      Contract.term_end < today).order_by(Contract.id).tuples()]
    return Alerts(days, notice, expiring, proposals, waiting)


def alert_ids(today: dt.date | None = None) -> list[int]:
    return alerts(today).ids()


@dataclass(frozen=True)
class ListView:
    """One answer for the contract dock (asked on a worker): the ids of ``spec`` in the order
    asked, and the alerts of the panel and the status bar."""

    spec: ContractFilter
    sort: str
    descending: bool
    ids: list[int]
    alerts: Alerts


def list_view(spec: ContractFilter, sort: str = "term_end", descending: bool = False,
              today: dt.date | None = None) -> ListView:
    """The ids and the alerts in one go (the alerts filter reuses the alerts computed)."""
    found = alerts(today)
    return ListView(spec, sort, descending,
                    ids(spec, sort, descending, today=today,
                        alert_ids_=found.ids() if spec.alerts_only else None), found)


@dataclass(frozen=True)
class PartyChoice:
    """A party offered by the contract's party picker."""

    id: int
    name: str
    vat_number: str
    city: str

    @property
    def label(self) -> str:
        return party_label(self.name, self.vat_number, self.city)


def party_label(name: str, vat_number: str | None, city: str | None) -> str:
    """"Name (VAT · city)": how the picker shows a party."""
    extra = " · ".join(x for x in (vat_number or "", city or "") if x)
    return f"{name} ({extra})" if extra else name


def parties(text: str, direction: str = "active", limit: int = 30) -> list[PartyChoice]:
    """Parties for the picker, typed by name, VAT number or city: customers for an active
    contract, suppliers for a passive one."""
    q = (Party.select(Party.id, Party.name, Party.vat_number, Party.city)
         .where(Party.archived == False))  # noqa: E712
    q = q.where(Party.is_supplier == True if direction == "passive"  # noqa: E712
                else Party.is_customer == True)  # noqa: E712
    text = text.strip()
    if text:
        q = q.where(like.any_of([Party.name, Party.vat_number, Party.city, Party.code], text))
    return [PartyChoice(pid, name, vat or "", city or "")
            for pid, name, vat, city in q.order_by(Party.name).limit(limit).tuples()]
