"""The audit trail read back for display: who, when, field, old → new (R-X-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from servicedesk import audit, clock, context
from servicedesk.context import Actor
from servicedesk.models import (ActivityType, Contract, Intervention, Operator, Party, Priority,
                                Province, ServiceRequest, WorkLog)
from servicedesk.permissions import Role


def setup_records():
    clock.freeze(dt.datetime(2026, 1, 10, 9, 0))
    giulia = Operator.create(username="giulia", full_name="Giulia Neri", role="manager")
    marco = Operator.create(username="marco", full_name="Marco Blu", role="technician")
    party = Party.create(code="C1", name="Tipografia Rossi", province=Province.get(code="MI"))
    contract = Contract.create(number="CT-1", party=party, title="Assistenza", start_date=dt.date(2026, 1, 1),
                               term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31),
                               amount=Decimal("1200.00"))
    req = ServiceRequest.create(number="RS-2026-000001", customer=party, priority=Priority.get(code="normal"),
                                opened_at=dt.datetime(2026, 2, 1, 9, 0), subject="Stampante")
    return giulia, marco, contract, req


def test_contract_history_names_operator_and_values(db):
    giulia, marco, contract, _ = setup_records()
    clock.freeze(dt.datetime(2026, 2, 3, 10, 30))
    with context.acting_as(Actor(giulia.id, Role.MANAGER, giulia.full_name)):
        c = Contract.get_by_id(contract.id)
        c.amount = Decimal("1350.00")
        c.signed_by = marco
        c.save()
    entries = audit.contract_history(contract.id)
    assert entries[-1].action == "create" and entries[-1].operator_name is None  # the system
    updates = {e.field: e for e in entries if e.action == "update"}
    assert updates["amount"].old_display == "1200.00" and updates["amount"].new_display == "1350.00"
    assert updates["amount"].operator_name == "Giulia Neri"
    assert updates["amount"].at == dt.datetime(2026, 2, 3, 10, 30)
    # foreign keys are shown by name, not by id
    assert updates["signed_by"].old_display is None
    assert updates["signed_by"].new_display == "Marco Blu"
    assert updates["signed_by"].new_value == str(marco.id)


def test_request_history_includes_interventions_and_work_logs_newest_first(db):
    giulia, marco, _, req = setup_records()
    act = ActivityType.select().first()
    clock.freeze(dt.datetime(2026, 2, 1, 9, 0))
    iv = Intervention.create(request=req, activity_type=act, operator=marco,
                             planned_start=dt.datetime(2026, 2, 2, 9), planned_end=dt.datetime(2026, 2, 2, 11))
    clock.freeze(dt.datetime(2026, 2, 2, 12, 0))
    with context.acting_as(Actor(marco.id, Role.TECHNICIAN, marco.full_name)):
        iv.status = "done"
        iv.report = "Sostituito il fusore"
        iv.save()
        WorkLog.create(request=req, intervention=iv, operator=marco, customer=req.customer,
                       activity_type=act, work_date=dt.date(2026, 2, 2), minutes=120)
    clock.freeze(dt.datetime(2026, 2, 3, 8, 0))
    with context.acting_as(Actor(giulia.id, Role.MANAGER, giulia.full_name)):
        r = ServiceRequest.get_by_id(req.id)
        r.owner = giulia
        r.status = "resolved"
        r.save()
    entries = audit.request_history(req.id)
    tables = [e.table_name for e in entries]
    assert {"service_request", "intervention", "work_log"} <= set(tables)
    assert entries[0].table_name == "service_request" and entries[0].at == dt.datetime(2026, 2, 3, 8, 0)
    owner = next(e for e in entries if e.field == "owner")
    assert owner.new_display == "Giulia Neri"
    status = next(e for e in entries if e.table_name == "intervention" and e.field == "status")
    assert (status.old_value, status.new_value, status.operator_name) == ("planned", "done", "Marco Blu")
    assert audit.operator_activity(marco.id)[0].operator_name == "Marco Blu"


def test_deleted_foreign_key_target_shows_its_id(db):
    giulia, marco, contract, _ = setup_records()
    c = Contract.get_by_id(contract.id)
    c.signed_by = marco
    c.save()
    Contract.update(signed_by=None).where(Contract.id == c.id).execute()
    Operator.delete().where(Operator.id == marco.id).execute()
    history = [e for e in audit.contract_history(c.id) if e.field == "signed_by"]
    # The bulk update is audited too (issue 13): Marco → nobody, after nobody → Marco.
    cleared = next(e for e in history if e.new_value is None)
    assert cleared.old_value == str(marco.id)
    entry = next(e for e in history if e.new_value == str(marco.id))
    assert entry.new_display == f"#{marco.id}"


def test_history_limit_and_unknown_record(db):
    assert audit.history("contract", 12345) == []
    _, _, contract, _ = setup_records()
    for i in range(5):
        c = Contract.get_by_id(contract.id)
        c.notes = f"nota {i}"
        c.save()
    assert len(audit.history("contract", contract.id, limit=3)) == 3
    assert audit.history("contract", contract.id)[0].new_value == "nota 4"
