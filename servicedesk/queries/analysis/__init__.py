"""Analysis of requests, interventions, work logs and contracts (R-ANA-1..3, R-LOG-2, R-CON-6).

A filter spec (dataclass) + a subject → :class:`AnalysisQuery`, which gives the table its count
and pages, the chart its groups and the Excel export its rows — always the same selection.
"""
from __future__ import annotations

from .base import (OTHER, AnalysisQuery, Column, Dimension, GroupResult, Measure, Subject,
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


__all__ = ["AnalysisQuery", "Column", "ContractSpec", "CONTRACTS", "Dimension", "GroupResult",
           "INTERVENTIONS", "Measure", "OTHER", "REQUESTS", "RequestSpec", "SUBJECTS", "Subject",
           "WORKLOGS", "WorkLogSpec", "is_empty", "query", "spec_from_dict", "spec_from_json",
           "spec_to_dict", "spec_to_json", "subject", "validate"]
