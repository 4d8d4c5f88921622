"""Interventions and work logs of a request, and visits planned on the board."""
from __future__ import annotations

from .base import Stage
from .requests import FIRST_GAP, JITTER, TRAVEL, Problem, RequestDraft


class WorkStage(Stage):
    """Visits done (with their work logs) and visits planned for the coming weeks."""

    def _duration(self, act: str) -> int:
        minutes = self.activity[act][3]
        return max(30, int(minutes * (0.5 + self.rng.random())) // 15 * 15)

    def _timeline(self, req: RequestDraft, p: Problem, k: int, start: int) -> list[tuple]:
        """``k`` past visits after ``start``: (act, operator, planned and actual start/end)."""
        rng, cal = self.rng, self.cal
        out, t = [], start
        for i in range(k):
            act = p.act
            if i == 0 and k > 1 and act == "repair" and rng.random() < 0.3:
                act = "inspection"
            elif i > 0 and act in ("remote", "configuration") and rng.random() < 0.4:
                act = "repair"
            if i == 0:
                low, high = FIRST_GAP[req.rank]
                gap = self._rr(low, high)
            else:
                gap = self._rr(1, 6) * 1440 + self._rr(0, 240)
            s = cal.next_work(t + gap)
            dur = self._duration(act)
            a_s = s + self._pick(JITTER)
            a_e = a_s + max(15, int(dur * (0.75 + rng.random() * 0.6)) // 5 * 5)
            op = req.owner if rng.random() < 0.75 else self._pick(req.techs)
            out.append((act, op, s, s + dur, a_s, a_e))
            t = a_e
        return out

    def _n_interventions(self) -> int:
        rng = self.rng
        budget = self.iv_target - self.iv_made - self.iv_reserve
        mean = max(0.3, budget / max(1, self.closed_left + 1))
        if rng.random() < 0.08:
            return 0
        mean /= 0.92
        n = int(mean)
        n += rng.random() < mean - n
        if n >= 2:
            r = rng.random()
            n += -1 if r < 0.2 else (1 if r < 0.4 else 0)
        return max(1, min(n, 6))

    def _plan_visit(self, req: RequestDraft, act: str, not_before: int, since: int,
                    duration: int | None = None, plan: int | None = None,
                    due: int | None = None) -> int | None:
        """A planned intervention on the board (no overlaps, working hours, no absences);
        returns its start, or None when nobody of the team is free in the horizon."""
        rng, now = self.rng, self.cal.now
        duration = duration or self._duration(act)
        gap = 30 if self.activity[act][2] else 0
        booked = self.board.book(req.techs, req.owner, not_before, duration, gap)
        if booked is None:
            return None
        op, start = booked
        created = since + int((now - 1 - since) * rng.random())
        self._intervention(req, act, op, "planned", start, start + duration, None, None, "",
                           created=created, plan=plan, due=due)
        return start

    def _intervention(self, req: RequestDraft, act: str, op: int | None, status: str, ps: int,
                      pe: int, a_s: int | None, a_e: int | None, report: str, *,
                      created: int | None = None, plan: int | None = None,
                      due: int | None = None) -> int:
        rng, w, cal = self.rng, self.w, self.cal
        ts = cal.ts
        iid = w.new_id("intervention")
        on_site = self.activity[act][2]
        if rng.random() < 0.5:
            instructions = self._pick(self.phr["instructions"] if on_site else
                                      self.phr["instructions_remote"])
        else:
            instructions = ""
        if created is None:
            created = max(req.opened + 1, ps - self._rr(60, 2880))
            created = min(created, ps - 1)
        updated = a_e + self._rr(5, 120) if a_e is not None else created
        w.rows["intervention"].append((
            iid, w.uuid(), ts(created), ts(min(updated, cal.now - 1)), 1, req.rid,
            self.activity[act][0], op, req.team, req.priority, status, ts(ps), ts(pe),
            instructions, a_s is not None and ts(a_s) or None, a_e is not None and ts(a_e) or None,
            report, "", due is not None and cal.iso[due] or None, plan))
        self.iv_made += 1
        req.last = max(req.last, updated if a_e is not None else created)
        return iid

    def _work_logs(self, req: RequestDraft, iid: int | None, op: int, act: str, start: int,
                   end: int) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        mean = max(1.0, (self.wl_target - self.wl_made) / max(1, self.iv_target - self.iv_made + 1))
        n = int(mean)
        n += rng.random() < mean - n
        if n >= 2:
            r = rng.random()
            n += -1 if r < 0.2 else (1 if r < 0.4 else 0)
        n = max(1, min(n, (end - start) // 10))
        act_id, billable, on_site, _ = self.activity[act]
        day = start // 1440
        billable = int(billable and req.contract is None and self.unit_warranty[req.uid] < day)
        notes = self.phr["worklog"].get(act) or self.phr["worklog"]["repair"]
        iso, hms, uuid, rnd = cal.iso, cal.hms, w.uuid, self._random
        rows = w.rows["work_log"]
        stamp = cal.ts(min(end + self._rr(10, 300), cal.now - 1))
        bounds = [start + ((end - start) * j // n) // 5 * 5 for j in range(n)] + [end]
        customer, rid, job_order = req.party.id, req.rid, req.job_order
        wid = w.next_id["work_log"]
        for j in range(n):
            a, b = bounds[j], bounds[j + 1]
            if b <= a:
                continue
            travel, km = 0, "0"
            if j == 0 and on_site:
                travel = TRAVEL[int(rnd() * len(TRAVEL))]
                km = f"{travel * (0.5 + rnd() * 0.8):.1f}"
            rows.append((wid, uuid(), stamp, rid, iid, op, customer, job_order, act_id,
                         iso[a // 1440], hms[a % 1440], hms[b % 1440], b - a, travel, km,
                         billable, notes[int(rnd() * len(notes))]))
            wid += 1
        self.wl_made += wid - w.next_id["work_log"]
        w.next_id["work_log"] = wid

    def _phone_log(self, req: RequestDraft, start: int, minutes: int) -> None:
        w, cal = self.w, self.cal
        stamp = cal.ts(min(start + minutes + self._rr(5, 120), cal.now - 1))
        act_id, billable, _, _ = self.activity["remote"]
        billable = billable and req.contract is None
        w.rows["work_log"].append((
            w.new_id("work_log"), w.uuid(), stamp, req.rid, None, req.owner,
            req.party.id, req.job_order, act_id, cal.iso[start // 1440], cal.hms[start % 1440],
            cal.hms[(start + minutes) % 1440], minutes, 0, "0", int(billable),
            self._pick(self.phr["worklog"]["phone"])))
        self.wl_made += 1
