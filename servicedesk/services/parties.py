"""Customers and suppliers (nominativi) and their contacts: validation, create, edit, archive.

VAT numbers (partita IVA) and fiscal codes (codice fiscale) are checked with python-stdnum;
provinces must be one of the shipped Italian provinces. The same field validation is used by the
edit forms and by the spreadsheet import, so both refuse the same things for the same reasons.
"""
from __future__ import annotations

import re
from typing import Any

from .. import context, limits
from ..errors import FieldError, NotFound, ValidationError
from ..models import Contact, Party, Province
from ..permissions import Permission
from .records import set_archived, stored

EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]{2,}$")
PARTY_TEXT_LIMITS = {k: v for k, v in limits.LIMITS["party"].items() if k != "notes"}
CONTACT_TEXT_LIMITS = limits.LIMITS["contact"]
PARTY_FIELDS = ("code", "name", "is_customer", "is_supplier", "vat_number", "fiscal_code",
                "address", "postal_code", "city", "province", "country", "phone", "email", "pec",
                "sdi_code", "notes")
CONTACT_FIELDS = ("name", "role", "phone", "mobile", "email", "receives_notices")

_province_codes: set[str] | None = None


def province_codes() -> set[str]:
    """The codes of the Province table (read once per process; the list is shipped data)."""
    global _province_codes
    if not _province_codes:
        _province_codes = {p.code for p in Province.select(Province.code)}
    return _province_codes


# -- single-field normalisation and checks (shared with the import) -----------------------
def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def normalize_vat(value: Any, country: str = "IT") -> tuple[str | None, str | None]:
    """(canonical VAT number or None, error code or None).

    Italian numbers are stored as ``IT`` + 11 digits; spaces, dots and a leading ``IT`` typed by
    the user are accepted. Other EU numbers are checked with their country's algorithm.
    """
    text = _text(value).upper().replace(" ", "").replace(".", "").replace("-", "")
    if not text:
        return None, None
    if isinstance(value, (int, float)) and len(text) < 11 and country.upper() == "IT":
        text = text.zfill(11)  # a spreadsheet turned 01234567897 into a number
    country = (country or "IT").upper()
    if text[:2].isalpha():
        country, text = text[:2], text[2:]
    if country == "IT":
        from stdnum.it import iva

        if not (len(text) == 11 and text.isdigit()):
            return None, "party.vat_format"
        if not iva.is_valid(text):
            return None, "party.vat_invalid"
        return "IT" + text, None
    from stdnum.eu import vat as eu_vat

    if country.lower() in eu_vat.MEMBER_STATES or country == "EL":
        if not eu_vat.is_valid(country + text):
            return None, "party.vat_invalid"
        return country + eu_vat.compact(country + text)[2:], None
    if len(text) > 18:
        return None, "party.vat_format"
    return country + text, None


def normalize_fiscal_code(value: Any) -> tuple[str | None, str | None]:
    """A person's 16-character codice fiscale or a company's 11-digit one."""
    text = _text(value).upper().replace(" ", "")
    if not text:
        return None, None
    if text.startswith("IT") and len(text) == 13:
        text = text[2:]
    if isinstance(value, (int, float)) and len(text) < 11:
        text = text.zfill(11)
    if len(text) == 11 and text.isdigit():
        from stdnum.it import iva

        return (text, None) if iva.is_valid(text) else (None, "party.fiscal_code_invalid")
    from stdnum.it import codicefiscale

    if len(text) != 16:
        return None, "party.fiscal_code_format"
    if not codicefiscale.is_valid(text):
        return None, "party.fiscal_code_invalid"
    return text, None


def normalize_province(value: Any) -> tuple[str | None, str | None]:
    text = _text(value).upper()
    if not text:
        return None, None
    if text not in province_codes():
        return None, "party.province_unknown"
    return text, None


def valid_email(value: str) -> bool:
    return bool(EMAIL_RE.match(value))


def clean_party(fields: dict[str, Any], *, partial: bool = False) -> tuple[dict[str, Any], list[FieldError]]:
    """Normalise and check party fields; returns (clean values, errors). Nothing is written."""
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    unknown = set(fields) - set(PARTY_FIELDS)
    if unknown:
        raise TypeError(f"unknown party fields: {sorted(unknown)}")
    for name, limit in PARTY_TEXT_LIMITS.items():
        if name in fields:
            value = _text(fields[name])
            if len(value) > limit:
                errors.append(FieldError(name, "too_long", {"max": limit, "length": len(value)}))
            out[name] = value
    if "notes" in fields:  # refused when too long, never cut (#14)
        out["notes"] = _text(fields["notes"])
        limits.check("party", {"notes": out["notes"]}, errors)
    if not partial or "name" in fields:
        if not out.get("name"):
            errors.append(FieldError("name", "required"))
    country = (_text(fields.get("country")) or "IT").upper()
    if "country" in fields or not partial:
        if not (len(country) == 2 and country.isalpha()):
            errors.append(FieldError("country", "party.country_invalid"))
        out["country"] = country
    for flag in ("is_customer", "is_supplier"):
        if flag in fields:
            out[flag] = bool(fields[flag])
    if not partial and not out.get("is_customer", True) and not out.get("is_supplier", False):
        errors.append(FieldError("is_customer", "party.no_kind"))
    if "vat_number" in fields:
        vat, code = normalize_vat(fields["vat_number"], country)
        if code:
            errors.append(FieldError("vat_number", code, {"value": _text(fields["vat_number"])}))
        out["vat_number"] = vat
    if "fiscal_code" in fields:
        cf, code = normalize_fiscal_code(fields["fiscal_code"])
        if code:
            errors.append(FieldError("fiscal_code", code, {"value": _text(fields["fiscal_code"])}))
        out["fiscal_code"] = cf
    if "province" in fields:
        prov, code = normalize_province(fields["province"])
        if code:
            errors.append(FieldError("province", code, {"value": _text(fields["province"])}))
        out["province"] = prov
    if out.get("postal_code") and country == "IT" and not re.fullmatch(r"\d{5}", out["postal_code"]):
        errors.append(FieldError("postal_code", "party.postal_code_invalid",
                                 {"value": out["postal_code"]}))
    for name in ("email", "pec"):
        if out.get(name) and not valid_email(out[name]):
            errors.append(FieldError(name, "party.email_invalid", {"value": out[name]}))
    if out.get("sdi_code"):
        out["sdi_code"] = out["sdi_code"].upper()
        if not re.fullmatch(r"[A-Z0-9]{6,7}", out["sdi_code"]):
            errors.append(FieldError("sdi_code", "party.sdi_invalid", {"value": out["sdi_code"]}))
    return out, errors


def clean_contact(fields: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    errors: list[FieldError] = []
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    for name, limit in CONTACT_TEXT_LIMITS.items():
        if name in fields:
            value = _text(fields[name])
            if len(value) > limit:
                errors.append(FieldError(name, "too_long", {"max": limit}))
            out[name] = value
    if "name" in fields and not out.get("name"):
        errors.append(FieldError("name", "required"))
    if out.get("email") and not valid_email(out["email"]):
        errors.append(FieldError("email", "party.email_invalid", {"value": out["email"]}))
    if "receives_notices" in fields:
        out["receives_notices"] = bool(fields["receives_notices"])
    return out, errors


# -- lookups -------------------------------------------------------------------------------
def find_by_vat(vat: str, *, exclude_id: int | None = None) -> Party | None:
    """The party with this (canonical) VAT number; also finds rows stored without ``IT``."""
    candidates = {vat}
    if vat.startswith("IT"):
        candidates.add(vat[2:])
    query = Party.select().where(Party.vat_number.in_(list(candidates)))
    if exclude_id is not None:
        query = query.where(Party.id != exclude_id)
    return query.order_by(Party.archived, Party.id).first()


def next_party_code() -> str:
    """The next free customer code ``C000123`` (taken inside the caller's write transaction);
    in an offline pack a provisional TMP-… code, replaced at the merge (#16)."""
    from ..packs.identity import provisional_number

    provisional = provisional_number("party", "code")
    if provisional is not None:
        return provisional
    last = (Party.select(Party.code).where(Party.code.startswith("C"))
            .order_by(Party.code.desc()).limit(50))
    highest = 0
    for row in last:
        tail = row.code[1:]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"C{highest + 1:06d}"


def _check_unique(values: dict[str, Any], exclude_id: int | None) -> list[FieldError]:
    errors = []
    if values.get("vat_number"):
        other = find_by_vat(values["vat_number"], exclude_id=exclude_id)
        if other is not None:
            errors.append(FieldError("vat_number", "party.vat_duplicate",
                                     {"value": values["vat_number"], "other": other.name}))
    if values.get("code"):
        query = Party.select().where(Party.code == values["code"])
        if exclude_id is not None:
            query = query.where(Party.id != exclude_id)
        if query.exists():
            errors.append(FieldError("code", "party.code_duplicate", {"value": values["code"]}))
    return errors


# -- use cases -------------------------------------------------------------------------------
def create_party(**fields: Any) -> Party:
    """Create a customer and/or supplier (R-SER-1). Raises ValidationError, PermissionDenied."""
    context.require(Permission.PARTY_EDIT)
    values, errors = clean_party(fields)
    if errors:
        raise ValidationError(errors)
    db = Party._meta.database
    with db.atomic():
        errors = _check_unique(values, None)
        if errors:
            raise ValidationError(errors)
        if not values.get("code"):
            values["code"] = next_party_code()
        return Party.create(**values)


def update_party(party: Party, **fields: Any) -> Party:
    """Edit a party loaded earlier; a concurrent edit raises ConflictError (nothing saved)."""
    context.require(Permission.PARTY_EDIT)
    if "country" not in fields:
        fields = dict(fields, country=party.country)
    values, errors = clean_party(fields, partial=True)
    is_customer = values.get("is_customer", party.is_customer)
    is_supplier = values.get("is_supplier", party.is_supplier)
    if not is_customer and not is_supplier:
        errors.append(FieldError("is_customer", "party.no_kind"))
    if "code" in values and not values["code"]:
        errors.append(FieldError("code", "required"))
    if errors:
        raise ValidationError(errors)
    db = Party._meta.database
    with db.atomic():
        errors = _check_unique(values, party.id)
        if errors:
            raise ValidationError(errors)
        for name, value in values.items():
            setattr(party, name, value)
        party.save()
    return party


def set_party_archived(party: Party, archived: bool = True) -> Party:
    """Archive (or restore) a party: history refers to it, so it is never deleted."""
    return set_archived(party, archived, Permission.PARTY_EDIT)


def get_party(party_id: int) -> Party:
    party = Party.get_or_none(Party.id == party_id)
    if party is None:
        raise NotFound("party", code="not_found")
    return party


def add_contact(party: Party | int, **fields: Any) -> Contact:
    context.require(Permission.PARTY_EDIT)
    fields.setdefault("name", "")
    values, errors = clean_contact(fields)
    if errors:
        raise ValidationError(errors)
    party_id = party if isinstance(party, int) else party.id
    with Party._meta.database.atomic():
        if not Party.select().where(Party.id == party_id).exists():
            raise NotFound("party", code="not_found")
        return Contact.create(party=party_id, **values)


def update_contact(contact: Contact, **fields: Any) -> Contact:
    context.require(Permission.PARTY_EDIT)
    values, errors = clean_contact(fields)
    if errors:
        raise ValidationError(errors)
    with Party._meta.database.atomic():
        for name, value in values.items():
            setattr(contact, name, value)
        contact.save()
    return contact


def set_contact_archived(contact: Contact, archived: bool = True) -> Contact:
    return set_archived(contact, archived, Permission.PARTY_EDIT)


def notice_recipients(party_id: int) -> list[Contact]:
    """The party's active contacts who receive maintenance notices (R-MNT-2)."""
    return list(Contact.select().where(Contact.party == party_id, Contact.receives_notices == True,  # noqa: E712
                                       Contact.archived == False)  # noqa: E712
                .order_by(Contact.id))


# -- by id and version (the UI's write path, #13) ----------------------------------------------
def change_party(party_id: int, expected_version: int, changes: dict[str, Any]) -> Party:
    """Apply ``changes`` (only the fields the user changed) to the party read at
    ``expected_version``; a save in between raises ConflictError (nothing written)."""
    context.require(Permission.PARTY_EDIT)
    with Party._meta.database.atomic():
        return update_party(stored(Party, party_id, expected_version), **changes)


def archive_party(party_id: int, expected_version: int, archived: bool = True) -> Party:
    context.require(Permission.PARTY_EDIT)
    with Party._meta.database.atomic():
        return set_party_archived(stored(Party, party_id, expected_version), archived)


def change_contact(contact_id: int, expected_version: int, changes: dict[str, Any]) -> Contact:
    context.require(Permission.PARTY_EDIT)
    with Party._meta.database.atomic():
        return update_contact(stored(Contact, contact_id, expected_version), **changes)


def archive_contact(contact_id: int, expected_version: int, archived: bool = True) -> Contact:
    context.require(Permission.PARTY_EDIT)
    with Party._meta.database.atomic():
        return set_contact_archived(stored(Contact, contact_id, expected_version), archived)
