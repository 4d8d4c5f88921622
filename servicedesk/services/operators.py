"""Operators and teams administration: create, edit, roles, passwords, deactivation (R-X-1).

Every call needs ``Permission.OPERATOR_ADMIN`` except :func:`change_own_password`. Edits go
through ``BaseModel.save`` (optimistic locking): an operator edited meanwhile on another
workstation raises ConflictError. The last active administrator can be neither demoted nor
deactivated, so the office is never locked out of its own database.
"""
from __future__ import annotations

import re
from typing import Any

from peewee import JOIN, fn

from .. import context
from ..context import Actor
from ..errors import FieldError, NotFound, ValidationError
from ..models import Operator, Team
from ..permissions import Permission, Role
from . import auth
from .records import stored

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EDITABLE = ("full_name", "email", "phone", "team", "role", "color", "active")


def _clean(value: Any) -> str:
    return (value or "").strip() if isinstance(value, str) or value is None else str(value)


def _validate(data: dict[str, Any], *, operator_id: int | None) -> list[FieldError]:
    errors: list[FieldError] = []
    if "username" in data:
        name = data["username"]
        if not name:
            errors.append(FieldError("username", "required"))
        elif not auth.USERNAME_RE.match(name):
            errors.append(FieldError("username", "auth.username_format"))
        else:
            q = Operator.select().where(fn.LOWER(Operator.username) == name)
            if operator_id is not None:
                q = q.where(Operator.id != operator_id)
            if q.exists():
                errors.append(FieldError("username", "auth.username_taken", {"username": name}))
    if "full_name" in data:
        if not data["full_name"]:
            errors.append(FieldError("full_name", "required"))
        elif len(data["full_name"]) > 120:
            errors.append(FieldError("full_name", "too_long", {"max": 120}))
    if "role" in data and data["role"] not in {r.value for r in Role}:
        errors.append(FieldError("role", "invalid_choice", {"value": data["role"]}))
    if data.get("email") and (len(data["email"]) > 200 or not EMAIL_RE.match(data["email"])):
        errors.append(FieldError("email", "auth.email_format"))
    if data.get("phone") and len(data["phone"]) > 40:
        errors.append(FieldError("phone", "too_long", {"max": 40}))
    if data.get("color") and not COLOR_RE.match(data["color"]):
        errors.append(FieldError("color", "invalid_choice", {"value": data["color"]}))
    return errors


def _team_id(team: Any) -> int | None:
    if team is None or team == "":
        return None
    team_id = team.id if isinstance(team, Team) else int(team)
    if not Team.select().where(Team.id == team_id).exists():
        raise ValidationError(FieldError("team", "not_found"))
    return team_id


def create_operator(*, username: str, full_name: str, role: Role | str = Role.TECHNICIAN,
                    password: str, password_again: str | None = None, email: str = "",
                    phone: str = "", team: Any = None, color: str = "#4a90d9",
                    active: bool = True) -> Operator:
    context.require(Permission.OPERATOR_ADMIN)
    role = role.value if isinstance(role, Role) else str(role)
    data = dict(username=_clean(username).lower(), full_name=_clean(full_name), role=role,
                email=_clean(email), phone=_clean(phone), color=_clean(color) or "#4a90d9")
    errors = _validate(data, operator_id=None)
    errors += auth.password_problems(password)
    if password_again is not None and password and password != password_again:
        errors.append(FieldError("password_again", "auth.password_mismatch"))
    if errors:
        raise ValidationError(errors)
    team_id = _team_id(team)
    with Operator._meta.database.atomic():
        # re-checked under the write lock: two admins may pick the same name at once
        if Operator.select().where(fn.LOWER(Operator.username) == data["username"]).exists():
            raise ValidationError(FieldError("username", "auth.username_taken",
                                             {"username": data["username"]}))
        return Operator.create(**data, team=team_id, active=bool(active),
                               password_hash=auth.hash_password(password))


def update_operator(operator: Operator, **changes: Any) -> Operator:
    """Apply ``changes`` (fields of ``EDITABLE``) to ``operator`` as loaded (its version is the
    one the editor saw) and save; raises ConflictError when it was changed meanwhile."""
    context.require(Permission.OPERATOR_ADMIN)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    data = {k: (_clean(v) if k in ("full_name", "email", "phone", "color") else v)
            for k, v in changes.items() if k != "team"}
    if "role" in data and isinstance(data["role"], Role):
        data["role"] = data["role"].value
    errors = _validate(data, operator_id=operator.id)
    if errors:
        raise ValidationError(errors)
    if "team" in changes:
        data["team"] = _team_id(changes["team"])
    with Operator._meta.database.atomic():
        losing_admin = operator.role == Role.ADMIN.value and (
            data.get("role", Role.ADMIN.value) != Role.ADMIN.value or data.get("active") is False)
        if losing_admin and _other_active_admins(operator.id) == 0:
            raise ValidationError(FieldError("role", "auth.last_admin"))
        for key, value in data.items():
            setattr(operator, key, value)
        operator.save()
        if data.get("active") is False:
            auth.revoke_tokens(operator.id)
    return operator


def change_operator(operator_id: int, expected_version: int, changes: dict[str, Any]) -> Operator:
    """Apply ``changes`` to the operator read at ``expected_version`` (ConflictError when saved
    in between); the last-administrator rule is checked against the stored row."""
    context.require(Permission.OPERATOR_ADMIN)
    with Operator._meta.database.atomic():
        return update_operator(stored(Operator, operator_id, expected_version), **changes)


def _other_active_admins(operator_id: int) -> int:
    return Operator.select().where(Operator.role == Role.ADMIN.value, Operator.active == True,  # noqa: E712
                                   Operator.id != operator_id).count()


def reset_password(operator: Operator | int, new_password: str,
                   new_password_again: str | None = None) -> None:
    """An administrator sets a new password; remembered sign-ins are revoked and a lockout lifted."""
    context.require(Permission.OPERATOR_ADMIN)
    operator_id = operator if isinstance(operator, int) else operator.id
    _set_password(operator_id, new_password, new_password_again)


def change_own_password(old_password: str, new_password: str, new_password_again: str | None = None) -> None:
    actor = context.current()
    if actor.operator_id is None:
        raise ValidationError(FieldError("operator", "required"))
    op = Operator.get_or_none(Operator.id == actor.operator_id)
    if op is None:
        raise NotFound("operator")
    if not auth.verify_password(old_password or "", op.password_hash):
        raise ValidationError(FieldError("old_password", "auth.wrong_password"))
    _set_password(op.id, new_password, new_password_again)


def _set_password(operator_id: int, password: str, again: str | None) -> None:
    errors = auth.password_problems(password)
    if again is not None and password and password != again:
        errors.append(FieldError("password_again", "auth.password_mismatch"))
    if errors:
        raise ValidationError(errors)
    digest = auth.hash_password(password)
    with Operator._meta.database.atomic():
        # A password change is not a profile edit: it must not conflict with one, so no version bump.
        rows = Operator.update(password_hash=digest, failed_logins=0, locked_until=None) \
            .where(Operator.id == operator_id).execute()
        if not rows:
            raise NotFound("operator")
        auth.revoke_tokens(operator_id)


def list_operators(include_inactive: bool = True) -> list[Operator]:
    q = Operator.select(Operator, Team).join(Team, JOIN.LEFT_OUTER).order_by(Operator.full_name)
    if not include_inactive:
        q = q.where(Operator.active == True)  # noqa: E712
    return list(q)


# -- teams --------------------------------------------------------------------------------
def _validate_team(name: str, color: str, team_id: int | None) -> None:
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", "required"))
    elif len(name) > 80:
        errors.append(FieldError("name", "too_long", {"max": 80}))
    else:
        q = Team.select().where(Team.name == name)
        if team_id is not None:
            q = q.where(Team.id != team_id)
        if q.exists():
            errors.append(FieldError("name", "auth.team_taken", {"name": name}))
    if color and not COLOR_RE.match(color):
        errors.append(FieldError("color", "invalid_choice", {"value": color}))
    if errors:
        raise ValidationError(errors)


def create_team(name: str, color: str = "#4a90d9", archived: bool = False) -> Team:
    context.require(Permission.OPERATOR_ADMIN)
    name, color = _clean(name), _clean(color) or "#4a90d9"
    _validate_team(name, color, None)
    with Team._meta.database.atomic():
        return Team.create(name=name, color=color, archived=bool(archived))


def update_team(team: Team, *, name: str | None = None, color: str | None = None,
                archived: bool | None = None) -> Team:
    context.require(Permission.OPERATOR_ADMIN)
    new_name = _clean(name) if name is not None else team.name
    new_color = _clean(color) if color is not None else team.color
    _validate_team(new_name, new_color, team.id)
    with Team._meta.database.atomic():
        team.name, team.color = new_name, new_color
        if archived is not None:
            team.archived = archived
        team.save()
    return team


def change_team(team_id: int, expected_version: int, changes: dict[str, Any]) -> Team:
    """Apply ``changes`` (name, color, archived) to the team read at ``expected_version``."""
    context.require(Permission.OPERATOR_ADMIN)
    unknown = set(changes) - {"name", "color", "archived"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with Team._meta.database.atomic():
        return update_team(stored(Team, team_id, expected_version), **changes)


def list_teams(include_archived: bool = False) -> list[Team]:
    q = Team.select().order_by(Team.name)
    if not include_archived:
        q = q.where(Team.archived == False)  # noqa: E712
    return list(q)


def create_first_admin(username: str, full_name: str, password: str, *,
                       password_again: str | None = None) -> Actor:
    """First run: create the administrator (refused once one exists) and act as it. It lives
    here, not in ``auth``: creating an operator needs ``auth`` (hashing, password rules), so
    ``auth`` importing this module would make a circle (#13)."""
    if not auth.needs_first_admin():
        raise auth.SignInError("an administrator exists", code="auth.admin_exists")
    with context.acting_as(context.SYSTEM):
        op = create_operator(username=username, full_name=full_name, role=Role.ADMIN,
                             password=password, password_again=password_again)
    return auth.actor_for(op)
