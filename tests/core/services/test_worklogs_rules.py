"""Work-log rules at their limits: a day of 16 hours, km, notes, dates, the day total, overlaps,
permissions, entries another workstation deleted, totals (R-LOG-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from servicedesk.models import (ActivityType, Intervention, Operator, Party, Priority,
                                ServiceRequest, WorkLog)
from servicedesk.permissions import Role
from servicedesk.queries import worklogs as worklog_queries
from servicedesk.services import worklogs
from servicedesk.services.worklogs import WorklogInput, WorklogOverlapError

DAY = dt.date(2026, 3, 4)
T = dt.time


@pytest.fixture
def w(db):
    clock.freeze(dt.datetime(2026, 3, 4, 18, 0))
    anna = Operator.create(username="anna", full_name="Anna Rossi")
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi")
    party = Party.create(code="C1", name="Officine Meccaniche")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="normal"), opened_at=dt.datetime(2026, 3, 1, 9))
    other = ServiceRequest.create(number="RS-2026-000002", customer=party,
                                  priority=Priority.get(code="normal"), opened_at=dt.datetime(2026, 3, 1, 9))
    return dict(req=req, other=other, anna=anna, bruno=bruno, repair=ActivityType.get(code="repair"))


def entry(w, op=None, **kw) -> WorklogInput:
    base = dict(operator_id=(op or w["anna"]).id, work_date=DAY, activity_type_id=w["repair"].id,
                start_time=T(9), end_time=T(11))
    base.update(kw)
    return WorklogInput(**base)


def minutes_only(w, minutes, **kw) -> WorklogInput:
    return entry(w, start_time=None, end_time=None, minutes=minutes, **kw)


def refused(w, data, request=None) -> list[tuple[str, str, dict]]:
    with pytest.raises(ValidationError) as info:
        worklogs.create((request or w["req"]).id, data)
    return [(e.field, e.code, e.params) for e in info.value.errors]


def test_sixteen_hours_is_the_most_one_entry_can_hold(w):
    """R-LOG-1: 16 hours of work or of travel in one entry is accepted, a minute more is a
    typing mistake."""
    HOURS = {"hours": 16}
    assert refused(w, minutes_only(w, 16 * 60 + 1)) == [("minutes", "worklogs.too_many_hours", HOURS)]
    assert refused(w, minutes_only(w, 10, travel_minutes=16 * 60 + 1)) == [
        ("travel_minutes", "worklogs.too_many_hours", HOURS)]
    assert worklogs.create(w["req"].id, minutes_only(w, 16 * 60)).minutes == 960
    assert worklogs.create(w["req"].id, minutes_only(w, 0, travel_minutes=16 * 60,
                                                     work_date=DAY - dt.timedelta(days=1))).travel_minutes == 960


def test_the_day_total_of_an_operator_is_at_most_sixteen_hours_travel_included(w):
    """R-LOG-1: work and travel of all the operator's entries of the day add up to 16 hours at
    most; the message says how much would be logged."""
    worklogs.create(w["req"].id, minutes_only(w, 10 * 60, travel_minutes=2 * 60))
    assert refused(w, minutes_only(w, 4 * 60 + 30)) == [
        ("minutes", "worklogs.day_too_long", {"hours": 16, "logged": 16.5})]
    assert refused(w, minutes_only(w, 4 * 60 + 1), request=w["other"])[0][1] == "worklogs.day_too_long"
    worklogs.create(w["other"].id, minutes_only(w, 3 * 60, travel_minutes=60))  # exactly 16 h
    worklogs.create(w["req"].id, minutes_only(w, 8 * 60, work_date=DAY - dt.timedelta(days=1)))
    worklogs.create(w["req"].id, minutes_only(w, 8 * 60, op=w["bruno"]))  # another operator
    assert WorkLog.select().count() == 4


def test_editing_an_entry_does_not_count_it_twice_in_the_day(w):
    first = worklogs.create(w["req"].id, minutes_only(w, 10 * 60))
    worklogs.create(w["req"].id, minutes_only(w, 4 * 60))
    worklogs.update(first, minutes_only(w, 12 * 60))  # 12 + 4 = 16 h
    assert WorkLog.get_by_id(first.id).minutes == 720
    with pytest.raises(ValidationError) as info:
        worklogs.update(WorkLog.get_by_id(first.id), minutes_only(w, 12 * 60 + 1))
    assert info.value.errors[0].code == "worklogs.day_too_long"


def test_the_travel_of_the_new_entry_counts_in_the_day_total(w):
    """R-LOG-1: 10 h logged, then 4 h 50 of work and 1 h 30 of travel: 16 h 20 would be logged,
    refused, and the message says 16.3 hours."""
    worklogs.create(w["req"].id, minutes_only(w, 10 * 60))
    assert refused(w, minutes_only(w, 4 * 60 + 50, travel_minutes=90)) == [
        ("minutes", "worklogs.day_too_long", {"hours": 16, "logged": 16.3})]


def test_an_edit_in_the_form_that_overlaps_another_entry_is_warned_unless_confirmed(w):
    """The form's write path (entry id and the version the user saw) warns like a new entry."""
    worklogs.create(w["req"].id, entry(w))  # 09–11
    second = worklogs.create(w["req"].id, entry(w, start_time=T(14), end_time=T(15)))
    with pytest.raises(WorklogOverlapError):
        worklogs.update_entry(second.id, second.version, entry(w, start_time=T(10), end_time=T(15)))
    assert WorkLog.get_by_id(second.id).start_time == T(14)
    worklogs.update_entry(second.id, second.version, entry(w, start_time=T(10), end_time=T(15)),
                          allow_overlap=True)
    assert WorkLog.get_by_id(second.id).start_time == T(10)


def test_a_bad_field_on_a_full_day_is_reported_alone(w):
    """The day total is checked only for an entry that is otherwise valid."""
    worklogs.create(w["req"].id, minutes_only(w, 16 * 60))
    assert refused(w, minutes_only(w, 60, km="-1")) == [("km", "negative", {})]


def test_km_up_to_three_thousand_with_a_decimal_comma(w):
    assert refused(w, entry(w, km="3000,5")) == [("km", "worklogs.too_many_km", {"max": 3000})]
    for bad in ("NaN", "Infinity", "12 km"):
        assert refused(w, entry(w, km=bad)) == [("km", "invalid_number", {})]
    worklogs.create(w["req"].id, entry(w, km="3000", start_time=T(6), end_time=T(7)))
    worklogs.create(w["req"].id, entry(w, km="", start_time=T(7), end_time=T(8)))
    worklogs.create(w["req"].id, entry(w, km=None, start_time=T(8), end_time=T(9)))
    assert [e.km for e in WorkLog.select().order_by(WorkLog.start_time)] == [
        Decimal("3000"), Decimal("0"), Decimal("0")]


def test_notes_up_to_five_thousand_characters(w):
    assert refused(w, entry(w, notes="n" * 5001)) == [("notes", "too_long", {"max": 5000})]
    e = worklogs.create(w["req"].id, entry(w, notes=" " + "n" * 4999 + "\x00"))
    assert WorkLog.get_by_id(e.id).notes == "n" * 4999


def test_work_date_from_ten_years_ago_to_today(w):
    """R-LOG-1: no entry in the future; an entry older than 3660 days is a typing mistake."""
    assert refused(w, entry(w, work_date=DAY + dt.timedelta(days=1))) == [
        ("work_date", "worklogs.future_date", {})]
    assert refused(w, entry(w, work_date=DAY - dt.timedelta(days=3661))) == [
        ("work_date", "invalid_date", {})]
    worklogs.create(w["req"].id, entry(w, work_date=DAY - dt.timedelta(days=3660)))
    worklogs.create(w["req"].id, entry(w, work_date=DAY))
    assert WorkLog.select().count() == 2


def test_start_and_end_come_together_and_give_the_minutes(w):
    assert refused(w, entry(w, end_time=None))[0] == ("end_time", "required", {})
    assert refused(w, entry(w, start_time=None))[0] == ("start_time", "required", {})
    assert refused(w, entry(w, start_time=T(9, 15), end_time=T(9, 15))) == [
        ("end_time", "end_before_start", {})]
    assert worklogs.create(w["req"].id, entry(w, start_time=T(9, 15), end_time=T(10, 45))).minutes == 90
    assert worklogs.create(w["req"].id, entry(w, start_time=T(11, 59), end_time=T(12, 0))).minutes == 1


def test_every_missing_or_unknown_field_is_listed_at_once(w):
    blank = WorklogInput(operator_id=None, work_date=None, activity_type_id=None)
    assert [(f, c) for f, c, _ in refused(w, blank)] == [
        ("operator", "required"), ("activity_type", "required"), ("work_date", "required"),
        ("minutes", "required")]
    unknown = entry(w, operator_id=9999, activity_type_id=9999)
    assert refused(w, unknown) == [("operator", "invalid_choice", {"value": 9999}),
                                   ("activity_type", "invalid_choice", {"value": 9999})]
    empty = minutes_only(w, 0, km="-2")
    assert [(f, c) for f, c, _ in refused(w, empty)] == [("minutes", "worklogs.empty"), ("km", "negative")]
    with pytest.raises(NotFound):
        worklogs.create(9999, entry(w))


def test_travel_alone_is_an_entry(w):
    e = worklogs.create(w["req"].id, minutes_only(w, 0, travel_minutes=45))
    assert (e.minutes, e.travel_minutes) == (0, 45)


def test_an_entry_may_name_only_an_intervention_of_its_request(w):
    item = Intervention.create(request=w["other"], activity_type=w["repair"], operator=w["anna"],
                               planned_start=dt.datetime(2026, 3, 4, 9), planned_end=dt.datetime(2026, 3, 4, 10))
    assert refused(w, entry(w, intervention_id=item.id)) == [
        ("intervention", "invalid_choice", {"value": item.id})]
    assert worklogs.create(w["other"].id, entry(w, intervention_id=item.id)).intervention_id == item.id


def test_back_to_back_entries_do_not_overlap_and_minutes_only_never_do(w):
    """Overlaps are warned (R-LOG-1): an entry starting when the other ends is not one, nor an
    entry without times; the warning counts the entries it overlaps."""
    worklogs.create(w["req"].id, entry(w))  # 09–11
    worklogs.create(w["req"].id, entry(w, start_time=T(11), end_time=T(12)))
    worklogs.create(w["req"].id, entry(w, start_time=T(8), end_time=T(9)))
    worklogs.create(w["req"].id, minutes_only(w, 60))
    with pytest.raises(WorklogOverlapError) as info:
        worklogs.create(w["req"].id, entry(w, start_time=T(8, 30), end_time=T(11, 30)))
    assert info.value.params == {"count": 3} and len(info.value.overlapping) == 3


def test_an_edit_that_overlaps_another_entry_is_warned_unless_confirmed(w):
    first = worklogs.create(w["req"].id, entry(w))  # 09–11
    second = worklogs.create(w["req"].id, entry(w, start_time=T(14), end_time=T(15)))
    worklogs.update(first, entry(w, start_time=T(9), end_time=T(12), notes="più lungo"))  # itself
    with pytest.raises(WorklogOverlapError) as info:
        worklogs.update(WorkLog.get_by_id(second.id), entry(w, start_time=T(11), end_time=T(15)))
    assert [e.id for e in info.value.overlapping] == [first.id]
    assert WorkLog.get_by_id(second.id).start_time == T(14)
    worklogs.update(WorkLog.get_by_id(second.id), entry(w, start_time=T(11), end_time=T(15)),
                    allow_overlap=True)
    assert WorkLog.get_by_id(second.id).start_time == T(11)


def test_a_technician_edits_and_deletes_only_his_own_entries(w):
    """R-LOG-1: "log own time" lets a technician edit his own entries only — neither another
    operator's entry, nor his own one moved to another operator."""
    anna, bruno = w["anna"], w["bruno"]
    hers = worklogs.create(w["req"].id, entry(w))
    his = worklogs.create(w["req"].id, entry(w, op=bruno))
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            worklogs.update(WorkLog.get_by_id(his.id), entry(w, op=bruno, notes="x"))
        with pytest.raises(PermissionDenied):
            worklogs.update(WorkLog.get_by_id(hers.id), entry(w, op=bruno))
        with pytest.raises(PermissionDenied):
            worklogs.delete(WorkLog.get_by_id(his.id))
        worklogs.update(WorkLog.get_by_id(hers.id), entry(w, notes="Ricambio ordinato"))
        worklogs.delete(WorkLog.get_by_id(hers.id))
    assert [e.id for e in WorkLog.select()] == [his.id]


def test_editing_or_deleting_an_entry_another_workstation_deleted_is_a_conflict(w):
    """R-X-1: the entry is gone: the edit is refused with a conflict that says so, nothing is
    written back."""
    e = worklogs.create(w["req"].id, entry(w))
    mine = WorkLog.get_by_id(e.id)
    worklogs.delete(WorkLog.get_by_id(e.id))  # the other workstation
    with pytest.raises(ConflictError) as info:
        worklogs.update(mine, entry(w, notes="mia modifica"))
    assert info.value.deleted
    with pytest.raises(ConflictError) as info:
        worklogs.delete(mine)
    assert info.value.deleted
    assert WorkLog.select().count() == 0


def test_totals_of_a_request(w):
    """R-LOG-2: billable and other minutes, travel, km to one decimal, entries; all zero
    without entries."""
    assert worklog_queries.totals(w["req"].id) == worklog_queries.Totals(0, 0, 0, Decimal("0.0"), 0)
    worklogs.create(w["req"].id, entry(w, km="10,25", travel_minutes=20))
    worklogs.create(w["req"].id, minutes_only(w, 30, billable=False, km="2,3", travel_minutes=10))
    t = worklog_queries.totals(w["req"].id)
    assert (t.billable_minutes, t.non_billable_minutes, t.minutes, t.travel_minutes, t.km, t.entries) == (
        120, 30, 150, 30, Decimal("12.6"), 2)
    assert str(t.km) == "12.6"


def test_prefill_from_an_intervention(w):
    """The one-click log of "my day": actual times of a done intervention (seconds dropped);
    a visit over two days gives the activity's usual minutes on its first day; an
    intervention without dates is logged today."""
    done = Intervention.create(request=w["req"], activity_type=w["repair"], operator=w["anna"],
                               planned_start=dt.datetime(2026, 3, 3, 9), planned_end=dt.datetime(2026, 3, 3, 10),
                               actual_start=dt.datetime(2026, 3, 3, 9, 10, 42),
                               actual_end=dt.datetime(2026, 3, 3, 11, 5, 9), status="done")
    data = worklog_queries.from_intervention(done.id)
    assert (data.work_date, data.start_time, data.end_time, data.minutes, data.operator_id) == (
        dt.date(2026, 3, 3), T(9, 10), T(11, 5), None, w["anna"].id)
    two_days = Intervention.create(request=w["req"], activity_type=w["repair"], operator=w["anna"],
                                   planned_start=dt.datetime(2026, 3, 2, 14),
                                   planned_end=dt.datetime(2026, 3, 3, 12))
    data = worklog_queries.from_intervention(two_days.id, operator_id=w["bruno"].id)
    assert (data.work_date, data.start_time, data.end_time, data.minutes, data.operator_id) == (
        dt.date(2026, 3, 2), None, None, w["repair"].default_minutes, w["bruno"].id)
    undated = Intervention.create(request=w["req"], activity_type=w["repair"], operator=w["anna"])
    assert worklog_queries.from_intervention(undated.id).work_date == DAY
    assert worklog_queries.logged_interventions([done.id, two_days.id]) == set()
    worklogs.create(w["req"].id, worklog_queries.from_intervention(done.id))
    assert worklog_queries.logged_interventions([done.id, two_days.id]) == {done.id}
    assert worklog_queries.logged_interventions([]) == set()
