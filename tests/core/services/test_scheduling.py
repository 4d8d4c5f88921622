"""Working hours, absences, conflict detection and free-slot search (R-REQ-3, R-MNT-1)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk.errors import PermissionDenied, ValidationError
from servicedesk.context import Actor, acting_as
from servicedesk.permissions import Role
from servicedesk.services import scheduling
from servicedesk.services.scheduling import Slot

from .scheduling_world import MON, at, make_office


@pytest.fixture
def office(db):
    return make_office()


def test_default_hours_and_outside_hours(office):
    """R-REQ-3: an operator without own hours works the office default, Mon–Fri."""
    _, anna, _, _ = office
    assert scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "11:00")) == []
    kinds = [c.kind for c in scheduling.check_conflicts(anna.id, at(MON, "07:00"), at(MON, "09:00"))]
    assert kinds == ["outside_hours"]
    saturday = MON + dt.timedelta(days=5)
    assert [c.kind for c in scheduling.check_conflicts(anna.id, at(saturday, "09:00"),
                                                       at(saturday, "10:00"))] == ["outside_hours"]
    # Straddling lunch is outside hours for a short job, fine for one longer than a period.
    assert scheduling.check_conflicts(anna.id, at(MON, "12:00"), at(MON, "14:00"))[0].kind == "outside_hours"
    assert scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "15:00")) == []


def test_double_booking_and_absence(office):
    _, anna, _, book = office
    other = book(anna, at(MON, "09:00"), at(MON, "11:00"))
    book(anna, at(MON, "14:00"), at(MON, "15:00"), status="cancelled")  # does not occupy
    conflicts = scheduling.check_conflicts(anna.id, at(MON, "10:00"), at(MON, "12:00"))
    assert [(c.kind, c.other_intervention_id) for c in conflicts] == [("double_booking", other.id)]
    assert scheduling.check_conflicts(anna.id, at(MON, "10:00"), at(MON, "12:00"),
                                      exclude_intervention_id=other.id) == []
    assert scheduling.check_conflicts(anna.id, at(MON, "14:00"), at(MON, "15:00")) == []
    scheduling.add_absence(anna.id, "sick", at(MON, "13:30"), at(MON + dt.timedelta(days=1), "17:30"))
    conflicts = scheduling.check_conflicts(anna.id, at(MON, "14:00"), at(MON, "15:00"))
    assert [c.kind for c in conflicts] == ["absence"] and conflicts[0].absence_kind == "sick"
    with pytest.raises(ValidationError):
        scheduling.check_conflicts(anna.id, at(MON, "15:00"), at(MON, "14:00"))


def test_own_working_hours(office):
    _, anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(5, dt.time(8), dt.time(12))])  # Saturdays only
    sat = MON + dt.timedelta(days=5)
    assert scheduling.check_conflicts(anna.id, at(sat, "09:00"), at(sat, "10:00")) == []
    assert scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "10:00"))[0].kind == "outside_hours"
    with pytest.raises(ValidationError) as info:
        scheduling.set_working_hours(anna.id, [(0, dt.time(9), dt.time(8))])
    assert info.value.errors[0].code == "end_before_start"
    with pytest.raises(ValidationError) as info:
        scheduling.set_working_hours(anna.id, [(0, dt.time(8), dt.time(12)), (0, dt.time(11), dt.time(13))])
    assert info.value.errors[0].code == "scheduling.hours_overlap"
    scheduling.set_working_hours(anna.id, [])
    assert not scheduling.has_own_hours(anna.id)


def test_free_slots_skip_busy_and_absences(office):
    """R-REQ-3: the next free slots that fit the duration within working hours."""
    _, anna, _, book = office
    book(anna, at(MON, "08:30"), at(MON, "10:00"))
    slots = scheduling.free_slots(anna.id, 120, at(MON, "08:00"), limit=3)
    assert slots == [Slot(anna.id, at(MON, "10:00"), at(MON, "12:00")),
                     Slot(anna.id, at(MON, "13:30"), at(MON, "15:30")),
                     Slot(anna.id, at(MON + dt.timedelta(days=1), "08:30"),
                          at(MON + dt.timedelta(days=1), "10:30"))]
    scheduling.add_absence(anna.id, "holiday", at(MON, "00:00"), at(MON + dt.timedelta(days=2), "00:00"))
    slots = scheduling.free_slots(anna.id, 60, at(MON, "08:00"), limit=1)
    assert slots[0].start == at(MON + dt.timedelta(days=2), "08:30")
    # Start rounded up to the quarter hour; Friday afternoon → Monday.
    fri = MON + dt.timedelta(days=4)
    slots = scheduling.free_slots(anna.id, 240, at(fri, "13:37"), limit=1)
    assert slots[0].start == at(MON + dt.timedelta(days=7), "08:30")
    # Longer than any period: spans lunch within the day.
    slots = scheduling.free_slots(anna.id, 360, at(fri, "08:00"), limit=1)
    assert slots[0] == Slot(anna.id, at(fri, "08:30"), at(fri, "14:30"))
    # Longer than a day: nothing.
    assert scheduling.free_slots(anna.id, 600, at(fri, "08:00")) == []


def test_free_slots_for_a_team_earliest_first(office):
    team, anna, bruno, book = office
    book(anna, at(MON, "08:30"), at(MON, "12:30"))
    slots = scheduling.free_slots(None, 60, at(MON, "08:00"), team_id=team.id, limit=2)
    assert slots[0] == Slot(bruno.id, at(MON, "08:30"), at(MON, "09:30"))
    assert {s.operator_id for s in scheduling.free_slots(None, 60, at(MON, "08:00"),
                                                         team_id=team.id, limit=5)} == {anna.id, bruno.id}
    with pytest.raises(ValidationError):
        scheduling.free_slots(None, 60, at(MON, "08:00"))
    with pytest.raises(ValidationError):
        scheduling.free_slots(anna.id, 0, at(MON, "08:00"))


def test_absence_validation_and_permissions(office):
    _, anna, _, _ = office
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "holiday", at(MON, "12:00"), at(MON, "10:00"))
    assert info.value.errors[0].code == "end_before_start"
    with pytest.raises(ValidationError):
        scheduling.add_absence(anna.id, "party", at(MON, "10:00"), at(MON, "12:00"))
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            scheduling.add_absence(anna.id, "holiday", at(MON, "10:00"), at(MON, "12:00"))
    absence = scheduling.add_absence(anna.id, "training", at(MON, "10:00"), at(MON, "12:00"), "Corso PLC")
    scheduling.update_absence(absence, kind="training", start=at(MON, "09:00"), end=at(MON, "12:00"))
    scheduling.delete_absence(absence.id)
    assert scheduling.absences_between([anna.id], at(MON, "00:00"), at(MON, "23:59"))[anna.id] == []


def test_board_week_data(office):
    """R-REQ-3: the board's rows, blocks, working time and absences for a week."""
    from servicedesk.queries.board import board

    team, anna, bruno, book = office
    block = book(anna, at(MON, "09:00"), at(MON, "11:00"))
    book(bruno, at(MON, "09:00"), at(MON, "10:00"), status="cancelled")
    unassigned = book(None, at(MON, "14:00"), at(MON, "15:00"))
    unassigned.team = team
    unassigned.save()
    scheduling.add_absence(bruno.id, "holiday", at(MON + dt.timedelta(days=1), "00:00"),
                           at(MON + dt.timedelta(days=2), "00:00"))
    data = board(MON, 7)
    assert [(r.operator_id, r.team_name) for r in data.rows] == [
        (None, "Nord"), (anna.id, "Nord"), (bruno.id, "Nord")]
    assert [b.id for b in data.blocks] == [block.id, unassigned.id]
    b = data.blocks[0]
    assert (b.customer, b.activity_code, b.priority_code) == ("Officine Meccaniche", "repair", "normal")
    assert len(data.working[anna.id][MON]) == 2 and data.working[anna.id][MON + dt.timedelta(days=5)] == []
    assert [a.kind for a in data.absences] == ["holiday"]
    assert board(MON, 1, team_id=team.id + 99).rows == []
