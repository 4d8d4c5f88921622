"""Roles enforced in the core services, not only by hidden buttons (R-X-1): core calls made as a
technician are refused before anything is written; the same calls as the right role succeed and
land in the audit trail under that operator."""
from __future__ import annotations

from decimal import Decimal

import pytest

from servicedesk import audit, context
from servicedesk.errors import PermissionDenied
from servicedesk.models import AuditLog, Contract, Intervention, Operator, WorkLog
from servicedesk.services import auth, contracts, interventions, worklogs


def actor_with_role(role: str):
    op = Operator.select().where(Operator.role == role, Operator.active == True).first()  # noqa: E712
    assert op is not None, f"the demo database has a {role}"
    return auth.actor_for(op)


def test_technician_cannot_change_a_contract_amount(demo_db):
    tech = actor_with_role("technician")
    contract = Contract.select().where(Contract.status == "active").first()
    before = (contract.amount, contract.version)
    audit_rows = AuditLog.select().count()
    with context.acting_as(tech), pytest.raises(PermissionDenied) as info:
        contracts.update_contract(contract.id, contract.version, {"amount": contract.amount + Decimal("100")})
    assert info.value.permission == "contract.edit" and info.value.role == "technician"
    fresh = Contract.get_by_id(contract.id)
    assert (fresh.amount, fresh.version) == before
    assert AuditLog.select().count() == audit_rows  # nothing written at all


def test_coordinator_cannot_either_but_a_manager_can(demo_db):
    contract = Contract.select().where(Contract.status == "active").first()
    with context.acting_as(actor_with_role("coordinator")), pytest.raises(PermissionDenied):
        contracts.update_contract(contract.id, contract.version, {"amount": Decimal("999.00")})
    manager = actor_with_role("manager")
    with context.acting_as(manager):
        contracts.update_contract(contract.id, contract.version, {"amount": contract.amount + Decimal("100")})
    entry = next(e for e in audit.contract_history(contract.id) if e.field == "amount")
    assert entry.operator_id == manager.operator_id
    assert Decimal(entry.new_value) == contract.amount + Decimal("100")


def test_technician_works_only_on_his_own_interventions_and_work_logs(demo_db):
    tech = actor_with_role("technician")
    others = Intervention.select().where(Intervention.status == "planned",
                                         Intervention.operator != tech.operator_id).first()
    mine = Intervention.select().where(Intervention.status == "planned",
                                       Intervention.operator == tech.operator_id).first()
    foreign_log = WorkLog.select().where(WorkLog.operator != tech.operator_id).first()
    with context.acting_as(tech):
        with pytest.raises(PermissionDenied):
            interventions.start(others)
        with pytest.raises(PermissionDenied):
            worklogs.delete(foreign_log)
        if mine is not None:
            interventions.start(mine)
            assert Intervention.get_by_id(mine.id).status == "in_progress"
    assert Intervention.get_by_id(others.id).status == "planned"
    assert WorkLog.get_or_none(WorkLog.id == foreign_log.id) is not None
