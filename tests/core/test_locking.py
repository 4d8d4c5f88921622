"""Optimistic locking and the audit trail of the base model (R-X-1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError
from servicedesk.models import AuditLog, Contract, Party, Province
from servicedesk.permissions import Role


def make_contract() -> Contract:
    party = Party.create(code="C1", name="Tipografia Rossi S.r.l.", province=Province.get(code="MI"))
    return Contract.create(number="CT-1", party=party, title="Assistenza", start_date=dt.date(2026, 1, 1),
                           term_start=dt.date(2026, 1, 1), term_end=dt.date(2026, 12, 31),
                           amount=Decimal("1200.00"))


def test_version_increments_and_stale_save_conflicts(db):
    contract = make_contract()
    mine = Contract.get_by_id(contract.id)
    theirs = Contract.get_by_id(contract.id)
    theirs.amount = Decimal("1500.00")
    theirs.save()
    assert theirs.version == 2
    mine.title = "Assistenza full service"
    with pytest.raises(ConflictError) as info:
        mine.save()
    changed = {c.field: c for c in info.value.changes}
    assert "amount" in changed and changed["amount"].theirs == Decimal("1500.00")
    fresh = Contract.get_by_id(contract.id)
    assert fresh.title == "Assistenza" and fresh.amount == Decimal("1500.00")


def test_deleted_row_conflicts(db):
    contract = make_contract()
    stale = Contract.get_by_id(contract.id)
    Contract.delete().where(Contract.id == contract.id).execute()
    stale.title = "x"
    with pytest.raises(ConflictError) as info:
        stale.save()
    assert info.value.deleted


def test_audit_records_who_changed_which_field(db):
    contract = make_contract()
    with context.acting_as(Actor(operator_id=7, role=Role.MANAGER, name="Giulia")):
        contract.amount = Decimal("1300.50")
        contract.save()
    rows = list(AuditLog.select().where(AuditLog.table_name == "contract",
                                        AuditLog.record_id == contract.id).order_by(AuditLog.id))
    assert [r.action for r in rows] == ["create", "update"]
    assert rows[1].field == "amount"
    assert rows[1].old_value == "1200.00" and rows[1].new_value == "1300.50"
    assert rows[1].operator_id == 7


def test_saving_unchanged_record_writes_nothing(db):
    contract = make_contract()
    same = Contract.get_by_id(contract.id)
    assert same.save() == 0
    assert Contract.get_by_id(contract.id).version == 1


def test_worker_threads_act_as_the_signed_in_operator():
    import threading

    seen = []
    context.set_actor(Actor(operator_id=3, role=Role.TECHNICIAN, name="Luca"))
    worker = threading.Thread(target=lambda: seen.append(context.current()))
    worker.start()
    worker.join()
    assert seen[0].operator_id == 3 and seen[0].role == Role.TECHNICIAN
    with context.acting_as(context.SYSTEM):
        assert context.current() is context.SYSTEM
    assert context.current().operator_id == 3
