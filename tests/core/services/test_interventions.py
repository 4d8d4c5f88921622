"""Scheduling, rescheduling, completing and cancelling interventions; final report (R-REQ-3, R-REQ-5)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import (ActivityType, AuditLog, Intervention, Operator, Party, Priority,
                                RequestEvent, ServiceRequest, Team)
from servicedesk.permissions import Role
from servicedesk.queries import interventions as board_reads
from servicedesk.services import interventions, scheduling
from servicedesk.services.interventions import SchedulingConflictError

MON = dt.date(2026, 3, 2)


def at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


@pytest.fixture
def setup(db):
    clock.freeze(at(MON, "08:00"))
    team = Team.create(name="Nord")
    anna = Operator.create(username="anna", full_name="Anna Rossi", team=team)
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", team=team, role="technician")
    party = Party.create(code="C1", name="Officine Meccaniche")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="high"), opened_at=at(MON, "07:00"))
    return req, anna, bruno, ActivityType.get(code="repair")


def test_schedule_inherits_priority_and_team(setup):
    req, anna, _, repair = setup
    result = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                    planned_start=at(MON, "09:00"), planned_end=at(MON, "11:00"),
                                    instructions="Portare il kit guarnizioni")
    item = result.intervention.reload()
    assert result.conflicts == []
    assert item.priority_id == req.priority_id and item.team_id == anna.team_id
    assert item.status == "planned" and item.override_note == ""
    assert RequestEvent.select().where(RequestEvent.request == req, RequestEvent.kind == "intervention").count() == 1
    assert AuditLog.select().where(AuditLog.table_name == "intervention").count() >= 1


def test_conflicts_are_refused_unless_overridden_and_recorded(setup):
    req, anna, _, repair = setup
    first = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                   planned_start=at(MON, "09:00"), planned_end=at(MON, "11:00")).intervention
    with pytest.raises(SchedulingConflictError) as info:
        interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                               planned_start=at(MON, "10:00"), planned_end=at(MON, "12:00"))
    assert info.value.conflicts[0].kind == "double_booking"
    assert info.value.conflicts[0].other_intervention_id == first.id
    result = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                    planned_start=at(MON, "10:00"), planned_end=at(MON, "12:00"),
                                    override=True, override_note="Cliente urgente")
    note = result.intervention.reload().override_note
    assert "double_booking" in note and "Cliente urgente" in note
    assert AuditLog.select().where(AuditLog.table_name == "intervention",
                                   AuditLog.record_id == result.intervention.id).exists()


def test_team_only_and_validation(setup):
    req, anna, _, repair = setup
    team_only = interventions.schedule(req.id, activity_type_id=repair.id, team_id=anna.team_id,
                                       planned_start=at(MON, "06:00"), planned_end=at(MON, "07:00"))
    assert team_only.intervention.operator_id is None  # no operator: no conflict check yet
    with pytest.raises(ValidationError) as info:
        interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                               planned_start=at(MON, "11:00"), planned_end=at(MON, "09:00"))
    assert info.value.errors[0].code == "end_before_start"
    with pytest.raises(ValidationError) as info:
        interventions.schedule(req.id, activity_type_id=repair.id,
                               planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00"))
    assert info.value.errors[0].code == "interventions.operator_or_team"
    with pytest.raises(ValidationError):
        interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                               planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00"),
                               instructions="x" * 30_000)


def test_reschedule_is_locked_and_checked(setup):
    req, anna, bruno, repair = setup
    item = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    stale = Intervention.get_by_id(item.id)
    interventions.reschedule(item, operator_id=bruno.id, planned_start=at(MON, "14:00"),
                             planned_end=at(MON, "15:00"))
    assert item.reload().operator_id == bruno.id
    with pytest.raises(ConflictError):
        interventions.reschedule(stale, keep_assignment=True, planned_start=at(MON, "15:00"),
                                 planned_end=at(MON, "16:00"))
    scheduling.add_absence(bruno.id, "holiday", at(MON, "00:00"), at(MON, "23:59"))
    fresh = item.reload()
    with pytest.raises(SchedulingConflictError):
        interventions.reschedule(fresh, keep_assignment=True, planned_start=at(MON, "15:00"),
                                 planned_end=at(MON, "16:00"))


def test_complete_permissions_and_final_report(setup):
    req, anna, bruno, repair = setup
    a = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=bruno.id,
                               planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    b = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                               planned_start=at(MON, "14:00"), planned_end=at(MON, "15:00")).intervention
    clock.freeze(at(MON, "18:00"))
    tech_bruno = Actor(bruno.id, Role.TECHNICIAN, "bruno")
    with acting_as(tech_bruno):
        with pytest.raises(PermissionDenied):  # not his intervention
            interventions.complete(b, actual_start=at(MON, "14:00"), actual_end=at(MON, "15:00"),
                                   report="x")
        with pytest.raises(ValidationError) as info:
            interventions.complete(a, actual_start=at(MON, "09:00"), actual_end=at(MON, "10:00"),
                                   report="  ")
        assert info.value.errors[0].code == "required"
        interventions.complete(a, actual_start=at(MON, "09:10"), actual_end=at(MON, "10:05"),
                               report="Sostituita la scheda di controllo.")
        with pytest.raises(PermissionDenied):
            interventions.cancel(b)
    interventions.complete(b, actual_start=at(MON, "14:00"), actual_end=at(MON, "15:00"),
                           report="Verificato il funzionamento.")
    text = board_reads.compose_final_report(req.id)
    assert text.index("Sostituita") < text.index("Verificato")
    assert "02/03/2026 – Bruno Verdi" in text
    interventions.set_final_report(req.reload(), text)  # scheduling assigned it meanwhile
    assert req.reload().final_report == text
    with pytest.raises(ValidationError):  # done cannot be cancelled
        interventions.cancel(b.reload())
    rows = board_reads.of_request(req.id)
    assert [r.status for r in rows] == ["done", "done"] and rows[0].operator_name == "Bruno Verdi"


def test_cancel_frees_the_slot(setup):
    req, anna, _, repair = setup
    item = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    interventions.cancel(item, "Il cliente ha risolto da solo")
    assert item.reload().status == "cancelled"
    assert scheduling.check_conflicts(anna.id, at(MON, "09:00"), at(MON, "10:00")) == []


def test_the_request_history_names_each_intervention_event_by_code(setup):
    """What happened to an intervention is stored as a code with the intervention's id (the UI
    says it in the user's language: #12 found "completed intervention #…" in Italian)."""
    from servicedesk.queries.requests import timeline

    req, anna, _, repair = setup
    item = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                  planned_start=at(MON, "09:00"), planned_end=at(MON, "10:00")).intervention
    interventions.reschedule(item, planned_start=at(MON, "10:00"), planned_end=at(MON, "11:00"),
                             keep_assignment=True)
    clock.freeze(at(MON, "12:00"))
    interventions.complete(item, actual_start=at(MON, "10:00"), actual_end=at(MON, "11:00"),
                           report="Sostituita la valvola")
    other = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                   planned_start=at(MON, "14:00"), planned_end=at(MON, "15:00")).intervention
    interventions.cancel(other, "Il cliente ha risolto da solo")
    events = [(e.to_status, e.intervention_id, e.text) for e in RequestEvent.select().where(
        RequestEvent.request == req, RequestEvent.kind == "intervention").order_by(RequestEvent.id)]
    assert events == [("scheduled", item.id, ""), ("rescheduled", item.id, ""), ("done", item.id, ""),
                      ("scheduled", other.id, ""), ("cancelled", other.id, "Il cliente ha risolto da solo")]
    entries = [e for e in timeline(req.id, "it") if e.kind == "intervention_event"]
    assert [e.intervention_status for e in entries] == ["scheduled", "rescheduled", "done",
                                                        "scheduled", "cancelled"]
    assert {e.activity for e in entries} == {repair.name_it}
    assert all("intervention #" not in e.text for e in timeline(req.id, "it"))


def test_old_english_history_rows_are_read_back_as_codes(setup):
    from servicedesk.migrations.m0170_request_event_intervention import convert_old_rows

    req, *_ = setup
    for text in ("scheduled intervention #7 2026-03-02 09:00", "completed intervention #7",
                 "cancelled intervention #8: il cliente non c'era", "rescheduled intervention #7 x"):
        RequestEvent.create(request=req, at=at(MON, "09:00"), kind="intervention", text=text)
    assert convert_old_rows(RequestEvent._meta.database) == 4
    rows = [(e.to_status, e.intervention_id, e.text) for e in RequestEvent.select().where(
        RequestEvent.kind == "intervention").order_by(RequestEvent.id)]
    assert rows == [("scheduled", 7, ""), ("done", 7, ""), ("cancelled", 8, "il cliente non c'era"),
                    ("rescheduled", 7, "")]
