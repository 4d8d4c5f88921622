"""Service requests, their units, status history and notes/answers timeline (R-REQ-1,2,5)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .contracts import Contract
from .org import JobOrder, Operator, Team
from .parties import Contact, Party
from .products import Unit
from .reference import Priority, ProblemType


class RequestCounter(BaseModel):
    """Per-year sequence for request numbers (RS-2026-000123), taken inside the write lock."""

    year = pw.IntegerField(unique=True)
    last = pw.IntegerField(default=0)


class ServiceRequest(BaseModel):
    number = pw.CharField(max_length=20, unique=True)  # RS-YYYY-NNNNNN
    customer = pw.ForeignKeyField(Party, backref="requests", index=True)
    contact = pw.ForeignKeyField(Contact, null=True)
    channel = pw.CharField(max_length=10, default="phone")  # phone, email, web, onsite
    subject = pw.CharField(max_length=200, default="")
    description = pw.TextField(default="")
    problem_type = pw.ForeignKeyField(ProblemType, null=True)
    priority = pw.ForeignKeyField(Priority)
    status = pw.CharField(max_length=20, default="new", index=True)
    contract = pw.ForeignKeyField(Contract, null=True, backref="requests", index=True)
    job_order = pw.ForeignKeyField(JobOrder, null=True, backref="requests")
    team = pw.ForeignKeyField(Team, null=True, backref="requests")
    owner = pw.ForeignKeyField(Operator, null=True, backref="owned_requests")
    opened_at = pw.DateTimeField(index=True)
    first_response_at = pw.DateTimeField(null=True)
    response_due = pw.DateTimeField(null=True)  # SLA clocks, moved on when paused
    resolution_due = pw.DateTimeField(null=True, index=True)
    paused_since = pw.DateTimeField(null=True)  # set while waiting for customer/supplier
    paused_minutes = pw.IntegerField(default=0)
    resolved_at = pw.DateTimeField(null=True)
    closed_at = pw.DateTimeField(null=True, index=True)
    final_report = pw.TextField(default="")
    kb_article = pw.DeferredForeignKey("KbArticle", null=True, backref="requests")
    # m0030: the running SLA deadline and when it turns "at risk" (NULL while the clock is
    # stopped), kept by services/requests.py so the queue sorts and counts by index.
    sla_due = pw.DateTimeField(null=True)
    sla_risk_at = pw.DateTimeField(null=True)

    class Meta:
        audited = True
        indexes = ((("status", "resolution_due"), False),)
        # Keys derived from the SLA clocks, kept by the services: not edits of the request.
        unversioned = frozenset({"sla_due", "sla_risk_at", "first_response_at"})


class RequestUnit(BaseModel):
    """A unit (product + serial) involved in a request."""

    request = pw.ForeignKeyField(ServiceRequest, backref="request_units", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, backref="request_links", index=True)

    class Meta:
        indexes = ((("request", "unit"), True),)


class RequestEvent(BaseModel):
    """The request's history: status changes, notes, answers to the customer (R-REQ-5)."""

    request = pw.ForeignKeyField(ServiceRequest, backref="events", on_delete="CASCADE")
    at = pw.DateTimeField()
    operator = pw.ForeignKeyField(Operator, null=True)
    kind = pw.CharField(max_length=16)  # status, note, answer, ticket_override, kb_applied …
    from_status = pw.CharField(max_length=20, null=True)
    to_status = pw.CharField(max_length=20, null=True)  # kind "intervention": what happened
    text = pw.TextField(default="")
    # kind "intervention": which one (migration m0170); an id, not a foreign key, so that the
    # history never blocks anything done to the intervention itself
    intervention_id = pw.IntegerField(null=True, index=True)

    class Meta:
        indexes = ((("request", "at"), False),)
