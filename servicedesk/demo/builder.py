"""The generator: one builder made of the stages, run in order, each writing its tables."""
from __future__ import annotations

import datetime as dt
import random
from typing import Any, Callable

from ..reference_data import provinces
from .contracts import ContractsStage
from .kb import KbStage
from .maintenance import MaintenanceStage
from .org import OrgStage
from .parties import PartiesStage
from .requests import RequestsStage
from .scales import Scale
from .tickets import TicketsStage
from .units import UnitsStage
from .vocabulary import expand_problems, texts
from .work import WorkStage
from .worktime import Calendar
from .writer import Writer

Progress = Callable[[str, float], None]


class DemoBuilder(OrgStage, PartiesStage, UnitsStage, ContractsStage, MaintenanceStage,
                  RequestsStage, WorkStage, KbStage, TicketsStage):
    """Builds one demo database; each stage writes its tables and keeps what later ones need."""

    def __init__(self, reference_ids: dict[str, dict], scale: Scale, seed: int, today: dt.date,
                 progress: Progress | None, sink: Callable[[str, list[tuple]], Any]) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self._random = self.rng.random
        self._team_cache: dict[tuple[str, bool], int] = {}
        self.cal = Calendar(today)
        self.w = Writer(sink, seed)
        self.progress = progress or (lambda stage, fraction: None)
        self.texts = texts()
        self.phr = self.texts["phrases"]
        fams = self.texts["families"]
        self.families = list(fams)
        self.family_label = {k: v["name"] for k, v in fams.items()}
        self.problems = {k: expand_problems(k, v["problems"]) for k, v in fams.items()}
        self.problem_list = [p for k in self.families for p in self.problems[k]]
        self.problem_index = {id(p): i for i, p in enumerate(self.problem_list)}
        self.problem_weights = {k: [p.weight for p in v] for k, v in self.problems.items()}
        self.region = {p["code"]: p["region"] for p in provinces()}
        self.activity = reference_ids["activity"]
        self.problem_type = reference_ids["problem_type"]
        self.priority = reference_ids["priority"]
        self.istat = reference_ids["istat"]  # the figures the renewal run reads

    # -- stages -----------------------------------------------------------------------------------
    def run(self, share: float = 1.0) -> dict[str, int]:
        """Run every stage; progress goes from 0 to ``share`` (the caller reports the rest)."""
        stages = [("org", self.build_org, 1), ("parties", self.build_parties, 4),
                  ("products", self.build_products, 1), ("units", self.build_units, 4),
                  ("contracts", self.build_contracts, 4),
                  ("maintenance", self.build_maintenance, 2),
                  ("requests", self.build_requests, 80), ("tickets", self.build_tickets, 1),
                  ("knowledge base", self.build_kb, 1)]
        total = sum(weight for _, _, weight in stages)
        done = 0
        for name, stage, weight in stages:
            low, high = share * done / total, share * (done + weight) / total
            self._report = lambda fraction, name=name, low=low, high=high: self.progress(
                name, low + (high - low) * fraction)
            self._report(0.0)
            stage()
            self.w.flush()
            done += weight
        return dict(self.w.counts)

