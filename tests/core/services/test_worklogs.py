"""Work-log entries: validation, overlap warning, permissions, totals (R-LOG-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock
from servicedesk.context import Actor, acting_as
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import (ActivityType, AuditLog, JobOrder, Operator, Party, Priority,
                                ServiceRequest, WorkLog)
from servicedesk.permissions import Role
from servicedesk.queries import worklogs as worklog_reads
from servicedesk.services import interventions, worklogs
from servicedesk.services.worklogs import WorklogInput, WorklogOverlapError

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def setup(db):
    clock.freeze(dt.datetime(2026, 3, 4, 18, 0))
    anna = Operator.create(username="anna", full_name="Anna Rossi")
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi")
    party = Party.create(code="C1", name="Officine Meccaniche")
    job = JobOrder.create(code="CM-26-01", title="Assistenza 2026")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party, job_order=job,
                                priority=Priority.get(code="normal"), opened_at=dt.datetime(2026, 3, 1, 9))
    return req, anna, bruno, ActivityType.get(code="repair"), ActivityType.get(code="maintenance")


def entry(op, act, **kw) -> WorklogInput:
    base = dict(operator_id=op.id, work_date=DAY, activity_type_id=act.id,
                start_time=dt.time(9), end_time=dt.time(11))
    base.update(kw)
    return WorklogInput(**base)


def test_create_follows_request_and_totals(setup):
    req, anna, _, repair, maint = setup
    a = worklogs.create(req.id, entry(anna, repair, travel_minutes=30, km="12,5"))
    assert a.minutes == 120 and a.customer_id == req.customer_id and a.job_order_id == req.job_order_id
    assert a.billable is True and a.km == Decimal("12.5")
    worklogs.create(req.id, entry(anna, maint, start_time=None, end_time=None, minutes=45,
                                  work_date=DAY - dt.timedelta(days=1)))  # maintenance: not billable
    t = worklog_reads.totals(req.id)
    assert (t.billable_minutes, t.non_billable_minutes, t.travel_minutes, t.km, t.entries) == (
        120, 45, 30, Decimal("12.5"), 2)
    assert [e.minutes for e in worklog_reads.of_request(req.id)] == [120, 45]


@pytest.mark.parametrize("kw, code", [
    (dict(start_time=dt.time(11), end_time=dt.time(9)), "end_before_start"),
    (dict(start_time=None, end_time=None, minutes=-5), "negative"),
    (dict(start_time=None, end_time=None, minutes=17 * 60), "worklogs.too_many_hours"),
    (dict(work_date=DAY + dt.timedelta(days=1)), "worklogs.future_date"),
    (dict(travel_minutes=-1), "negative"),
    (dict(km="-3"), "negative"),
    (dict(km="abc"), "invalid_number"),
    (dict(km="1e9"), "worklogs.too_many_km"),
    (dict(start_time=None, end_time=None, minutes=0), "worklogs.empty"),
    (dict(end_time=None), "required"),
    (dict(notes="x" * 6000), "too_long"),
])
def test_validation(setup, kw, code):
    req, anna, _, repair, _ = setup
    with pytest.raises(ValidationError) as info:
        worklogs.create(req.id, entry(anna, repair, **kw))
    assert code in [e.code for e in info.value.errors]
    assert WorkLog.select().count() == 0


def test_day_total_capped(setup):
    req, anna, _, repair, _ = setup
    worklogs.create(req.id, entry(anna, repair, start_time=dt.time(6), end_time=dt.time(18)))
    with pytest.raises(ValidationError) as info:
        worklogs.create(req.id, entry(anna, repair, start_time=None, end_time=None, minutes=300))
    assert info.value.errors[0].code == "worklogs.day_too_long"


def test_overlap_is_warned_not_refused(setup):
    req, anna, bruno, repair, _ = setup
    first = worklogs.create(req.id, entry(anna, repair))
    with pytest.raises(WorklogOverlapError) as info:
        worklogs.create(req.id, entry(anna, repair, start_time=dt.time(10), end_time=dt.time(12)))
    assert [e.id for e in info.value.overlapping] == [first.id]
    worklogs.create(req.id, entry(anna, repair, start_time=dt.time(10), end_time=dt.time(12)),
                    allow_overlap=True)
    worklogs.create(req.id, entry(bruno, repair))  # another operator: no overlap
    assert WorkLog.select().count() == 3


def test_permissions_own_and_any(setup):
    req, anna, bruno, repair, _ = setup
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        worklogs.create(req.id, entry(anna, repair))
        with pytest.raises(PermissionDenied):
            worklogs.create(req.id, entry(bruno, repair))
    with acting_as(Actor(bruno.id, Role.COORDINATOR, "bruno")):
        worklogs.create(req.id, entry(anna, repair, start_time=dt.time(14), end_time=dt.time(15)))


def test_update_locking_and_delete_audit(setup):
    req, anna, _, repair, _ = setup
    e = worklogs.create(req.id, entry(anna, repair))
    stale = WorkLog.get_by_id(e.id)
    worklogs.update(e, entry(anna, repair, end_time=dt.time(12), notes="Ricambio sostituito"))
    assert e.reload().minutes == 180
    with pytest.raises(ConflictError):
        worklogs.update(stale, entry(anna, repair, end_time=dt.time(10)))
    with pytest.raises(ConflictError):
        worklogs.delete(stale)
    worklogs.delete(e.reload())
    assert WorkLog.select().count() == 0
    assert AuditLog.select().where(AuditLog.table_name == "work_log", AuditLog.action == "delete").exists()


def test_prefill_from_intervention(setup):
    req, anna, _, repair, _ = setup
    item = interventions.schedule(req.id, activity_type_id=repair.id, operator_id=anna.id,
                                  planned_start=dt.datetime(2026, 3, 4, 9),
                                  planned_end=dt.datetime(2026, 3, 4, 10, 30)).intervention
    data = worklog_reads.from_intervention(item.id)
    assert (data.work_date, data.start_time, data.end_time, data.intervention_id) == (
        DAY, dt.time(9), dt.time(10, 30), item.id)
    worklogs.create(req.id, data)
    assert worklog_reads.logged_interventions([item.id]) == {item.id}
