"""A small office built through the services, its pack, and the laptop working on it (#16)."""
from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from servicedesk import clock, context
from servicedesk.db import open_database
from servicedesk.models import (ActivityType, Contract, Operator, Party, Priority, Product,
                                ServiceRequest, Unit)
from servicedesk.permissions import Permission, Role
from servicedesk.services import interventions, requests as rq, tickets

T0 = dt.datetime(2026, 3, 9, 8, 30)  # a Monday morning
OFFLINE_EXTRA = frozenset({Permission.REQUEST_EDIT, Permission.PARTY_EDIT})


@dataclass
class Office:
    path: Path
    db: object
    tech_id: int
    request_ids: list[int]
    intervention_ids: list[int]
    contract_id: int
    party_id: int
    unit_id: int

    def reopen(self) -> None:
        context.set_actor(context.SYSTEM)
        self.db = open_database(self.path)


def build_office(tmp_path: Path, *, requests: int = 3, tech_role: str = "technician") -> Office:
    clock.freeze(T0)
    context.set_actor(context.SYSTEM)
    path = tmp_path / "office.db"
    db = open_database(path)
    tech = Operator.create(username="tecnico", full_name="Luca Tecnico", role=tech_role,
                           password_hash="x")
    Operator.create(username="capo", full_name="Anna Capo", role="coordinator",
                    password_hash="y")
    party = Party.create(code="C000001", name="Studio Bianchi", vat_number="IT01234567890")
    other = Party.create(code="C000002", name="Altro Cliente")
    product = Product.create(code="P-1", name="Stampante laser")
    unit = Unit.create(product=product, serial="SN-1", owner=party)
    Unit.create(product=product, serial="SN-OTHER", owner=other)
    contract = Contract.create(number="CT-1", party=party, title="Pacchetto ticket",
                               start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                               term_end=dt.date(2026, 12, 31), status="active", amount=1200)
    tickets.credit(contract, 5, "initial")
    activity = ActivityType.get(code=ActivityType.select().first().code)
    normal = Priority.get(code="normal")
    request_ids, intervention_ids = [], []
    for i in range(requests):
        req = rq.create_request(rq.RequestInput(customer_id=party.id, priority_id=normal.id,
                                                description=f"Printer jams ({i})",
                                                subject=f"Jam {i}", contract_id=contract.id,
                                                unit_ids=[unit.id]))
        start = T0 + dt.timedelta(days=1, hours=i)
        item = interventions.schedule(req.id, activity_type_id=activity.id, planned_start=start,
                                      planned_end=start + dt.timedelta(hours=1),
                                      operator_id=tech.id, override=True).intervention
        request_ids.append(req.id)
        intervention_ids.append(item.id)
    # a request of another customer, not the technician's: stays out of the pack
    rq.create_request(rq.RequestInput(customer_id=other.id, priority_id=normal.id,
                                      description="Not in the pack"))
    return Office(path, db, tech.id, request_ids, intervention_ids, contract.id, party.id,
                  unit.id)


def export(office: Office, target: Path, **kw):
    from servicedesk.packs.export import prepare_pack

    return prepare_pack(office.db, target, office.tech_id, start=T0.date(), **kw)


@contextlib.contextmanager
def laptop(office: Office, pack_path: Path) -> Iterator[object]:
    """Work on the pack as its technician (the office file closed meanwhile)."""
    office.db.close()
    pack = open_database(pack_path)
    op = Operator.get_by_id(office.tech_id)
    context.set_actor(context.Actor(op.id, Role(op.role), op.full_name, extra=OFFLINE_EXTRA))
    try:
        yield pack
    finally:
        pack.close()
        office.reopen()


def request(request_id: int) -> ServiceRequest:
    return ServiceRequest.get_by_id(request_id)
