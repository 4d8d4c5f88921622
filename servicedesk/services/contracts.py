"""Contract use cases (R-CON-1..5): create, update, status, notice, coverage, ticket top-up.

Every call requires ``Permission.CONTRACT_EDIT`` (technicians and coordinators are refused here,
not only in the UI), validates everything before writing, writes in one transaction, and uses
``Contract.save()`` so that the optimistic lock and the audit trail apply.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from .. import clock, context
from ..errors import ConflictError, FieldChange, FieldError, NotFound, ValidationError
from ..models import (Contract, ContractProduct, ContractUnit, JobOrder, Operator, Party, Product,
                      Unit)
from ..permissions import Permission
from . import billing, renewals, tickets

DIRECTIONS = ("active", "passive")
STATUSES = ("draft", "active", "suspended", "expired", "cancelled", "closed")
CONTRACT_TYPES = ("full_service", "maintenance", "tickets", "on_call", "software_support",
                  "warranty_extension", "rental", "supply")
RENEWAL_TYPES = renewals.RENEWAL_TYPES
PERIODICITIES = tuple(billing.PERIODICITY_MONTHS)
# Allowed status changes; the renewal run also moves active/suspended → expired.
TRANSITIONS = {
    "draft": {"active", "cancelled"},
    "active": {"suspended", "cancelled", "closed", "expired"},
    "suspended": {"active", "cancelled", "closed"},
    "expired": {"active", "closed"},
    "cancelled": {"draft"},
    "closed": set(),
}
EDITABLE = (
    "number", "direction", "party", "title", "job_order", "signed_on", "signed_by",
    "contract_type", "status", "start_date", "initial_months", "renewal_months", "amount",
    "renewal_type", "change_pct", "istat_share_pct", "istat_month_lag", "max_renewals",
    "notice_days", "notice_given_on", "proposal_days", "tickets_per_term", "tickets_per_request", "ticket_low_threshold",
    "response_hours", "resolution_hours", "billing_periodicity", "instalments_count",
    "first_due_date", "billing_by_calendar", "notes",
)
BILLING_FIELDS = ("amount", "instalments_count", "billing_periodicity", "first_due_date",
                  "billing_by_calendar")
MAX_MONTHS = 600
MAX_NOTES = 20_000
_NUMBER_RE = re.compile(r"^[\w./-]+$")


# -- parsing and validation ---------------------------------------------------------------------
def _decimal(value: Any, name: str, errors: list[FieldError], places: str = "0.01") -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        errors.append(FieldError(name, "invalid_number"))
        return None
    if not number.is_finite():
        errors.append(FieldError(name, "invalid_number"))
        return None
    return number.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _int(value: Any, name: str, errors: list[FieldError], *, high: int, null: bool = False,
         low: int = 0) -> int | None:
    if value is None or value == "":
        if not null:
            errors.append(FieldError(name, "required"))
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        errors.append(FieldError(name, "invalid_number"))
        return None
    try:
        number = int(value)
    except ValueError:
        errors.append(FieldError(name, "invalid_number"))
        return None
    if number < 0 and low >= 0:
        errors.append(FieldError(name, "negative"))
    elif not low <= number <= high:
        errors.append(FieldError(name, "contracts.out_of_range", {"min": low, "max": high}))
    return number


def _date(value: Any, name: str, errors: list[FieldError], *, null: bool = True) -> dt.date | None:
    if value is None or value == "":
        if not null:
            errors.append(FieldError(name, "required"))
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    try:  # a date, or its ISO text
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors.append(FieldError(name, "invalid_date"))
        return None


def _fk(model, value: Any, name: str, errors: list[FieldError], *, null: bool = True):
    if isinstance(value, model):
        value = value.id
    if value is None or value == "":
        if not null:
            errors.append(FieldError(name, "required"))
        return None
    row = model.get_or_none(model.id == value)
    if row is None:
        errors.append(FieldError(name, "not_found"))
    return row


def _clean(values: dict[str, Any], errors: list[FieldError]) -> dict[str, Any]:
    """Typed values for the keys present in ``values``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE:
            errors.append(FieldError(key, "contracts.not_editable"))
        elif key in ("number", "title", "notes"):
            text = "" if value is None else str(value)
            text = text.strip() if key != "notes" else text
            limit = {"number": 30, "title": 200, "notes": MAX_NOTES}[key]
            if key != "notes" and not text and not (key == "number"):
                errors.append(FieldError(key, "required"))
            elif len(text) > limit:
                errors.append(FieldError(key, "too_long", {"max": limit}))
            elif key == "number" and text and not _NUMBER_RE.match(text):
                errors.append(FieldError(key, "contracts.number_chars"))
            out[key] = text
        elif key in ("direction", "contract_type", "status", "renewal_type",
                     "billing_periodicity"):
            choices = {"direction": DIRECTIONS, "contract_type": CONTRACT_TYPES,
                       "status": STATUSES, "renewal_type": RENEWAL_TYPES,
                       "billing_periodicity": PERIODICITIES}[key]
            if key == "billing_periodicity":
                value = billing.normal_periodicity(value)
            if value not in choices:
                errors.append(FieldError(key, "invalid_choice", {"value": value}))
            out[key] = value
        elif key == "party":
            out[key] = _fk(Party, value, key, errors, null=False)
        elif key == "job_order":
            out[key] = _fk(JobOrder, value, key, errors)
        elif key == "signed_by":
            out[key] = _fk(Operator, value, key, errors)
        elif key in ("signed_on", "notice_given_on", "first_due_date"):
            out[key] = _date(value, key, errors)
        elif key == "start_date":
            out[key] = _date(value, key, errors, null=False)
        elif key in ("initial_months", "renewal_months"):
            out[key] = _int(value, key, errors, low=1, high=MAX_MONTHS)
        elif key == "amount":
            amount = _decimal(value, key, errors)
            if amount is None and not any(e.field == key for e in errors):
                errors.append(FieldError(key, "required"))
            elif amount is not None and amount < 0:
                errors.append(FieldError(key, "negative"))
            elif amount is not None and amount > billing.MAX_AMOUNT:
                errors.append(FieldError(key, "contracts.amount_too_large"))
            out[key] = amount
        elif key in ("change_pct", "istat_share_pct"):
            pct = _decimal(value, key, errors, "0.001")
            pct = Decimal("0.000") if pct is None else pct
            if key == "change_pct" and not Decimal(-100) <= pct <= Decimal(100):
                errors.append(FieldError(key, "contracts.pct_range", {"min": -100, "max": 100}))
            if key == "istat_share_pct" and not Decimal(0) <= pct <= Decimal(100):
                errors.append(FieldError(key, "contracts.pct_range", {"min": 0, "max": 100}))
            out[key] = pct
        elif key == "max_renewals":
            out[key] = _int(value, key, errors, null=True, high=1000)
        elif key == "notice_days":
            out[key] = _int(value, key, errors, high=3650)
        elif key == "proposal_days":
            out[key] = _int(value, key, errors, null=True, high=3650)
        elif key == "istat_month_lag":
            out[key] = _int(value, key, errors, null=True, low=1, high=12)
        elif key in ("tickets_per_term", "tickets_per_request", "ticket_low_threshold"):
            out[key] = _int(value, key, errors, high=100_000)
        elif key in ("response_hours", "resolution_hours"):
            hours = _int(value, key, errors, null=True, low=1, high=10_000)
            out[key] = hours
        elif key == "instalments_count":
            out[key] = _int(value, key, errors, low=1, high=billing.MAX_INSTALMENTS)
        elif key == "billing_by_calendar":
            if not isinstance(value, bool):
                errors.append(FieldError(key, "invalid_choice", {"value": value}))
            out[key] = bool(value)
    return out


def _check_whole(c: Contract, errors: list[FieldError]) -> None:
    """Rules across fields, on the contract as it would be saved."""
    party = c.party if c.party_id else None
    if party is not None:
        if c.direction == "active" and not party.is_customer:
            errors.append(FieldError("party", "contracts.party_not_customer", {"name": party.name}))
        if c.direction == "passive" and not party.is_supplier:
            errors.append(FieldError("party", "contracts.party_not_supplier", {"name": party.name}))
    if c.number:  # a new contract (id None) excludes nothing: peewee writes "id IS NOT NULL"
        if Contract.select().where(Contract.number == c.number, Contract.id != c.id).exists():
            errors.append(FieldError("number", "contracts.number_taken", {"number": c.number}))
    if (c.response_hours is not None and c.resolution_hours is not None
            and c.resolution_hours < c.response_hours):
        errors.append(FieldError("resolution_hours", "contracts.resolution_before_response"))
    if c.term_start and c.term_end and c.notice_days is not None:
        length = shortest_term_days(c)
        if c.notice_days >= length:
            errors.append(FieldError("notice_days", "contracts.notice_too_long", {
                "notice": c.notice_days, "days": length, "max": length - 1,
                "default": default_notice_days(c)}))  # always shorter than the term
    today = clock.today()
    if c.notice_given_on is not None and c.notice_given_on > today:
        errors.append(FieldError("notice_given_on", "contracts.date_in_future"))
    if c.signed_on is not None and c.signed_on > today:
        errors.append(FieldError("signed_on", "contracts.date_in_future"))
    if c.max_renewals is not None and c.renewals_done > c.max_renewals:
        errors.append(FieldError("max_renewals", "contracts.max_below_done",
                                 {"done": c.renewals_done}))


DEFAULT_NOTICE_DAYS = 90


def shortest_term_days(c: Contract) -> int:
    """Days of the shorter of the current term and (when it renews) the next one: the notice
    must fit inside every term, or its deadline would fall before the term begins."""
    days = (c.term_end - c.term_start).days + 1
    if c.renewal_type != "none" and c.renewal_months and c.start_date:
        start, end = renewals.next_term(c)
        days = min(days, (end - start).days + 1)
    return days


def default_notice_days(c: Contract) -> int:
    """The notice a new contract gets when none is typed: 90 days for terms of a year or more,
    7 days per month of term below that (monthly 7, quarterly 21, half-yearly 42): the
    shorter of the first and the later terms decides."""
    return default_notice_for(c.initial_months or 12, c.renewal_months or 12)


def default_notice_for(initial_months: int, renewal_months: int) -> int:
    months = min(initial_months, renewal_months)
    return DEFAULT_NOTICE_DAYS if months >= 12 else 7 * months


def _apply_term(c: Contract, errors: list[FieldError], changed: set[str]) -> None:
    """Keep the derived current term in step with the start date and the first duration."""
    if not ({"start_date", "initial_months"} & changed) or c.start_date is None \
            or c.initial_months is None:
        return
    if c.term_no > 1:
        errors.append(FieldError("start_date", "contracts.term_locked"))
        return
    c.term_start = c.start_date
    c.term_end = renewals.term_end_for(c.start_date, c.initial_months)


def next_number(year: int | None = None) -> str:
    """The next free contract number of the year: CT-2026-0001 …"""
    year = year or clock.today().year
    prefix = f"CT-{year}-"
    last = 0
    for (number,) in Contract.select(Contract.number).where(
            Contract.number.startswith(prefix)).tuples():
        tail = number[len(prefix):]
        if tail.isdigit():
            last = max(last, int(tail))
    return f"{prefix}{last + 1:04d}"


# -- use cases ----------------------------------------------------------------------------------
def create_contract(values: dict[str, Any]) -> Contract:
    """A new contract; number generated when blank; initial tickets and billing plan written."""
    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    for required in ("party", "title", "start_date"):
        if values.get(required) in (None, ""):
            errors.append(FieldError(required, "required"))
    data = _clean({k: v for k, v in values.items() if k not in {e.field for e in errors}
                   and not (k == "notice_days" and v in (None, ""))}, errors)
    status = data.get("status", "draft")
    if status not in ("draft", "active"):
        errors.append(FieldError("status", "contracts.bad_transition",
                                 {"from": "new", "to": status}))
    with Contract._meta.database.atomic():
        c = Contract(**{k: v for k, v in data.items()})
        c.number = data.get("number") or next_number()  # amount 0 and term 1: model defaults
        if c.start_date is not None:
            c.term_start = c.start_date
            c.term_end = renewals.term_end_for(c.start_date, c.initial_months or 12)
        if values.get("notice_days") in (None, ""):
            c.notice_days = default_notice_days(c)  # adapts to the term (a monthly one: 7)
        _check_whole(c, errors)
        if errors:
            raise ValidationError(errors)
        c.save()
        if c.tickets_per_term > 0:
            tickets.credit(c, c.tickets_per_term, "initial")
        billing.generate_for_term(c, 1)
        return c


def get(contract_id: int) -> Contract:
    contract = Contract.get_or_none(Contract.id == contract_id)
    if contract is None:
        raise NotFound("contract not found")
    return contract


def _plan_untouched(c: Contract, before: dict[str, Any]) -> bool:
    """True when the current plan is exactly what the old billing settings generated (so it may
    follow the new settings); a plan edited by hand — a note is an edit, it would be lost with
    the row — or partly paid is left alone."""
    rows = billing.instalments(c.id, c.term_no)
    if any(r.paid_on is not None or r.note for r in rows):
        return False
    if not rows:
        return True
    old = Contract(**{**c.__data__, **before})
    try:
        planned = billing.term_plan(old)
    except ValidationError:
        return False
    return [(p.due_date, p.amount) for p in planned] == [(r.due_date, r.amount) for r in rows]


def update_contract(contract_id: int, expected_version: int, changes: dict[str, Any],
                    seen: dict[str, Any] | None = None) -> Contract:
    """Apply ``changes`` to the contract read at ``expected_version``.

    A stale version raises ConflictError (nothing written); given ``seen`` — the values of the
    editable fields as the user read them — it lists what the other workstation changed and
    what the user changed, each as stored now and as the user has it. When only the billing
    settings changed and the plan was never edited nor paid, the plan of the current term
    follows them.
    """
    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    data = _clean(changes, errors)
    if "number" in data and not data["number"]:
        errors.append(FieldError("number", "required"))
    with Contract._meta.database.atomic():
        c = Contract.get_or_none(Contract.id == contract_id)
        if c is None:
            raise ConflictError("Contract", contract_id, deleted=True)
        stored_version = c.version
        if stored_version != expected_version and seen is not None:
            raise _conflict(c, seen, data)
        c.version = expected_version
        before = {k: getattr(c, k) for k in BILLING_FIELDS}
        if "status" in data and data["status"] != c.status \
                and data["status"] not in TRANSITIONS.get(c.status, set()):
            errors.append(FieldError("status", "contracts.bad_transition",
                                     {"from": c.status, "to": data["status"]}))
        changed = {k for k, v in data.items() if _value(getattr(c, k + "_id", None)
                                                       if k in ("party", "job_order", "signed_by")
                                                       else getattr(c, k)) != _value(v)}
        for key in changed:
            setattr(c, key, data[key])
        _apply_term(c, errors, changed)
        if "party" in changed and ContractUnit.select().join(Unit).where(
                ContractUnit.contract == c.id, Unit.owner != c.party_id).exists():
            errors.append(FieldError("party", "contracts.units_of_other_party"))
        if stored_version != expected_version:
            c.save()  # raises ConflictError listing what the other workstation changed
        _check_whole(c, errors)
        if errors:
            raise ValidationError(errors)
        follow = bool(set(BILLING_FIELDS) & changed) and _plan_untouched(c, before)
        c.save()
        if follow:
            billing.generate_for_term(c, c.term_no)
        return c


def _conflict(stored: Contract, seen: dict[str, Any], mine: dict[str, Any]) -> ConflictError:
    """The fields another workstation changed since ``seen`` was read, and the user's own
    changes, each as stored now (theirs) and as the user has it (mine)."""
    out = []
    for key in EDITABLE:
        now = _value(stored.__data__.get(key))
        theirs_changed = key in seen and now != _value(seen[key])
        mine_changed = key in mine and now != _value(mine[key])
        if theirs_changed or mine_changed:
            out.append(FieldChange(key, _shown(key, stored.__data__.get(key)),
                                   _shown(key, mine[key] if key in mine else seen.get(key))))
    return ConflictError("Contract", stored.id, out)


def _shown(key: str, value: Any) -> Any:
    """A reference as the user knows it (a name, not an id; peewee takes a record or its id)."""
    if value is None or key not in ("party", "job_order", "signed_by"):
        return value
    if key == "party":
        return Party.select(Party.name).where(Party.id == value).scalar() or value
    if key == "job_order":
        return JobOrder.select(JobOrder.code).where(JobOrder.id == value).scalar() or value
    return Operator.select(Operator.full_name).where(Operator.id == value).scalar() or value


def _value(v: Any) -> Any:
    if hasattr(v, "id"):  # a record (dates and Decimals have no id)
        return v.id
    return v  # Decimal("1200") == Decimal("1200.00"): the places do not matter


def set_status(contract_id: int, expected_version: int, status: str) -> Contract:
    return update_contract(contract_id, expected_version, {"status": status})


def give_notice(contract_id: int, expected_version: int, on: dt.date | None) -> Contract:
    """Record (or clear, with None) the cancellation notice given/received on ``on``."""
    return update_contract(contract_id, expected_version, {"notice_given_on": on})


def set_coverage(contract_id: int, product_ids: list[int], unit_ids: list[int]) -> Contract:
    """The products and serial-numbered units the contract covers (units of the party only)."""
    context.require(Permission.CONTRACT_EDIT)
    with Contract._meta.database.atomic():
        c = get(contract_id)
        product_ids = sorted(set(product_ids))
        unit_ids = sorted(set(unit_ids))
        found = {p.id for p in Product.select(Product.id).where(Product.id.in_(product_ids))}
        errors = []
        if len(found) != len(product_ids):
            errors.append(FieldError("products", "not_found"))
        units = list(Unit.select().where(Unit.id.in_(unit_ids)))
        if len(units) != len(unit_ids):
            errors.append(FieldError("units", "not_found"))
        foreign = [u.serial for u in units if u.owner_id != c.party_id]
        if foreign:
            errors.append(FieldError("units", "contracts.unit_not_of_party",
                                     {"serials": ", ".join(foreign[:5])}))
        if errors:
            raise ValidationError(errors)
        ContractProduct.delete().where(ContractProduct.contract == c.id,
                                       ContractProduct.product.not_in(product_ids)).execute()
        have = {r.product_id for r in ContractProduct.select().where(ContractProduct.contract == c.id)}
        for pid in product_ids:
            if pid not in have:
                ContractProduct.create(contract=c.id, product=pid)
        ContractUnit.delete().where(ContractUnit.contract == c.id,
                                    ContractUnit.unit.not_in(unit_ids)).execute()
        have = {r.unit_id for r in ContractUnit.select().where(ContractUnit.contract == c.id)}
        for uid in unit_ids:
            if uid not in have:
                ContractUnit.create(contract=c.id, unit=uid)
        return c


def coverage(contract_id: int) -> tuple[list[Product], list[Unit]]:
    products = list(Product.select().join(ContractProduct)
                    .where(ContractProduct.contract == contract_id).order_by(Product.name))
    units = list(Unit.select(Unit, Product).join(Product).switch(Unit).join(ContractUnit)
                 .where(ContractUnit.contract == contract_id).order_by(Product.name, Unit.serial))
    return products, units


def top_up(contract_id: int, quantity: Any, note: str = "") -> None:
    """Add tickets bought by the customer (a "topup" credit in the ledger)."""
    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    qty = _int(quantity, "quantity", errors, low=1, high=100_000)
    if len(note or "") > 200:
        errors.append(FieldError("note", "too_long", {"max": 200}))
    if errors:
        raise ValidationError(errors)
    tickets.credit(get(contract_id), qty, "topup", note=note or "")


def set_alert_days(days: Any) -> int:
    """How many days ahead the notice and expiry alerts look (shared by every workstation)."""
    from .. import settings

    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    value = _int(days, "alert_days", errors, low=1, high=3650)
    if errors:
        raise ValidationError(errors)
    settings.write(settings.CONTRACT_ALERT_DAYS, value)
    return value


def set_proposal_days(days: Any) -> int | None:
    """The office's default: how many days before the end renewal proposals are made (None:
    each contract's notice period). A contract's own setting wins."""
    from .. import settings

    context.require(Permission.CONTRACT_EDIT)
    errors: list[FieldError] = []
    value = _int(days, "proposal_days", errors, null=True, high=3650)
    if errors:
        raise ValidationError(errors)
    settings.write(settings.CONTRACT_PROPOSAL_DAYS, value)
    return value
