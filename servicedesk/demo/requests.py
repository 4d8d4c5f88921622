"""Service requests: when they were opened, what happened to them, how they are written."""
from __future__ import annotations

import bisect
import heapq
from dataclasses import dataclass

from ..services.sla import sla_hours
from .base import ContractInfo, Party, Stage
from .board import Board
from .vocabulary import OPEN_STATUS_WEIGHTS, Problem


@dataclass(slots=True)
class RequestDraft:
    """A request being generated; written by ``DemoBuilder._emit``."""

    rid: int
    number: str
    opened: int
    party: Party
    uid: int
    team: int
    techs: list[int]
    owner: int | None
    priority: int
    rank: int
    resp_h: int
    res_h: int
    contract: ContractInfo | None
    job_order: int | None
    channel: str
    subject: str
    description: str
    problem_type: int | None
    contact: int | None
    status: str = "new"
    first_response: int | None = None
    resolved: int | None = None
    closed: int | None = None
    sla: bool = True  # False: no response/resolution due (maintenance visits)
    paused_since: int | None = None
    paused: int = 0
    final_report: str = ""
    kb_article: int | None = None
    last: int = 0
    events: list[tuple] = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.events = []


def _first(item: tuple) -> int:
    return item[0]


CHANNELS = ("phone", "email", "web", "onsite")
PRIORITY_CODES = ("critical", "high", "normal", "low")
PRIORITY_RANK = {code: rank for rank, code in enumerate(PRIORITY_CODES, 1)}
PRIORITY_CUM = (5, 25, 80)  # percent: critical, high, normal, the rest low
PRIORITY_CUM_LIGHT = (0, 10, 60)  # how-to and configuration questions are seldom urgent
FIRST_GAP = {1: (0, 120), 2: (30, 480), 3: (120, 2880), 4: (1440, 5 * 1440)}
OPEN_STATUSES = tuple(code for code, _ in OPEN_STATUS_WEIGHTS)
OPEN_CUM = tuple(sum(wt for _, wt in OPEN_STATUS_WEIGHTS[:i + 1])
                 for i in range(len(OPEN_STATUS_WEIGHTS)))
STALE_CUM = (2, 12, 27, 62, 100)  # open for weeks: mostly waiting for the customer or a part
PLAN_AHEAD = {1: (0, 1), 2: (0, 2), 3: (0, 4), 4: (1, 7)}  # days from now, by priority rank
PLAN_CHANCE = {"assigned": 0.95, "in_progress": 0.9, "waiting_supplier": 0.6,
               "waiting_customer": 0.3}  # an open request has a visit on the board
JITTER = (-10, -5, 0, 0, 0, 5, 10, 15, 20, 30)
TRAVEL = (10, 15, 20, 25, 30, 40, 45, 60, 75, 90)


class RequestsStage(Stage):
    """Customer requests, maintenance visits and installations, in order of opening."""

    # service requests with their units, history, interventions and work logs
    def build_requests(self) -> None:
        skeleton = self._skeleton()
        self._choose_states(skeleton)
        self._plan_kb(skeleton)
        self.board = Board(self.cal, 75, self.absences)
        self.debits: list[tuple[int, int, int, int | None]] = []
        self.iv_target, self.wl_target = self.scale.interventions, self.scale.work_logs
        self.iv_made = self.wl_made = 0
        flush = ("service_request", "request_unit", "request_event", "intervention", "work_log",
                 "kb_application")
        counters: dict[int, list[int]] = {}
        dates = self.cal.dates
        for rid, (opened, kind, a, b) in enumerate(skeleton, 1):
            year = dates[opened // 1440].year
            counter = counters.setdefault(year, [0, opened, opened])
            counter[0] += 1
            counter[2] = opened
            number = f"RS-{year}-{counter[0]:06d}"
            if kind == 0:
                self._regular(rid, number, opened, a, b)
            elif kind == 1:
                self._visit(rid, number, opened, self.visits[a])
            else:
                self._installation(rid, number, opened, a)
            if rid % 10_000 == 0:
                self.w.flush(*flush)
                self._report(rid / len(skeleton))
        w = self.w
        for year, (last, first, latest) in sorted(counters.items()):
            w.rows["request_counter"].append((w.new_id("request_counter"), w.uuid(),
                                              self.cal.ts(first), self.cal.ts(latest), 1, year,
                                              last))

    def _skeleton(self) -> list[tuple[int, int, int, int]]:
        """(opened minute, kind, a, b) of every request, sorted. Kind 0: customer request
        (a unit, b problem*4+channel); 1: maintenance visit (a visit); 2: installation (a unit)."""
        rng, cal = self.rng, self.cal
        now = cal.now
        window = cal.today - 3 * 365
        entries: list[tuple[int, int, int, int]] = []
        for i, visit in enumerate(self.visits):
            due, done = visit[2], visit[3]
            if done is not None:
                day = cal.working_day_before(done - self._rr(7, 16))
                entries.append((day * 1440 + 420 + self._rr(0, 45), 1, i, 0))
            else:
                day = min(cal.today - 1, cal.working_day_before(due - self._rr(7, 16)))
                entries.append((min(now - 60, day * 1440 + 420 + self._rr(0, 45)), 1, i, 0))
        n_units = len(self.unit_owner) - 1
        budget = self.scale.requests - len(entries)
        for uid in range(1, n_units + 1):
            install = self.unit_install[uid]
            if install >= window + 30 and rng.random() < 0.3 and budget > self.scale.requests // 2:
                day = cal.working_day_before(install - self._rr(5, 25))
                entries.append((day * 1440 + self._rr(540, 1020), 2, uid, 0))
                budget -= 1
        old_units = [u for u in range(1, n_units + 1) if self.unit_install[u] < window]
        old_units = old_units or list(range(1, n_units + 1))
        span = cal.today - window
        offsets, cum = {}, {}
        base = 0
        for family in self.families:
            offsets[family] = base
            base += len(self.problems[family])
            acc, total = [], 0.0
            for wgt in self.problem_weights[family]:
                total += wgt
                acc.append(total)
            cum[family] = acc
        ranges = {f: range(len(self.problems[f])) for f in self.families}
        channel_cum = [50, 78, 95, 100]
        for _ in range(max(0, budget)):
            day = window + int(span * rng.random() ** 0.8)
            if not cal.working[day] and rng.random() < 0.85:
                ahead = cal.working_day_from(day)
                day = ahead if ahead < cal.today else cal.working_day_before(day)
            ch = rng.choices(range(4), cum_weights=channel_cum)[0]
            minute = self._rr(480, 1110) if ch in (0, 3) else self._rr(420, 1320)
            for _ in range(8):
                uid = self._rr(1, n_units + 1)
                if self.unit_install[uid] < day:
                    break
            else:
                uid = self._pick(old_units)
            family = self.unit_family[uid]
            pidx = offsets[family] + rng.choices(ranges[family], cum_weights=cum[family])[0]
            entries.append((day * 1440 + minute, 0, uid, pidx * 4 + ch))
        entries.sort()
        return entries

    def _choose_states(self, skeleton: list[tuple[int, int, int, int]]) -> None:
        """Which customer requests are still open (mostly recent ones) and which were cancelled."""
        rng, now = self.rng, self.cal.now
        planned_visits = sum(1 for v in self.visits if v[3] is None)
        target = max(0, self.scale.open_requests - planned_visits)
        regular = [rid for rid, e in enumerate(skeleton, 1) if e[1] == 0]
        keys = []
        for rid in regular:
            age_days = (now - skeleton[rid - 1][0]) / 1440
            weight = 1.0 / (1.0 + age_days / 12.0) ** 1.5
            keys.append((rng.random() ** (1.0 / weight), rid))
        self.open_ids = {rid for _, rid in heapq.nlargest(target, keys)}
        self.cancel_ids = {rid for rid in regular
                           if rid not in self.open_ids and rng.random() < 0.03}
        n_open = len(self.open_ids)
        n_closed = len(regular) - n_open - len(self.cancel_ids)
        n_install = sum(1 for e in skeleton if e[1] == 2)
        self.closed_left = n_closed
        self.iv_reserve = n_open * 1.0 + len(self.visits) + n_install * 1.4 + len(
            self.cancel_ids) * 0.15

    # -- one request ------------------------------------------------------------------------------
    def _new_request(self, rid: int, number: str, opened: int, uid: int, team: int,
                     priority: str, channel: str, subject: str, description: str,
                     problem_type: int | None, contract: ContractInfo | None) -> RequestDraft:
        party = self.party_by_id[self.unit_owner[uid]]
        prio = self.priority[priority]
        hours = sla_hours(prio, contract)  # the contract's service level, else the priority's
        job_order = contract.job_order if contract is not None else None
        rng = self.rng
        if job_order is None and rng.random() < 0.08:
            orders = self.job_orders.get(party.id)
            job_order = self._pick(orders) if orders else None
        techs = self.techs[team]
        return RequestDraft(rid, number, opened, party, uid, team, techs, self._pick(techs),
                            prio.id, PRIORITY_RANK[priority], hours.response_hours,
                            hours.resolution_hours, contract, job_order, channel, subject,
                            description, problem_type,
                            self._pick(party.contacts) if rng.random() < 0.9 else None)

    def _regular(self, rid: int, number: str, opened: int, uid: int, packed: int) -> None:
        rng, phr = self.rng, self.phr
        pidx, ch = divmod(packed, 4)
        p = self.problem_list[pidx]
        party = self.party_by_id[self.unit_owner[uid]]
        team = self._tech_team(p.family, party.ne)
        cum = PRIORITY_CUM_LIGHT if p.pt in ("usage", "configuration") else PRIORITY_CUM
        priority = PRIORITY_CODES[bisect.bisect(cum, self._random() * 100)]
        age = self.cal.now - opened
        stale = rid in self.open_ids and age > 20 * 1440
        if stale:  # what stays open for weeks is seldom urgent, and mostly waiting
            priority = "normal" if rng.random() < 0.4 else "low"
        forced = self.kb_forced.get(rid)
        if forced:
            si, fix = self.kb_articles[forced - 1][4:6]
        else:
            si, fix = self._rr(0, len(p.symptoms)), self._rr(0, len(p.fixes))
        text = p.symptoms[si]
        if priority in ("critical", "high") and rng.random() < 0.6:
            text += " " + self._pick(phr["urgent"])
        if rng.random() < 0.35:
            text += " " + self._pick(phr["extra"])
        if rng.random() < 0.3:
            text += f" Matricola {self.unit_serial[uid]}."
        contract = self._contract_for(party.id, uid, p.family, opened // 1440)
        req = self._new_request(rid, number, opened, uid, team, priority, CHANNELS[ch], p.subject,
                                text, self.problem_type[p.pt], contract)
        creator = None if req.channel in ("web", "email") else self._pick(self.coordinators)
        req.events.append((opened, creator, "status", None, "new", ""))
        if rid in self.open_ids:
            self.iv_reserve -= 1.0
            self._open_path(req, p, self._open_status(age, stale))
        elif rid in self.cancel_ids:
            self.iv_reserve -= 0.15
            self._cancel_path(req)
        else:
            self.closed_left -= 1
            if not self._closed_path(req, p, pidx, fix, forced):
                self._open_path(req, p, "in_progress")
        self._emit(req)

    def _open_status(self, age: int, stale: bool) -> str:
        if age < 1440:
            return "new" if self.rng.random() < 0.55 else "assigned"
        cum = STALE_CUM if stale else OPEN_CUM
        return OPEN_STATUSES[bisect.bisect(cum, self._random() * cum[-1])]

    def _contract_for(self, party: int, uid: int, family: str, day: int) -> ContractInfo | None:
        best = None
        for info in self.contracts_by_party.get(party, ()):
            if info.start <= day <= info.end:
                if uid in info.units:
                    return info
                if best is None and info.family == family:
                    best = info
        return best

    def _assign(self, req: RequestDraft, first_response: int, answer: bool = True) -> None:
        """Leaving 'new' is the first response (as in ``services.requests``); often the
        technician also writes to the customer soon after."""
        req.events.append((first_response, self._pick(self.coordinators), "status", "new",
                           "assigned", f"Assegnata a {self.operator_names[req.owner]}"))
        req.first_response = first_response
        if answer and self._random() < 0.6:
            at = first_response + self._rr(1, 45)
            if at < self.cal.now:
                req.events.append((at, req.owner, "answer", None, None,
                                   self._pick(self.phr["answers"])))

    def _first_response(self, req: RequestDraft) -> int:
        rng = self.rng
        late = 1.0 if rng.random() < 0.92 else 2.5
        return self.cal.add_working(req.opened,
                                    max(5, int(req.resp_h * 60 * rng.random() ** 1.5 * late)))

    def _closed_path(self, req: RequestDraft, p: Problem, pidx: int, fix: int,
                     forced: int | None) -> bool:
        rng, cal, phr = self.rng, self.cal, self.phr
        now = cal.now
        first = self._first_response(req)
        ivs = self._timeline(req, p, self._n_interventions(), first)
        phone = self._pick((15, 20, 30, 45, 60))  # solved on the phone when no visit is needed
        start = max(first + 1, ivs[0][4] if ivs else cal.next_work(first))
        resolved = (ivs[-1][5] if ivs else start + phone) + self._rr(5, 90)
        if resolved >= now - 30:
            return False  # still being worked on: the caller makes it an open request
        if rng.random() < 0.3:
            closed = cal.next_work(resolved + self._rr(60, 240))
        else:
            closed = cal.next_work(resolved + self._rr(1, 6) * 1440 + self._rr(0, 480))
        ev = req.events
        self._assign(req, first)
        ev.append((start, req.owner, "status", "assigned", "in_progress", ""))
        for i in range(len(ivs) - 1):
            if rng.random() < 0.45:
                ws = ivs[i][5] + self._rr(10, 60)
                we = ivs[i + 1][4] - self._rr(30, 300)
                if we > ws + 60:
                    state = "waiting_supplier" if rng.random() < 0.7 else "waiting_customer"
                    ev.append((ws, req.owner, "status", "in_progress", state,
                               self._pick(phr[state])))
                    ev.append((we, req.owner, "status", state, "in_progress", ""))
                    req.paused += self.cal.working_between(ws, we)
        self._notes(req, start, resolved)
        cause, solution = p.fixes[fix]
        outcome = self._pick(phr["outcome"])
        for n, (act, op, ps, pe, a_s, a_e) in enumerate(ivs, 1):
            report = (f"{solution} {outcome}" if n == len(ivs) else
                      self._pick(phr["diagnosis"]).format(cause=cause))
            iid = self._intervention(req, act, op, "done", ps, pe, a_s, a_e, report)
            self._work_logs(req, iid, op, act, a_s, a_e)
        if not ivs:
            self._phone_log(req, start, phone)
        if forced:
            req.kb_article = forced
            self.kb_author[forced] = req.owner
            created = resolved + self._rr(10, 120)
            self.kb_articles[forced - 1][0] = created
            self.kb_dynamic.setdefault(pidx, []).append((created, forced))
            ev.append((resolved, req.owner, "note", None, None,
                       "Problema e soluzione registrati nella Knowledge Base."))
        elif rng.random() < 0.15:
            self._apply_kb(req, pidx, start)
        closer = self._pick(self.coordinators) if rng.random() < 0.6 else req.owner
        ev.append((resolved, req.owner, "status", "in_progress", "resolved", ""))
        req.resolved = resolved
        if closed < now:
            ev.append((closed, closer, "status", "resolved", "closed", ""))
            req.closed, req.status = closed, "closed"
        else:
            req.status = "resolved"
        req.final_report = f"Diagnosi: {cause}\nIntervento: {solution}\nEsito: {outcome}"
        return True

    def _open_path(self, req: RequestDraft, p: Problem, status: str) -> None:
        rng, now = self.rng, self.cal.now
        req.status = status
        if status == "new":
            req.owner = None
            if rng.random() < 0.2:
                self._notes(req, req.opened + 1, now - 1)
            return
        first = self._first_response(req)
        if first >= now - 5:
            first = req.opened + max(1, int((now - 5 - req.opened) * (0.2 + 0.6 * rng.random())))
        self._assign(req, first)
        if status != "assigned":
            start = first + 1 + int((now - 3 - first) * rng.random())
            ivs = self._timeline(req, p, 1, first)
            last = start
            if ivs and ivs[0][5] < now - 30:
                act, op, ps, pe, a_s, a_e = ivs[0]
                report = self._pick(self.phr["diagnosis"]).format(cause=p.fixes[0][0])
                iid = self._intervention(req, act, op, "done", ps, pe, a_s, a_e, report)
                self._work_logs(req, iid, op, act, a_s, a_e)
                start, last = max(first + 1, a_s), a_e
            req.events.append((start, req.owner, "status", "assigned", "in_progress", ""))
            if status.startswith("waiting"):
                ws = max(start + 1, last + self._rr(10, 240))
                if ws >= now:
                    ws = start + max(1, (now - start) // 2)
                req.events.append((ws, req.owner, "status", "in_progress", status,
                                   self._pick(self.phr[status])))
                req.paused_since = ws
        if rng.random() < PLAN_CHANCE[status]:
            low, high = PLAN_AHEAD[req.rank]  # urgent visits first, the others spread out
            if status == "waiting_supplier":
                low, high = low + 3, high + 3
            start = self._plan_visit(req, p.act, now + self._rr(low * 1440, high * 1440 + 1),
                                     first)
            if start is not None and status == "in_progress" and rng.random() < 0.3:
                self._plan_visit(req, "repair" if p.act == "inspection" else p.act,
                                 start + self._rr(2, 5) * 1440, first)  # back to finish

    def _cancel_path(self, req: RequestDraft) -> None:
        rng, now = self.rng, self.cal.now
        previous = "new"
        if rng.random() < 0.5:
            self._assign(req, req.opened + self._rr(5, 120), answer=False)
            previous = "assigned"
        else:
            req.owner = None
        at = min(now - 1, req.opened + self._rr(150, 3 * 1440))
        req.events.append((at, self._pick(self.coordinators), "status", previous, "cancelled",
                           self._pick(self.phr["cancel"])))
        req.status, req.closed = "cancelled", at

    def _notes(self, req: RequestDraft, start: int, end: int) -> None:
        rng = self.rng
        count = (rng.random() < 0.35) + (rng.random() < 0.1)
        for _ in range(count if end > start else 0):
            req.events.append((start + int((end - start) * rng.random()), req.owner, "note", None,
                               None, self._pick(self.phr["notes"])))

    def _visit(self, rid: int, number: str, opened: int, visit: tuple) -> None:
        """A periodic maintenance visit: done in the past or planned in the coming two weeks."""
        rng, cal = self.rng, self.cal
        plan, uid, due, done, team, plan_op, duration, info, title, instructions = visit
        description = (f"{instructions} Scadenza {cal.dates[due].strftime('%d/%m/%Y')}, "
                       f"matricola {self.unit_serial[uid]}.")
        # as services.maintenance writes them: on site, normal priority, no SLA clocks
        req = self._new_request(rid, number, opened, uid, team, "normal", "onsite", title[:200],
                                description, None, info)
        req.sla = False
        if plan_op is not None:
            req.owner = plan_op
        req.events.append((opened, None, "status", None, "new", ""))
        first = opened + self._rr(1, 10)
        self._assign(req, first, answer=False)
        self.iv_reserve -= 1
        if done is None:
            req.status = "assigned"
            self._plan_visit(req, "maintenance", max(cal.now, (due - 3) * 1440), opened,
                             duration, plan, due)
            self._emit(req)
            return
        start = cal.next_work(done * 1440 + self._pick((510, 540, 600, 810, 870)))
        a_s = start + self._pick(JITTER)
        a_e = a_s + max(30, int(duration * (0.8 + rng.random() * 0.5)) // 5 * 5)
        req.events.append((max(first + 1, a_s), req.owner, "status", "assigned", "in_progress", ""))
        report = f"Manutenzione eseguita. {instructions} Nessuna anomalia rilevante."
        iid = self._intervention(req, "maintenance", req.owner, "done", start, start + duration,
                                 a_s, a_e, report, plan=plan, due=due)
        self._work_logs(req, iid, req.owner, "maintenance", a_s, a_e)
        self._finish(req, a_e + self._rr(5, 30), report)
        self._emit(req)

    def _installation(self, rid: int, number: str, opened: int, uid: int) -> None:
        """The request under which a unit was installed (and its users trained)."""
        rng, cal = self.rng, self.cal
        party = self.party_by_id[self.unit_owner[uid]]
        family = self.unit_family[uid]
        name = self.product_info[self.unit_product[uid]][1]
        description = (f"Richiesta installazione e messa in servizio di {name} presso la sede di "
                       f"{party.city}.")
        req = self._new_request(rid, number, opened, uid, self._tech_team(family, party.ne),
                                "normal", "email", f"Installazione {name}"[:200], description,
                                None, self._contract_for(party.id, uid, family, opened // 1440))
        req.events.append((opened, self._pick(self.coordinators), "status", None, "new", ""))
        self._assign(req, opened + self._rr(10, 240))
        self.iv_reserve -= 1.4
        start = cal.next_work(self.unit_install[uid] * 1440 + 510)
        duration = self._pick((180, 240, 300, 360, 480))
        a_e = start + duration + self._pick((-30, 0, 15, 30, 60))
        req.events.append((start, req.owner, "status", "assigned", "in_progress", ""))
        iid = self._intervention(req, "installation", req.owner, "done", start, start + duration,
                                 start, a_e, "Installazione, collegamenti e collaudo completati.")
        self._work_logs(req, iid, req.owner, "installation", start, a_e)
        report = f"Installazione e collaudo di {name} completati."
        if rng.random() < 0.4:
            t_s = cal.next_work(a_e + self._rr(0, 1440))
            t_e = t_s + self._pick((90, 120, 180))
            if t_e < cal.now - 60:
                iid = self._intervention(req, "training", req.owner, "done", t_s, t_e, t_s, t_e,
                                         "Formazione degli utenti all'uso dell'apparecchiatura.")
                self._work_logs(req, iid, req.owner, "training", t_s, t_e)
                a_e = t_e
                report += " Eseguita la formazione degli utenti."
        self._finish(req, a_e + self._rr(10, 60), report)
        self._emit(req)

    def _finish(self, req: RequestDraft, resolved: int, report: str) -> None:
        cal = self.cal
        resolved = min(resolved, cal.now - 2)
        req.events.append((resolved, req.owner, "status", "in_progress", "resolved", ""))
        req.resolved, req.final_report = resolved, report
        closed = cal.next_work(resolved + self._rr(60, 3 * 1440))
        if closed < cal.now:
            req.events.append((closed, self._pick(self.coordinators), "status", "resolved",
                               "closed", ""))
            req.closed, req.status = closed, "closed"
        else:
            req.status = "resolved"

    def _emit(self, req: RequestDraft) -> None:
        """Write the request row, its units and its history (events in time order)."""
        w, cal, rng = self.w, self.cal, self.rng
        ts, days, hms, uuid = cal.ts, cal.iso_sp, cal.hms, w.uuid
        events = sorted(req.events, key=_first)
        rows = w.rows["request_event"]
        rid = req.rid
        eid = w.next_id["request_event"]
        for at, op, kind, frm, to, text in events:
            stamp = days[at // 1440] + hms[at % 1440]
            rows.append((eid, uuid(), stamp, rid, op, kind, frm, to, text))
            eid += 1
        w.next_id["request_event"] = eid
        last = max(events[-1][0], min(req.last, cal.now - 1))
        if req.status == "closed" and req.contract is not None and req.contract.tickets:
            self.debits.append((req.contract.id, req.closed, rid, events[-1][1]))
        opened = req.opened
        add = cal.add_working
        response_due = resolution_due = None
        if req.sla:
            response_due = ts(add(opened, req.resp_h * 60 + req.paused))
            resolution_due = ts(add(opened, req.res_h * 60 + req.paused))
        w.rows["service_request"].append((
            rid, w.uuid(), ts(opened), ts(last), 1, req.number, req.party.id, req.contact,
            req.channel, req.subject, req.description, req.problem_type, req.priority, req.status,
            req.contract.id if req.contract else None, req.job_order, req.team, req.owner,
            ts(opened), req.first_response and ts(req.first_response),
            response_due, resolution_due,
            req.paused_since and ts(req.paused_since), req.paused,
            req.resolved and ts(req.resolved), req.closed and ts(req.closed), req.final_report,
            req.kb_article))
        stamp = ts(opened)
        units = w.rows["request_unit"]
        units.append((w.new_id("request_unit"), w.uuid(), stamp, stamp, 1, rid, req.uid))
        if rng.random() < 0.1:
            family = self.unit_family[req.uid]
            for other in self.customer_units[req.party.id]:
                if other != req.uid and self.unit_family[other] == family \
                        and self.unit_install[other] < opened // 1440:
                    units.append((w.new_id("request_unit"), w.uuid(), stamp, stamp, 1, rid, other))
                    break
