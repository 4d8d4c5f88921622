"""The short reference lists every form needs, read in one go as one immutable snapshot.

Priorities, problem and activity types, teams, operators and provinces are small and read on
every form: the UI keeps one :class:`Lookups` and reads it again only when a change set touches
one of :data:`TABLES` — never a query per combo box.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..models import ActivityType, Operator, Priority, ProblemType, Province, Team

#: The tables a snapshot is made of: a change to any of them makes it stale.
TABLES = frozenset({"priority", "problem_type", "activity_type", "team", "operator", "province"})


@dataclass(frozen=True)
class Named:
    """A coded reference row with its English and Italian name."""

    id: int
    code: str
    name_en: str
    name_it: str
    archived: bool = False

    def name(self, lang: str) -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class PriorityRow(Named):
    rank: int = 0
    color: str = "#888888"
    response_hours: int = 0
    resolution_hours: int = 0


@dataclass(frozen=True)
class ActivityTypeRow(Named):
    color: str = "#5b8def"
    billable: bool = True
    on_site: bool = True
    default_minutes: int = 120


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    color: str
    archived: bool


@dataclass(frozen=True)
class OperatorRow:
    id: int
    username: str
    full_name: str
    role: str
    team_id: int | None
    color: str
    active: bool


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name: str
    region: str


@dataclass(frozen=True)
class Lookups:
    """One consistent read of the reference lists; ``by_id`` maps are built once."""

    priorities: tuple[PriorityRow, ...] = ()
    problem_types: tuple[Named, ...] = ()
    activity_types: tuple[ActivityTypeRow, ...] = ()
    teams: tuple[TeamRow, ...] = ()
    operators: tuple[OperatorRow, ...] = ()
    provinces: tuple[ProvinceRow, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = {
            "priority": {p.id: p for p in self.priorities},
            "priority_code": {p.code: p for p in self.priorities},
            "problem_type": {p.id: p for p in self.problem_types},
            "activity_type": {a.id: a for a in self.activity_types},
            "activity_code": {a.code: a for a in self.activity_types},
            "team": {t.id: t for t in self.teams},
            "operator": {o.id: o for o in self.operators},
            "province": {p.code: p for p in self.provinces},
        }
        object.__setattr__(self, "_index", index)

    def priority(self, priority_id: int | None) -> PriorityRow | None:
        return self._index["priority"].get(priority_id)

    def priority_by_code(self, code: str) -> PriorityRow | None:
        return self._index["priority_code"].get(code)

    def problem_type(self, type_id: int | None) -> Named | None:
        return self._index["problem_type"].get(type_id)

    def activity_type(self, type_id: int | None) -> ActivityTypeRow | None:
        return self._index["activity_type"].get(type_id)

    def activity_by_code(self, code: str) -> ActivityTypeRow | None:
        return self._index["activity_code"].get(code)

    def team(self, team_id: int | None) -> TeamRow | None:
        return self._index["team"].get(team_id)

    def operator(self, operator_id: int | None) -> OperatorRow | None:
        return self._index["operator"].get(operator_id)

    def province(self, code: str | None) -> ProvinceRow | None:
        return self._index["province"].get(code)

    def active_operators(self, roles: Iterable[str] | None = None) -> list[OperatorRow]:
        wanted = set(roles) if roles is not None else None
        return [o for o in self.operators if o.active and (wanted is None or o.role in wanted)]

    def open_teams(self) -> list[TeamRow]:
        return [t for t in self.teams if not t.archived]

    def open_problem_types(self) -> list[Named]:
        return [p for p in self.problem_types if not p.archived]

    def open_activity_types(self) -> list[ActivityTypeRow]:
        return [a for a in self.activity_types if not a.archived]


def load() -> Lookups:
    """Read every reference list (six small queries, a few milliseconds: rows as tuples, no
    model objects; the queue fills its filters from them as the window is built)."""
    P, T, A, O, V = Priority, ProblemType, ActivityType, Operator, Province
    priorities = tuple(
        PriorityRow(i, code, en, it, False, rank, color, response, resolution)
        for i, code, en, it, rank, color, response, resolution in P.select(
            P.id, P.code, P.name_en, P.name_it, P.rank, P.color, P.response_hours,
            P.resolution_hours).order_by(P.rank).tuples())
    problems = tuple(Named(i, code, en, it, bool(archived)) for i, code, en, it, archived in
                     T.select(T.id, T.code, T.name_en, T.name_it, T.archived).order_by(T.id).tuples())
    activities = tuple(
        ActivityTypeRow(i, code, en, it, bool(archived), color, bool(billable), bool(on_site),
                        minutes)
        for i, code, en, it, archived, color, billable, on_site, minutes in A.select(
            A.id, A.code, A.name_en, A.name_it, A.archived, A.color, A.billable, A.on_site,
            A.default_minutes).order_by(A.id).tuples())
    teams = tuple(TeamRow(i, name, color, bool(archived)) for i, name, color, archived in
                  Team.select(Team.id, Team.name, Team.color, Team.archived)
                  .order_by(Team.name).tuples())
    operators = tuple(OperatorRow(i, username, name, role, team, color, bool(active))
                      for i, username, name, role, team, color, active in O.select(
                          O.id, O.username, O.full_name, O.role, O.team, O.color, O.active)
                      .order_by(O.full_name).tuples())
    provinces = tuple(ProvinceRow(*row) for row in V.select(V.code, V.name, V.region)
                      .order_by(V.code).tuples())
    return Lookups(priorities, problems, activities, teams, operators, provinces)
