"""The one write path: units of work that retry, restore and say what changed (issue 13, R-X-1).

The defects of round 1 reproduced: a COMMIT refused while another workstation reads a shared
file must not leave the instance claiming a version it never wrote (the next save would then
overwrite a colleague's edit); a busy COMMIT is retried as a whole unit; a permission is checked
against the stored row, not against a forged copy in memory.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from decimal import Decimal

import pytest

from servicedesk import clock, retry, uow
from servicedesk.context import Actor, acting_as
from servicedesk.db import open_database
from servicedesk.errors import ConflictError, DatabaseBusyError, PermissionDenied, ValidationError
from servicedesk.models import (ActivityType, AuditLog, Contract, Operator, Party, Priority,
                                Province, ServiceRequest, Setting, WorkLog)
from servicedesk.models.base import Tombstone
from servicedesk.permissions import Role
from servicedesk.services import worklogs
from servicedesk.services.worklogs import WorklogInput


@pytest.fixture
def shared_db(tmp_path):
    """A database in rollback-journal mode, as on a network share: readers block COMMIT."""
    database = open_database(tmp_path / "shared.db", shared=True)
    assert database.info.journal_mode == "delete"
    yield database
    database.close()


@pytest.fixture
def quick_waits(monkeypatch):
    monkeypatch.setattr(retry, "FIRST_WAIT_MS", 100)
    monkeypatch.setattr(retry, "RETRY_WAIT_MS", 100)


def _contract() -> Contract:
    party = Party.create(code="C1", name="Officina Brambilla", province=Province.get(code="MI"))
    return Contract.create(number="CT-1", party=party, title="Assistenza", status="active",
                           start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                           term_end=dt.date(2026, 12, 31), amount=Decimal("100.00"))


def _reader(path, seconds: float, started: threading.Event) -> None:
    """Another workstation reading: a SHARED lock that keeps a COMMIT from finishing."""
    con = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM contract").fetchone()
    started.set()
    time.sleep(seconds)
    con.execute("COMMIT")
    con.close()


# -- the lost update -----------------------------------------------------------------------
def test_failed_commit_leaves_the_instance_as_before_and_a_later_save_conflicts(
        shared_db, quick_waits, monkeypatch):
    """R-X-1: COMMIT refused (a reader holds the shared file) → nothing written, the instance
    keeps its old version and the user's edit; a colleague's edit then is not overwritten."""
    monkeypatch.setattr(retry, "DEADLINE_S", 0.4)
    contract = _contract()
    mine = Contract.get_by_id(contract.id)
    mine.title = "Assistenza full"
    started = threading.Event()
    reader = threading.Thread(target=_reader, args=(shared_db.info.path, 1.5, started))
    reader.start()
    started.wait()
    try:
        with pytest.raises(DatabaseBusyError):
            mine.save()
    finally:
        reader.join()
    assert mine.version == 1 and mine.title == "Assistenza full"  # as before the save
    assert mine._dirty == {"title"}  # still an unsaved edit
    stored = Contract.get_by_id(contract.id)
    assert (stored.version, stored.title) == (1, "Assistenza")
    assert not AuditLog.select().where(AuditLog.table_name == "contract",
                                       AuditLog.action == "update").exists()
    # a colleague saves meanwhile; my next save must be refused, not overwrite theirs
    theirs = Contract.get_by_id(contract.id)
    theirs.title = "Assistenza base"
    theirs.save()
    with pytest.raises(ConflictError) as info:
        mine.save()
    assert [c.field for c in info.value.changes] == ["title"]
    assert Contract.get_by_id(contract.id).title == "Assistenza base"


def test_busy_commit_is_retried_as_a_whole_unit(shared_db, quick_waits):
    """R-X-1: the wait at COMMIT becomes a visible busy state and one successful write."""
    contract = _contract()
    states: list[bool] = []
    retry.add_busy_listener(states.append)
    started = threading.Event()
    reader = threading.Thread(target=_reader, args=(shared_db.info.path, 0.6, started))
    mine = Contract.get_by_id(contract.id)
    mine.title = "Assistenza full"
    reader.start()
    started.wait()
    try:
        mine.save()
    finally:
        reader.join()
        retry.remove_busy_listener(states.append)
    assert states == [True, False]
    stored = Contract.get_by_id(contract.id)
    assert (stored.version, stored.title) == (2, "Assistenza full") and mine.version == 2
    audit = AuditLog.select().where(AuditLog.table_name == "contract", AuditLog.action == "update")
    assert [(a.field, a.new_value) for a in audit] == [("title", "Assistenza full")]  # once


def test_perform_restores_every_instance_passed_in_when_the_service_fails(db):
    contract = _contract()
    one, two = Contract.get_by_id(contract.id), Contract.get_by_id(contract.id)

    def service(a: Contract, items: list[Contract]) -> None:
        a.title = "changed"
        a.save()
        items[0].notes = "also changed"
        items[0].save()  # conflicts: version moved by the save above
    with pytest.raises(ConflictError):
        uow.perform(service, one, [two])
    assert (one.version, one.title) == (1, "Assistenza")
    assert two.version == 1 and two.notes != "also changed"
    assert Contract.get_by_id(contract.id).version == 1


def test_a_rolled_back_savepoint_restores_only_what_it_touched(db):
    contract = _contract()
    outer = Contract.get_by_id(contract.id)
    inner = Setting.create(key="k", value="1")
    with db.atomic():
        outer.title = "outer"
        outer.save()
        try:
            with db.atomic():
                inner.value = "2"
                inner.save()
                raise ValidationError("required")
        except ValidationError:
            pass
    assert (outer.version, outer.title) == (2, "outer")
    # as before its failed save: the unsaved edit kept, the version not bumped
    assert (inner.version, inner.value, inner._dirty) == (1, "2", {"value"})
    assert Setting.get(Setting.key == "k").value == "1"


# -- permissions against the stored row ---------------------------------------------------------
def _worklog_setup():
    clock.freeze(dt.datetime(2026, 3, 4, 18, 0))
    anna = Operator.create(username="anna", full_name="Anna Rossi", role="technician")
    bruno = Operator.create(username="bruno", full_name="Bruno Verdi", role="technician")
    party = Party.create(code="C1", name="Officine Meccaniche")
    req = ServiceRequest.create(number="RS-2026-000001", customer=party,
                                priority=Priority.get(code="normal"),
                                opened_at=dt.datetime(2026, 3, 1, 9))
    entry = worklogs.create(req.id, WorklogInput(
        operator_id=bruno.id, work_date=dt.date(2026, 3, 4),
        activity_type_id=ActivityType.get(code="repair").id,
        start_time=dt.time(9), end_time=dt.time(11)))
    return anna, bruno, entry


def test_a_forged_owner_cannot_delete_another_operators_work_log(db):
    """A technician changes the owner on the copy in memory: the stored row decides."""
    anna, bruno, entry = _worklog_setup()
    forged = WorkLog.get_by_id(entry.id)
    forged.operator_id = anna.id
    with acting_as(Actor(anna.id, Role.TECHNICIAN, "anna")):
        with pytest.raises(PermissionDenied):
            worklogs.delete(forged)
        with pytest.raises(PermissionDenied):
            worklogs.update(forged, WorklogInput(
                operator_id=anna.id, work_date=dt.date(2026, 3, 4),
                activity_type_id=ActivityType.get(code="repair").id, minutes=30))
    assert WorkLog.get_by_id(entry.id).operator_id == bruno.id
    with acting_as(Actor(bruno.id, Role.TECHNICIAN, "bruno")):
        worklogs.delete(WorkLog.get_by_id(entry.id))  # his own: allowed
    assert WorkLog.get_or_none(WorkLog.id == entry.id) is None


def test_a_forged_owner_cannot_complete_another_operators_intervention(demo_db):
    from servicedesk.models import Intervention
    from servicedesk.services import interventions

    job = (Intervention.select().join(Operator)
           .where(Intervention.status == "planned", Operator.role == "technician").first())
    other = Operator.select().where(Operator.id != job.operator_id,
                                    Operator.role == "technician").first()
    forged = Intervention.get_by_id(job.id)
    forged.operator_id = other.id
    with acting_as(Actor(other.id, Role.TECHNICIAN, other.username)):
        with pytest.raises(PermissionDenied):
            interventions.start(forged)
    assert Intervention.get_by_id(job.id).status == "planned"


# -- bulk writes ------------------------------------------------------------------------------
def test_bulk_update_bumps_versions_writes_audit_and_reports_rows(db):
    contract = _contract()
    outcome = uow.perform(lambda: Contract.update(title="Nuovo").where(
        Contract.id == contract.id).execute())
    stored = Contract.get_by_id(contract.id)
    assert stored.version == 2 and stored.title == "Nuovo"
    change = outcome.changes.get("contract", contract.id)
    assert change.kind == uow.UPDATED and change.fields == {"title"}
    audit = AuditLog.get(AuditLog.table_name == "contract", AuditLog.action == "update")
    assert (audit.field, audit.old_value, audit.new_value) == ("title", "Assistenza", "Nuovo")


def test_bookkeeping_updates_are_reported_but_do_not_bump_the_version(db):
    op = Operator.create(username="luca", full_name="Luca")
    outcome = uow.perform(lambda: Operator.update(failed_logins=3).where(
        Operator.id == op.id).execute())
    assert Operator.get_by_id(op.id).version == 1
    assert outcome.changes.ids("operator") == {op.id}


def test_deletes_leave_tombstones_and_stale_deletes_conflict(db):
    contract = _contract()
    s1, s2 = Setting.create(key="a", value="1"), Setting.create(key="b", value="2")
    outcome = uow.perform(lambda: Setting.delete().where(Setting.key.in_(["a", "b"])).execute())
    assert outcome.changes.ids("setting", uow.DELETED) == {s1.id, s2.id}
    stones = {(t.table_name, t.record_uuid) for t in Tombstone.select()}
    assert stones == {("setting", s1.uuid), ("setting", s2.uuid)}
    stale = Contract.get_by_id(contract.id)
    fresh = Contract.get_by_id(contract.id)
    fresh.title = "changed"
    fresh.save()
    with pytest.raises(ConflictError):
        stale.delete_instance()
    assert Contract.get_or_none(Contract.id == contract.id) is not None
    uow.perform(fresh.delete_instance)
    assert Tombstone.get(Tombstone.record_uuid == contract.uuid).table_name == "contract"
    assert AuditLog.get(AuditLog.table_name == "contract", AuditLog.action == "delete")


# -- change sets ----------------------------------------------------------------------------
def test_change_set_nets_out_and_listeners_hear_only_commits(db):
    heard = []
    uow.add_commit_listener(heard.append)
    try:
        def service():
            row = Setting.create(key="tmp", value="1")
            row.value = "2"
            row.save()
            row.delete_instance()
            return Setting.create(key="kept", value="1")
        kept = uow.perform(service)
        assert [(c.entity, c.id, c.kind) for c in kept.changes] == [
            ("setting", kept.result.id, uow.CREATED)]
        with pytest.raises(ValidationError):
            uow.perform(lambda: (Setting.create(key="lost", value="1"),
                                 (_ for _ in ()).throw(ValidationError("required"))))
    finally:
        uow.remove_commit_listener(heard.append)
    assert len(heard) == 1 and heard[0].ids("setting") == {kept.result.id}
    assert Setting.get_or_none(Setting.key == "lost") is None


def test_nested_perform_joins_the_outer_unit_and_reports_its_own_part(db):
    def inner():
        return Setting.create(key="inner", value="1")

    def outer():
        Setting.create(key="outer", value="1")
        return uow.perform(inner)
    outcome = uow.perform(outer)
    assert outcome.result.changes.ids("setting") == {outcome.result.result.id}
    assert len(outcome.changes.ids("setting")) == 2


def test_origin_travels_with_the_change_set(db):
    marker = object()
    with uow.origin(marker):
        outcome = uow.perform(lambda: Setting.create(key="o", value="1"))
    assert outcome.changes.origin is marker
