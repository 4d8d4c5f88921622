"""Contract terms and renewals (R-CON-4): term arithmetic, notice deadline, ISTAT, the renewal run.

Term arithmetic adds calendar months clamping to the month end (31 Jan + 1 month → 28/29 Feb)
while keeping the day the contract started on as the anchor, so a contract that started on the
31st (or on 29 Feb) never drifts towards the 28th. A term's last day is ``start + months − 1 day``.

The notice (cancel-by) date is computed from the CURRENT term (GLPI #23084), and the first term
and the later ones have separate durations (``initial_months``/``renewal_months``, GLPI #15893).

The renewal run processes every active or suspended contract whose term has ended, looping when
several terms have passed; it is idempotent because each renewal moves ``term_end`` forward and
``ContractRenewal`` is unique per (contract, from_term_no).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from decimal import ROUND_HALF_UP, Decimal

from .. import clock, context, uow
from ..errors import ConflictError, FieldError, NotFound, ServiceDeskError, ValidationError
from ..models import Contract, ContractRenewal, IstatIndex, Party
from ..permissions import MONEY, Permission, sees_money

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
RENEWABLE_STATUSES = ("active", "suspended")
RENEWAL_TYPES = ("tacit", "proposal", "none")


# -- term arithmetic ---------------------------------------------------------------------------
def add_months(day: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """``day`` moved by ``months`` calendar months, on ``anchor_day`` (default: ``day.day``)
    clamped to the length of the target month (leap years included)."""
    anchor = anchor_day or day.day
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(anchor, last))


def term_end_for(term_start: dt.date, months: int, anchor_day: int | None = None) -> dt.date:
    """The last day (inclusive) of a term of ``months`` months starting on ``term_start``."""
    return add_months(term_start, months, anchor_day) - dt.timedelta(days=1)


def months_between(a: dt.date, b: dt.date) -> int:
    """Whole calendar months from ``a`` to ``b`` (by month index, days ignored)."""
    return (b.year - a.year) * 12 + (b.month - a.month)


def cancel_by(term_end: dt.date, notice_days: int) -> dt.date:
    """The last day on which notice may be given for the term ending on ``term_end``."""
    return term_end - dt.timedelta(days=max(notice_days or 0, 0))


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


# -- ISTAT ---------------------------------------------------------------------------------------
def istat_for(renewal_date: dt.date) -> IstatIndex | None:
    """The latest ISTAT FOI figure published before ``renewal_date``."""
    return (IstatIndex.select().where(IstatIndex.published_on < renewal_date)
            .order_by(IstatIndex.published_on.desc(), IstatIndex.year.desc()).first())


class IstatTable:
    """All ISTAT figures in memory, for the run (one query instead of one per renewal)."""

    def __init__(self) -> None:
        self.rows = sorted(IstatIndex.select(), key=lambda r: (r.published_on, r.year))

    def for_date(self, renewal_date: dt.date) -> IstatIndex | None:
        found = None
        for row in self.rows:
            if row.published_on < renewal_date:
                found = row
            else:
                break
        return found


def save_istat(year: int, change_pct: Decimal, published_on: dt.date, note: str = "",
               expected_version: int | None = None) -> IstatIndex:
    """Add a year or fix a figure (the shipped data is editable by the user)."""
    context.require(Permission.CONTRACT_EDIT)
    errors = []
    if not isinstance(year, int) or not 1950 <= year <= 2200:
        errors.append(FieldError("year", "istat.year_range"))
    try:
        change = Decimal(change_pct)
    except Exception:  # noqa: BLE001 - anything not a number
        change = None
        errors.append(FieldError("change_pct", "invalid_number"))
    if change is not None and not Decimal(-50) <= change <= Decimal(100):
        errors.append(FieldError("change_pct", "istat.change_range"))
    if not isinstance(published_on, dt.date):
        errors.append(FieldError("published_on", "invalid_date"))
    elif isinstance(year, int) and published_on.year < year:
        errors.append(FieldError("published_on", "istat.published_before_year"))
    if len(note or "") > 200:
        errors.append(FieldError("note", "too_long", {"max": 200}))
    if errors:
        raise ValidationError(errors)
    with IstatIndex._meta.database.atomic():
        row = IstatIndex.get_or_none(IstatIndex.year == year)
        if row is None:
            return IstatIndex.create(year=year, change_pct=change, published_on=published_on,
                                     note=note or "")
        if expected_version is not None:
            row.version = expected_version
        row.change_pct, row.published_on, row.note = change, published_on, note or ""
        row.save()
        return row


def delete_istat(year: int) -> None:
    context.require(Permission.CONTRACT_EDIT)
    IstatIndex.delete().where(IstatIndex.year == year).execute()


# -- the value at renewal ------------------------------------------------------------------------
@dataclass(frozen=True)
class Revaluation:
    old_amount: Decimal
    new_amount: Decimal
    change_pct: Decimal
    istat_share_pct: Decimal
    istat_change_pct: Decimal | None
    istat_year: int | None
    formula: str


def revalue(old: Decimal, change_pct: Decimal, istat_share_pct: Decimal,
            istat: IstatIndex | None) -> Revaluation:
    """new = old × (1 + change%/100 + ISTAT share%/100 × ISTAT change%/100), to the cent
    (ROUND_HALF_UP); never below zero."""
    old = Decimal(old)
    change = Decimal(change_pct or 0)
    share = Decimal(istat_share_pct or 0)
    istat_change = Decimal(istat.change_pct) if istat is not None else None
    factor = 1 + change / HUNDRED + share / HUNDRED * (istat_change or Decimal(0)) / HUNDRED
    new = max((old * factor).quantize(CENT, rounding=ROUND_HALF_UP), Decimal("0.00"))
    istat_text = (f"{istat_change}% (ISTAT FOI {istat.year})" if istat is not None
                  else "0% (no ISTAT FOI figure published)")
    formula = (f"{old:.2f} × (1 + {change}% + {share}% × {istat_text}) = {new:.2f}")
    return Revaluation(old, new, change, share, istat_change,
                       istat.year if istat is not None else None, formula)


# -- the run ---------------------------------------------------------------------------------------
@dataclass
class RunItem:
    contract_id: int
    number: str
    party: str
    action: str  # renewed, proposed, expired, error (left as it was; reason = the error code)
    from_term_no: int
    old_term_end: dt.date
    new_term_end: dt.date | None = None
    old_amount: Decimal | None = None
    new_amount: Decimal | None = None
    reason: str = ""  # expired: notice, max_renewals, not_renewable, rejected; renewed: late_notice


@dataclass
class RunResult:
    today: dt.date
    items: list[RunItem] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for i in self.items if i.action == action)


def _renew(contract: Contract, rev: Revaluation, *, kind: str, status: str,
           renewal: ContractRenewal | None, today: dt.date, decided_by: int | None) -> RunItem:
    """Move ``contract`` into its next term (caller holds the transaction)."""
    from . import billing, tickets

    old_end, old_amount, from_term = contract.term_end, contract.amount, contract.term_no
    start, end = next_term(contract)
    if renewal is None:
        ContractRenewal.create(
            contract=contract, from_term_no=from_term, kind=kind, status=status,
            processed_on=today, old_term_end=old_end, new_term_start=start, new_term_end=end,
            old_amount=rev.old_amount, new_amount=rev.new_amount, change_pct=rev.change_pct,
            istat_share_pct=rev.istat_share_pct, istat_change_pct=rev.istat_change_pct,
            istat_year=rev.istat_year, formula=rev.formula, decided_by=decided_by,
            decided_on=today if decided_by is not None or status == "done" else None)
    late = contract.notice_given_on is not None
    contract.term_no = from_term + 1
    contract.term_start, contract.term_end = start, end
    contract.amount = rev.new_amount
    contract.renewals_done = contract.renewals_done + 1
    contract.save()
    if contract.tickets_per_term > 0:
        tickets.credit(contract, contract.tickets_per_term, "renewal",
                       note=f"term {contract.term_no}")
    billing.generate_for_term(contract, contract.term_no, fetch=False)
    return RunItem(contract.id, contract.number, "", "renewed", from_term, old_end, end,
                   old_amount, rev.new_amount, "late_notice" if late else "")


class _Batch:
    """The run's writes, gathered in memory and written with a few bulk statements at the end.

    The run holds the write lock (one BEGIN IMMEDIATE) for its whole length, so nobody can
    change a contract between the read and the write; the UPDATE still checks the version.
    Each contract is planned separately: a contract whose data cannot be processed is reported
    and left as it was, the others go on.
    """

    def __init__(self, today: dt.date, istat: IstatTable, proposed: set[tuple[int, int]],
                 paid_terms: set[tuple[int, int]], other_terms: set[tuple[int, int]]) -> None:
        self.today, self.istat = today, istat
        self.proposed, self.paid_terms, self.other_terms = proposed, paid_terms, other_terms
        self.contracts: list[tuple[Contract, dict[str, Any]]] = []  # (changed instance, old values)
        self.renewals: list[dict[str, Any]] = []
        self.tickets: list[dict[str, Any]] = []
        self.instalments: list[dict[str, Any]] = []
        self.clear_terms: list[tuple[int, int]] = []

    def process(self, contract: Contract) -> list[RunItem]:
        """Plan one contract; raises ServiceDeskError (nothing of it kept) when it cannot."""
        from . import billing

        old = {k: getattr(contract, k) for k in AUDITED_RUN_FIELDS}
        items: list[RunItem] = []
        renewals: list[dict[str, Any]] = []
        tickets_rows: list[dict[str, Any]] = []
        instalments: list[dict[str, Any]] = []
        clear: list[tuple[int, int]] = []
        today = self.today
        for _ in range(1200):  # a bound: 100 years of monthly terms
            if contract.status not in RENEWABLE_STATUSES or contract.term_end >= today:
                break
            reason = ("not_renewable" if contract.renewal_type == "none"
                      else "max_renewals" if max_reached(contract)
                      else "notice" if notice_effective(contract) else "")
            if reason:
                contract.status = "expired"
                items.append(RunItem(contract.id, contract.number, "", "expired",
                                     contract.term_no, contract.term_end, reason=reason))
                break
            start, end = next_term(contract)
            rev = revalue(contract.amount, contract.change_pct, contract.istat_share_pct,
                          self.istat.for_date(start))
            row = dict(contract=contract.id, from_term_no=contract.term_no, processed_on=today,
                       old_term_end=contract.term_end, new_term_start=start, new_term_end=end,
                       old_amount=rev.old_amount, new_amount=rev.new_amount,
                       change_pct=rev.change_pct, istat_share_pct=rev.istat_share_pct,
                       istat_change_pct=rev.istat_change_pct, istat_year=rev.istat_year,
                       formula=rev.formula)
            if contract.renewal_type == "proposal":
                if (contract.id, contract.term_no) not in self.proposed:
                    renewals.append(dict(row, kind="proposal", status="proposed",
                                         decided_by=None, decided_on=None))
                    items.append(RunItem(contract.id, contract.number, "", "proposed",
                                         contract.term_no, contract.term_end, end,
                                         rev.old_amount, rev.new_amount))
                break  # waits for the user's decision
            renewals.append(dict(row, kind="tacit", status="done", decided_by=None,
                                 decided_on=today))
            items.append(RunItem(contract.id, contract.number, "", "renewed", contract.term_no,
                                 contract.term_end, end, rev.old_amount, rev.new_amount,
                                 "late_notice" if contract.notice_given_on is not None else ""))
            contract.term_no += 1
            contract.term_start, contract.term_end = start, end
            contract.amount = rev.new_amount
            contract.renewals_done += 1
            key = (contract.id, contract.term_no)
            if key in self.paid_terms:
                raise ValidationError(FieldError("instalments", "billing.paid_in_term",
                                                 {"term": contract.term_no}))
            if key in self.other_terms:
                clear.append(key)
            if contract.tickets_per_term > 0:
                tickets_rows.append(dict(contract=contract.id, quantity=contract.tickets_per_term,
                                         kind="renewal", term_no=contract.term_no,
                                         request=None, operator=None, override=False,
                                         note=f"term {contract.term_no}"))
            if contract.amount > 0:
                for p in billing.term_plan(contract):
                    instalments.append(dict(contract=contract.id, term_no=contract.term_no,
                                            seq=p.seq, due_date=p.due_date, amount=p.amount,
                                            paid_on=None, note=""))
        if items:
            self.contracts.append((contract, old))
            self.renewals += renewals
            self.tickets += tickets_rows
            self.instalments += instalments
            self.clear_terms += clear
        return items

    def write(self) -> None:
        from ..models import AuditLog, Instalment, TicketMovement
        from ..models.base import new_uuid

        db = Contract._meta.database
        now = clock.now()
        if self.contracts:
            cursor = db.cursor()
            cursor.executemany(
                "UPDATE contract SET term_no=?, term_start=?, term_end=?, amount=?, "
                "renewals_done=?, status=?, version=version+1, updated_at=? "
                "WHERE id=? AND version=?",
                [(c.term_no, c.term_start, c.term_end, c.amount, c.renewals_done, c.status, now,
                  c.id, c.version) for c, _old in self.contracts])
            if cursor.rowcount != len(self.contracts):  # pragma: no cover - the lock forbids it
                raise ConflictError("Contract", self.contracts[0][0].id)
            for c, old in self.contracts:  # raw SQL: the unit of work is told row by row
                uow.record("contract", c.id, c.uuid, uow.UPDATED,
                           [n for n, before in old.items() if before != getattr(c, n)])
            audit = []
            for c, old in self.contracts:
                for name, before in old.items():
                    after = getattr(c, name)
                    if before != after:
                        audit.append(dict(at=now, operator_id=None, table_name="contract",
                                          record_id=c.id, record_uuid=c.uuid, action="update",
                                          field=name, old_value=_text(before),
                                          new_value=_text(after)))
            _insert(AuditLog, audit)
        stamp = dict(created_at=now, updated_at=now, version=1)
        for key in self.clear_terms:
            Instalment.delete().where(Instalment.contract == key[0], Instalment.term_no == key[1],
                                      Instalment.paid_on.is_null()).execute()
        _insert(ContractRenewal, [dict(r, uuid=new_uuid(), **stamp) for r in self.renewals])
        _insert(TicketMovement, [dict(r, uuid=new_uuid(), at=now, **stamp) for r in self.tickets])
        _insert(Instalment, [dict(r, uuid=new_uuid(), **stamp) for r in self.instalments])


# The columns the run reads (loading all 38 of thousands of contracts costs more than the run).
RUN_COLUMNS = ("id", "uuid", "number", "version", "status", "renewal_type", "start_date",
               "renewal_months", "term_no", "term_start", "term_end", "amount", "change_pct",
               "istat_share_pct", "max_renewals", "renewals_done", "notice_days",
               "notice_given_on", "tickets_per_term", "instalments_count",
               "billing_periodicity", "first_due_date", "billing_by_calendar")
AUDITED_RUN_FIELDS = ("term_no", "term_start", "term_end", "amount", "renewals_done", "status")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _insert(model, rows: list[dict[str, Any]]) -> None:
    """INSERT of many rows with one prepared statement (peewee's insert_many spends most of its
    time building SQL text for thousands of rows)."""
    if not rows:
        return
    keys = list(rows[0])
    fields = [model._meta.fields[k] for k in keys]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = (f'INSERT INTO "{model._meta.table_name}" ({columns}) '
           f'VALUES ({", ".join("?" for _ in keys)})')
    # the values are already what the columns hold (ints, quantized Decimals, dates: sqlite3
    # adapters registered by peewee turn them into text); no per-value conversion needed
    params = [tuple(row[k] for k in keys) for row in rows]
    model._meta.database.cursor().executemany(sql, params)
    uow.record(model._meta.table_name, None, None, uow.CREATED)  # rows written in bulk


def run_renewals(today: dt.date | None = None) -> RunResult:
    """Renew, propose or expire every contract whose term has ended; returns what was done.

    System work: runs as the SYSTEM actor (the audit trail shows no operator)."""
    from ..models import Instalment

    today = today or clock.today()
    result = RunResult(today)
    db = Contract._meta.database
    with context.acting_as(context.SYSTEM):
        with db.atomic():
            needed = [getattr(Contract, n) for n in RUN_COLUMNS]
            due = list(Contract.select(*needed, Party.name.alias("party_name"))
                       .join(Party, on=(Contract.party == Party.id))
                       .where(Contract.status.in_(RENEWABLE_STATUSES), Contract.term_end < today,
                              Contract.archived == False)  # noqa: E712
                       .order_by(Contract.id).objects())
            if not due:
                return result
            ids = [c.id for c in due]
            proposed, paid, other = set(), set(), set()
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                proposed |= {(cid, term) for cid, term in ContractRenewal.select(
                    ContractRenewal.contract, ContractRenewal.from_term_no)
                    .where(ContractRenewal.contract.in_(chunk)).tuples()}
                # instalments already there for terms after the current one (rare)
                for cid, term, paid_on in (Instalment.select(Instalment.contract,
                                                             Instalment.term_no, Instalment.paid_on)
                                           .join(Contract)
                                           .where(Instalment.contract.in_(chunk),
                                                  Instalment.term_no > Contract.term_no).tuples()):
                    (paid if paid_on is not None else other).add((cid, term))
            batch = _Batch(today, IstatTable(), proposed, paid, other - paid)
            for contract in due:
                term_no, term_end = contract.term_no, contract.term_end
                try:
                    items = batch.process(contract)
                except ServiceDeskError as exc:
                    items = [RunItem(contract.id, contract.number, "", "error", term_no,
                                     term_end, reason=_error_code(exc))]
                for item in items:
                    item.party = contract.party_name
                    result.items.append(item)
            batch.write()
    return result


def _error_code(exc: ServiceDeskError) -> str:
    if isinstance(exc, ValidationError) and exc.errors:
        return exc.errors[0].code
    return exc.code


def pending_proposals(contract_id: int | None = None) -> list[ContractRenewal]:
    q = ContractRenewal.select().where(ContractRenewal.status == "proposed")
    if contract_id is not None:
        q = q.where(ContractRenewal.contract == contract_id)
    return list(q.order_by(ContractRenewal.old_term_end))


def _proposal(renewal_id: int, expected_version: int | None) -> ContractRenewal:
    proposal = ContractRenewal.get_or_none(ContractRenewal.id == renewal_id)
    if proposal is None:
        raise NotFound("renewal proposal not found")
    if expected_version is not None and proposal.version != expected_version:
        raise ConflictError("ContractRenewal", renewal_id)
    if proposal.status != "proposed":
        raise ValidationError(FieldError("status", "renewals.already_decided",
                                         {"status": proposal.status}))
    return proposal


def accept_proposal(renewal_id: int, expected_version: int | None = None,
                    new_amount: Decimal | None = None) -> Contract:
    """Renew the contract with the proposal's figures (or an amount agreed with the party)."""
    actor = context.require(Permission.CONTRACT_EDIT)
    today = clock.today()
    with Contract._meta.database.atomic():
        proposal = _proposal(renewal_id, expected_version)
        contract = Contract.get_by_id(proposal.contract_id)
        if contract.term_no != proposal.from_term_no or contract.status not in RENEWABLE_STATUSES:
            raise ValidationError(FieldError("status", "renewals.stale_proposal"))
        amount = proposal.new_amount
        if new_amount is not None:
            amount = Decimal(new_amount)
            if amount < 0:
                raise ValidationError(FieldError("new_amount", "negative"))
            amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
        formula = proposal.formula
        if amount != proposal.new_amount:
            formula += f"; agreed {amount:.2f}"
        rev = Revaluation(proposal.old_amount, amount, proposal.change_pct,
                          proposal.istat_share_pct, proposal.istat_change_pct,
                          proposal.istat_year, formula)
        proposal.status, proposal.new_amount, proposal.formula = "accepted", amount, formula
        proposal.decided_by, proposal.decided_on = actor.operator_id, today
        proposal.save()
        _renew(contract, rev, kind="proposal", status="accepted", renewal=proposal, today=today,
               decided_by=actor.operator_id)
        return contract


def reject_proposal(renewal_id: int, expected_version: int | None = None) -> Contract:
    """The proposal was refused: the contract expires at the end of its term."""
    actor = context.require(Permission.CONTRACT_EDIT)
    today = clock.today()
    with Contract._meta.database.atomic():
        proposal = _proposal(renewal_id, expected_version)
        contract = Contract.get_by_id(proposal.contract_id)
        proposal.status = "rejected"
        proposal.decided_by, proposal.decided_on = actor.operator_id, today
        proposal.save()
        if contract.term_no == proposal.from_term_no and contract.status in RENEWABLE_STATUSES:
            contract.status = "expired"
            contract.save()
        return contract


def history(contract_id: int) -> list[ContractRenewal]:
    """The renewals of a contract, newest first; amounts blanked (None) for an operator who
    may not see money (#14)."""
    rows = list(ContractRenewal.select().where(ContractRenewal.contract == contract_id)
                .order_by(ContractRenewal.from_term_no.desc()))
    if not sees_money():
        for row in rows:
            row.old_amount = row.new_amount = None
    return rows
