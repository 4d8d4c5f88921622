"""Periodic maintenance plans and visit generation (R-MNT-1): idempotent, placed in free slots,
next due date after the last COMPLETED visit (OCA maintenance #161)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock
from servicedesk.errors import ValidationError
from servicedesk.models import Intervention, MaintenancePlan, RequestUnit, ServiceRequest
from servicedesk.services import maintenance, units

from .maintenance_world import make_plan, make_world


@pytest.fixture
def world(db):
    return make_world()


def test_occurrences_keep_month_end():
    base = dt.date(2026, 1, 31)
    assert [maintenance.occurrence(base, 1, "months", k) for k in range(4)] == [
        dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 31), dt.date(2026, 4, 30)]
    assert maintenance.occurrence(dt.date(2024, 2, 29), 1, "years", 1) == dt.date(2025, 2, 28)
    assert maintenance.occurrence(base, 2, "weeks", 1) == dt.date(2026, 2, 14)


def test_plan_validation(world):
    with pytest.raises(ValidationError) as exc:
        maintenance.create_plan(activity_type=world["activity"], start_date="2026-03-01")
    assert exc.value.errors[0].code == "maintenance.target_required"
    with pytest.raises(ValidationError) as exc:
        make_plan(world, until_date=dt.date(2026, 1, 1))
    assert [e.code for e in exc.value.errors] == ["end_before_start"]
    with pytest.raises(ValidationError):
        make_plan(world, every=0)
    with pytest.raises(ValidationError):
        make_plan(world, period="fortnights")
    with pytest.raises(ValidationError):
        make_plan(world, start_date="31/02/2026")


def test_generate_places_visits_and_is_idempotent(world):
    plan = make_plan(world)
    result = maintenance.generate(60)
    dues = [v.due_date for v in result.created]
    assert dues == [dt.date(2026, 3, 10), dt.date(2026, 4, 10)]
    assert all(v.placed for v in result.created)
    first = Intervention.get_by_id(result.created[0].intervention_id)
    assert first.planned_start == dt.datetime(2026, 3, 10, 8, 30)  # office hours start
    assert first.planned_end == dt.datetime(2026, 3, 10, 10, 0)
    assert first.operator_id in {o.id for o in world["ops"]}
    assert first.maintenance_plan_id == plan.id and first.status == "planned"
    req = ServiceRequest.get_by_id(first.request_id)
    assert req.customer_id == world["customer"].id and req.number.startswith("RS-2026-")
    assert [ru.unit_id for ru in RequestUnit.select().where(RequestUnit.request == req.id)] == [
        world["unit"].id]
    again = maintenance.generate(60)
    assert again.created == [] and again.covered == 2
    assert Intervention.select().count() == 2


def test_free_slot_respects_bookings(world):
    op = world["ops"][0]
    make_plan(world, operator=op, team=None, duration_minutes=120)
    make_plan(world, operator=op, team=None, duration_minutes=120,
              unit=units.create_unit(product=world["unit"].product, serial="SN2",
                                     owner=world["customer"]))
    created = maintenance.generate(20).created
    slots = sorted((v.start, v.end) for v in created)
    assert slots == [(dt.datetime(2026, 3, 10, 8, 30), dt.datetime(2026, 3, 10, 10, 30)),
                     (dt.datetime(2026, 3, 10, 10, 30), dt.datetime(2026, 3, 10, 12, 30))]


def test_placement_agrees_with_the_scheduling_rules(world):
    """Every placed visit passes scheduling.check_conflicts (same working-hours rules)."""
    from servicedesk.services import scheduling

    for i in range(12):
        unit = units.create_unit(product=world["unit"].product, serial=f"X{i}",
                                 owner=world["customer"])
        make_plan(world, unit=unit, every=2, period="weeks", duration_minutes=60 + 30 * (i % 4),
                  start_date=dt.date(2026, 3, 3 + i % 5))
    created = maintenance.generate(45).created
    assert created and all(v.placed for v in created)
    for v in created:
        assert scheduling.check_conflicts(v.operator_id, v.start, v.end,
                                          exclude_intervention_id=v.intervention_id) == []


def test_next_due_follows_the_last_completed_visit(world):
    plan = make_plan(world)
    maintenance.generate(60)  # 10 Mar, 10 Apr planned
    march = Intervention.get(Intervention.due_date == dt.date(2026, 3, 10))
    Intervention.update(status="done", actual_start=dt.datetime(2026, 3, 25, 9, 0),
                        actual_end=dt.datetime(2026, 3, 25, 10, 0)).where(
        Intervention.id == march.id).execute()
    assert maintenance.next_due_date(MaintenancePlan.get_by_id(plan.id)) == dt.date(2026, 4, 25)
    clock.freeze(dt.datetime(2026, 3, 26, 8, 0))
    result = maintenance.generate(60)
    # 25 Apr is covered by the 10 Apr visit already planned; 25 May is new — no duplicate April.
    assert [v.due_date for v in result.created] == [dt.date(2026, 5, 25)]


def test_cancelled_visit_is_not_regenerated_and_until_date(world):
    make_plan(world, until_date=dt.date(2026, 3, 31))
    created = maintenance.generate(60).created
    assert [v.due_date for v in created] == [dt.date(2026, 3, 10)]
    Intervention.update(status="cancelled").execute()
    assert maintenance.generate(60).created == []


def test_no_free_slot_leaves_visit_unassigned(world):
    op = world["ops"][0]
    make_plan(world, operator=op, team=None, duration_minutes=600)  # longer than any day
    created = maintenance.generate(30).created
    assert len(created) == 1 and not created[0].placed
    i = Intervention.get_by_id(created[0].intervention_id)
    assert i.operator_id is None and i.planned_start.date() == dt.date(2026, 3, 10)


def test_list_plans(world):
    plan = make_plan(world, title="Manutenzione caldaia")
    rows = maintenance.list_plans(text="SN1")
    assert [r.id for r in rows] == [plan.id]
    assert rows[0].customer == "Alfa srl" and rows[0].next_due == dt.date(2026, 3, 10)
