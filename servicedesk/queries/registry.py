"""Reads of the registry (customers/suppliers and their contacts, products, units): list ids,
display rows a page at a time, and one record's snapshot for its editor (R-SER-1, #13)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

import peewee as pw

from .. import like
from ..models import (Contact, Contract, ContractProduct, ContractUnit, Party, Product,
                      RequestUnit, ServiceRequest, Unit, UnitOwnership)

_CHUNK = 500  # ids per IN (…) list


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def _order(fields: dict[str, pw.Field], sort: str, descending: bool, default: str,
           tie: pw.Field) -> list:
    field = fields.get(sort) or fields[default]
    return [field.desc() if descending else field.asc(), tie.desc() if descending else tie.asc()]


# -- customers and suppliers ----------------------------------------------------------------
@dataclass
class PartyFilter:
    text: str = ""
    kind: str = "all"  # all, customers, suppliers
    archived: bool = False


@dataclass(frozen=True)
class PartyRow:
    id: int
    code: str
    name: str
    vat_number: str
    city: str
    province: str
    is_customer: bool
    is_supplier: bool
    archived: bool


@dataclass(frozen=True)
class PartyDetail:
    """One party as its editor shows it; ``version`` is what a save must still find."""

    id: int
    version: int
    code: str
    name: str
    is_customer: bool
    is_supplier: bool
    vat_number: str
    fiscal_code: str
    address: str
    postal_code: str
    city: str
    province: str | None
    country: str
    phone: str
    email: str
    pec: str
    sdi_code: str
    notes: str
    archived: bool


@dataclass(frozen=True)
class ContactRow:
    id: int
    version: int
    party_id: int
    name: str
    role: str
    phone: str
    mobile: str
    email: str
    receives_notices: bool


PARTY_SORTS = {"code": Party.code, "name": Party.name, "vat_number": Party.vat_number,
               "city": Party.city, "province": Party.province}


def _party_query(spec: PartyFilter, *fields) -> pw.ModelSelect:
    q = Party.select(*fields)
    if not spec.archived:
        q = q.where(Party.archived == False)  # noqa: E712
    if spec.kind == "customers":
        q = q.where(Party.is_customer == True)  # noqa: E712
    elif spec.kind == "suppliers":
        q = q.where(Party.is_supplier == True)  # noqa: E712
    text = spec.text.strip()
    if text:
        digits = text.upper().replace(" ", "")
        q = q.where(like.contains(Party.name, text) | like.starts(Party.code, text)
                    | like.starts(Party.city, text) | like.contains(Party.vat_number, digits)
                    | like.starts(Party.fiscal_code, digits))
    return q


def party_ids(spec: PartyFilter, sort: str = "name", descending: bool = False) -> list[int]:
    """Ids of the parties that match, in list order (one cheap query; rows come by page)."""
    q = _party_query(spec, Party.id).order_by(*_order(PARTY_SORTS, sort, descending, "name",
                                                      Party.id))
    return [pid for (pid,) in q.tuples()]


def party_rows(ids: list[int]) -> dict[int, PartyRow]:
    out: dict[int, PartyRow] = {}
    for chunk in _chunks(list(ids)):
        q = Party.select(Party.id, Party.code, Party.name, Party.vat_number, Party.city,
                         Party.province, Party.is_customer, Party.is_supplier,
                         Party.archived).where(Party.id.in_(chunk))
        for r in q.tuples():
            out[r[0]] = PartyRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "",
                                 bool(r[6]), bool(r[7]), bool(r[8]))
    return out


def _first(ids: list[int], rows_of: Callable[[list[int]], dict]) -> list:
    rows = rows_of(ids)
    return [rows[i] for i in ids if i in rows]


def parties(spec: PartyFilter, limit: int = 500) -> list[PartyRow]:
    """The first ``limit`` matching parties by name (pickers, tests)."""
    return _first(party_ids(spec)[:limit], party_rows)


def party(party_id: int) -> PartyDetail | None:
    p = Party.get_or_none(Party.id == party_id)
    if p is None:
        return None
    return PartyDetail(p.id, p.version, p.code, p.name, bool(p.is_customer), bool(p.is_supplier),
                       p.vat_number or "", p.fiscal_code or "", p.address, p.postal_code, p.city,
                       p.province_id, p.country, p.phone, p.email, p.pec, p.sdi_code, p.notes,
                       bool(p.archived))


def contacts(party_id: int) -> list[ContactRow]:
    """The party's active contacts by name."""
    q = (Contact.select().where(Contact.party == party_id, Contact.archived == False)  # noqa: E712
         .order_by(Contact.name, Contact.id))
    return [_contact_row(c) for c in q]


def contact(contact_id: int) -> ContactRow | None:
    c = Contact.get_or_none(Contact.id == contact_id)
    return _contact_row(c) if c is not None else None


def _contact_row(c: Contact) -> ContactRow:
    return ContactRow(c.id, c.version, c.party_id, c.name, c.role, c.phone, c.mobile, c.email,
                      bool(c.receives_notices))


# -- products -----------------------------------------------------------------------------------
@dataclass
class ProductFilter:
    text: str = ""
    archived: bool = False


@dataclass(frozen=True)
class ProductRow:
    id: int
    code: str
    name: str
    family: str
    manufacturer: str
    warranty_months: int
    units: int
    archived: bool


@dataclass(frozen=True)
class ProductDetail:
    id: int
    version: int
    code: str
    name: str
    family: str
    manufacturer: str
    warranty_months: int
    archived: bool


PRODUCT_SORTS = {"code": Product.code, "name": Product.name, "family": Product.family,
                 "manufacturer": Product.manufacturer, "warranty_months": Product.warranty_months}


def product_ids(spec: ProductFilter, sort: str = "code", descending: bool = False) -> list[int]:
    q = Product.select(Product.id)
    if not spec.archived:
        q = q.where(Product.archived == False)  # noqa: E712
    if spec.text.strip():
        q = q.where(like.any_of([Product.code, Product.name, Product.family, Product.manufacturer],
                                spec.text.strip()))
    q = q.order_by(*_order(PRODUCT_SORTS, sort, descending, "code", Product.id))
    return [pid for (pid,) in q.tuples()]


def product_rows(ids: list[int]) -> dict[int, ProductRow]:
    out: dict[int, ProductRow] = {}
    for chunk in _chunks(list(ids)):
        counts = dict(Unit.select(Unit.product, pw.fn.COUNT(Unit.id))
                      .where(Unit.product.in_(chunk)).group_by(Unit.product).tuples())
        q = Product.select(Product.id, Product.code, Product.name, Product.family,
                           Product.manufacturer, Product.warranty_months,
                           Product.archived).where(Product.id.in_(chunk))
        for r in q.tuples():
            out[r[0]] = ProductRow(r[0], r[1], r[2], r[3], r[4], r[5], counts.get(r[0], 0),
                                   bool(r[6]))
    return out


def products(text: str = "", archived: bool = False, limit: int = 1000) -> list[ProductRow]:
    return _first(product_ids(ProductFilter(text, archived))[:limit], product_rows)


def product(product_id: int) -> ProductDetail | None:
    p = Product.get_or_none(Product.id == product_id)
    if p is None:
        return None
    return ProductDetail(p.id, p.version, p.code, p.name, p.family, p.manufacturer,
                         p.warranty_months, bool(p.archived))


def product_choices() -> list[tuple[int, str]]:
    return [(pid, f"{code} — {name}") for pid, code, name in
            Product.select(Product.id, Product.code, Product.name)
            .where(Product.archived == False).order_by(Product.code).tuples()]  # noqa: E712


# -- units -----------------------------------------------------------------------------------------
@dataclass
class UnitFilter:
    text: str = ""  # serial (prefix), product or customer name
    owner_id: int | None = None
    product_id: int | None = None
    archived: bool = False


@dataclass(frozen=True)
class UnitRow:
    id: int
    serial: str
    product_code: str
    product_name: str
    owner: str
    site: str
    install_date: dt.date | None
    warranty_end: dt.date | None
    archived: bool


@dataclass(frozen=True)
class UnitDetail:
    id: int
    version: int
    product_id: int
    product_label: str  # "code — name"
    product_name: str
    serial: str
    owner_id: int
    owner: str
    install_date: dt.date | None
    warranty_end: dt.date | None
    site: str
    address: str
    city: str
    province: str | None
    notes: str
    archived: bool


@dataclass(frozen=True)
class OwnershipRow:
    id: int
    owner: str
    since: dt.date
    until: dt.date | None


@dataclass(frozen=True)
class RequestLine:
    id: int
    number: str
    opened_at: dt.datetime
    status: str
    subject: str
    customer: str  # the customer at that time, also after the unit moved


UNIT_SORTS = {"serial": Unit.serial, "product_code": Product.code, "product_name": Product.name,
              "owner": Party.name, "site": Unit.site, "install_date": Unit.install_date,
              "warranty_end": Unit.warranty_end}


def unit_ids(spec: UnitFilter, sort: str = "serial", descending: bool = False) -> list[int]:
    """Ids of the matching units in list order. The product and the customer are joined only
    when the search or the sort needs them: the whole list by serial (60,000 units on the large
    database) then reads the unit table's serial index alone."""
    text = spec.text.strip()
    q = Unit.select(Unit.id)
    if text or sort in ("product_code", "product_name"):
        q = q.join(Product).switch(Unit)
    if text or sort == "owner":
        q = q.join(Party, on=(Unit.owner == Party.id)).switch(Unit)
    if not spec.archived:
        q = q.where(Unit.archived == False)  # noqa: E712
    if spec.owner_id is not None:
        q = q.where(Unit.owner == spec.owner_id)
    if spec.product_id is not None:
        q = q.where(Unit.product == spec.product_id)
    if text:
        q = q.where(like.starts(Unit.serial, text) | like.contains(Product.name, text)
                    | like.starts(Product.code, text) | like.contains(Party.name, text))
    q = q.order_by(*_order(UNIT_SORTS, sort, descending, "serial", Unit.id))
    return [uid for (uid,) in q.tuples()]


def unit_rows(ids: list[int]) -> dict[int, UnitRow]:
    out: dict[int, UnitRow] = {}
    for chunk in _chunks(list(ids)):
        q = (Unit.select(Unit.id, Unit.serial, Product.code, Product.name, Party.name, Unit.site,
                         Unit.install_date, Unit.warranty_end, Unit.archived)
             .join(Product).switch(Unit).join(Party, on=(Unit.owner == Party.id))
             .where(Unit.id.in_(chunk)))
        for r in q.tuples():
            out[r[0]] = UnitRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]))
    return out


def units(spec: UnitFilter, limit: int = 500) -> list[UnitRow]:
    return _first(unit_ids(spec)[:limit], unit_rows)


def unit(unit_id: int) -> UnitDetail | None:
    u = (Unit.select(Unit, Product, Party).join(Product).switch(Unit)
         .join(Party, on=(Unit.owner == Party.id)).where(Unit.id == unit_id).first())
    if u is None:
        return None
    return UnitDetail(u.id, u.version, u.product_id, f"{u.product.code} — {u.product.name}",
                      u.product.name, u.serial, u.owner_id, u.owner.name, u.install_date,
                      u.warranty_end, u.site, u.address, u.city, u.province_id, u.notes,
                      bool(u.archived))


def ownership_history(unit_id: int) -> list[OwnershipRow]:
    q = (UnitOwnership.select(UnitOwnership.id, Party.name, UnitOwnership.since,
                              UnitOwnership.until).join(Party)
         .where(UnitOwnership.unit == unit_id).order_by(UnitOwnership.since, UnitOwnership.id))
    return [OwnershipRow(*r) for r in q.tuples()]


@dataclass(frozen=True)
class ContractLine:
    id: int
    number: str
    title: str
    status: str
    term_end: dt.date
    how: str  # "unit" (names this unit) or "product" (covers the product for the owner)


def contracts_covering(unit_id: int) -> list[ContractLine]:
    """Contracts that name the unit, and the owner's contracts covering its product."""
    unit_row = Unit.get_or_none(Unit.id == unit_id)
    if unit_row is None:
        return []
    out: dict[int, ContractLine] = {}
    direct = (Contract.select().join(ContractUnit)
              .where(ContractUnit.unit == unit_id).order_by(Contract.term_end.desc()))
    for c in direct:
        out[c.id] = ContractLine(c.id, c.number, c.title, c.status, c.term_end, "unit")
    by_product = (Contract.select().join(ContractProduct)
                  .where(ContractProduct.product == unit_row.product_id,
                         Contract.party == unit_row.owner_id)
                  .order_by(Contract.term_end.desc()))
    for c in by_product:
        out.setdefault(c.id, ContractLine(c.id, c.number, c.title, c.status, c.term_end, "product"))
    return sorted(out.values(), key=lambda c: c.term_end, reverse=True)


def request_history(unit_id: int, limit: int = 500) -> list[RequestLine]:
    """Requests on the unit, newest first."""
    q = (ServiceRequest.select(ServiceRequest.id, ServiceRequest.number, ServiceRequest.opened_at,
                               ServiceRequest.status, ServiceRequest.subject, Party.name)
         .join(RequestUnit).switch(ServiceRequest).join(Party, on=(ServiceRequest.customer == Party.id))
         .where(RequestUnit.unit == unit_id)
         .order_by(ServiceRequest.opened_at.desc()).limit(limit))
    return [RequestLine(*r) for r in q.tuples()]
