"""Teams, operators, their working hours and absences."""
from __future__ import annotations

import datetime as dt

from ..permissions import Role
from ..reference_data import reference
from .base import Stage
from .vocabulary import COMPANY_DOMAIN, OPERATOR_COLORS, slug


class OrgStage(Stage):
    """Teams with technicians and staff, the default week, holidays and sick days."""

    # org: teams, operators, working hours, absences
    def build_org(self) -> None:
        w, cal = self.w, self.cal
        created = self._ts_date(cal.dates[0], 540)
        self.team_ids: list[int] = []
        for spec in self.scale.teams:
            tid = w.new_id("team")
            self.team_ids.append(tid)
            w.rows["team"].append((tid, w.uuid(), created, created, 1, spec.name, spec.color, 0))
        used: set[str] = set()
        self.techs: dict[int, list[int]] = {}
        self.staff: dict[str, list[int]] = {"coordinator": [], "manager": [], "admin": []}
        self.operator_names: dict[int, str] = {}

        def operator(full: str, username: str, team: int | None, role: str) -> int:
            oid = w.new_id("operator")
            color = OPERATOR_COLORS[(oid - 1) % len(OPERATOR_COLORS)]
            w.rows["operator"].append((oid, w.uuid(), created, created, 1, username, full,
                                       f"{username}@{COMPANY_DOMAIN}", self._mobile(), team, role,
                                       "", color, 1))
            self.operator_names[oid] = full
            return oid

        admin = operator("Amministratore di sistema", "admin", None, Role.ADMIN.value)
        self.staff["admin"].append(admin)
        for spec, tid in zip(self.scale.teams, self.team_ids):
            members = [(r, Role(r).value) for r in spec.staff]
            members += [("technician", Role.TECHNICIAN.value)] * spec.technicians
            self.techs[tid] = []
            for kind, role in members:
                while True:
                    first, last = self._person()
                    username = f"{first[0].lower()}.{slug(last, 30)}"
                    if username not in used:
                        break
                used.add(username)
                oid = operator(f"{first} {last}", username, tid, role)
                (self.techs[tid] if kind == "technician" else self.staff[kind]).append(oid)
        self.all_techs = [o for t in self.team_ids for o in self.techs[t]]
        self.signers = self.staff["manager"] + self.staff["coordinator"] + self.staff["admin"]
        self.coordinators = self.staff["coordinator"] or self.staff["manager"]
        for oid in range(1, w.next_id["operator"]):
            for weekday in range(5):
                for start, end in reference()["working_hours_default"]:
                    w.rows["working_hours"].append((w.new_id("working_hours"), w.uuid(), created,
                                                    created, 1, oid, weekday, start + ":00",
                                                    end + ":00"))
        self._absences()

    def _absences(self) -> None:
        w, rng, cal = self.w, self.rng, self.cal
        self.absences: dict[int, list[tuple[int, int]]] = {}

        def add(op: int, kind: str, start: int, end: int, note: str) -> None:
            created = cal.ts(max(0, min(start, cal.now) - 1440 * self._rr(3, 30)))
            self.absences.setdefault(op, []).append((start, end))
            w.rows["absence"].append((w.new_id("absence"), w.uuid(), created, created, 1, op, kind,
                                      cal.ts(start), cal.ts(end), note))

        today = cal.today
        year = cal.dates[today].year
        for op in self.all_techs:  # summer holidays of the past years
            for past in range(year - 3, year):
                first = cal.day(dt.date(past, 8, 1)) + self._rr(0, 21)
                add(op, "holiday", first * 1440, (first + 13) * 1440 + 1439, "Ferie estive")
        techs = list(self.all_techs)
        rng.shuffle(techs)
        n = max(1, len(techs) // 10)
        next_monday = today + (7 - cal.dates[today].weekday())
        for op in techs[:n]:  # a few days off next week
            first = next_monday + self._rr(0, 2)
            add(op, "holiday", first * 1440, (first + self._rr(2, 4)) * 1440 + 1439, "Ferie")
        for op in techs[n:2 * n]:  # off sick since yesterday
            add(op, "sick", (today - 1) * 1440, (today + self._rr(0, 2)) * 1440 + 1439,
                "Malattia")
        for op in techs[2 * n:3 * n]:  # a morning of training in the second week
            day = next_monday + 7 + self._rr(0, 5)
            add(op, "training", day * 1440 + 510, day * 1440 + 750, "Corso di aggiornamento")
