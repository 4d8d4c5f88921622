"""Work log analysis (R-LOG-2): by customer, operator, job order, activity type and date, with
totals of hours, billable hours and travel."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from ...models import ActivityType, JobOrder, Operator, Party, ServiceRequest, WorkLog
from .base import (Column, Dimension, Measure, Subject, day_range, hours_of, month_of,
                   name_labels, ref_labels, week_of)


@dataclass(frozen=True)
class WorkLogSpec:
    customer_ids: tuple[int, ...] = ()
    operator_ids: tuple[int, ...] = ()
    job_order_ids: tuple[int, ...] = ()
    activity_type_ids: tuple[int, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    billable: str = ""  # "", "yes", "no"


W = WorkLog
WCust = Party.alias("wcust")
WOp = Operator.alias("wop")
WJob = JobOrder.alias("wjob")
WAct = ActivityType.alias("wact")
WReq = ServiceRequest.alias("wreq")

HOURS = hours_of(pw.fn.SUM(W.minutes))
BILLABLE_HOURS = hours_of(pw.fn.SUM(pw.Case(None, [(W.billable == True, W.minutes)], 0)))  # noqa: E712
TRAVEL_HOURS = hours_of(pw.fn.SUM(W.travel_minutes))


class WorkLogsSubject(Subject):
    name = "worklogs"
    spec_type = WorkLogSpec
    default_sort = ("work_date", True)
    default_chart = ("operator", None, "hours")

    def __init__(self) -> None:
        super().__init__()
        self._columns = [
            Column("work_date", "date", W.work_date, width=12),
            Column("operator", "text", WOp.full_name, width=20),
            Column("customer", "text", WCust.name, width=30),
            Column("request", "text", WReq.number, width=16),
            Column("job_order", "text", WJob.code, width=14),
            Column("activity_type", "code", WAct.code, codes="activity_type", width=18),
            Column("hours", "hours", hours_of(W.minutes), sort=W.minutes, width=9),
            Column("travel_hours", "hours", hours_of(W.travel_minutes), sort=W.travel_minutes,
                   width=9),
            Column("km", "number", W.km, width=8),
            Column("billable", "bool", W.billable, width=9),
            Column("notes", "text", W.notes, width=40),
        ]
        self.dimensions = {
            "operator": Dimension("operator", W.operator,
                                  labels=name_labels(Operator, Operator.full_name)),
            "customer": Dimension("customer", W.customer, labels=name_labels(Party, Party.name)),
            "job_order": Dimension("job_order", W.job_order,
                                   labels=name_labels(JobOrder, JobOrder.code)),
            "activity_type": Dimension("activity_type", W.activity_type,
                                       labels=ref_labels(ActivityType)),
            "billable": Dimension("billable", W.billable, codes="billable"),
            "month": Dimension("month", month_of(W.work_date), period="month"),
            "week": Dimension("week", week_of(W.work_date), period="week"),
        }
        self.measures = {
            "count": Measure("count", pw.fn.COUNT(W.id)),
            "hours": Measure("hours", HOURS, kind="hours"),
            "billable_hours": Measure("billable_hours", BILLABLE_HOURS, kind="hours"),
            "travel_hours": Measure("travel_hours", TRAVEL_HOURS, kind="hours"),
        }

    @property
    def model(self) -> type[pw.Model]:
        return W

    def base(self, spec: WorkLogSpec) -> pw.ModelSelect:
        conditions: list[Any] = []
        if spec.customer_ids:
            conditions.append(W.customer.in_(list(spec.customer_ids)))
        if spec.operator_ids:
            conditions.append(W.operator.in_(list(spec.operator_ids)))
        if spec.job_order_ids:
            conditions.append(W.job_order.in_(list(spec.job_order_ids)))
        if spec.activity_type_ids:
            conditions.append(W.activity_type.in_(list(spec.activity_type_ids)))
        conditions += day_range(W.work_date, spec.date_from, spec.date_to, datetime_column=False)
        if spec.billable in ("yes", "no"):
            conditions.append(W.billable == (spec.billable == "yes"))
        query = W.select()
        return query.where(*conditions) if conditions else query

    def display(self, query: pw.ModelSelect, spec: Any) -> pw.ModelSelect:
        J = pw.JOIN.LEFT_OUTER
        return (query.join_from(W, WOp, J, on=(W.operator == WOp.id))
                .join_from(W, WCust, J, on=(W.customer == WCust.id))
                .join_from(W, WReq, J, on=(W.request == WReq.id))
                .join_from(W, WJob, J, on=(W.job_order == WJob.id))
                .join_from(W, WAct, J, on=(W.activity_type == WAct.id)))


WORKLOGS = WorkLogsSubject()
