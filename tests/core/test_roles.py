"""Roles enforced in the core, operators administration rules (R-X-1)."""
from __future__ import annotations

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import Operator
from servicedesk.permissions import Permission, Role, allowed
from servicedesk.services import auth, operators

ADMIN = Actor(operator_id=1, role=Role.ADMIN, name="Admin")


def test_permission_matrix_follows_the_issue():
    """technician: own interventions/work logs, requests read and notes; coordinator: requests,
    team board, maintenance; manager: contracts, amounts, money analysis; admin: operators,
    settings, backups."""
    t, c, m, a = Role.TECHNICIAN, Role.COORDINATOR, Role.MANAGER, Role.ADMIN
    assert allowed(t, Permission.REQUEST_READ) and allowed(t, Permission.REQUEST_NOTE)
    assert allowed(t, Permission.INTERVENTION_OWN) and allowed(t, Permission.WORKLOG_OWN)
    assert not allowed(t, Permission.REQUEST_EDIT) and not allowed(t, Permission.CONTRACT_EDIT)
    assert allowed(c, Permission.REQUEST_EDIT) and allowed(c, Permission.BOARD_EDIT)
    assert allowed(c, Permission.MAINTENANCE_EDIT) and not allowed(c, Permission.CONTRACT_EDIT)
    assert allowed(m, Permission.CONTRACT_EDIT) and allowed(m, Permission.ANALYSIS_MONEY)
    assert not allowed(m, Permission.OPERATOR_ADMIN) and not allowed(m, Permission.BACKUP)
    assert all(allowed(a, p) for p in Permission)


def test_require_own_lets_a_technician_edit_only_his_records():
    tech = Actor(operator_id=5, role=Role.TECHNICIAN, name="Luca")
    with context.acting_as(tech):
        assert context.require_own(Permission.WORKLOG_ANY, Permission.WORKLOG_OWN, 5) is tech
        with pytest.raises(PermissionDenied):
            context.require_own(Permission.WORKLOG_ANY, Permission.WORKLOG_OWN, 6)
        with pytest.raises(PermissionDenied):
            context.require_own(Permission.WORKLOG_ANY, Permission.WORKLOG_OWN, None)
    coord = Actor(operator_id=7, role=Role.COORDINATOR, name="Carla")
    with context.acting_as(coord):
        assert context.require_own(Permission.WORKLOG_ANY, Permission.WORKLOG_OWN, 5) is coord


def test_operator_validation(db):
    with context.acting_as(ADMIN):
        operators.create_operator(username="luca", full_name="Luca", password="password1")
        with pytest.raises(ValidationError) as info:
            operators.create_operator(username="LUCA", full_name="x" * 200, role="boss",
                                      password="pw", email="not-an-email", color="red")
        codes = {(e.field, e.code) for e in info.value.errors}
        assert ("username", "auth.username_taken") in codes
        assert ("full_name", "too_long") in codes
        assert ("role", "invalid_choice") in codes
        assert ("password", "auth.password_short") in codes
        assert ("email", "auth.email_format") in codes
        assert ("color", "invalid_choice") in codes
        with pytest.raises(ValidationError) as info:
            operators.create_operator(username="a b;drop", full_name="X", password="password1")
        assert info.value.errors[0].code == "auth.username_format"


def test_last_administrator_cannot_be_demoted_or_deactivated(db):
    admin = operators.create_first_admin("anna", "Anna", "password1")
    op = Operator.get_by_id(admin.operator_id)
    with context.acting_as(admin):
        with pytest.raises(ValidationError) as info:
            operators.update_operator(op, role=Role.TECHNICIAN)
        assert info.value.errors[0].code == "auth.last_admin"
        with pytest.raises(ValidationError):
            operators.update_operator(Operator.get_by_id(op.id), active=False)
        operators.create_operator(username="bruno", full_name="Bruno", role="admin", password="password2")
        operators.update_operator(Operator.get_by_id(op.id), role=Role.MANAGER)
    assert Operator.get_by_id(op.id).role == "manager"


def test_concurrent_operator_edit_conflicts(db):
    with context.acting_as(ADMIN):
        op = operators.create_operator(username="luca", full_name="Luca", password="password1")
        mine, theirs = Operator.get_by_id(op.id), Operator.get_by_id(op.id)
        operators.update_operator(theirs, phone="02 1234567")
        with pytest.raises(ConflictError):
            operators.update_operator(mine, full_name="Luca Verdi")
        # a password reset is not a profile edit: it does not make an open editor conflict
        fresh = Operator.get_by_id(op.id)
        operators.reset_password(fresh, "password9", "password9")
        operators.update_operator(fresh, full_name="Luca Verdi")
    assert Operator.get_by_id(op.id).full_name == "Luca Verdi"


def test_teams(db):
    with context.acting_as(ADMIN):
        team = operators.create_team("Assistenza Nord", "#112233")
        with pytest.raises(ValidationError) as info:
            operators.create_team("Assistenza Nord")
        assert info.value.errors[0].code == "auth.team_taken"
        op = operators.create_operator(username="luca", full_name="Luca", password="password1", team=team)
        assert op.team_id == team.id
        operators.update_team(team, name="Nord", archived=True)
    assert [t.name for t in operators.list_teams(include_archived=True)] == ["Nord"]
    assert [(o.username, o.team.name) for o in operators.list_operators()] == [("luca", "Nord")]
    assert operators.list_teams() == []
    with context.acting_as(Actor(operator_id=2, role=Role.MANAGER, name="M")), pytest.raises(PermissionDenied):
        operators.create_team("Sud")
