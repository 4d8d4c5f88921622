"""Analysis of requests, interventions, work logs and contracts (R-ANA-1..3, R-LOG-2, R-CON-6).

A filter spec (dataclass) + a subject → :class:`AnalysisQuery`, which gives the table its count
and pages, the chart its groups and the Excel export its rows — always the same selection.
"""
from __future__ import annotations

from .base import (OTHER, AnalysisQuery, Column, Dimension, GroupResult, Measure, QueryCancelled,
                   Subject,
                   is_empty, spec_from_dict, spec_from_json, spec_to_dict, spec_to_json, validate)
from .contracts import CONTRACTS, ContractSpec
from .requests import INTERVENTIONS, REQUESTS, RequestSpec
from .worklogs import WORKLOGS, WorkLogSpec

SUBJECTS: dict[str, Subject] = {s.name: s for s in (REQUESTS, INTERVENTIONS, WORKLOGS, CONTRACTS)}


def subject(name: str) -> Subject:
    return SUBJECTS[name]


def query(name: str, spec=None) -> AnalysisQuery:
    """The analysis of subject ``name`` with ``spec`` (None: everything)."""
    sub = SUBJECTS[name]
    return AnalysisQuery(sub, spec if spec is not None else sub.spec_type())


def record_of(name: str, row_id: int) -> tuple[str, int] | None:
    """What a double click on a row of subject ``name`` opens: ("request" | "intervention" |
    "contract", id), or None when the row is gone. A work log opens its request."""
    if name == "worklogs":
        from ...models import WorkLog

        request_id = WorkLog.select(WorkLog.request).where(WorkLog.id == row_id).scalar()
        return ("request", request_id) if request_id else None
    kinds = {"requests": "request", "interventions": "intervention", "contracts": "contract"}
    return (kinds[name], row_id) if name in kinds else None


__all__ = ["AnalysisQuery", "Column", "ContractSpec", "CONTRACTS", "Dimension", "GroupResult",
           "INTERVENTIONS", "Measure", "OTHER", "QueryCancelled", "REQUESTS", "RequestSpec",
           "SUBJECTS", "Subject", "WORKLOGS", "WorkLogSpec", "is_empty", "query", "record_of",
           "spec_from_dict", "spec_from_json", "spec_to_dict", "spec_to_json", "subject",
           "validate"]
