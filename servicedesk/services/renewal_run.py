"""The renewal run (R-CON-4): every contract whose term has ended — or, on proposal, whose
proposal is due — renewed, proposed, expired or left waiting for an ISTAT figure, in one write
transaction with a few bulk statements (the rules are in ``services/renewals.py``)."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from operator import itemgetter
from decimal import Decimal
from typing import Any

from .. import clock, context, uow
from ..errors import ConflictError, FieldError, ServiceDeskError, ValidationError
from ..models import Contract, ContractRenewal, Party
from . import billing, istat
from .renewals import (RENEWABLE_STATUSES, RunItem, RunResult, _renewal_row, max_reached,
                       needed_figure, next_term, notice_effective, office_proposal_days,
                       proposal_date, revalue, will_renew)


@dataclass(frozen=True)
class _Decision:
    """The renewal row already written for a contract's current term."""

    id: int
    status: str
    old_amount: Decimal
    new_amount: Decimal


class _Batch:
    """The run's writes, gathered in memory and written with a few bulk statements at the end.

    The run holds the write lock (one BEGIN IMMEDIATE) for its whole length, so nobody can
    change a contract between the read and the write; the UPDATE still checks the version.
    Each contract is planned separately: a contract whose data cannot be processed is reported
    and left as it was, the others go on.
    """

    def __init__(self, today: dt.date, table: istat.IstatTable,
                 decisions: dict[tuple[int, int], _Decision], office_days: int | None,
                 paid_terms: set[tuple[int, int]], other_terms: set[tuple[int, int]]) -> None:
        self.today, self.istat = today, table
        self.decisions, self.office_days = decisions, office_days
        self.paid_terms, self.other_terms = paid_terms, other_terms
        self.contracts: list[tuple[Contract, dict[str, Any]]] = []  # (changed instance, old values)
        self.renewals: list[dict[str, Any]] = []
        self.expire_proposals: list[int] = []  # unanswered at the term end
        self.tickets: list[dict[str, Any]] = []
        self.instalments: list[dict[str, Any]] = []
        self.clear_terms: list[tuple[int, int]] = []

    def process(self, contract: Contract) -> tuple[list[RunItem], list[RunItem]]:
        """Plan one contract: (actions, waiting); raises ServiceDeskError (nothing of it kept)
        when it cannot."""
        old = {k: getattr(contract, k) for k in AUDITED_RUN_FIELDS}
        items: list[RunItem] = []
        waiting: list[RunItem] = []
        renewals: list[dict[str, Any]] = []
        expire: list[int] = []
        tickets_rows: list[dict[str, Any]] = []
        instalments: list[dict[str, Any]] = []
        clear: list[tuple[int, int]] = []
        today = self.today
        changed = False
        for _ in range(1200):  # a bound: 100 years of monthly terms
            if contract.status not in RENEWABLE_STATUSES:
                break
            key = (contract.id, contract.term_no)
            decision = self.decisions.get(key)
            if contract.term_end >= today:
                # before the end: a renewal on proposal is proposed ahead of it
                if (contract.renewal_type == "proposal" and decision is None
                        and will_renew(contract)
                        and proposal_date(contract, self.office_days) <= today):
                    start, end = next_term(contract)
                    period, figure = needed_figure(contract, start, self.istat)
                    rev = revalue(contract.amount, contract.change_pct,
                                  contract.istat_share_pct, figure, period=period)
                    renewals.append(_renewal_row(contract, rev, start, end, today,
                                                 kind="proposal", status="proposed",
                                                 decided_by=None, decided_on=None))
                    items.append(RunItem(contract.id, contract.number, "", "proposed",
                                         contract.term_no, contract.term_end, end,
                                         rev.old_amount, rev.new_amount,
                                         "istat_pending" if period and figure is None else "",
                                         period.code if period and figure is None else ""))
                break
            reason = ("not_renewable" if contract.renewal_type == "none"
                      else "max_renewals" if max_reached(contract)
                      else "notice" if notice_effective(contract) else "")
            if not reason and contract.renewal_type == "proposal":
                if decision is None:  # never proposed (the run did not run in time): the
                    # proposal is written as unanswered, so that it can still be accepted late
                    reason = "no_proposal"
                    start, end = next_term(contract)
                    period, figure = needed_figure(contract, start, self.istat)
                    rev = revalue(contract.amount, contract.change_pct,
                                  contract.istat_share_pct, figure, period=period)
                    renewals.append(_renewal_row(contract, rev, start, end, today,
                                                 kind="proposal", status="expired",
                                                 decided_by=None, decided_on=None))
                elif decision.status in ("proposed", "expired"):
                    reason = "unanswered"
                elif decision.status != "accepted":
                    reason = "rejected"
            if reason:
                if decision is not None and decision.status == "proposed":
                    expire.append(decision.id)  # notice given meanwhile: it lapses too
                contract.status = "expired"
                changed = True
                items.append(RunItem(contract.id, contract.number, "", "expired",
                                     contract.term_no, contract.term_end, reason=reason))
                break
            start, end = next_term(contract)
            if contract.renewal_type == "proposal":  # accepted: renews with the agreed amount
                old_amount, new_amount = decision.old_amount, decision.new_amount
                why = "proposal_accepted"
            else:
                period, figure = needed_figure(contract, start, self.istat)
                if period is not None and figure is None:
                    waiting.append(RunItem(contract.id, contract.number, "", "waiting",
                                           contract.term_no, contract.term_end,
                                           reason="istat_missing", detail=period.code))
                    break
                rev = revalue(contract.amount, contract.change_pct, contract.istat_share_pct,
                              figure, period=period)
                renewals.append(_renewal_row(contract, rev, start, end, today, kind="tacit",
                                             status="done", decided_by=None, decided_on=today))
                old_amount, new_amount = rev.old_amount, rev.new_amount
                why = "late_notice" if contract.notice_given_on is not None else ""
            items.append(RunItem(contract.id, contract.number, "", "renewed", contract.term_no,
                                 contract.term_end, end, old_amount, new_amount, why))
            changed = True
            contract.term_no += 1
            contract.term_start, contract.term_end = start, end
            contract.amount = new_amount
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
        if changed:
            self.contracts.append((contract, old))
        self.renewals += renewals
        self.expire_proposals += expire
        self.tickets += tickets_rows
        self.instalments += instalments
        self.clear_terms += clear
        return items, waiting

    def write(self) -> None:
        from ..models import AuditLog, Instalment, TicketMovement

        db = Contract._meta.database
        # the text sqlite3's adapter would write for every row, formatted once
        now = clock.now().isoformat(sep=" ")
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
        stamp = {"created_at": now, "updated_at": now, "version": 1}
        for key in self.clear_terms:
            Instalment.delete().where(Instalment.contract == key[0], Instalment.term_no == key[1],
                                      Instalment.paid_on.is_null()).execute()
        for i in range(0, len(self.expire_proposals), 500):
            (ContractRenewal.update(status="expired", version=ContractRenewal.version + 1,
                                    updated_at=now)
             .where(ContractRenewal.id.in_(self.expire_proposals[i:i + 500])).execute())
        _insert(ContractRenewal, self.renewals, stamp)
        _insert(TicketMovement, self.tickets, dict(stamp, at=now))
        _insert(Instalment, self.instalments, stamp)


# Up to this many due contracts, what they already have is read by their ids (measured on the
# large demo DB: 400 ids written as SQL cost less than two reads of every live contract).
IDS_INLINE = 600

# The columns the run reads (loading all 38 of thousands of contracts costs more than the run).
RUN_COLUMNS = ("id", "uuid", "number", "version", "status", "renewal_type", "start_date",
               "renewal_months", "term_no", "term_start", "term_end", "amount", "change_pct",
               "istat_share_pct", "istat_month_lag", "max_renewals", "renewals_done",
               "notice_days", "notice_given_on", "proposal_days", "tickets_per_term",
               "instalments_count", "billing_periodicity", "first_due_date",
               "billing_by_calendar")
AUDITED_RUN_FIELDS = ("term_no", "term_start", "term_end", "amount", "renewals_done", "status")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _insert(model, rows: list[dict[str, Any]], same: dict[str, Any] | None = None) -> None:
    """INSERT of many rows with one prepared statement (peewee's insert_many spends most of its
    time building SQL text for thousands of rows). ``same``: values every row gets; with it,
    each row also gets a new uuid."""
    if not rows:
        return
    keys = list(rows[0])
    get = itemgetter(*keys)
    params = [get(row) for row in rows] if len(keys) > 1 else [(get(row),) for row in rows]
    if same is not None:
        # Sorted new keys handed out in row order: the rows (in contract order) reach the uuid
        # index in key order too, each of its pages written once.
        tail = tuple(same.values())
        keys += ["uuid", *same]
        params = [row + (key,) + tail for row, key in zip(params, sorted(_uuids(len(rows))))]
    fields = [model._meta.fields[k] for k in keys]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    sql = (f'INSERT INTO "{model._meta.table_name}" ({columns}) '
           f'VALUES ({", ".join("?" for _ in keys)})')
    # the values are already what the columns hold (ints, quantized Decimals, dates: sqlite3
    # adapters registered by peewee turn them into text); no per-value conversion needed
    model._meta.database.cursor().executemany(sql, params)
    uow.record(model._meta.table_name, None, None, uow.CREATED)  # rows written in bulk


def _uuids(count: int) -> list[str]:
    """``count`` random (version 4) uuids as ``new_uuid`` writes them, from one read of the
    system's random source (uuid4() per row costs more than the row's INSERT)."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(b & 0x0F | 0x40 for b in raw[6::16])  # version 4
    raw[8::16] = bytes(b & 0x3F | 0x80 for b in raw[8::16])  # RFC 4122 variant
    text = raw.hex()
    return [text[i:i + 32] for i in range(0, 32 * count, 32)]


def _due_condition(today: dt.date, office_days: int | None) -> Any:
    """Live contracts whose term has ended, and those on proposal that may be in their proposal
    window (a cheap SQL window on the largest lead; the exact test is the batch's)."""
    from peewee import fn

    live = (Contract.status.in_(RENEWABLE_STATUSES)) & (Contract.archived == False)  # noqa: E712
    proposal = live & (Contract.renewal_type == "proposal")
    leads = (Contract.select(fn.MAX(Contract.proposal_days), fn.MAX(Contract.notice_days))
             .where(proposal).tuples().first()) or (None, None)
    lead = max(leads[0] or 0, office_days if office_days is not None else (leads[1] or 0))
    window = (Contract.term_end < today) | (
        (Contract.renewal_type == "proposal")
        & (Contract.term_end <= today + dt.timedelta(days=lead)))
    return live & window


def _due(condition: Any) -> list[_RunContract]:
    """The contracts ``condition`` selects, as light objects."""
    needed = [getattr(Contract, n) for n in RUN_COLUMNS]
    query = (Contract.select(*needed, Party.name)
             .join(Party, on=(Contract.party == Party.id))
             .where(condition).order_by(Contract.id))
    sql, params = query.sql()
    # plain rows turned into light objects: building thousands of models cost more than the
    # renewals themselves (measured on the large demo database)
    return [_RunContract(row) for row in Contract._meta.database.execute_sql(sql, params)]


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _fixed(places: Decimal) -> Any:
    def convert(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value)).quantize(places)
    return convert


_CONVERT: dict[str, Any] = {
    "start_date": _date, "term_start": _date, "term_end": _date, "notice_given_on": _date,
    "first_due_date": _date, "amount": _fixed(Decimal("0.01")),
    "change_pct": _fixed(Decimal("0.001")), "istat_share_pct": _fixed(Decimal("0.001")),
    "billing_by_calendar": bool,
}


class _RunContract:
    """The columns of a contract the run reads (``RUN_COLUMNS``), as the model would give
    them, and the party's name; read by the same rules as a ``Contract``."""

    __slots__ = RUN_COLUMNS + ("party_name",)

    def __init__(self, row: tuple) -> None:
        for name, value in zip(RUN_COLUMNS, row):
            convert = _CONVERT.get(name)
            setattr(self, name, value if convert is None or value is None else convert(value))
        self.party_name = row[len(RUN_COLUMNS)]


def run(today: dt.date | None = None) -> RunResult:
    """Renew, propose or expire every contract whose term has ended (or, on proposal, whose
    proposal is due); returns what was done and what waits for an ISTAT figure.

    System work: runs as the SYSTEM actor (the audit trail shows no operator)."""
    from ..models import Instalment
    from ..packs.identity import office_only

    office_only("renewals")  # an offline pack would renew the office's contracts twice (#16)
    today = today or clock.today()
    result = RunResult(today)
    db = Contract._meta.database
    with context.acting_as(context.SYSTEM):
        with db.atomic():
            office_days = office_proposal_days()
            condition = _due_condition(today, office_days)
            due = _due(condition)
            if not due:
                return result
            # what the due contracts already have: by their ids when they are few (the daily
            # run), else through the same condition (a list of thousands of ids costs more to
            # write as SQL than reading every live contract again: a year ahead, 5,000 of them)
            of_renewals = of_instalments = condition
            if len(due) <= IDS_INLINE:
                ids = [c.id for c in due]
                of_renewals = ContractRenewal.contract.in_(ids)
                of_instalments = Instalment.contract.in_(ids)
            decisions: dict[tuple[int, int], _Decision] = {}
            for rid, cid, term, status, old_amount, new_amount in (
                    ContractRenewal.select(ContractRenewal.id, ContractRenewal.contract,
                                           ContractRenewal.from_term_no, ContractRenewal.status,
                                           ContractRenewal.old_amount, ContractRenewal.new_amount)
                    .join(Contract, on=(ContractRenewal.contract == Contract.id))
                    .where(of_renewals, ContractRenewal.from_term_no == Contract.term_no)
                    .tuples()):
                decisions[(cid, term)] = _Decision(rid, status, Decimal(old_amount),
                                                   Decimal(new_amount))
            # instalments already there for terms after the current one (rare)
            paid, other = set(), set()
            for cid, term, paid_on in (Instalment.select(Instalment.contract, Instalment.term_no,
                                                         Instalment.paid_on)
                                       .join(Contract)
                                       .where(of_instalments,
                                              Instalment.term_no > Contract.term_no)
                                       .tuples()):
                (paid if paid_on is not None else other).add((cid, term))
            batch = _Batch(today, istat.IstatTable(), decisions, office_days, paid, other - paid)
            for contract in due:
                term_no, term_end = contract.term_no, contract.term_end
                try:
                    items, waiting = batch.process(contract)
                except ServiceDeskError as exc:
                    items, waiting = [RunItem(contract.id, contract.number, "", "error", term_no,
                                              term_end, reason=_error_code(exc))], []
                for item in items + waiting:
                    item.party = contract.party_name
                result.items += items
                result.waiting += waiting
            batch.write()
    return result


def _error_code(exc: ServiceDeskError) -> str:
    if isinstance(exc, ValidationError) and exc.errors:
        return exc.errors[0].code
    return exc.code


