"""A request's interventions as the board's panels and dialogs show them (R-REQ-3).

Plain rows and snapshots (never model instances): the interventions of a request, one
intervention with the version the user saw, the request's few fields the scheduling dialogs
need, the final report drafted from the done interventions, and what a new intervention or
work-log entry of the request should probably be (activity type and duration, see
:func:`suggested_activity`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from ..models import ActivityType, Intervention, Operator, ServiceRequest, Team
from ..reference_data import reference

OPEN_STATUSES = ("planned", "in_progress")
CLOSED_REQUEST_STATUSES = ("resolved", "closed", "cancelled")


@dataclass(frozen=True)
class InterventionRow:
    id: int
    status: str
    activity_type_id: int
    activity_code: str
    activity_en: str
    activity_it: str
    color: str
    operator_id: int | None
    operator_name: str
    team_name: str
    planned_start: dt.datetime | None
    planned_end: dt.datetime | None
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    report: str
    override_note: str
    version: int = 1
    request_id: int = 0
    team_id: int | None = None
    instructions: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def _rows(query) -> list[InterventionRow]:
    out = []
    for i in query:
        at = i.activity_type
        op = i.operator if i.operator_id else None
        team = i.team if i.team_id else None
        out.append(InterventionRow(
            i.id, i.status, at.id, at.code, at.name_en, at.name_it, at.color, i.operator_id,
            op.full_name if op else "", team.name if team else "", i.planned_start, i.planned_end,
            i.actual_start, i.actual_end, i.report, i.override_note, i.version, i.request_id,
            i.team_id, i.instructions))
    return out


def _select():
    return (Intervention.select(Intervention, ActivityType, Operator, Team)
            .join(ActivityType).switch(Intervention)
            .join(Operator, join_type=JOIN.LEFT_OUTER).switch(Intervention)
            .join(Team, join_type=JOIN.LEFT_OUTER, on=(Intervention.team == Team.id)))


def of_request(request_id: int) -> list[InterventionRow]:
    """A request's interventions, in one query, oldest planned first."""
    return _rows(_select().where(Intervention.request == request_id)
                 .order_by(Intervention.planned_start, Intervention.id))


def intervention(intervention_id: int) -> InterventionRow | None:
    """One intervention as stored now (with its version), or None when it is gone."""
    rows = _rows(_select().where(Intervention.id == intervention_id))
    return rows[0] if rows else None


def open_count(request_id: int, *, excluding: int | None = None) -> int:
    """How many of the request's interventions are still planned or in progress."""
    query = Intervention.select().where(Intervention.request == request_id,
                                        Intervention.status.in_(OPEN_STATUSES))
    if excluding is not None:
        query = query.where(Intervention.id != excluding)
    return query.count()


def compose_final_report(request_id: int) -> str:
    """The request's final report drafted from its done interventions' reports, in order."""
    query = (Intervention.select(Intervention, Operator)
             .join(Operator, join_type=JOIN.LEFT_OUTER)
             .where(Intervention.request == request_id, Intervention.status == "done",
                    Intervention.report != "")
             .order_by(Intervention.actual_start, Intervention.id))
    parts = []
    for i in query:
        when = i.actual_start or i.planned_start
        head = f"{when:%d/%m/%Y}" if when else ""
        if i.operator_id:
            head = f"{head} – {i.operator.full_name}" if head else i.operator.full_name
        parts.append(f"{head}\n{i.report.strip()}" if head else i.report.strip())
    return "\n\n".join(parts)


@dataclass(frozen=True)
class RequestBrief:
    """What the scheduling and work-log dialogs show of the request they work on."""

    id: int
    version: int
    number: str
    subject: str
    status: str
    priority_id: int
    team_id: int | None
    owner_id: int | None
    problem_type_id: int | None
    final_report: str

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_REQUEST_STATUSES


def request_brief(request_id: int) -> RequestBrief | None:
    r = (ServiceRequest.select(ServiceRequest.id, ServiceRequest.version, ServiceRequest.number,
                               ServiceRequest.subject, ServiceRequest.status,
                               ServiceRequest.priority, ServiceRequest.team, ServiceRequest.owner,
                               ServiceRequest.problem_type, ServiceRequest.final_report)
         .where(ServiceRequest.id == request_id).tuples().first())
    return RequestBrief(*r[:9], r[9] or "") if r else None


# -- what the next piece of work on a request probably is ---------------------------------------

@dataclass(frozen=True)
class Suggestion:
    """An activity type and a duration for new work on a request, and where they come from:
    ``"intervention"`` (the request's latest intervention), ``"problem_type"`` (the office's
    mapping in reference.json ``problem_activity``) or ``"none"`` (nothing to go by)."""

    activity_type_id: int | None
    minutes: int | None
    source: str


def problem_activity(problem_code: str) -> tuple[str, int | None] | None:
    """The activity type code and minutes the reference data maps a problem type to."""
    entry = reference().get("problem_activity", {}).get(problem_code)
    if not entry:
        return None
    return entry["activity_type"], entry.get("minutes")


def suggested_activity(request_id: int) -> Suggestion:
    """The activity type and duration of new work on the request: those of its latest
    intervention (a follow-up visit is usually the same kind of work), else those the request's
    problem type maps to, else nothing."""
    from ..models import ProblemType

    last = (Intervention.select(Intervention.activity_type, Intervention.planned_start,
                                Intervention.planned_end, Intervention.actual_start,
                                Intervention.actual_end)
            .join(ActivityType)
            .where(Intervention.request == request_id, Intervention.status != "cancelled",
                   ActivityType.archived == False)  # noqa: E712
            .order_by(Intervention.planned_start.desc(), Intervention.id.desc()).tuples().first())
    if last is not None:
        activity_id, p_start, p_end, a_start, a_end = last
        start, end = (a_start, a_end) if a_start and a_end else (p_start, p_end)
        minutes = int((end - start).total_seconds() // 60) if start and end and end > start else None
        return Suggestion(activity_id, minutes, "intervention")
    code = (ProblemType.select(ProblemType.code).join(
        ServiceRequest, on=(ServiceRequest.problem_type == ProblemType.id))
        .where(ServiceRequest.id == request_id).scalar())
    mapped = problem_activity(code) if code else None
    if mapped is not None:
        activity = (ActivityType.select(ActivityType.id, ActivityType.default_minutes)
                    .where(ActivityType.code == mapped[0], ActivityType.archived == False)  # noqa: E712
                    .tuples().first())
        if activity is not None:
            return Suggestion(activity[0], mapped[1] or activity[1], "problem_type")
    return Suggestion(None, None, "none")
