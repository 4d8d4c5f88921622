"""What the request editor shows, read in one go: the request as a snapshot and the customer's
choices (contacts, active contracts, job orders, units) — plain frozen rows, no model instances.

The editor reads them on a worker thread (``ui/workers.py``) and writes back through the
services with the ``version`` it read (R-REQ-1, R-REQ-5; issue 13).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import (Contact, Contract, JobOrder, KbArticle, Party, Product, RequestUnit,
                      ServiceRequest, Unit)
from ..services.requests import ContractOption, RequestInput, active_contracts
from . import requests as rq

MAX_JOB_ORDERS = 300
MAX_UNITS = 500


@dataclass(frozen=True)
class RequestSnapshot:
    """One request as stored, with the version its next save must match."""

    id: int
    version: int
    number: str
    status: str
    opened_at: dt.datetime
    customer_id: int
    contact_id: int | None
    channel: str
    problem_type_id: int | None
    priority_id: int
    contract_id: int | None
    job_order_id: int | None
    team_id: int | None
    owner_id: int | None
    subject: str
    description: str
    final_report: str
    unit_ids: tuple[int, ...]
    sla_due: dt.datetime | None
    sla_risk_at: dt.datetime | None
    paused_since: dt.datetime | None
    first_response_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None

    def as_input(self) -> RequestInput:
        """The form's values as loaded (what "unsaved changes" are measured against)."""
        return RequestInput(customer_id=self.customer_id, description=self.description,
                            priority_id=self.priority_id, subject=self.subject,
                            contact_id=self.contact_id, channel=self.channel,
                            problem_type_id=self.problem_type_id, contract_id=self.contract_id,
                            job_order_id=self.job_order_id, team_id=self.team_id,
                            owner_id=self.owner_id, unit_ids=list(self.unit_ids))


@dataclass(frozen=True)
class CustomerCard:
    """The customer as the form's picker shows it."""

    id: int
    code: str
    name: str
    vat_number: str
    city: str
    province: str
    phone: str
    archived: bool


@dataclass(frozen=True)
class ContactChoice:
    id: int
    name: str
    role: str
    phone: str


@dataclass(frozen=True)
class JobOrderChoice:
    id: int
    code: str
    title: str


@dataclass(frozen=True)
class UnitChoice:
    id: int
    product_id: int
    product: str
    serial: str
    site: str
    archived: bool


@dataclass(frozen=True)
class FormerContract:
    """A contract the request still refers to that is no longer active."""

    id: int
    number: str


@dataclass(frozen=True)
class CustomerChoices:
    """What the form offers once the customer is chosen."""

    customer: CustomerCard | None
    contacts: tuple[ContactChoice, ...] = ()
    contracts: tuple[ContractOption, ...] = ()
    job_orders: tuple[JobOrderChoice, ...] = ()
    units: tuple[UnitChoice, ...] = ()
    former_contract: FormerContract | None = None


@dataclass(frozen=True)
class RequestView:
    """Everything the editor shows of one request, read in one consistent go."""

    request: RequestSnapshot
    choices: CustomerChoices
    timeline: tuple[rq.TimelineEntry, ...]


def snapshot(request_id: int) -> RequestSnapshot | None:
    r = ServiceRequest.get_or_none(ServiceRequest.id == request_id)
    if r is None:
        return None
    units = tuple(u for (u,) in RequestUnit.select(RequestUnit.unit)
                  .where(RequestUnit.request == r.id).order_by(RequestUnit.id).tuples())
    return RequestSnapshot(
        r.id, r.version, r.number, r.status, r.opened_at, r.customer_id, r.contact_id,
        r.channel, r.problem_type_id, r.priority_id, r.contract_id, r.job_order_id, r.team_id,
        r.owner_id, r.subject or "", r.description or "", r.final_report or "", units,
        r.sla_due, r.sla_risk_at, r.paused_since, r.first_response_at, r.resolved_at,
        r.closed_at)


def customer_card(party_id: int | None) -> CustomerCard | None:
    if not party_id:
        return None
    p = Party.get_or_none(Party.id == party_id)
    if p is None:
        return None
    return CustomerCard(p.id, p.code, p.name, p.vat_number or "", p.city or "",
                        p.province_id or "", p.phone or "", bool(p.archived))


def customer_choices(customer_id: int | None, *, contract_id: int | None = None,
                     unit_ids: tuple[int, ...] | list[int] = ()) -> CustomerChoices:
    """Contacts, active contracts (with tickets left), job orders and units of a customer.
    ``contract_id`` and ``unit_ids`` are what the request holds: a contract no longer active
    and archived units it refers to are still offered (so that the form shows them)."""
    card = customer_card(customer_id)
    if card is None:
        return CustomerChoices(None)
    contacts = tuple(ContactChoice(c.id, c.name, c.role or "", c.phone or c.mobile or "")
                     for c in Contact.select(Contact.id, Contact.name, Contact.role, Contact.phone,
                                             Contact.mobile)
                     .where(Contact.party == card.id, Contact.archived == False)  # noqa: E712
                     .order_by(Contact.name))
    contracts = tuple(active_contracts(card.id))
    former = None
    if contract_id is not None and all(c.id != contract_id for c in contracts):
        row = Contract.select(Contract.id, Contract.number) \
            .where(Contract.id == contract_id).get_or_none()
        if row is not None:
            former = FormerContract(row.id, row.number)
    jobs = tuple(JobOrderChoice(j.id, j.code, j.title)
                 for j in JobOrder.select(JobOrder.id, JobOrder.code, JobOrder.title)
                 .where((JobOrder.party == card.id) | JobOrder.party.is_null(),
                        JobOrder.archived == False)  # noqa: E712
                 .order_by(JobOrder.code).limit(MAX_JOB_ORDERS))
    wanted = set(unit_ids)
    units = tuple(UnitChoice(uid, pid, product, serial, site or "", bool(archived))
                  for uid, pid, product, serial, site, archived in
                  Unit.select(Unit.id, Unit.product, Product.name, Unit.serial, Unit.site,
                              Unit.archived)
                  .join(Product, on=(Product.id == Unit.product))
                  .where(Unit.owner == card.id).order_by(Unit.serial).limit(MAX_UNITS).tuples()
                  if not archived or uid in wanted)
    return CustomerChoices(card, contacts, contracts, jobs, units, former)


def request_view(request_id: int, lang: str = "en") -> RequestView | None:
    """The request, its customer's choices and its history (None: it no longer exists)."""
    snap = snapshot(request_id)
    if snap is None:
        return None
    choices = customer_choices(snap.customer_id, contract_id=snap.contract_id,
                               unit_ids=snap.unit_ids)
    return RequestView(snap, choices, tuple(rq.timeline(request_id, lang)))


def request_number(request_id: int) -> str | None:
    return ServiceRequest.select(ServiceRequest.number) \
        .where(ServiceRequest.id == request_id).scalar()


def request_status(request_id: int) -> str | None:
    return ServiceRequest.select(ServiceRequest.status) \
        .where(ServiceRequest.id == request_id).scalar()


def article_solution_note(article_id: int) -> str | None:
    """What applying a KB article copies into the request's note (None: no such article)."""
    from ..services.kb import solution_note

    article = KbArticle.get_or_none(KbArticle.id == article_id)
    return solution_note(article) if article is not None else None
