"""The world the maintenance tests plan in (test_maintenance.py, test_maintenance_rules.py): a
team of two technicians, a customer with one boiler, the clock on a Monday morning."""
from __future__ import annotations

import datetime as dt

from servicedesk import clock
from servicedesk.models import ActivityType, MaintenancePlan, Operator, Team
from servicedesk.services import maintenance, parties, products, units

MONDAY = dt.datetime(2026, 3, 2, 8, 0)  # a Monday


def make_world() -> dict:
    clock.freeze(MONDAY)
    team = Team.create(name="Caldaie")
    ops = [Operator.create(username=f"t{i}", full_name=f"Tecnico {i}", team=team,
                           role="technician") for i in (1, 2)]
    customer = parties.create_party(name="Alfa srl", vat_number="00743110157")
    product = products.create_product(code="CALD", name="Caldaia")
    unit = units.create_unit(product=product, serial="SN1", owner=customer)
    activity = ActivityType.get(ActivityType.code == "maintenance")
    return dict(team=team, ops=ops, customer=customer, unit=unit, product=product, activity=activity)


def plan_fields(world, **kw) -> dict:
    fields = dict(unit=world["unit"], activity_type=world["activity"], every=1, period="months",
                  start_date=dt.date(2026, 3, 10), team=world["team"], duration_minutes=90)
    fields.update(kw)
    return fields


def make_plan(world, **kw) -> MaintenancePlan:
    return maintenance.create_plan(**plan_fields(world, **kw))
