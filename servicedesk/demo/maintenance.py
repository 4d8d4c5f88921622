"""Maintenance plans and their visits (done and coming)."""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..services import maintenance
from .base import Stage

PERIOD = "months"  # the demo's plans recur every few months


class PlanDates(NamedTuple):
    """What ``services.maintenance.next_due`` reads of a plan."""

    start_date: dt.date
    every: int
    period: str


class MaintenanceStage(Stage):
    """Plans on the units of maintenance contracts (and others), their past and next visits."""

    # maintenance plans and their visits
    def build_maintenance(self) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        fams = self.texts["families"]
        today = cal.dates[cal.today]
        yesterday = today - dt.timedelta(days=1)
        cands = list(self.plan_candidates)
        rng.shuffle(cands)
        seen = {uid for uid, _, _ in cands}
        others = [u for u in range(1, len(self.unit_owner)) if u not in seen]
        rng.shuffle(others)
        chosen = (cands + [(u, None, None) for u in others])[:self.scale.maintenance_plans]
        durations = {"boilers": 90, "hvac": 120, "ups": 60, "pos": 45, "printers": 60, "plc": 120,
                     "servers": 90, "software": 60}
        two_visits = len(chosen) * 2 <= self.scale.requests * 0.15
        self.visits: list[tuple] = []
        act = self.activity["maintenance"][0]
        product_name = {pid: info[1] for pid, info in self.product_info.items()}
        for uid, info, until in chosen:
            family = self.unit_family[uid]
            spec = fams[family]["maintenance"]
            party = self.party_by_id[self.unit_owner[uid]]
            team = self._tech_team(family, party.ne)
            operator = self._pick(self.techs[team]) if rng.random() < 0.6 else None
            every = self._pick(spec["every"])
            install = cal.dates[self.unit_install[uid]]
            start = max(install + dt.timedelta(days=self._rr(20, 90)),
                        cal.dates[info.start] if info else install)
            if until is not None and start > until:
                info, until = None, None
            dues, k = [], 0
            while True:
                due = maintenance.occurrence(start, every, PERIOD, k)
                if until is not None and due > until:
                    break
                dues.append(due)
                if due > yesterday:
                    break
                k += 1
            past = [d for d in dues if d <= yesterday]
            pid = w.new_id("maintenance_plan")
            title = f"{spec['title']} – {product_name[self.unit_product[uid]]}"
            instructions = self._pick(spec["instructions"])
            visits = past[-2:] if two_visits else past[-1:]
            if visits and two_visits and (today - visits[0]).days > 400:
                visits = visits[-1:]
            last_done = None
            for due in visits:
                done = cal.working_day_before(min(cal.day(due) - self._rr(0, 5), cal.today - 1))
                last_done = done
                self.visits.append((pid, uid, cal.day(due), done, team, operator,
                                    durations[family], info, title, instructions))
            # services.maintenance's rule: one period after the last completed visit, else the start
            upcoming = maintenance.next_due(PlanDates(start, every, PERIOD),
                                            None if last_done is None else cal.dates[last_done])
            active = until is None or until >= today
            if active and (until is None or upcoming <= until) and (upcoming - today).days <= 14:
                self.visits.append((pid, uid, cal.day(upcoming), None, team, operator,
                                    durations[family], info, title, instructions))
            created = self._ts_date(min(start, today) - dt.timedelta(days=10), 560)
            updated = cal.ts(last_done * 1440 + 1020) if last_done else created
            w.rows["maintenance_plan"].append((
                pid, w.uuid(), created, updated, 1, uid, info.id if info else None, title[:200],
                act,
                every, PERIOD, start.isoformat(), until and until.isoformat(), team, operator,
                durations[family], instructions, self._pick([7, 14]),
                cal.iso[last_done] if last_done else None, int(active)))
