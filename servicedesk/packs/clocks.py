"""SLA clocks of a merged request, as if its laptop moves had been entered in the office.

The same rules as ``services.requests._move`` (pauses while waiting or resolved, first
response, resolved/closed moments), applied to the office's current state one status event at
a time, at the moment the technician made it; the due times are then computed from the merged
priority and contract like ``_recompute_clocks`` does.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from ..services import sla


@dataclass
class ClockState:
    """The request fields the clocks depend on (attribute names as on ServiceRequest)."""

    status: str | None
    opened_at: dt.datetime
    paused_since: dt.datetime | None = None
    paused_minutes: int = 0
    first_response_at: dt.datetime | None = None
    resolved_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    response_due: dt.datetime | None = None
    resolution_due: dt.datetime | None = None

    @classmethod
    def of(cls, row: Any) -> "ClockState":
        get = (row.get if isinstance(row, dict) else lambda n: getattr(row, n))
        return cls(status=get("status"), opened_at=get("opened_at"),
                   paused_since=get("paused_since"), paused_minutes=get("paused_minutes") or 0,
                   first_response_at=get("first_response_at"), resolved_at=get("resolved_at"),
                   closed_at=get("closed_at"), response_due=get("response_due"),
                   resolution_due=get("resolution_due"))


def move(state: ClockState, to: str, at: dt.datetime) -> None:
    """One status change at ``at`` (mirrors services.requests._move)."""
    was = state.status
    if was is None:  # the creation event
        state.status = to
        return
    if was in sla.PAUSING_STATUSES or was in ("resolved", "closed"):
        if state.paused_since is not None and to in sla.OPEN_STATUSES \
                and to not in sla.PAUSING_STATUSES:
            paused = max(sla.default_calendar().minutes_between(state.paused_since, at), 0)
            state.paused_minutes = (state.paused_minutes or 0) + paused
            state.paused_since = None
    if to in sla.PAUSING_STATUSES or to == "resolved":
        if state.paused_since is None:
            state.paused_since = at
    if was == "new" and to != "cancelled" and state.first_response_at is None:
        state.first_response_at = at
    if to == "resolved":
        state.resolved_at = at
    elif to == "closed":
        state.closed_at = at
    elif to in sla.OPEN_STATUSES and was in ("resolved", "closed"):
        state.resolved_at = None
        state.closed_at = None
    if to == "cancelled":
        state.closed_at = at
    elif was == "cancelled":
        state.closed_at = None
        state.paused_since = None
    state.status = to


def advance(state: ClockState, events: Iterable[tuple[dt.datetime, str, str | None]]) -> None:
    """Apply ``(at, kind, to_status)`` events in time order: status moves, and answers to the
    customer (the first one meets the response SLA)."""
    for at, kind, to in sorted(events, key=lambda e: e[0]):
        if kind == "answer":
            if state.first_response_at is None:
                state.first_response_at = at
        elif kind == "status" and to:
            move(state, to, at)


def finish(state: ClockState, priority: Any, contract: Any) -> dict[str, Any]:
    """The derived fields to store: due times from the merged service level, queue keys."""
    clocks = sla.due_times(state.opened_at, sla.sla_hours(priority, contract),
                           state.paused_minutes or 0)
    state.response_due, state.resolution_due = clocks.response_due, clocks.resolution_due
    sla_due, sla_risk_at = sla.stored_keys(state)
    return dict(first_response_at=state.first_response_at, response_due=state.response_due,
                resolution_due=state.resolution_due, paused_since=state.paused_since,
                paused_minutes=state.paused_minutes or 0, resolved_at=state.resolved_at,
                closed_at=state.closed_at, sla_due=sla_due, sla_risk_at=sla_risk_at)
