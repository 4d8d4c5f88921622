"""The office: teams, operators, working hours, absences and job orders."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .parties import Party


class Team(BaseModel):
    name = pw.CharField(max_length=80, unique=True)
    color = pw.CharField(max_length=9, default="#4a90d9")
    archived = pw.BooleanField(default=False)


class Operator(BaseModel):
    """A person of the office who signs in: technician, coordinator, manager, administrator."""

    username = pw.CharField(max_length=40, unique=True)
    full_name = pw.CharField(max_length=120)
    email = pw.CharField(max_length=200, default="")
    phone = pw.CharField(max_length=40, default="")
    team = pw.ForeignKeyField(Team, null=True, backref="operators")
    role = pw.CharField(max_length=16, default="technician")  # permissions.Role values
    password_hash = pw.CharField(max_length=300, default="")  # scrypt, never plain text
    color = pw.CharField(max_length=9, default="#4a90d9")
    active = pw.BooleanField(default=True)
    # sign-in state (migration m0090), written with bulk updates: not user edits, no version bump
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    last_login_at = pw.DateTimeField(null=True)

    class Meta:
        # Sign-in state and the password hash are not profile edits: they never make an open
        # operator editor conflict (uow: reported, not versioned, not audited).
        unversioned = frozenset({"password_hash", "failed_logins", "locked_until", "last_login_at"})


class WorkingHours(BaseModel):
    """One working period of an operator on a weekday (0 = Monday); several per day allowed."""

    operator = pw.ForeignKeyField(Operator, backref="working_hours", on_delete="CASCADE")
    weekday = pw.IntegerField()
    start = pw.TimeField()
    end = pw.TimeField()

    class Meta:
        indexes = ((("operator", "weekday", "start"), True),)


class Absence(BaseModel):
    """Holiday, sick leave, training … an operator is not available from ``start`` to ``end``."""

    operator = pw.ForeignKeyField(Operator, backref="absences", on_delete="CASCADE")
    kind = pw.CharField(max_length=16)  # holiday, sick, training, other
    start = pw.DateTimeField()
    end = pw.DateTimeField()
    note = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("operator", "start"), False),)


class JobOrder(BaseModel):
    """An internal project/order code (commessa) that costs and contracts refer to."""

    code = pw.CharField(max_length=30, unique=True)
    title = pw.CharField(max_length=200)
    party = pw.ForeignKeyField(Party, null=True, backref="job_orders")
    opened_on = pw.DateField(null=True)
    closed_on = pw.DateField(null=True)
    archived = pw.BooleanField(default=False)
