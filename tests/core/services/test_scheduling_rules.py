"""Team board rules: working hours, absences, conflicts and free slots at their limits (R-REQ-3,
R-MNT-1)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk.context import Actor, acting_as
from servicedesk.errors import NotFound, PermissionDenied, ValidationError
from servicedesk.models import Absence, Team, WorkingHours
from servicedesk.permissions import Role
from servicedesk.services import scheduling
from servicedesk.services.scheduling import Slot

from .scheduling_world import MON, at, make_office

T = dt.time


@pytest.fixture
def office(db):
    _team, anna, bruno, book = make_office()
    return anna, bruno, book


def kinds(conflicts) -> list[str]:
    return [c.kind for c in conflicts]


def codes(info) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in info.value.errors]


# -- working hours ------------------------------------------------------------------------------
def test_own_hours_any_weekday_monday_to_sunday(office):
    """R-REQ-3: an operator's hours may be set for any day from Monday (0) to Sunday (6); other
    weekdays are refused, each bad line reported once."""
    anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(6, T(9), T(13))])
    sunday = MON + dt.timedelta(days=6)
    assert scheduling.check_conflicts(anna.id, at(sunday, "10:00"), at(sunday, "11:00")) == []
    assert scheduling.is_working_day(anna.id, sunday) and not scheduling.is_working_day(anna.id, MON)
    for weekday in (7, -1):
        with pytest.raises(ValidationError) as info:
            scheduling.set_working_hours(anna.id, [(weekday, T(8), T(12)), (weekday, T(11), T(13))])
        assert codes(info) == [("weekday", "invalid_choice")] * 2
    assert scheduling.week_of(anna.id) == {6: [(T(9), T(13))]}  # nothing replaced


def test_own_hours_periods_may_touch_but_not_overlap_nor_be_empty(office):
    anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(0, T(12), T(14)), (0, T(8), T(12))])  # any order
    assert scheduling.week_of(anna.id) == {0: [(T(8), T(12)), (T(12), T(14))]}
    with pytest.raises(ValidationError) as info:
        scheduling.set_working_hours(anna.id, [(0, T(11), T(13)), (0, T(8), T(12))])
    assert codes(info) == [("start", "scheduling.hours_overlap")]
    with pytest.raises(ValidationError) as info:
        scheduling.set_working_hours(anna.id, [(0, T(8), T(8))])
    assert codes(info) == [("end", "end_before_start")]
    with pytest.raises(ValidationError) as info:  # the inverted line only, not also an overlap
        scheduling.set_working_hours(anna.id, [(0, T(9), T(8)), (0, T(8, 30), T(12))])
    assert codes(info) == [("end", "end_before_start")]


def test_only_the_board_editor_sets_hours_for_an_existing_operator(office):
    anna, _, _ = office
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            scheduling.set_working_hours(anna.id, [(0, T(8), T(12))])
    with pytest.raises(NotFound):
        scheduling.set_working_hours(anna.id + 100, [(0, T(8), T(12))])
    assert not scheduling.has_own_hours(anna.id)


def test_own_hours_belong_to_their_operator_only(office):
    anna, bruno, _ = office
    scheduling.set_working_hours(anna.id, [(5, T(8), T(12))])
    assert scheduling.has_own_hours(anna.id) and not scheduling.has_own_hours(bruno.id)
    assert scheduling.check_conflicts(bruno.id, at(MON, "09:00"), at(MON, "10:00")) == []


def test_hours_stored_in_any_order_are_read_in_order(office):
    """Rows written by an import or the demo come in any order: a long job spanning lunch still
    fits between the first start and the last end of the day."""
    anna, _, _ = office
    WorkingHours.create(operator=anna, weekday=0, start=T(14), end=T(18))
    WorkingHours.create(operator=anna, weekday=0, start=T(8), end=T(12))
    assert scheduling.week_of(anna.id)[0] == [(T(8), T(12)), (T(14), T(18))]
    assert scheduling.check_conflicts(anna.id, at(MON, "08:00"), at(MON, "17:00")) == []


# -- what fits the working time ------------------------------------------------------------------
def test_a_job_as_long_as_a_period_must_fit_inside_one(office):
    """Straddling lunch is allowed only for a job longer than every period of the day."""
    anna, _, _ = office
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "10:30"), at(MON, "14:30"))) == [
        "outside_hours"]  # 4 h, as long as a period
    assert scheduling.check_conflicts(anna.id, at(MON, "08:30"), at(MON, "14:30")) == []
    assert scheduling.check_conflicts(anna.id, at(MON, "11:30"), at(MON, "17:30")) == []
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "08:15"), at(MON, "14:30"))) == [
        "outside_hours"]
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "11:30"), at(MON, "17:45"))) == [
        "outside_hours"]


def test_long_jobs_are_measured_against_the_longest_period(office):
    """With periods of 2, 2 and 4 hours, a 3-hour job must still fit inside the 4-hour one; a
    9-hour job may span the whole day, from the first start to the last end."""
    anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(0, T(8), T(10)), (0, T(11), T(13)), (0, T(14), T(18))])
    assert scheduling.check_conflicts(anna.id, at(MON, "14:30"), at(MON, "17:30")) == []
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "12:00"))) == [
        "outside_hours"]
    assert scheduling.check_conflicts(anna.id, at(MON, "08:00"), at(MON, "17:00")) == []
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "08:00"), at(MON, "18:30"))) == [
        "outside_hours"]


def test_a_job_over_two_days_is_outside_working_hours(office):
    anna, _, _ = office
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "17:00"), at(MON, "09:00", days=1))) == [
        "outside_hours"]
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "15:00"), at(MON, "00:00", days=1))) == [
        "outside_hours"]


def test_an_empty_interval_is_refused(office):
    anna, _, _ = office
    with pytest.raises(ValidationError):
        scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "09:00"))


# -- absences -----------------------------------------------------------------------------------
def test_absence_validation_lists_every_problem(office):
    anna, _, _ = office
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "holiday", None, None)
    assert codes(info) == [("start", "required"), ("end", "required")]
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "holiday", None, at(MON, "10:00"))
    assert codes(info) == [("start", "required")]
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "holiday", at(MON, "10:00"), at(MON, "10:00"))
    assert codes(info) == [("end", "end_before_start")]
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "sick", at(MON, "00:00"), at(MON, "00:00", days=367))
    assert codes(info) == [("end", "scheduling.absence_too_long")]
    assert info.value.errors[0].params == {"days": 366}
    with pytest.raises(ValidationError) as info:
        scheduling.add_absence(anna.id, "training", at(MON, "09:00"), at(MON, "10:00"), "x" * 201)
    assert codes(info) == [("note", "too_long")] and info.value.errors[0].params == {"max": 200}
    with pytest.raises(NotFound):
        scheduling.add_absence(anna.id + 100, "holiday", at(MON, "09:00"), at(MON, "10:00"))
    assert Absence.select().count() == 0


def test_absence_limits_are_accepted(office):
    """A year's leave of 366 days and a note of 200 characters are accepted; no note is fine."""
    anna, _, _ = office
    year = scheduling.add_absence(anna.id, "sick", at(MON, "00:00"), at(MON, "00:00", days=366))
    noted = scheduling.add_absence(anna.id, "training", at(MON, "09:00"), at(MON, "10:00"),
                                   "x" * 200)
    padded = scheduling.add_absence(anna.id, "training", at(MON, "09:00"), at(MON, "10:00"),
                                    "  corso PLC ")
    bare = scheduling.add_absence(anna.id, "other", at(MON, "09:00"), at(MON, "10:00"), None)
    assert [Absence.get_by_id(a.id).note for a in (noted, padded, bare)] == ["x" * 200, "corso PLC", ""]
    assert Absence.get_by_id(year.id).end == at(MON, "00:00", days=366)


def test_editing_an_absence_is_checked_and_saved(office):
    anna, _, _ = office
    absence = scheduling.add_absence(anna.id, "holiday", at(MON, "09:00"), at(MON, "12:00"))
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            scheduling.update_absence(absence, kind="holiday", start=at(MON, "10:00"),
                                      end=at(MON, "12:00"))
        with pytest.raises(PermissionDenied):
            scheduling.delete_absence(absence.id)
    with pytest.raises(ValidationError):
        scheduling.update_absence(absence, kind="holiday", start=at(MON, "12:00"), end=at(MON, "11:00"))
    scheduling.update_absence(Absence.get_by_id(absence.id), kind="sick", start=at(MON, "10:00"),
                              end=at(MON, "12:00"), note="  febbre ")
    stored = Absence.get_by_id(absence.id)
    assert (stored.kind, stored.start, stored.note) == ("sick", at(MON, "10:00"), "febbre")
    assert Absence.select().count() == 1


def test_back_to_back_absences_and_bookings_do_not_conflict(office):
    """An absence or an intervention that ends when the job starts, or starts when it ends,
    leaves the job free."""
    anna, _, book = office
    scheduling.add_absence(anna.id, "other", at(MON, "08:30"), at(MON, "09:00"))
    book(anna, at(MON, "10:00"), at(MON, "11:00"))
    assert scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "10:00")) == []
    assert kinds(scheduling.check_conflicts(anna.id, at(MON, "08:45"), at(MON, "10:15"))) == [
        "double_booking", "absence"]
    scheduling.add_absence(anna.id, "other", at(MON, "12:00"), at(MON, "12:30"))
    assert scheduling.check_conflicts(anna.id, at(MON, "11:00"), at(MON, "12:00")) == []


def test_a_two_week_job_blocks_its_last_day(office):
    """R-REQ-3: an installation of 14 days (the longest allowed) still occupies its operator
    on its last day."""
    anna, _, book = office
    long_job = book(anna, at(MON, "10:30"), at(MON, "10:30", days=14))
    conflicts = scheduling.check_conflicts(anna.id, at(MON, "08:30", days=14), at(MON, "10:00", days=14))
    assert [(c.kind, c.other_intervention_id) for c in conflicts] == [("double_booking", long_job.id)]


# -- free slots ---------------------------------------------------------------------------------
WED = dt.date(2026, 3, 4)  # a Wednesday: 13 and 14 days later are Tuesday and Wednesday


def test_free_slots_are_looked_for_within_the_horizon_only(office):
    """Fourteen days by default: after 13 days of absence the 14th day is offered, after 14
    days nothing; a longer horizon finds the day after."""
    anna, bruno, _ = office
    scheduling.add_absence(anna.id, "holiday", at(WED, "00:00"), at(WED, "00:00", days=13))
    assert scheduling.free_slots(anna.id, 60, at(WED, "08:00"), limit=1) == [
        Slot(anna.id, at(WED, "08:30", days=13), at(WED, "09:30", days=13))]
    scheduling.add_absence(bruno.id, "holiday", at(WED, "00:00"), at(WED, "00:00", days=14))
    assert scheduling.free_slots(bruno.id, 60, at(WED, "08:00")) == []
    assert scheduling.free_slots(bruno.id, 60, at(WED, "08:00"), horizon_days=15, limit=1)[0].start == \
        at(WED, "08:30", days=14)
    assert scheduling.free_slots(bruno.id, 60, at(WED, "08:00"), horizon_days=10_000) != []


def test_a_horizon_of_zero_or_one_day_looks_at_that_day_only(office):
    anna, _, book = office
    assert scheduling.free_slots(anna.id, 60, at(MON, "16:00"), horizon_days=0) == [
        Slot(anna.id, at(MON, "16:00"), at(MON, "17:00"))]
    book(anna, at(MON, "16:00"), at(MON, "17:30"))
    assert scheduling.free_slots(anna.id, 60, at(MON, "16:00"), horizon_days=1) == []
    assert scheduling.free_slots(anna.id, 60, at(MON, "16:00"), horizon_days=2)[0].start == \
        at(MON, "08:30", days=1)


def test_five_proposals_by_default_one_per_free_gap(office):
    """R-REQ-3: without a limit, five slots; a day of two periods gives two of them."""
    anna, _, _ = office
    slots = scheduling.free_slots(anna.id, 60, at(MON, "08:00"))
    assert [s.start for s in slots] == [at(MON, "08:30"), at(MON, "13:30"), at(MON, "08:30", days=1),
                                        at(MON, "13:30", days=1), at(MON, "08:30", days=2)]
    assert scheduling.free_slots(anna.id, 60, at(MON, "08:00"), limit=0) == []
    assert len(scheduling.free_slots(anna.id, 60, at(MON, "08:00"), limit=1)) == 1
    assert len(scheduling.free_slots(anna.id, 60, at(MON, "08:00"), limit=3)) == 3


def test_the_slot_limit_holds_within_one_day_of_many_gaps(office):
    """Bookings that cut a day into several gaps still give only ``limit`` proposals."""
    anna, _, book = office
    book(anna, at(MON, "09:30"), at(MON, "10:00"))
    book(anna, at(MON, "11:00"), at(MON, "11:30"))
    book(anna, at(MON, "14:30"), at(MON, "15:00"))
    slots = scheduling.free_slots(anna.id, 30, at(MON, "08:00"), limit=2)
    assert slots == [Slot(anna.id, at(MON, "08:30"), at(MON, "09:00")),
                     Slot(anna.id, at(MON, "10:00"), at(MON, "10:30"))]
    slots = scheduling.free_slots(anna.id, 30, at(MON, "08:00"), limit=4)
    assert [s.start for s in slots] == [at(MON, "08:30"), at(MON, "10:00"), at(MON, "11:30"),
                                        at(MON, "13:30")]


def test_slots_go_around_bookings_and_absences_in_any_order(office):
    """A gap is what is left of a period once every booking and absence is taken out, whatever
    order they were entered in; the start is rounded up to the quarter hour."""
    anna, _, book = office
    scheduling.add_absence(anna.id, "other", at(MON, "10:40"), at(MON, "11:10"))
    book(anna, at(MON, "08:30"), at(MON, "09:05"))
    slots = scheduling.free_slots(anna.id, 60, at(MON, "08:00"), limit=3)
    assert slots == [Slot(anna.id, at(MON, "09:15"), at(MON, "10:15")),
                     Slot(anna.id, at(MON, "11:15"), at(MON, "12:15")),
                     Slot(anna.id, at(MON, "13:30"), at(MON, "14:30"))]
    # a booking that covers a whole period leaves nothing of it
    book(anna, at(MON, "13:00"), at(MON, "18:00"))
    assert [s.start for s in scheduling.free_slots(anna.id, 60, at(MON, "11:00"), limit=2)] == [
        at(MON, "11:15"), at(MON, "08:30", days=1)]


def test_a_slot_may_end_exactly_when_the_period_or_the_next_booking_does(office):
    anna, _, book = office
    book(anna, at(MON, "10:30"), at(MON, "12:30"))
    slots = scheduling.free_slots(anna.id, 120, at(MON, "08:30"), limit=2)
    assert slots == [Slot(anna.id, at(MON, "08:30"), at(MON, "10:30")),
                     Slot(anna.id, at(MON, "13:30"), at(MON, "15:30"))]
    # a job as long as a period is placed inside one, not across lunch
    slots = scheduling.free_slots(anna.id, 240, at(MON, "12:00", days=1), limit=1)
    assert slots == [Slot(anna.id, at(MON, "13:30", days=1), at(MON, "17:30", days=1))]


def test_slot_search_rejects_an_empty_duration(office):
    anna, _, _ = office
    for minutes in (0, -15, None):
        with pytest.raises(ValidationError):
            scheduling.free_slots(anna.id, minutes, at(MON, "08:00"))
    assert scheduling.free_slots(anna.id, 1, at(MON, "08:00"), limit=1)[0].start == at(MON, "08:30")


def test_a_team_without_active_operators_has_no_slots(office):
    anna, bruno, _ = office
    empty = Team.create(name="Sud")
    assert scheduling.free_slots(None, 60, at(MON, "08:00"), team_id=empty.id) == []
    bruno.active = False
    bruno.save()
    slots = scheduling.free_slots(None, 60, at(MON, "08:00"), team_id=anna.team_id, limit=5)
    assert {s.operator_id for s in slots} == {anna.id}


# -- issue #20: more of the board rules ---------------------------------------------------------
def test_an_absence_another_workstation_deleted_cannot_be_edited_and_deleting_it_again_is_harmless(office):
    """R-X-1: the edit is refused with a conflict saying the absence is gone; a second delete
    does nothing; a technician may do neither."""
    from servicedesk.errors import ConflictError

    anna, _, _ = office
    absence = scheduling.add_absence(anna.id, "holiday", at(MON, "09:00"), at(MON, "12:00"))
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            scheduling.edit_absence(absence.id, absence.version, kind="sick",
                                    start=at(MON, "09:00"), end=at(MON, "12:00"))
    scheduling.delete_absence(absence.id, absence.version)  # the other workstation
    with pytest.raises(ConflictError) as info:
        scheduling.edit_absence(absence.id, absence.version, kind="sick",
                                start=at(MON, "09:00"), end=at(MON, "12:00"))
    assert info.value.deleted
    scheduling.delete_absence(absence.id, absence.version)
    assert Absence.select().count() == 0


def test_a_slot_longer_than_every_period_spans_the_working_day_across_both_breaks(office):
    """Periods of 2, 2 and 4 hours on Monday: a 9-hour job is proposed from 08:00 to 17:00,
    across both breaks."""
    anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(0, T(8), T(10)), (0, T(11), T(13)), (0, T(14), T(18))])
    slots = scheduling.free_slots(anna.id, 9 * 60, at(MON, "07:00"), limit=1, horizon_days=1)
    assert slots == [Slot(anna.id, at(MON, "08:00"), at(MON, "17:00"))]


def test_why_no_slot_names_the_longest_working_day(office):
    """A ten-hour Monday (three periods) and a three-hour Tuesday: an eleven-hour job is longer
    than any day (10 hours); a job of exactly ten hours is not, the day is booked instead."""
    anna, _, book = office
    scheduling.set_working_hours(anna.id, [(0, T(8), T(10)), (0, T(11), T(13)), (0, T(14), T(18)),
                                           (1, T(9), T(12))])
    assert scheduling.why_no_slots(anna.id, 11 * 60, at(MON, "07:00"), horizon_days=2) == (
        "longer_than_day", {"hours": 10.0})
    book(anna, at(MON, "08:00"), at(MON, "09:00"))
    assert scheduling.why_no_slots(anna.id, 10 * 60, at(MON, "07:00"), horizon_days=2) == (
        "fully_booked", {"days": 2})
    scheduling.set_working_hours(anna.id, [(0, T(8), T(15, 45))])
    assert scheduling.why_no_slots(anna.id, 8 * 60, at(MON, "07:00"), horizon_days=1) == (
        "longer_than_day", {"hours": 7.8})  # 7 h 45 to one decimal


def test_why_no_slot_without_anyone_to_ask(office):
    anna, _, _ = office
    assert scheduling.why_no_slots(None, 60, at(MON, "07:00"), horizon_days=14) == ("no_operator", {})
    empty = Team.create(name="Vuoto")
    assert scheduling.why_no_slots(None, 60, at(MON, "07:00"), horizon_days=14, team_id=empty.id) == (
        "team_empty", {})


def test_why_no_slot_looks_at_one_day_at_least(office):
    """A horizon of 0 days is one day (as in the slot search): absent all Monday → absent."""
    anna, _, _ = office
    scheduling.add_absence(anna.id, "holiday", at(MON, "00:00"), at(MON, "00:00", 1))
    assert scheduling.why_no_slots(anna.id, 60, at(MON, "07:00"), horizon_days=0) == (
        "absent", {"days": 1})


def test_why_no_slot_tells_absent_from_booked_by_the_whole_working_day(office):
    """Absent from 08:00 to 17:00 on a day of 8–10, 11–13, 14–18: the last hour is free, so the
    day counts as booked, not as an absence; absent until 18:00 it is an absence."""
    anna, _, _ = office
    scheduling.set_working_hours(anna.id, [(0, T(8), T(10)), (0, T(11), T(13)), (0, T(14), T(18))])
    scheduling.add_absence(anna.id, "holiday", at(MON, "08:00"), at(MON, "17:00"))
    assert scheduling.why_no_slots(anna.id, 60, at(MON, "07:00"), horizon_days=1)[0] == "fully_booked"
    scheduling.delete_absence(Absence.get().id)
    scheduling.add_absence(anna.id, "holiday", at(MON, "08:00"), at(MON, "18:00"))
    assert scheduling.why_no_slots(anna.id, 60, at(MON, "07:00"), horizon_days=1)[0] == "absent"
    scheduling.delete_absence(Absence.get().id)
    scheduling.add_absence(anna.id, "holiday", at(MON, "09:00"), at(MON, "18:00"))  # 8–9 free
    assert scheduling.why_no_slots(anna.id, 60, at(MON, "07:00"), horizon_days=1)[0] == "fully_booked"
