"""Interventions (scheduled technical activities) and work logs (R-REQ-3, R-LOG-1)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel, FixedDecimalField
from .org import JobOrder, Operator, Team
from .parties import Party
from .reference import ActivityType, Priority
from .requests import ServiceRequest


class Intervention(BaseModel):
    request = pw.ForeignKeyField(ServiceRequest, backref="interventions", index=True)
    activity_type = pw.ForeignKeyField(ActivityType)
    operator = pw.ForeignKeyField(Operator, null=True, backref="interventions")
    team = pw.ForeignKeyField(Team, null=True, backref="interventions")
    priority = pw.ForeignKeyField(Priority, null=True)
    status = pw.CharField(max_length=12, default="planned", index=True)  # planned, in_progress, done, cancelled
    planned_start = pw.DateTimeField(null=True)
    planned_end = pw.DateTimeField(null=True)
    instructions = pw.TextField(default="")
    actual_start = pw.DateTimeField(null=True)
    actual_end = pw.DateTimeField(null=True)
    report = pw.TextField(default="")
    override_note = pw.TextField(default="")  # warnings overridden while scheduling
    maintenance_plan = pw.DeferredForeignKey("MaintenancePlan", null=True, backref="interventions")
    due_date = pw.DateField(null=True)  # for maintenance visits: the date the plan asked for
    # m0151: the customer's signature captured on screen (SVG path data) and who signed (R-X-7)
    signature = pw.TextField(default="")
    signer_name = pw.CharField(max_length=120, default="")
    signed_at = pw.DateTimeField(null=True)

    class Meta:
        audited = True
        indexes = ((("operator", "planned_start"), False), (("planned_start",), False))


class WorkLog(BaseModel):
    """Time and activity actually spent on a request (consuntivo)."""

    request = pw.ForeignKeyField(ServiceRequest, backref="work_logs", index=True)
    intervention = pw.ForeignKeyField(Intervention, null=True, backref="work_logs")
    operator = pw.ForeignKeyField(Operator, backref="work_logs")
    customer = pw.ForeignKeyField(Party)  # follows from the request, kept for analysis
    job_order = pw.ForeignKeyField(JobOrder, null=True)
    activity_type = pw.ForeignKeyField(ActivityType)
    work_date = pw.DateField()
    start_time = pw.TimeField(null=True)
    end_time = pw.TimeField(null=True)
    minutes = pw.IntegerField()  # worked time
    travel_minutes = pw.IntegerField(default=0)
    km = FixedDecimalField(max_digits=8, decimal_places=1, default=0, auto_round=True)
    billable = pw.BooleanField(default=True)
    notes = pw.TextField(default="")

    class Meta:
        audited = True
        indexes = ((("operator", "work_date"), False), (("work_date",), False),
                   (("customer", "work_date"), False))
