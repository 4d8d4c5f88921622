"""Reads of the operators and teams administration (R-X-1, #13): rows and snapshots for the
operators dialog and the sign-in start."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from .. import clock
from ..models import AuthToken, Operator, Team
from ..permissions import Role


@dataclass(frozen=True)
class OperatorDetail:
    """One operator as the administration shows it; ``version`` is what a save must find."""

    id: int
    version: int
    username: str
    full_name: str
    email: str
    phone: str
    role: str
    team_id: int | None
    team_name: str
    last_login_at: dt.datetime | None
    active: bool


@dataclass(frozen=True)
class TeamDetail:
    id: int
    version: int
    name: str
    color: str
    archived: bool


def _detail(op: Operator) -> OperatorDetail:
    team = op.team if op.team_id else None
    return OperatorDetail(op.id, op.version, op.username, op.full_name, op.email, op.phone,
                          op.role, op.team_id, team.name if team is not None else "",
                          op.last_login_at, bool(op.active))


def operators() -> list[OperatorDetail]:
    """Every operator (active or not) by name."""
    q = (Operator.select(Operator, Team).join(Team, pw.JOIN.LEFT_OUTER)
         .order_by(Operator.full_name, Operator.id))
    return [_detail(op) for op in q]


def operator(operator_id: int) -> OperatorDetail | None:
    op = (Operator.select(Operator, Team).join(Team, pw.JOIN.LEFT_OUTER)
          .where(Operator.id == operator_id).first())
    return _detail(op) if op is not None else None


def teams(include_archived: bool = True) -> list[TeamDetail]:
    q = Team.select().order_by(Team.name)
    if not include_archived:
        q = q.where(Team.archived == False)  # noqa: E712
    return [TeamDetail(t.id, t.version, t.name, t.color, bool(t.archived)) for t in q]


def team(team_id: int) -> TeamDetail | None:
    t = Team.get_or_none(Team.id == team_id)
    return TeamDetail(t.id, t.version, t.name, t.color, bool(t.archived)) if t else None


def active_token_count(operator_id: int) -> int:
    """Remembered sign-ins of the operator that still work."""
    return (AuthToken.select().where(AuthToken.operator == operator_id,
                                     AuthToken.revoked == False,  # noqa: E712
                                     AuthToken.expires_at > clock.now()).count())


def first_active_admin() -> int | None:
    """The first active administrator's id (who a workstation acts as before sign-in exists)."""
    row = (Operator.select(Operator.id)
           .where(Operator.active == True, Operator.role == Role.ADMIN.value)  # noqa: E712
           .order_by(Operator.id).tuples().first())
    return row[0] if row else None
