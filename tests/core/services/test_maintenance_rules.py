"""Maintenance plan rules at their limits and the generation of visits: ranges, defaults, edits
that keep what is not changed, daily and weekly rhythms, overdue plans, placement on the board,
the requests the visits get (R-MNT-1)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk.context import Actor, acting_as
from servicedesk.errors import NotFound, PermissionDenied, ValidationError
from servicedesk.models import (Contract, ContractUnit, Intervention, MaintenancePlan, Operator,
                                Priority, RequestEvent, RequestUnit, ServiceRequest, Setting)
from servicedesk.permissions import Role
from servicedesk.services import maintenance, products, units

from .maintenance_world import MONDAY, make_plan, make_world

D = dt.date


@pytest.fixture
def world(db):
    return make_world()


def errors_of(world, **kw) -> list[tuple[str, str, dict]]:
    with pytest.raises(ValidationError) as info:
        make_plan(world, **kw)
    return [(e.field, e.code, e.params) for e in info.value.errors]


# -- plans --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, low, high", [("every", 1, 999), ("duration_minutes", 15, 1440),
                                             ("notice_days", 0, 90)])
def test_plan_numbers_within_their_range(world, name, low, high):
    """R-MNT-1: every 1–999 periods, a visit of 15 minutes to 24 hours, a notice of 0–90 days:
    both ends accepted, one beyond refused with the range, below zero as negative."""
    limits = {"min": low, "max": high}
    assert errors_of(world, **{name: high + 1}) == [(name, "maintenance.out_of_range", limits)]
    assert errors_of(world, **{name: -1}) == [(name, "negative", limits)]
    if low > 0:
        assert errors_of(world, **{name: low - 1}) == [(name, "maintenance.out_of_range", limits)]
    assert errors_of(world, **{name: "due"}) == [(name, "invalid_number", {})]
    for value in (low, high):
        assert getattr(make_plan(world, **{name: value}), name) == value


def test_a_plan_without_numbers_gets_the_usual_ones(world):
    """Monthly, a two-hour visit, customers told a week before, active."""
    plan = maintenance.create_plan(unit=world["unit"], activity_type=world["activity"],
                                   start_date=D(2026, 3, 10))
    stored = MaintenancePlan.get_by_id(plan.id)
    assert (stored.every, stored.period, stored.duration_minutes, stored.notice_days, stored.active,
            stored.title, stored.instructions) == (1, "months", 120, 7, True, "", "")


def test_a_plan_needs_an_activity_and_existing_references(world):
    assert errors_of(world, activity_type=None) == [("activity_type", "required", {})]
    assert errors_of(world, unit=9999, team=0, operator="") == [("unit", "not_found", {})]
    assert errors_of(world, operator=9999)[0][:2] == ("operator", "not_found")
    with pytest.raises(TypeError):
        make_plan(world, colour="rosso")  # a field the plan does not have is a programming error
    assert MaintenancePlan.select().count() == 0


def test_a_plan_may_end_on_its_first_day_and_be_last_done_today(world):
    plan = make_plan(world, until_date=D(2026, 3, 10), last_done_on=D(2026, 3, 2))
    assert (plan.until_date, plan.last_done_on) == (D(2026, 3, 10), D(2026, 3, 2))
    assert errors_of(world, last_done_on=D(2026, 3, 3)) == [("last_done_on", "maintenance.done_in_future", {})]
    assert errors_of(world, start_date=None) == [("start_date", "required", {})]
    assert errors_of(world, start_date="31/02/2026") == [("start_date", "invalid_date", {})]


def test_a_title_of_200_characters_is_kept_whole(world):
    plan = make_plan(world, title="  " + "t" * 200 + " ", instructions=" Portare il kit ")
    stored = MaintenancePlan.get_by_id(plan.id)
    assert (stored.title, stored.instructions) == ("t" * 200, "Portare il kit")
    assert errors_of(world, title="t" * 201)[0][:2] == ("title", "too_long")


def test_editing_a_plan_changes_only_what_is_given(world):
    """R-MNT-1: a changed title keeps the unit, rhythm, team and dates of the plan."""
    op = world["ops"][0]
    plan = make_plan(world, operator=op, every=3, period="weeks", notice_days=10,
                     until_date=D(2026, 12, 31), title="Trimestrale")
    maintenance.update_plan(plan, title="Controllo fumi")
    stored = MaintenancePlan.get_by_id(plan.id)
    assert (stored.title, stored.unit_id, stored.activity_type_id, stored.team_id, stored.operator_id,
            stored.every, stored.period, stored.duration_minutes, stored.notice_days,
            stored.start_date, stored.until_date) == (
        "Controllo fumi", world["unit"].id, world["activity"].id, world["team"].id, op.id, 3, "weeks",
        90, 10, D(2026, 3, 10), D(2026, 12, 31))
    maintenance.update_plan(stored, operator=None, period="days")
    stored = MaintenancePlan.get_by_id(plan.id)
    assert (stored.operator_id, stored.period, stored.title) == (None, "days", "Controllo fumi")
    with pytest.raises(ValidationError):
        maintenance.update_plan(stored, every=0)
    assert MaintenancePlan.get_by_id(plan.id).every == 3


def test_only_who_plans_maintenance_edits_plans(world):
    plan = make_plan(world)
    with acting_as(Actor(world["ops"][0].id, Role.TECHNICIAN, "t1")):
        for action in (lambda: make_plan(world), lambda: maintenance.update_plan(plan, title="x"),
                       lambda: maintenance.set_plan_active(plan, False),
                       lambda: maintenance.generate(30)):
            with pytest.raises(PermissionDenied):
                action()
    maintenance.set_plan_active(plan, False)
    assert not MaintenancePlan.get_by_id(plan.id).active
    assert maintenance.get_plan(plan.id).id == plan.id
    with pytest.raises(NotFound):
        maintenance.get_plan(plan.id + 1)


# -- due dates ----------------------------------------------------------------------------------
def test_daily_and_weekly_rhythms(world):
    assert [maintenance.occurrence(D(2026, 3, 10), 3, "days", k) for k in range(3)] == [
        D(2026, 3, 10), D(2026, 3, 13), D(2026, 3, 16)]
    assert maintenance.occurrence(D(2026, 3, 10), 2, "weeks", 2) == D(2026, 4, 7)
    assert maintenance.occurrence(D(2026, 3, 10), 2, "years", 1) == D(2028, 3, 10)
    with pytest.raises(ValueError):
        maintenance.occurrence(D(2026, 3, 10), 1, "fortnights", 1)
    make_plan(world, every=10, period="days", duration_minutes=60)
    assert [v.due_date for v in maintenance.generate(30).created] == [
        D(2026, 3, 10), D(2026, 3, 20), D(2026, 3, 30)]


def test_visits_are_generated_up_to_the_horizon_day_included(world):
    """Sixty days ahead by default, the last day included; 1 to 366 days may be asked."""
    make_plan(world, start_date=D(2026, 3, 2), every=30, period="days", duration_minutes=60)
    assert [v.due_date for v in maintenance.generate().created] == [
        D(2026, 3, 2), D(2026, 4, 1), D(2026, 5, 1)]  # 1 May is day 60
    for days in (0, 367):
        with pytest.raises(ValidationError):
            maintenance.generate(days)


def test_a_plan_starting_after_the_horizon_waits(world):
    make_plan(world, start_date=D(2026, 3, 12))
    assert maintenance.generate(9).created == [] and maintenance.generate(9).plans == 0
    assert [v.due_date for v in maintenance.generate(10).created] == [D(2026, 3, 12)]


def test_an_overdue_plan_gets_one_visit_then_its_rhythm(world):
    """A plan whose visits were missed gets one overdue visit, not one per missed date."""
    make_plan(world, start_date=D(2025, 11, 2))
    created = maintenance.generate(40).created
    assert [v.due_date for v in created] == [D(2025, 11, 2), D(2026, 3, 2), D(2026, 4, 2)]
    assert created[0].start.date() == D(2026, 3, 2)  # placed from today on


def test_the_next_due_date_after_a_visit_recorded_on_the_plan(world):
    """Visits made before the plan was in ServiceDesk: the date written on the plan counts when
    it is later than the last visit done in ServiceDesk."""
    plan = make_plan(world, start_date=D(2026, 1, 10), last_done_on=D(2026, 2, 20))
    assert maintenance.next_due_date(plan) == D(2026, 3, 20)
    maintenance.generate(60)
    first = Intervention.get(Intervention.maintenance_plan == plan.id)
    Intervention.update(status="done", actual_end=dt.datetime(2026, 2, 10, 11, 0)).where(
        Intervention.id == first.id).execute()
    assert maintenance.last_completed([plan.id]) == {plan.id: D(2026, 2, 20)}
    Intervention.update(actual_end=dt.datetime(2026, 2, 25, 11, 0)).where(
        Intervention.id == first.id).execute()
    assert maintenance.last_completed([plan.id]) == {plan.id: D(2026, 2, 25)}
    assert maintenance.next_due_date(MaintenancePlan.get_by_id(plan.id)) == D(2026, 3, 25)
    assert maintenance.last_completed()[plan.id] == D(2026, 2, 25)


def test_only_the_plans_asked_are_generated(world):
    a = make_plan(world)
    b = make_plan(world, unit=units.create_unit(product=world["product"], serial="SN2",
                                                owner=world["customer"]))
    result = maintenance.generate(20, plan_ids=[b.id])
    assert {v.plan_id for v in result.created} == {b.id} and result.plans == 1
    assert {v.plan_id for v in maintenance.generate(20).created} == {a.id}


# -- placement ----------------------------------------------------------------------------------
def test_visits_avoid_interventions_already_on_the_board(world):
    """R-MNT-1, R-REQ-3: the operator's planned work that day is respected."""
    op = world["ops"][0]
    req = ServiceRequest.create(number="RS-2026-000900", customer=world["customer"],
                                priority=Priority.get(code="normal"), opened_at=MONDAY)
    Intervention.create(request=req, activity_type=world["activity"], operator=op, status="planned",
                        planned_start=dt.datetime(2026, 3, 10, 8, 30),
                        planned_end=dt.datetime(2026, 3, 10, 11, 0))
    make_plan(world, operator=op, team=None)
    visit = maintenance.generate(10).created[0]
    assert (visit.start, visit.end) == (dt.datetime(2026, 3, 10, 11, 0), dt.datetime(2026, 3, 10, 12, 30))


def test_a_long_visit_may_span_lunch_a_short_one_waits_for_the_afternoon(world):
    op = world["ops"][0]
    make_plan(world, operator=op, team=None, duration_minutes=360)
    make_plan(world, operator=op, team=None, duration_minutes=120,
              unit=units.create_unit(product=world["product"], serial="SN2", owner=world["customer"]))
    visits = sorted(maintenance.generate(10).created, key=lambda v: v.start)
    assert [(v.start, v.end) for v in visits] == [
        (dt.datetime(2026, 3, 10, 8, 30), dt.datetime(2026, 3, 10, 14, 30)),
        (dt.datetime(2026, 3, 10, 14, 30), dt.datetime(2026, 3, 10, 16, 30))]


def test_the_team_member_with_the_lighter_day_gets_the_visit(world):
    """On the same earliest start, the operator with fewer booked minutes that day."""
    first, second = world["ops"]
    req = ServiceRequest.create(number="RS-2026-000900", customer=world["customer"],
                                priority=Priority.get(code="normal"), opened_at=MONDAY)
    Intervention.create(request=req, activity_type=world["activity"], operator=first, status="planned",
                        planned_start=dt.datetime(2026, 3, 10, 14, 0),
                        planned_end=dt.datetime(2026, 3, 10, 17, 0))
    make_plan(world)
    assert maintenance.generate(10).created[0].operator_id == second.id


def test_a_plan_without_team_or_operator_goes_to_any_technician(world):
    coordinator = Operator.create(username="coord", full_name="Coordinatrice", role="coordinator")
    make_plan(world, team=None)
    visit = maintenance.generate(10).created[0]
    assert visit.placed and visit.operator_id in {o.id for o in world["ops"]}
    assert visit.operator_id != coordinator.id


def test_a_visit_is_looked_for_up_to_two_weeks_after_its_due_date(world):
    """When the operator is away, the first free day within 14 days after the due date; else
    the visit is left unassigned on its due date at the office's opening time."""
    from servicedesk.services import scheduling

    op, other = world["ops"]
    scheduling.add_absence(op.id, "holiday", dt.datetime(2026, 3, 10), dt.datetime(2026, 3, 24))
    make_plan(world, operator=op, team=None)
    visit = maintenance.generate(10).created[0]
    assert (visit.placed, visit.start) == (True, dt.datetime(2026, 3, 24, 8, 30))
    scheduling.add_absence(other.id, "holiday", dt.datetime(2026, 3, 10), dt.datetime(2026, 3, 25))
    make_plan(world, operator=other, team=None,
              unit=units.create_unit(product=world["product"], serial="SN2", owner=world["customer"]))
    visit = maintenance.generate(10).created[0]
    assert (visit.placed, visit.operator_id, visit.start) == (False, None, dt.datetime(2026, 3, 10, 8, 30))


def test_an_overdue_visit_without_a_free_slot_is_left_on_today(world):
    op = world["ops"][0]
    make_plan(world, operator=op, team=None, start_date=D(2026, 2, 1), duration_minutes=600)
    visit = maintenance.generate(10).created[0]
    assert (visit.placed, visit.due_date, visit.start) == (False, D(2026, 2, 1), dt.datetime(2026, 3, 2, 8, 30))


# -- the requests of the visits -----------------------------------------------------------------
def test_a_visit_gets_a_request_with_subject_history_and_owner(world):
    """R-MNT-1, R-REQ-5: each visit is a request of the customer, numbered after the existing
    ones, with its subject in the office language, its status history and its owner."""
    op = world["ops"][0]
    ServiceRequest.create(number="RS-2026-000041", customer=world["customer"],
                          priority=Priority.get(code="normal"), opened_at=MONDAY)
    plan = make_plan(world, operator=op, team=None, instructions="Pulizia bruciatore")
    visits = maintenance.generate(40).created
    assert [v.request_number for v in visits] == ["RS-2026-000042", "RS-2026-000043"]
    req = ServiceRequest.get_by_id(visits[0].request_id)
    assert (req.subject, req.description, req.status, req.owner_id, req.channel) == (
        "Manutenzione periodica: Caldaia – matricola SN1", "Pulizia bruciatore", "assigned", op.id,
        "onsite")
    events = [(e.from_status, e.to_status, e.text) for e in RequestEvent.select()
              .where(RequestEvent.request == req.id).order_by(RequestEvent.id)]
    assert events == [(None, "new", f"maintenance plan #{plan.id}"), ("new", "assigned", "")]
    Setting.create(key="notices.sender", value='{"language": "en"}')
    make_plan(world, operator=op, team=None, start_date=D(2026, 4, 20),
              unit=units.create_unit(product=world["product"], serial="SN9", owner=world["customer"]))
    english = [v for v in maintenance.generate(60).created if v.due_date == D(2026, 4, 20)][0]
    assert ServiceRequest.get_by_id(english.request_id).subject == "Periodic maintenance: Caldaia – serial SN9"


def test_the_office_language_falls_back_to_italian(world):
    assert maintenance.office_language() == "it"
    Setting.create(key="notices.sender", value="not json")
    assert maintenance.office_language() == "it"
    Setting.update(value='{"language": "en"}').execute()
    assert maintenance.office_language() == "en"


def test_a_contract_plan_visits_every_unit_of_the_contract(world):
    """R-MNT-1, R-CON-2: a plan on a contract: the contract's customer, its number and title as
    subject, all its units on the request; an unplaced visit has no owner."""
    second = units.create_unit(product=world["product"], serial="SN2", owner=world["customer"])
    contract = Contract.create(number="CT-9", party=world["customer"], title="Manutenzione caldaie",
                               status="active", start_date=D(2026, 1, 1), term_start=D(2026, 1, 1),
                               term_end=D(2026, 12, 31))
    for unit in (world["unit"], second):
        ContractUnit.create(contract=contract, unit=unit)
    make_plan(world, unit=None, contract=contract, title="", duration_minutes=600)
    visit = maintenance.generate(10).created[0]
    req = ServiceRequest.get_by_id(visit.request_id)
    assert (req.customer_id, req.subject, req.contract_id, req.status, req.owner_id) == (
        world["customer"].id, "Manutenzione periodica: CT-9 Manutenzione caldaie", contract.id, "new", None)
    assert sorted(ru.unit_id for ru in RequestUnit.select().where(RequestUnit.request == req.id)) == sorted(
        [world["unit"].id, second.id])
    assert [e.to_status for e in RequestEvent.select().where(RequestEvent.request == req.id)] == ["new"]
    assert visit.customer_id == world["customer"].id


def test_plans_are_listed_with_their_target_customer_and_next_visit(world):
    contract = Contract.create(number="CT-9", party=world["customer"], title="Caldaie",
                               status="active", start_date=D(2026, 1, 1), term_start=D(2026, 1, 1),
                               term_end=D(2026, 12, 31))
    on_unit = make_plan(world, title="Fumi", until_date=D(2026, 9, 30))
    on_contract = make_plan(world, unit=None, contract=contract, operator=world["ops"][0])
    maintenance.set_plan_active(on_contract, False)
    rows = maintenance.list_plans()
    assert [r.id for r in rows] == [on_contract.id, on_unit.id]
    c, u = rows
    assert (u.target, u.customer, u.customer_id, u.team, u.operator, u.until_date, u.next_due, u.active) == (
        "Caldaia – SN1", "Alfa srl", world["customer"].id, "Caldaie", "", D(2026, 9, 30), D(2026, 3, 10), True)
    assert (c.target, c.customer, c.operator, c.until_date, c.active) == (
        "CT-9 Caldaie", "Alfa srl", "Tecnico 1", None, False)
    assert [r.id for r in maintenance.list_plans(active_only=True)] == [on_unit.id]
    assert [r.id for r in maintenance.list_plans(contract_id=contract.id)] == [on_contract.id]
    assert [r.id for r in maintenance.list_plans(unit_id=world["unit"].id)] == [on_unit.id]
    assert len(maintenance.list_plans(customer_id=world["customer"].id)) == 2
    assert maintenance.list_plans(customer_id=world["customer"].id + 99) == []
    assert [r.id for r in maintenance.list_plans(text="ct-9")] == [on_contract.id]


# -- issue #20: more of the generation rules ----------------------------------------------------
def test_by_default_the_next_sixty_days_are_generated(world):
    """A daily plan from today: 61 visits, today and each of the 60 days after."""
    make_plan(world, start_date=D(2026, 3, 2), every=1, period="days", duration_minutes=15)
    created = maintenance.generate().created
    assert (len(created), created[0].due_date, created[-1].due_date) == (
        61, D(2026, 3, 2), D(2026, 5, 1))


def test_a_plan_created_paused_stays_paused(world):
    """A plan saved as not active keeps it and gets no visits until it is switched on."""
    plan = make_plan(world, active=False)
    assert MaintenancePlan.get_by_id(plan.id).active is False
    assert maintenance.generate(20).created == []
    maintenance.set_plan_active(MaintenancePlan.get_by_id(plan.id), True)
    assert [v.due_date for v in maintenance.generate(20).created] == [D(2026, 3, 10)]


def test_the_visits_without_a_free_slot_are_reported(world):
    """The summary after generating names the visits left unassigned (the coordinator places
    them), not the ones placed."""
    from servicedesk.services import scheduling

    op, other = world["ops"]
    scheduling.add_absence(op.id, "holiday", dt.datetime(2026, 3, 10), dt.datetime(2026, 3, 25))
    away = make_plan(world, operator=op, team=None)
    make_plan(world, operator=other, team=None,
              unit=units.create_unit(product=world["product"], serial="SN2", owner=world["customer"]))
    result = maintenance.generate(10)
    assert len(result.created) == 2
    assert [(v.plan_id, v.placed, v.operator_id) for v in result.unplaced] == [(away.id, False, None)]


def _existing_visit(world, plan, due: dt.date, status: str = "planned") -> Intervention:
    req = ServiceRequest.create(number=f"RS-2026-{Intervention.select().count() + 900:06d}",
                                customer=world["customer"], priority=Priority.get(code="normal"),
                                opened_at=MONDAY)
    return Intervention.create(request=req, activity_type=world["activity"], status=status,
                               maintenance_plan=plan.id, due_date=due)


@pytest.mark.parametrize("late, covered", [(182, True), (183, False)])
def test_a_yearly_visit_moved_up_to_half_a_year_later_still_counts(world, late, covered):
    """R-MNT-1: a planned visit of the plan covers a due date it is at most half a period
    after (182 days for a year): then no second visit is made for it."""
    plan = make_plan(world, period="years")
    _existing_visit(world, plan, D(2026, 3, 10) + dt.timedelta(days=late))
    result = maintenance.generate(10)
    assert (result.covered, len(result.created)) == ((1, 0) if covered else (0, 1))


def test_a_daily_visit_moved_to_the_day_before_still_counts(world):
    """A daily plan from 10 March whose visit was moved to 9 March: 10 March is covered by it;
    11 and 12 March get their own."""
    plan = make_plan(world, period="days")
    _existing_visit(world, plan, D(2026, 3, 9))
    result = maintenance.generate(10)
    assert result.covered == 1
    assert [v.due_date for v in result.created] == [D(2026, 3, 11), D(2026, 3, 12)]


def test_a_visit_as_long_as_the_morning_does_not_span_lunch(world):
    """Four hours, the morning's length (08:30–12:30), with the first half hour taken: the
    visit goes to the afternoon instead of running across lunch."""
    op = world["ops"][0]
    req = ServiceRequest.create(number="RS-2026-000900", customer=world["customer"],
                                priority=Priority.get(code="normal"), opened_at=MONDAY)
    Intervention.create(request=req, activity_type=world["activity"], operator=op, status="planned",
                        planned_start=dt.datetime(2026, 3, 10, 8, 30),
                        planned_end=dt.datetime(2026, 3, 10, 9, 0))
    make_plan(world, operator=op, team=None, duration_minutes=240)
    visit = maintenance.generate(10).created[0]
    assert (visit.start, visit.end) == (dt.datetime(2026, 3, 10, 13, 30), dt.datetime(2026, 3, 10, 17, 30))


def test_a_visit_longer_than_any_period_spans_the_whole_working_day(world):
    """Three periods on Tuesdays (8–10, 11–13, 14–18): a seven-hour visit runs from the first
    start to the last end, across both breaks."""
    from servicedesk.services import scheduling

    op = world["ops"][0]
    T = dt.time
    scheduling.set_working_hours(op.id, [(1, T(8), T(10)), (1, T(11), T(13)), (1, T(14), T(18))])
    make_plan(world, operator=op, team=None, duration_minutes=7 * 60)
    visit = maintenance.generate(10).created[0]
    assert (visit.placed, visit.start, visit.end) == (
        True, dt.datetime(2026, 3, 10, 8, 0), dt.datetime(2026, 3, 10, 15, 0))


def _booked(world, op, start: dt.datetime, end: dt.datetime) -> None:
    req = ServiceRequest.create(number=f"RS-2026-{Intervention.select().count() + 800:06d}",
                                customer=world["customer"], priority=Priority.get(code="normal"),
                                opened_at=MONDAY)
    Intervention.create(request=req, activity_type=world["activity"], operator=op, status="planned",
                        planned_start=start, planned_end=end)


def test_a_visit_goes_in_the_gap_between_two_bookings(world):
    """Booked 08:30–09:00 and 11:00–12:30: a 90-minute visit fits at 09:00, before the second."""
    op = world["ops"][0]
    _booked(world, op, dt.datetime(2026, 3, 10, 8, 30), dt.datetime(2026, 3, 10, 9, 0))
    _booked(world, op, dt.datetime(2026, 3, 10, 11, 0), dt.datetime(2026, 3, 10, 12, 30))
    make_plan(world, operator=op, team=None)
    visit = maintenance.generate(10).created[0]
    assert (visit.start, visit.end) == (dt.datetime(2026, 3, 10, 9, 0), dt.datetime(2026, 3, 10, 10, 30))


def test_a_visit_after_a_booking_starts_on_the_next_quarter_hour(world):
    op = world["ops"][0]
    _booked(world, op, dt.datetime(2026, 3, 10, 8, 30), dt.datetime(2026, 3, 10, 9, 10))
    make_plan(world, operator=op, team=None)
    assert maintenance.generate(10).created[0].start == dt.datetime(2026, 3, 10, 9, 15)


def test_a_horizon_of_one_day_is_today_and_tomorrow(world):
    make_plan(world, start_date=D(2026, 3, 2), every=1, period="days", duration_minutes=15)
    assert [v.due_date for v in maintenance.generate(1).created] == [D(2026, 3, 2), D(2026, 3, 3)]


def test_generation_resumes_one_period_after_the_last_visit_done(world):
    """Monthly from 10 January, last visit done on 20 February: the next visits are due on 20
    March and 20 April (one month apart from the visit, not from the plan's start)."""
    make_plan(world, start_date=D(2026, 1, 10), last_done_on=D(2026, 2, 20))
    assert [v.due_date for v in maintenance.generate(60).created] == [D(2026, 3, 20), D(2026, 4, 20)]


def test_visits_are_made_in_the_order_they_are_due(world):
    """Two plans, the later-due one created first: the earlier visit is made (and placed)
    first, and the summary lists the visits by due date."""
    make_plan(world, start_date=D(2026, 3, 12))
    make_plan(world, start_date=D(2026, 3, 10),
              unit=units.create_unit(product=world["product"], serial="SN2", owner=world["customer"]))
    created = maintenance.generate(10).created
    assert [v.due_date for v in created] == [D(2026, 3, 10), D(2026, 3, 12)]
    assert created[0].request_number < created[1].request_number


def test_the_next_request_after_a_generation_gets_the_next_number(world):
    from servicedesk.services import requests as request_svc

    make_plan(world, start_date=D(2026, 3, 2), every=1, period="weeks")
    assert [v.request_number for v in maintenance.generate(10).created] == [
        "RS-2026-000001", "RS-2026-000002"]
    assert request_svc.next_number(2026) == "RS-2026-000003"


def test_an_unplaced_visit_keeps_its_length(world):
    """Left on the due date at opening time, for the planned duration."""
    from servicedesk.services import scheduling

    op = world["ops"][0]
    scheduling.add_absence(op.id, "holiday", dt.datetime(2026, 3, 9), dt.datetime(2026, 3, 30))
    make_plan(world, operator=op, team=None)
    visit = maintenance.generate(10).created[0]
    assert (visit.placed, visit.start, visit.end) == (
        False, dt.datetime(2026, 3, 10, 8, 30), dt.datetime(2026, 3, 10, 10, 0))


def test_a_long_product_name_makes_a_subject_of_200_characters(world):
    """The subject a visit's request gets (activity, product, serial) is cut to the 200
    characters a subject holds."""
    product = products.create_product(code="LUNGO", name="Caldaia a condensazione " * 7)
    unit = units.create_unit(product=product, serial="SN7", owner=world["customer"])
    make_plan(world, unit=unit)
    req = ServiceRequest.get_by_id(maintenance.generate(10).created[0].request_id)
    assert len(req.subject) == 200
    assert req.subject.startswith("Manutenzione periodica: Caldaia a condensazione")


def test_the_visits_of_a_plan_newest_first(world):
    plan = make_plan(world, every=1, period="weeks")
    make_plan(world, unit=units.create_unit(product=world["product"], serial="SN2",
                                            owner=world["customer"]))
    maintenance.generate(10)
    assert [v.due_date for v in maintenance.visits_of_plan(plan.id)] == [D(2026, 3, 10)]
    maintenance.generate(20)
    assert [v.due_date for v in maintenance.visits_of_plan(plan.id)] == [
        D(2026, 3, 17), D(2026, 3, 10)]


def test_the_audit_trail_records_each_visit_and_its_request(world):
    from servicedesk.models import AuditLog

    make_plan(world)
    visit = maintenance.generate(10).created[0]
    created = {(a.table_name, a.record_id) for a in AuditLog.select().where(AuditLog.action == "create")}
    assert {("service_request", visit.request_id), ("intervention", visit.intervention_id)} <= created


def test_a_daily_plan_of_decades_ago_gets_one_overdue_visit_then_the_horizon(world):
    """Started in 2000 and never visited: one overdue visit (its first date), then one a day
    from today to the horizon; nothing for the years in between."""
    make_plan(world, start_date=D(2000, 1, 1), every=1, period="days", duration_minutes=15)
    due = [v.due_date for v in maintenance.generate(3).created]
    assert due == [D(2000, 1, 1), D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5)]
