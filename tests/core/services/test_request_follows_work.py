"""The request follows its work (#12, R-REQ-2, R-REQ-3): scheduling assigns a new request to the
technician, completing the last intervention suggests resolving; sensible defaults for new work;
the board's write path by id and version (#13, R-X-1); why no free slot was found."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.errors import ConflictError, PermissionDenied
from servicedesk.models import (Absence, ActivityType, Intervention, Operator, Party, Priority,
                                ProblemType, RequestEvent, ServiceRequest, Team, WorkLog)
from servicedesk.permissions import Role
from servicedesk.queries import board as board_reads
from servicedesk.queries import interventions as reads
from servicedesk.queries import worklogs as worklog_reads
from servicedesk.reference_data import reference
from servicedesk.services import interventions, requests, scheduling, worklogs

MON = dt.date(2026, 3, 2)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def setup(db):
    clock.freeze(at(MON, "08:00"))
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team, role="technician")
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", team=team, role="technician")
    party = Party.create(code="C1", name="Officine Meccaniche")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="high"), opened_at=at(MON, "07:00"),
                                problem_type=ProblemType.get(code="software"))
    return req, anna, bruno, ActivityType.get(code="repair")


def _schedule(req, operator_id=None, team_id=None, start="09:00", end="11:00", day=MON):
    return interventions.schedule(req.id, activity_type_id=ActivityType.get(code="repair").id,
                                  operator_id=operator_id, team_id=team_id,
                                  planned_start=at(day, start), planned_end=at(day, end))


def test_scheduling_a_technician_assigns_a_new_request_to_him(setup):
    req, anna, bruno, _ = setup
    result = _schedule(req, anna.id)
    fresh = req.reload()
    assert result.request_assigned and (fresh.status, fresh.owner_id) == ("assigned", anna.id)
    assert RequestEvent.select().where(RequestEvent.request == req, RequestEvent.kind == "status",
                                       RequestEvent.to_status == "assigned").count() == 1
    # the second intervention changes nothing: the request is no longer new
    second = _schedule(req, bruno.id, start="14:00", end="15:00")
    assert not second.request_assigned and req.reload().owner_id == anna.id


def test_an_owner_already_chosen_stays_and_team_work_assigns_nobody(setup):
    req, anna, bruno, _ = setup
    ServiceRequest.update(owner=bruno.id).where(ServiceRequest.id == req.id).execute()
    team_only = _schedule(req, team_id=anna.team_id)
    assert not team_only.request_assigned and req.reload().status == "new"
    _schedule(req, anna.id, start="14:00", end="15:00")
    assert (req.reload().status, req.reload().owner_id) == ("assigned", bruno.id)


def test_the_office_may_turn_it_off(setup):
    req, anna, _, _ = setup
    assert interventions.request_follows_work()
    with acting_as(Actor(anna.id, Role.COORDINATOR, "coordinator")), pytest.raises(PermissionDenied):
        interventions.set_request_follows_work(False)
    interventions.set_request_follows_work(False)
    assert not interventions.request_follows_work()
    result = _schedule(req, anna.id)
    assert not result.request_assigned and req.reload().status == "new"
    interventions.set_request_follows_work(True)
    assert interventions.request_follows_work()


def test_completing_the_last_open_intervention_suggests_resolving(setup):
    req, anna, bruno, _ = setup
    a = _schedule(req, anna.id).intervention
    b = _schedule(req, bruno.id, start="14:00", end="15:00").intervention
    clock.freeze(at(MON, "18:00"))
    step = interventions.complete_intervention(a.id, a.reload().version, actual_start=at(MON, "09:00"),
                                               actual_end=at(MON, "10:00"), report="Fatto.")
    assert step.status == "done" and not step.suggest_resolve  # b is still planned
    step = interventions.complete_intervention(b.id, b.reload().version, actual_start=at(MON, "14:00"),
                                               actual_end=at(MON, "15:00"), report="Verificato.")
    assert step.suggest_resolve and step.request_id == req.id
    # a request already resolved is not suggested again
    c = _schedule(req, anna.id, start="16:00", end="17:00", day=MON + dt.timedelta(days=1)).intervention
    requests.change_status(req.reload(), "resolved", final_report="Risolto.")
    clock.freeze(at(MON + dt.timedelta(days=1), "18:00"))
    step = interventions.complete_intervention(c.id, c.reload().version,
                                               actual_start=at(MON + dt.timedelta(days=1), "16:00"),
                                               actual_end=at(MON + dt.timedelta(days=1), "17:00"),
                                               report="Controllo.")
    assert not step.suggest_resolve


def test_writes_by_id_refuse_what_the_user_did_not_see(setup, other_workstation):
    """Another workstation moved the intervention after the board showed it (R-X-1)."""
    req, anna, bruno, _ = setup
    item = _schedule(req, anna.id).intervention
    seen = item.reload().version
    other_workstation(req._meta.database, "UPDATE intervention SET planned_start = ?, "
                      "version = version + 1 WHERE id = ?", ("2026-03-02 10:00:00", item.id))
    with pytest.raises(ConflictError) as info:
        interventions.reschedule_intervention(item.id, seen, operator_id=bruno.id,
                                              planned_start=at(MON, "15:00"), planned_end=at(MON, "16:00"))
    assert {c.field for c in info.value.changes} >= {"planned_start", "operator"}
    assert (item.reload().operator_id, item.reload().planned_start) == (anna.id, at(MON, "10:00"))
    fresh = item.reload()
    result = interventions.reschedule_intervention(fresh.id, fresh.version, operator_id=bruno.id,
                                                   planned_start=at(MON, "15:00"),
                                                   planned_end=at(MON, "16:00"))
    assert result.version == fresh.version + 1 and item.reload().operator_id == bruno.id
    with pytest.raises(ConflictError):
        interventions.start_intervention(item.id, fresh.version)
    with pytest.raises(ConflictError):
        interventions.cancel_intervention(item.id, fresh.version)
    step = interventions.cancel_intervention(item.id, result.version, "annullato")
    assert step.status == "cancelled" and item.reload().status == "cancelled"


def test_absences_and_work_logs_by_id_and_version(setup):
    req, anna, _, repair = setup
    absence = scheduling.add_absence(anna.id, "holiday", at(MON, "00:00"), at(MON, "23:59"))
    seen = absence.version
    scheduling.edit_absence(absence.id, seen, kind="sick", start=at(MON, "00:00"), end=at(MON, "23:59"))
    with pytest.raises(ConflictError):
        scheduling.edit_absence(absence.id, seen, kind="training", start=at(MON, "00:00"),
                                end=at(MON, "12:00"))
    with pytest.raises(ConflictError):
        scheduling.delete_absence(absence.id, seen)
    assert Absence.get_by_id(absence.id).kind == "sick"
    scheduling.delete_absence(absence.id, seen + 1)
    assert not Absence.select().exists()
    assert [a.kind for a in board_reads.absences_of(anna.id, at(MON, "00:00"))] == []

    clock.freeze(at(MON, "18:00"))
    data = worklogs.WorklogInput(anna.id, MON, repair.id, start_time=dt.time(9), end_time=dt.time(10))
    entry = worklogs.create(req.id, data)
    row = worklog_reads.entry(entry.id)
    assert row.as_input() == data.__class__(**{**data.__dict__, "billable": True})
    worklogs.update_entry(row.id, row.version, row.as_input().__class__(
        **{**row.as_input().__dict__, "end_time": dt.time(11)}))
    with pytest.raises(ConflictError):  # the version the user saw is gone
        worklogs.delete_entry(row.id, row.version)
    assert WorkLog.get_by_id(entry.id).minutes == 120
    worklogs.delete_entry(row.id, row.version + 1)
    assert not WorkLog.select().exists()


def test_what_new_work_on_a_request_probably_is(setup):
    req, anna, _, repair = setup
    remote = ActivityType.get(code="remote")
    # nothing scheduled yet: the problem type (software → remote support, 60 min)
    assert reads.suggested_activity(req.id) == reads.Suggestion(remote.id, 60, "problem_type")
    _schedule(req, anna.id, start="09:00", end="10:30")
    assert reads.suggested_activity(req.id) == reads.Suggestion(repair.id, 90, "intervention")
    other = ServiceRequest.create(number="RS-2026-000002", customer=req.customer_id,
                                  priority=req.priority_id, opened_at=at(MON, "07:00"))
    assert reads.suggested_activity(other.id) == reads.Suggestion(None, None, "none")


def test_the_mapping_names_real_problem_and_activity_types():
    ref = reference()
    problems = {p["code"] for p in ref["problem_types"]}
    activities = {a["code"] for a in ref["activity_types"]}
    mapping = {k: v for k, v in ref["problem_activity"].items() if not k.startswith("_")}
    assert set(mapping) == problems
    assert all(v["activity_type"] in activities and v["minutes"] > 0 for v in mapping.values())
    json.dumps(mapping)


def test_a_new_work_log_entry_starts_from_the_operators_own_work(setup):
    """R-LOG-1: the signed-in operator, his intervention preselected, its activity and times."""
    req, anna, bruno, repair = setup
    mine = _schedule(req, anna.id, start="09:00", end="10:30").intervention
    _schedule(req, bruno.id, start="11:00", end="12:00")
    clock.freeze(at(MON, "09:30"))
    interventions.start(mine.reload(), at(MON, "09:10"))
    data = worklog_reads.defaults_for(req.id, anna.id)
    assert (data.operator_id, data.intervention_id, data.activity_type_id) == (anna.id, mine.id, repair.id)
    assert (data.work_date, data.start_time, data.end_time) == (MON, dt.time(9, 10), dt.time(10, 30))
    # somebody without an intervention on the request: like its latest one (Bruno's, 1 h), ending now
    carla = Operator.create(username="carla", full_name="Carla Blu")
    clock.freeze(at(MON, "17:20"))
    data = worklog_reads.defaults_for(req.id, carla.id)
    assert data.intervention_id is None and data.activity_type_id == repair.id
    assert (data.start_time, data.end_time) == (dt.time(16, 0), dt.time(17, 0))


def test_no_free_slot_says_why(setup):
    req, anna, bruno, _ = setup
    after = at(MON, "08:00")
    assert board_reads.find_slots(anna.id, None, 0, after).problem == "end_before_start"
    assert board_reads.find_slots(None, None, 60, after).problem == "no_operator"
    empty = Team.create(name="Vuoto")
    assert board_reads.find_slots(None, empty.id, 60, after).problem == "team_empty"
    saturday = MON + dt.timedelta(days=5)
    search = board_reads.find_slots(anna.id, None, 60, at(saturday, "08:00"), horizon_days=2)
    assert search.problem == "no_working_hours" and search.slots == ()
    search = board_reads.find_slots(anna.id, None, 10 * 60, after)
    assert (search.problem, search.params) == ("longer_than_day", {"hours": 9.0})
    scheduling.add_absence(anna.id, "holiday", at(MON, "00:00"), at(MON + dt.timedelta(days=20), "00:00"))
    assert board_reads.find_slots(anna.id, None, 60, after).problem == "absent"
    search = board_reads.find_slots(bruno.id, None, 60, after)
    assert search.problem is None and search.names == {bruno.id: "Bruno Verdi"}
    assert search.slots[0].start == at(MON, "08:30")
    for day in range(14):
        d = MON + dt.timedelta(days=day)
        if d.weekday() < 5:
            Intervention.create(request=req, activity_type=ActivityType.get(code="repair"),
                                operator=bruno, status="planned", planned_start=at(d, "08:30"),
                                planned_end=at(d, "17:30"))
    assert board_reads.find_slots(bruno.id, None, 60, after).problem == "fully_booked"
