"""Lists of the registry (customers/suppliers, products, units) and a unit's related records."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from .. import like
from ..models import (Contract, ContractProduct, ContractUnit, Party, Product, RequestUnit,
                      ServiceRequest, Unit)


@dataclass
class PartyFilter:
    text: str = ""
    kind: str = "all"  # all, customers, suppliers
    archived: bool = False
    limit: int = 500


def parties(spec: PartyFilter) -> list[tuple]:
    """(id, code, name, vat, city, province, kinds, archived) rows, by name."""
    q = Party.select(Party.id, Party.code, Party.name, Party.vat_number, Party.city,
                     Party.province, Party.is_customer, Party.is_supplier, Party.archived)
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
    return list(q.order_by(Party.name, Party.id).limit(spec.limit).tuples())


def party_count(spec: PartyFilter) -> int:
    q = Party.select()
    if not spec.archived:
        q = q.where(Party.archived == False)  # noqa: E712
    return q.count()


def products(text: str = "", archived: bool = False, limit: int = 1000) -> list[tuple]:
    """(id, code, name, family, manufacturer, warranty months, units count) rows."""
    units = (Unit.select(pw.fn.COUNT(Unit.id)).where(Unit.product == Product.id))
    q = Product.select(Product.id, Product.code, Product.name, Product.family,
                       Product.manufacturer, Product.warranty_months, units.alias("n"),
                       Product.archived)
    if not archived:
        q = q.where(Product.archived == False)  # noqa: E712
    if text.strip():
        q = q.where(like.any_of([Product.code, Product.name, Product.family, Product.manufacturer],
                                text.strip()))
    return list(q.order_by(Product.code).limit(limit).tuples())


@dataclass
class UnitFilter:
    text: str = ""  # serial (prefix), product or customer name
    owner_id: int | None = None
    product_id: int | None = None
    archived: bool = False
    limit: int = 500


def units(spec: UnitFilter) -> list[tuple]:
    """(id, serial, product code, product name, owner, site, install date, warranty end)."""
    q = (Unit.select(Unit.id, Unit.serial, Product.code, Product.name, Party.name, Unit.site,
                     Unit.install_date, Unit.warranty_end)
         .join(Product).switch(Unit).join(Party, on=(Unit.owner == Party.id)))
    if not spec.archived:
        q = q.where(Unit.archived == False)  # noqa: E712
    if spec.owner_id is not None:
        q = q.where(Unit.owner == spec.owner_id)
    if spec.product_id is not None:
        q = q.where(Unit.product == spec.product_id)
    text = spec.text.strip()
    if text:
        q = q.where(like.starts(Unit.serial, text) | like.contains(Product.name, text)
                    | like.starts(Product.code, text) | like.contains(Party.name, text))
    return list(q.order_by(Unit.serial, Unit.id).limit(spec.limit).tuples())


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
    unit = Unit.get_by_id(unit_id)
    out: dict[int, ContractLine] = {}
    direct = (Contract.select().join(ContractUnit)
              .where(ContractUnit.unit == unit_id).order_by(Contract.term_end.desc()))
    for c in direct:
        out[c.id] = ContractLine(c.id, c.number, c.title, c.status, c.term_end, "unit")
    by_product = (Contract.select().join(ContractProduct)
                  .where(ContractProduct.product == unit.product_id, Contract.party == unit.owner_id)
                  .order_by(Contract.term_end.desc()))
    for c in by_product:
        out.setdefault(c.id, ContractLine(c.id, c.number, c.title, c.status, c.term_end, "product"))
    return sorted(out.values(), key=lambda c: c.term_end, reverse=True)


def request_history(unit_id: int, limit: int = 500) -> list[tuple]:
    """(id, number, opened_at, status, subject, customer name) of requests on the unit, newest
    first — the customer at that time, also after the unit moved."""
    q = (ServiceRequest.select(ServiceRequest.id, ServiceRequest.number, ServiceRequest.opened_at,
                               ServiceRequest.status, ServiceRequest.subject, Party.name)
         .join(RequestUnit).switch(ServiceRequest).join(Party, on=(ServiceRequest.customer == Party.id))
         .where(RequestUnit.unit == unit_id)
         .order_by(ServiceRequest.opened_at.desc()).limit(limit))
    return list(q.tuples())


def party_choices(customers: bool = True, suppliers: bool = False) -> list[tuple[int, str]]:
    """(id, "name — city") of the active parties, for pickers."""
    q = Party.select(Party.id, Party.name, Party.city).where(Party.archived == False)  # noqa: E712
    conds = []
    if customers:
        conds.append(Party.is_customer == True)  # noqa: E712
    if suppliers:
        conds.append(Party.is_supplier == True)  # noqa: E712
    if conds:
        cond = conds[0]
        for c in conds[1:]:
            cond = cond | c
        q = q.where(cond)
    return [(pid, f"{name} — {city}" if city else name)
            for pid, name, city in q.order_by(Party.name).tuples()]


def product_choices() -> list[tuple[int, str]]:
    return [(pid, f"{code} — {name}") for pid, code, name in
            Product.select(Product.id, Product.code, Product.name)
            .where(Product.archived == False).order_by(Product.code).tuples()]  # noqa: E712
