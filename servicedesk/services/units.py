"""Units: serial-numbered products at customers (R-SER-1).

A serial number is unique per product (compared without case and surrounding blanks). Moving a
unit to another customer closes its current :class:`UnitOwnership` and opens a new one, so the
requests, contracts and plans that refer to the unit keep their history.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import peewee as pw

from .. import clock, context, limits
from ..errors import FieldError, NotFound, ValidationError
from ..models import Party, Product, Unit, UnitOwnership
from ..months import add_months
from ..permissions import Permission
from .parties import _text, normalize_province
from .records import set_archived, stored

UNIT_FIELDS = ("product", "serial", "owner", "install_date", "warranty_end", "site", "address",
               "city", "province", "notes")
LIMITS = {k: v for k, v in limits.LIMITS["unit"].items() if k != "notes"}


def warranty_end_for(install_date: dt.date, months: int) -> dt.date:
    """The last day of a warranty of ``months`` months from ``install_date`` (inclusive)."""
    return add_months(install_date, months) - dt.timedelta(days=1)


def parse_date(value: Any) -> dt.date | None:
    """A date from a date, a datetime, ISO text or Italian ``dd/mm/yyyy``; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S"):
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if 1900 <= parsed.year <= 2200:
            return parsed
    raise ValueError(text)


def serial_key(serial: str) -> str:
    return _text(serial).upper()


def find_unit(product_id: int, serial: str, *, exclude_id: int | None = None) -> Unit | None:
    query = Unit.select().where(Unit.product == product_id,
                                pw.fn.UPPER(pw.fn.TRIM(Unit.serial)) == serial_key(serial))
    if exclude_id is not None:
        query = query.where(Unit.id != exclude_id)
    return query.first()


def clean_unit(fields: dict[str, Any], *, partial: bool = False) -> tuple[dict[str, Any], list[FieldError]]:
    unknown = set(fields) - set(UNIT_FIELDS)
    if unknown:
        raise TypeError(f"unknown unit fields: {sorted(unknown)}")
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for name, limit in LIMITS.items():
        if name in fields:
            value = _text(fields[name])
            if len(value) > limit:
                errors.append(FieldError(name, "too_long", {"max": limit, "length": len(value)}))
            out[name] = value
    if "notes" in fields:  # refused when too long, never cut (#14)
        out["notes"] = _text(fields["notes"])
        limits.check("unit", {"notes": out["notes"]}, errors)
    if (not partial or "serial" in fields) and not out.get("serial"):
        errors.append(FieldError("serial", "required"))
    for name in ("product", "owner"):
        if not partial or name in fields:
            value = fields.get(name)
            if isinstance(value, pw.Model):
                value = value.id
            if value in (None, ""):
                errors.append(FieldError(name, "required"))
            else:
                out[name] = int(value)
    for name in ("install_date", "warranty_end"):
        if name in fields:
            try:
                out[name] = parse_date(fields[name])
            except (ValueError, TypeError):
                errors.append(FieldError(name, "invalid_date", {"value": _text(fields[name])}))
    if out.get("install_date") and out.get("warranty_end") and out["warranty_end"] < out["install_date"]:
        errors.append(FieldError("warranty_end", "end_before_start"))
    if out.get("install_date") and out["install_date"] > clock.today() + dt.timedelta(days=366):
        errors.append(FieldError("install_date", "unit.install_in_future"))
    if "province" in fields:
        prov, code = normalize_province(fields["province"])
        if code:
            errors.append(FieldError("province", code, {"value": _text(fields["province"])}))
        out["province"] = prov
    return out, errors


def _check_refs(values: dict[str, Any], exclude_id: int | None) -> list[FieldError]:
    errors = []
    if "product" in values and not Product.select().where(Product.id == values["product"]).exists():
        errors.append(FieldError("product", "not_found"))
    if "owner" in values and not Party.select().where(Party.id == values["owner"]).exists():
        errors.append(FieldError("owner", "not_found"))
    if not errors and "serial" in values and "product" in values:
        other = find_unit(values["product"], values["serial"], exclude_id=exclude_id)
        if other is not None:
            errors.append(FieldError("serial", "unit.serial_duplicate",
                                     {"value": values["serial"], "owner": other.owner.name}))
    return errors


def create_unit(**fields: Any) -> Unit:
    """Register a serial-numbered unit at a customer; its first ownership starts at the install
    date (or today). The warranty end defaults to install date + the product's warranty."""
    context.require(Permission.PARTY_EDIT)
    values, errors = clean_unit(fields)
    if errors:
        raise ValidationError(errors)
    with Unit._meta.database.atomic():
        errors = _check_refs(values, None)
        if errors:
            raise ValidationError(errors)
        if values.get("install_date") and "warranty_end" not in fields:
            product = Product.get_by_id(values["product"])
            if product.warranty_months:
                values["warranty_end"] = warranty_end_for(values["install_date"],
                                                          product.warranty_months)
        unit = Unit.create(**values)
        UnitOwnership.create(unit=unit, owner=values["owner"],
                             since=values.get("install_date") or clock.today())
        return unit


def update_unit(unit: Unit, **fields: Any) -> Unit:
    """Edit a unit's data. A change of owner goes through :func:`move_unit` (history kept)."""
    context.require(Permission.PARTY_EDIT)
    new_owner = fields.pop("owner", None)
    values, errors = clean_unit(fields, partial=True)
    merged = {"product": values.get("product", unit.product_id),
              "serial": values.get("serial", unit.serial)}
    install = values.get("install_date", unit.install_date)
    warranty = values.get("warranty_end", unit.warranty_end)
    if install and warranty and warranty < install and not any(
            e.code == "end_before_start" for e in errors):
        errors.append(FieldError("warranty_end", "end_before_start"))
    if errors:
        raise ValidationError(errors)
    with Unit._meta.database.atomic():
        if "serial" in values or "product" in values:
            errors = _check_refs(merged, unit.id)
            if errors:
                raise ValidationError(errors)
        for name, value in values.items():
            setattr(unit, name, value)
        unit.save()
        owner_id = new_owner.id if isinstance(new_owner, pw.Model) else new_owner
        if owner_id and int(owner_id) != unit.owner_id:
            move_unit(unit, int(owner_id))
    return unit


def move_unit(unit: Unit, new_owner: Party | int, on: dt.date | None = None, note: str = "") -> Unit:
    """Give ``unit`` to another customer from ``on`` (default today), keeping its history."""
    context.require(Permission.PARTY_EDIT)
    owner_id = new_owner.id if isinstance(new_owner, pw.Model) else int(new_owner)
    on = on or clock.today()
    with Unit._meta.database.atomic():
        if not Party.select().where(Party.id == owner_id).exists():
            raise ValidationError(FieldError("owner", "not_found"))
        if owner_id == unit.owner_id:
            return unit
        current = (UnitOwnership.select().where(UnitOwnership.unit == unit.id,
                                                UnitOwnership.until.is_null())
                   .order_by(UnitOwnership.since.desc()).first())
        if current is None:  # a unit written without ownership rows (demo/raw import)
            current = UnitOwnership.create(unit=unit.id, owner=unit.owner_id,
                                           since=unit.install_date or on)
        if on < current.since:
            raise ValidationError(FieldError("on", "unit.move_before_since",
                                             {"since": current.since.isoformat()}))
        current.until = on
        current.save()
        UnitOwnership.create(unit=unit.id, owner=owner_id, since=on)
        unit.owner = owner_id
        unit.save()
    return unit


def ownership_history(unit_id: int) -> list[UnitOwnership]:
    return list(UnitOwnership.select(UnitOwnership, Party).join(Party)
                .where(UnitOwnership.unit == unit_id)
                .order_by(UnitOwnership.since, UnitOwnership.id))


def set_unit_archived(unit: Unit, archived: bool = True) -> Unit:
    return set_archived(unit, archived, Permission.PARTY_EDIT)


def get_unit(unit_id: int) -> Unit:
    unit = Unit.get_or_none(Unit.id == unit_id)
    if unit is None:
        raise NotFound("unit", code="not_found")
    return unit


# -- by id and version (the UI's write path, #13) ----------------------------------------------
def change_unit(unit_id: int, expected_version: int, changes: dict[str, Any]) -> Unit:
    """Apply ``changes`` to the unit read at ``expected_version`` (ConflictError if saved in
    between)."""
    context.require(Permission.PARTY_EDIT)
    with Unit._meta.database.atomic():
        return update_unit(stored(Unit, unit_id, expected_version), **changes)


def archive_unit(unit_id: int, expected_version: int, archived: bool = True) -> Unit:
    context.require(Permission.PARTY_EDIT)
    with Unit._meta.database.atomic():
        return set_unit_archived(stored(Unit, unit_id, expected_version), archived)


def move_unit_to(unit_id: int, expected_version: int, new_owner_id: int | None,
                 on: Any = None) -> Unit:
    """Give the unit read at ``expected_version`` to another customer from ``on`` (a date or
    its text; default today). The owner and the date are checked like form fields."""
    context.require(Permission.PARTY_EDIT)
    errors: list[FieldError] = []
    if new_owner_id is None:
        errors.append(FieldError("owner", "required"))
    try:
        day = parse_date(on)
    except (ValueError, TypeError):
        errors.append(FieldError("on", "invalid_date", {"value": _text(on)}))
        day = None
    if errors:
        raise ValidationError(errors)
    with Unit._meta.database.atomic():
        unit = stored(Unit, unit_id, expected_version)
        if unit.version != Unit.get_by_id(unit_id).version:
            unit.save()  # raises ConflictError: moved or edited meanwhile
        return move_unit(unit, int(new_owner_id), day)
