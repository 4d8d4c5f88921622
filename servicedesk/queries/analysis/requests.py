"""Requests and interventions analysis (R-ANA-1): one spec, listed as requests or interventions.

Filters on related tables are ``IN (sub-select)`` conditions on the request's own columns, so
counting needs no join and every filter can use an index of its table.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import peewee as pw

from ... import dialect
from ...models import (ActivityType, Contract, Intervention, JobOrder, Operator, Party, Priority,
                       ProblemType, RequestUnit, ServiceRequest, Team, Unit)
from ..requests import serial_unit_ids_sql, text_candidates
from .base import (Column, Dimension, Measure, Subject, day_range, month_of, name_labels, raw,
                   ref_labels, week_of)

REQUEST_STATUSES = ("new", "assigned", "in_progress", "waiting_customer", "waiting_supplier",
                    "resolved", "closed", "cancelled")
INTERVENTION_STATUSES = ("planned", "in_progress", "done", "cancelled")


@dataclass(frozen=True)
class RequestSpec:
    """Filters of R-ANA-1; empty fields do not filter, set fields are ANDed; values inside one
    field are ORed (two customers: requests of either)."""

    text: str = ""  # number, customer, serial or words of subject/description (queue search)
    customer_ids: tuple[int, ...] = ()
    product_ids: tuple[int, ...] = ()  # a unit of one of these products is involved
    serial: str = ""  # a unit whose serial contains this text is involved
    provinces: tuple[str, ...] = ()  # the customer's province
    priorities: tuple[str, ...] = ()  # priority codes
    problem_type_ids: tuple[int, ...] = ()
    team_ids: tuple[int, ...] = ()  # requests: the request's team; interventions: theirs
    operator_ids: tuple[int, ...] = ()  # requests: owner or operator of an intervention
    statuses: tuple[str, ...] = ()  # request statuses
    intervention_statuses: tuple[str, ...] = ()
    activity_type_ids: tuple[int, ...] = ()  # of the interventions
    contract_ids: tuple[int, ...] = ()
    job_order_ids: tuple[int, ...] = ()
    opened_from: dt.date | None = None
    opened_to: dt.date | None = None
    closed_from: dt.date | None = None
    closed_to: dt.date | None = None
    scheduled_from: dt.date | None = None  # an intervention planned in this range
    scheduled_to: dt.date | None = None


SR = ServiceRequest
I = Intervention  # noqa: E741 - the usual short alias in SQL
Cust = Party.alias("cust")
Own = Operator.alias("own")
IOp = Operator.alias("iop")
Prio = Priority.alias("prio")
PType = ProblemType.alias("ptype")
RTeam = Team.alias("rteam")
ITeam = Team.alias("iteam")
Ctr = Contract.alias("ctr")
Job = JobOrder.alias("job")
Act = ActivityType.alias("act")


def _ids(values: tuple) -> list:
    return list(dict.fromkeys(values))


def request_conditions(spec: RequestSpec, *, interventions: bool,
                       counting: bool = False) -> list[Any]:
    """Conditions over ``service_request`` (and ``intervention`` when listing interventions).

    ``counting``: for a COUNT, where no order has to be kept, every filter may drive from its
    own index (a page instead walks the sort index and tests the unselective filters)."""
    out: list[Any] = []
    if spec.text.strip():
        # The request queue's search: number, customer, serial or description words, each
        # branch by an index (a LIKE '%…%' over 200,000 subjects took most of a second).
        found = text_candidates(spec.text.strip())
        if found is not None:
            sql, params = found
            out.append(SR.id.in_(pw.NodeList((pw.SQL(dialect.embeddable(sql), params),),
                                             parens=True)))
    if spec.customer_ids:
        out.append(SR.customer.in_(_ids(spec.customer_ids)))
    if spec.product_ids:
        out.append(SR.id.in_(RequestUnit.select(RequestUnit.request).where(
            RequestUnit.unit.in_(Unit.select(Unit.id).where(
                Unit.product.in_(_ids(spec.product_ids)))))))
    if spec.serial.strip():
        sql, params = serial_unit_ids_sql(spec.serial.strip())  # by trigrams of the serials
        out.append(SR.id.in_(RequestUnit.select(RequestUnit.request).where(
            RequestUnit.unit.in_(pw.NodeList((pw.SQL(dialect.embeddable(sql), params),), parens=True)))))
    if spec.provinces:
        # For a page, "+customer_id": a province holds thousands of customers; walking the sort
        # index and testing membership beats fetching and sorting every request of the
        # province. A count of requests reads those customers' requests by index instead
        # (for interventions the membership test stays cheaper: measured 13 against 34 ms).
        customer = (SR.customer if counting and not interventions
                    else dialect.no_index(SR.customer))
        out.append(customer.in_(Party.select(Party.id).where(
            Party.province.in_([p.upper() for p in spec.provinces]))))
    if spec.priorities:
        prio_ids = Priority.select(Priority.id).where(Priority.code.in_(list(spec.priorities)))
        if interventions:
            out.append(pw.fn.COALESCE(I.priority, SR.priority).in_(prio_ids))
        else:
            out.append(SR.priority.in_(prio_ids))
    if spec.problem_type_ids:
        out.append(SR.problem_type.in_(_ids(spec.problem_type_ids)))
    if spec.statuses:
        out.append(SR.status.in_(list(spec.statuses)))
    if spec.contract_ids:
        out.append(SR.contract.in_(_ids(spec.contract_ids)))
    if spec.job_order_ids:
        out.append(SR.job_order.in_(_ids(spec.job_order_ids)))
    out += day_range(SR.opened_at, spec.opened_from, spec.opened_to)
    out += day_range(SR.closed_at, spec.closed_from, spec.closed_to)
    if interventions:
        if spec.team_ids:
            out.append(I.team.in_(_ids(spec.team_ids)))
        if spec.operator_ids:
            out.append(I.operator.in_(_ids(spec.operator_ids)))
        if spec.intervention_statuses:
            out.append(I.status.in_(list(spec.intervention_statuses)))
        if spec.activity_type_ids:
            out.append(I.activity_type.in_(_ids(spec.activity_type_ids)))
        out += day_range(I.planned_start, spec.scheduled_from, spec.scheduled_to)
        return out
    if spec.team_ids:
        out.append(SR.team.in_(_ids(spec.team_ids)))
    if spec.operator_ids:
        ops = _ids(spec.operator_ids)
        out.append(SR.owner.in_(ops) | SR.id.in_(
            I.select(I.request).where(I.operator.in_(ops))))
    inter = []
    if spec.intervention_statuses:
        inter.append(I.status.in_(list(spec.intervention_statuses)))
    if spec.activity_type_ids:
        inter.append(I.activity_type.in_(_ids(spec.activity_type_ids)))
    inter += day_range(I.planned_start, spec.scheduled_from, spec.scheduled_to)
    if inter:  # one intervention must match all intervention conditions
        out.append(SR.id.in_(I.select(I.request).where(*inter)))
    return out


_INTERVENTION_ONLY = {"team_ids", "operator_ids", "intervention_statuses", "activity_type_ids",
                      "scheduled_from", "scheduled_to"}


def _needs_request(spec: RequestSpec) -> bool:
    """True when a filter of the listing of interventions reads the request's columns."""
    defaults = RequestSpec()
    return any(getattr(spec, f) != getattr(defaults, f)
               for f in RequestSpec.__dataclass_fields__ if f not in _INTERVENTION_ONLY)


def _province_join(query: pw.ModelSelect) -> pw.ModelSelect:
    return query.join_from(SR, Cust, pw.JOIN.LEFT_OUTER, on=(SR.customer == Cust.id))


def _province_labels(keys: list[Any], lang: str) -> dict[Any, tuple[str, Any]]:
    return {k: (k, None) for k in keys if k is not None}


class RequestsSubject(Subject):
    name = "requests"
    spec_type = RequestSpec
    default_sort = ("opened_at", True)
    default_chart = ("month", "priority", "count")

    def __init__(self) -> None:
        super().__init__()
        self._columns = [
            Column("number", "text", SR.number, width=16),
            Column("opened_at", "datetime", SR.opened_at, width=17),
            Column("customer", "text", Cust.name, width=30),
            Column("province", "text", Cust.province, width=9),
            Column("subject", "text", SR.subject, width=40),
            Column("problem_type", "code", PType.code, codes="problem_type", width=16),
            Column("priority", "code", Prio.code, sort=Prio.rank, codes="priority", width=11),
            Column("status", "code", SR.status, codes="request_status", width=16),
            Column("team", "text", RTeam.name, width=16),
            Column("owner", "text", Own.full_name, width=20),
            Column("contract", "text", Ctr.number, width=16),
            Column("job_order", "text", Job.code, width=14),
            Column("resolution_due", "datetime", SR.resolution_due, width=17),
            Column("closed_at", "datetime", SR.closed_at, width=17),
        ]
        self.dimensions = {
            "status": Dimension("status", SR.status, codes="request_status"),
            "priority": Dimension("priority", SR.priority,
                                  labels=ref_labels(Priority, Priority.rank)),
            "problem_type": Dimension("problem_type", SR.problem_type,
                                      labels=ref_labels(ProblemType)),
            "team": Dimension("team", SR.team, labels=name_labels(Team, Team.name)),
            "operator": Dimension("operator", SR.owner,
                                  labels=name_labels(Operator, Operator.full_name)),
            "customer": Dimension("customer", SR.customer, labels=name_labels(Party, Party.name)),
            "province": Dimension("province", Cust.province, join=_province_join,
                                  labels=_province_labels),
            "contract": Dimension("contract", SR.contract,
                                  labels=name_labels(Contract, Contract.number)),
            "job_order": Dimension("job_order", SR.job_order,
                                   labels=name_labels(JobOrder, JobOrder.code)),
            "month": Dimension("month", month_of(SR.opened_at), period="month"),
            "week": Dimension("week", week_of(SR.opened_at), period="week"),
            "closed_month": Dimension("closed_month", month_of(SR.closed_at), period="month"),
        }
        self.measures = {"count": Measure("count", pw.fn.COUNT(SR.id))}

    @property
    def model(self) -> type[pw.Model]:
        return SR

    def base(self, spec: RequestSpec, *, counting: bool = False) -> pw.ModelSelect:
        query = SR.select()
        conditions = request_conditions(spec, interventions=False, counting=counting)
        return query.where(*conditions) if conditions else query

    def count_base(self, spec: RequestSpec) -> pw.ModelSelect:
        return self.base(spec, counting=True)

    def display(self, query: pw.ModelSelect, spec: RequestSpec | None) -> pw.ModelSelect:
        J = pw.JOIN.LEFT_OUTER
        return (query.join_from(SR, Cust, J, on=(SR.customer == Cust.id))
                .join_from(SR, PType, J, on=(SR.problem_type == PType.id))
                .join_from(SR, Prio, J, on=(SR.priority == Prio.id))
                .join_from(SR, RTeam, J, on=(SR.team == RTeam.id))
                .join_from(SR, Own, J, on=(SR.owner == Own.id))
                .join_from(SR, Ctr, J, on=(SR.contract == Ctr.id))
                .join_from(SR, Job, J, on=(SR.job_order == Job.id)))


class InterventionsSubject(Subject):
    name = "interventions"
    spec_type = RequestSpec
    default_sort = ("planned_start", True)
    default_chart = ("month", "activity_type", "count")

    def __init__(self) -> None:
        super().__init__()
        hours = raw(dialect.hours_between(I.planned_start, I.planned_end))
        self._columns = [
            Column("number", "text", SR.number, width=16),
            Column("planned_start", "datetime", I.planned_start, width=17),
            Column("planned_end", "datetime", I.planned_end, width=17),
            Column("planned_hours", "hours", hours, width=10),
            Column("customer", "text", Cust.name, width=30),
            Column("province", "text", Cust.province, width=9),
            Column("subject", "text", SR.subject, width=36),
            Column("activity_type", "code", Act.code, codes="activity_type", width=18),
            Column("priority", "code", Prio.code, sort=Prio.rank,
                   codes="priority", width=11),
            Column("status", "code", I.status, codes="intervention_status", width=14),
            Column("operator", "text", IOp.full_name, width=20),
            Column("team", "text", ITeam.name, width=16),
            Column("request_status", "code", SR.status, codes="request_status", width=16),
            Column("actual_end", "datetime", I.actual_end, width=17),
        ]
        self.dimensions = {
            "status": Dimension("status", I.status, codes="intervention_status"),
            "request_status": Dimension("request_status", SR.status, codes="request_status"),
            "priority": Dimension("priority", pw.fn.COALESCE(I.priority, SR.priority),
                                  labels=ref_labels(Priority, Priority.rank)),
            "activity_type": Dimension("activity_type", I.activity_type,
                                       labels=ref_labels(ActivityType)),
            "operator": Dimension("operator", I.operator,
                                  labels=name_labels(Operator, Operator.full_name)),
            "team": Dimension("team", I.team, labels=name_labels(Team, Team.name)),
            "customer": Dimension("customer", SR.customer, labels=name_labels(Party, Party.name)),
            "province": Dimension("province", Cust.province, join=_province_join,
                                  labels=_province_labels),
            "problem_type": Dimension("problem_type", SR.problem_type,
                                      labels=ref_labels(ProblemType)),
            "month": Dimension("month", month_of(I.planned_start), period="month"),
            "week": Dimension("week", week_of(I.planned_start), period="week"),
        }
        self.measures = {
            "count": Measure("count", pw.fn.COUNT(I.id)),
            "planned_hours": Measure("planned_hours", raw(pw.fn.SUM(hours)), kind="hours"),
        }

    @property
    def model(self) -> type[pw.Model]:
        return I

    def base(self, spec: RequestSpec, *, counting: bool = False) -> pw.ModelSelect:
        query = I.select()
        if _needs_request(spec):  # counting 400,000 interventions needs no join otherwise
            query = query.join_from(I, SR, on=(I.request == SR.id))
        conditions = request_conditions(spec, interventions=True, counting=counting)
        return query.where(*conditions) if conditions else query

    def count_base(self, spec: RequestSpec) -> pw.ModelSelect:
        return self.base(spec, counting=True)

    def base_models(self, spec: RequestSpec) -> set[Any]:
        return {I, SR} if _needs_request(spec) else {I}

    def grouping_base(self, spec: RequestSpec) -> pw.ModelSelect:
        query = self.base(spec)
        if not _needs_request(spec):
            query = query.join_from(I, SR, on=(I.request == SR.id))
        return query

    def display(self, query: pw.ModelSelect, spec: RequestSpec | None) -> pw.ModelSelect:
        J = pw.JOIN.LEFT_OUTER
        if spec is None or not _needs_request(spec):
            query = query.join_from(I, SR, on=(I.request == SR.id))
        return (query.join_from(SR, Cust, J, on=(SR.customer == Cust.id))
                .join_from(I, Act, J, on=(I.activity_type == Act.id))
                .join_from(I, Prio, J, on=(pw.fn.COALESCE(I.priority, SR.priority) == Prio.id))
                .join_from(I, IOp, J, on=(I.operator == IOp.id))
                .join_from(I, ITeam, J, on=(I.team == ITeam.id)))


REQUESTS = RequestsSubject()
INTERVENTIONS = InterventionsSubject()
