"""Periodic maintenance plans (R-MNT-1) and the outbox of customer notices (R-MNT-2)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .contracts import Contract
from .interventions import Intervention
from .org import Operator, Team
from .products import Unit
from .reference import ActivityType


class MaintenancePlan(BaseModel):
    unit = pw.ForeignKeyField(Unit, null=True, backref="maintenance_plans")
    contract = pw.ForeignKeyField(Contract, null=True, backref="maintenance_plans")
    title = pw.CharField(max_length=200, default="")
    activity_type = pw.ForeignKeyField(ActivityType)
    every = pw.IntegerField(default=1)
    period = pw.CharField(max_length=8, default="months")  # days, weeks, months, years
    start_date = pw.DateField()
    until_date = pw.DateField(null=True)  # None: forever
    team = pw.ForeignKeyField(Team, null=True)
    operator = pw.ForeignKeyField(Operator, null=True)
    duration_minutes = pw.IntegerField(default=120)
    instructions = pw.TextField(default="")
    notice_days = pw.IntegerField(default=7)
    last_done_on = pw.DateField(null=True)  # date of the last *completed* visit
    active = pw.BooleanField(default=True)


class OutboxMessage(BaseModel):
    """A notice waiting to be sent (or sent): e-mail or printed letter; never sent twice."""

    dedup_key = pw.CharField(max_length=120, unique=True)  # e.g. notice:<intervention uuid>
    channel = pw.CharField(max_length=8, default="email")  # email, letter
    to_address = pw.CharField(max_length=300, default="")
    to_name = pw.CharField(max_length=200, default="")
    subject = pw.CharField(max_length=300)
    body = pw.TextField()
    attachment_name = pw.CharField(max_length=100, default="")
    attachment = pw.BlobField(null=True)
    status = pw.CharField(max_length=10, default="queued", index=True)  # queued, sending, sent, failed
    attempts = pw.IntegerField(default=0)
    next_attempt_at = pw.DateTimeField(null=True)
    last_error = pw.TextField(default="")
    sent_at = pw.DateTimeField(null=True)
    intervention = pw.ForeignKeyField(Intervention, null=True, backref="notices")
