"""Serial-number lookup: the unit, its customer, its contracts and its requests (R-SER-2)."""
from __future__ import annotations

from servicedesk.models import ContractUnit
from servicedesk.queries.serials import find_units, unit_detail
from servicedesk.services import requests as svc
from tests.core.services.test_requests import make_world, new_input


def test_lookup_finds_unit_customer_contracts_and_requests(db):
    w = make_world()
    ContractUnit.create(contract=w["contract"], unit=w["unit"])
    r1 = svc.create_request(new_input(w))
    r2 = svc.create_request(new_input(w, description="Seconda chiamata"))
    svc.create_request(new_input(w, unit_ids=[]))  # not about the unit
    hits = find_units("vx-2024")
    assert [h.serial for h in hits] == ["VX-2024-0001", "VX-2024-0002"]
    assert find_units("VX-2024-0002")[0].customer == "Bianchi SpA"
    assert find_units("%") == [] and find_units("") == []
    detail = unit_detail(w["unit"].id)
    assert detail.customer == "Rossi Impianti S.r.l." and detail.product_name == "Caldaia Vaillant 24kW"
    assert [(c.number, c.covers) for c in detail.contracts] == [("CT-1", "unit")]
    assert {q.id for q in detail.requests} == {r1.id, r2.id}
    assert unit_detail(99999) is None
