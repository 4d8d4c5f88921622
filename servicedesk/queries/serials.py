"""Serial-number lookup: the unit, its customer, its contracts and its requests (R-SER-2)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .. import like
from ..models import (Contract, ContractProduct, ContractUnit, Party, Product, RequestUnit,
                      ServiceRequest, Unit)

MAX_HITS = 50


@dataclass(frozen=True)
class UnitHit:
    id: int
    serial: str
    product: str
    customer: str
    city: str
    archived: bool


def find_units(text: str, limit: int = MAX_HITS) -> list[UnitHit]:
    """Units whose serial starts with ``text`` (case-insensitive; exact matches first)."""
    text = text.strip()[:60]
    if not text:
        return []
    query = (Unit.select(Unit.id, Unit.serial, Unit.archived, Product.name, Party.name, Party.city)
             .join(Product, on=(Product.id == Unit.product))
             .switch(Unit).join(Party, on=(Party.id == Unit.owner))
             .where(like.starts(Unit.serial, text))
             .order_by(Unit.serial).limit(limit).tuples())
    hits = [UnitHit(uid, serial, product, customer, city or "", bool(archived))
            for uid, serial, archived, product, customer, city in query]
    hits.sort(key=lambda h: (h.serial.lower() != text.lower(), h.serial))
    return hits


@dataclass(frozen=True)
class UnitContract:
    id: int
    number: str
    title: str
    status: str
    term_start: dt.date
    term_end: dt.date
    covers: str  # "unit" (listed on the contract) or "product"


@dataclass(frozen=True)
class UnitRequest:
    id: int
    number: str
    opened_at: dt.datetime
    status: str
    subject: str
    description: str
    closed_at: dt.datetime | None


@dataclass
class UnitDetail:
    id: int
    serial: str
    product_code: str
    product_name: str
    manufacturer: str
    customer_id: int
    customer: str
    customer_city: str
    customer_province: str
    site: str
    address: str
    city: str
    province: str
    install_date: dt.date | None
    warranty_end: dt.date | None
    archived: bool
    contracts: list[UnitContract] = field(default_factory=list)
    requests: list[UnitRequest] = field(default_factory=list)


def unit_detail(unit_id: int) -> UnitDetail | None:
    unit = Unit.get_or_none(Unit.id == unit_id)
    if unit is None:
        return None
    product = Product.get_by_id(unit.product_id)
    owner = Party.get_by_id(unit.owner_id)
    detail = UnitDetail(unit.id, unit.serial, product.code, product.name, product.manufacturer,
                        owner.id, owner.name, owner.city, owner.province_id or "", unit.site,
                        unit.address, unit.city, unit.province_id or "", unit.install_date,
                        unit.warranty_end, unit.archived)
    listed = {c.id for c in Contract.select(Contract.id).join(ContractUnit)
              .where(ContractUnit.unit == unit.id)}
    by_product = {c.id for c in Contract.select(Contract.id).join(ContractProduct)
                  .where(ContractProduct.product == unit.product_id, Contract.party == owner.id)}
    ids = listed | by_product
    if ids:
        for c in Contract.select().where(Contract.id.in_(list(ids))).order_by(Contract.term_end.desc()):
            detail.contracts.append(UnitContract(c.id, c.number, c.title, c.status, c.term_start,
                                                 c.term_end, "unit" if c.id in listed else "product"))
    reqs = (ServiceRequest.select(ServiceRequest.id, ServiceRequest.number, ServiceRequest.opened_at,
                                  ServiceRequest.status, ServiceRequest.subject,
                                  ServiceRequest.description, ServiceRequest.closed_at)
            .join(RequestUnit, on=(RequestUnit.request == ServiceRequest.id))
            .where(RequestUnit.unit == unit.id).order_by(ServiceRequest.opened_at.desc()))
    for r in reqs:
        detail.requests.append(UnitRequest(r.id, r.number, r.opened_at, r.status, r.subject,
                                           r.description[:300], r.closed_at))
    return detail
