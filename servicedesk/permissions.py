"""Roles and what each may do. Enforced in core services, not only by hiding buttons."""
from __future__ import annotations

import enum


class Role(str, enum.Enum):
    TECHNICIAN = "technician"
    COORDINATOR = "coordinator"
    MANAGER = "manager"
    ADMIN = "admin"


class Permission(str, enum.Enum):
    REQUEST_READ = "request.read"
    REQUEST_NOTE = "request.note"          # add notes / answers to a request
    REQUEST_EDIT = "request.edit"          # create, edit, change status
    INTERVENTION_OWN = "intervention.own"  # update own interventions (complete, report)
    INTERVENTION_PLAN = "intervention.plan"
    WORKLOG_OWN = "worklog.own"
    WORKLOG_ANY = "worklog.any"
    BOARD_EDIT = "board.edit"              # working hours, absences, rescheduling
    MAINTENANCE_EDIT = "maintenance.edit"
    PARTY_EDIT = "party.edit"              # customers, suppliers, products, units, import
    KB_EDIT = "kb.edit"
    CONTRACT_READ = "contract.read"
    CONTRACT_EDIT = "contract.edit"        # contracts, amounts, renewals, billing, tickets
    ANALYSIS = "analysis"
    ANALYSIS_MONEY = "analysis.money"
    OPERATOR_ADMIN = "operator.admin"
    SETTINGS = "settings"
    BACKUP = "backup"


_TECH = {
    Permission.REQUEST_READ, Permission.REQUEST_NOTE, Permission.INTERVENTION_OWN,
    Permission.WORKLOG_OWN, Permission.KB_EDIT, Permission.CONTRACT_READ, Permission.ANALYSIS,
}
_COORD = _TECH | {
    Permission.REQUEST_EDIT, Permission.INTERVENTION_PLAN, Permission.WORKLOG_ANY,
    Permission.BOARD_EDIT, Permission.MAINTENANCE_EDIT, Permission.PARTY_EDIT,
}
_MANAGER = _COORD | {Permission.CONTRACT_EDIT, Permission.ANALYSIS_MONEY}
_ADMIN = set(Permission)

_MATRIX: dict[Role, frozenset[Permission]] = {
    Role.TECHNICIAN: frozenset(_TECH),
    Role.COORDINATOR: frozenset(_COORD),
    Role.MANAGER: frozenset(_MANAGER),
    Role.ADMIN: frozenset(_ADMIN),
}


# The one rule for amounts (contract values, instalments, renewals, analysis money): an operator
# without it gets no amounts from any core query, and the UI shows "—" (#14).
MONEY = Permission.ANALYSIS_MONEY


def sees_money(actor=None) -> bool:
    """May ``actor`` (default: the acting operator) see amounts?"""
    from . import context

    return (actor or context.current()).can(MONEY)


def allowed(role: Role, permission: Permission) -> bool:
    return permission in _MATRIX[Role(role)]


def permissions_of(role: Role) -> frozenset[Permission]:
    return _MATRIX[Role(role)]
