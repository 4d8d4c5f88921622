"""No silent truncation (#14): every text over its limit is refused with the field and the
limit, a text at the limit is stored whole; the services use the one table (servicedesk.limits)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import limits
from servicedesk.errors import ValidationError
from servicedesk.models import ActivityType, MaintenancePlan, Party, Unit
from servicedesk.services import contracts, interventions, kb, maintenance, parties, products
from servicedesk.services import requests, units, worklogs


def refused(call, field: str, maximum: int, length: int) -> None:
    with pytest.raises(ValidationError) as info:
        call()
    errors = [(e.field, e.code, e.params.get("max"), e.params.get("length")) for e in info.value.errors]
    assert (field, "too_long", maximum, length) in errors, errors


def test_customer_notes_of_30000_are_refused_and_20000_kept_whole(db):
    """The issue's case: 30,000 characters accepted and 20,000 stored, without a word."""
    refused(lambda: parties.create_party(name="Alfa srl", notes="n" * 30_000), "notes", 20_000, 30_000)
    assert not Party.select().where(Party.name == "Alfa srl").exists()
    party = parties.create_party(name="Alfa srl", notes="n" * 20_000)
    assert len(Party.get_by_id(party.id).notes) == 20_000
    refused(lambda: parties.update_party(party, notes="x" * 20_001), "notes", 20_000, 20_001)
    assert Party.get_by_id(party.id).notes == "n" * 20_000


def test_unit_notes_and_maintenance_instructions_are_refused_not_cut(db):
    party = parties.create_party(name="Alfa srl")
    product = products.create_product(code="CALD", name="Caldaia")
    refused(lambda: units.create_unit(product=product, serial="S1", owner=party, notes="u" * 25_000),
            "notes", 20_000, 25_000)
    unit = units.create_unit(product=product, serial="S1", owner=party, notes="u" * 20_000)
    assert len(Unit.get_by_id(unit.id).notes) == 20_000
    activity = ActivityType.get(ActivityType.code == "maintenance")
    fields = dict(unit=unit, activity_type=activity, every=1, period="months",
                  start_date=dt.date(2026, 3, 10), duration_minutes=90)
    refused(lambda: maintenance.create_plan(**fields, instructions="i" * 20_001), "instructions",
            20_000, 20_001)
    refused(lambda: maintenance.create_plan(**fields, title="t" * 201), "title", 200, 201)
    plan = maintenance.create_plan(**fields, instructions="i" * 20_000)
    assert len(MaintenancePlan.get_by_id(plan.id).instructions) == 20_000


def test_services_use_the_one_table_of_limits():
    """The counters in the UI read servicedesk.limits: the services must refuse at the same
    numbers."""
    assert parties.PARTY_TEXT_LIMITS.items() <= limits.LIMITS["party"].items()
    assert parties.CONTACT_TEXT_LIMITS == limits.LIMITS["contact"]
    assert products.LIMITS == limits.LIMITS["product"]
    assert units.LIMITS.items() <= limits.LIMITS["unit"].items()
    assert kb.LIMITS == limits.LIMITS["kb"]
    assert requests.MAX_SUBJECT == limits.limit("request", "subject")
    assert requests.MAX_TEXT == limits.limit("request", "description") == limits.limit("request", "final_report")
    assert interventions.MAX_TEXT == limits.limit("intervention", "instructions") == limits.limit("intervention", "report")
    assert worklogs.MAX_NOTES == limits.limit("work_log", "notes")
    assert contracts.MAX_NOTES == limits.limit("contract", "notes")


def test_column_limits_are_not_wider_than_the_columns():
    """A limit never exceeds the model's own max_length (PostgreSQL would refuse the row)."""
    from servicedesk.models import (Contact, Contract, KbArticle, MaintenancePlan, Operator,
                                    Product, ServiceRequest, Team)

    models = {"party": Party, "contact": Contact, "product": Product, "unit": Unit,
              "request": ServiceRequest, "contract": Contract, "kb": KbArticle,
              "maintenance_plan": MaintenancePlan, "operator": Operator, "team": Team}
    for entity, model in models.items():
        for name, maximum in limits.LIMITS[entity].items():
            column = model._meta.fields.get(name)
            if column is not None and getattr(column, "max_length", None):
                assert maximum <= column.max_length, (entity, name)


def test_import_refuses_a_product_name_over_its_limit(db, tmp_path):
    import openpyxl

    from servicedesk.services import imports

    parties.create_party(name="Alfa srl", vat_number="00743110157")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Partita IVA cliente", "Codice prodotto", "Nome prodotto", "Matricola"])
    ws.append(["00743110157", "NEW-1", "N" * 201, "SN-9"])
    wb.save(tmp_path / "u.xlsx")
    report = imports.validate(tmp_path / "u.xlsx", "units",
                              {"owner_vat": 0, "product_code": 1, "product_name": 2, "serial": 3})
    (row,) = report.refused
    assert [(e.field, e.code, e.params["max"]) for e in row.errors] == [("product_name", "too_long", 200)]
