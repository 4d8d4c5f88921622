"""Contracts with their renewal history, billing plans and job orders."""
from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Any

from ..months import add_months, months_between
from ..services import billing
from ..services import renewals as renewals_service
from ..services.istat import needed_period
from .base import ContractInfo, Party, Stage
from .vocabulary import CONTRACT_TYPES, FAMILY_NOUN, PERIOD_MONTHS, cents, weighted


class ContractsStage(Stage):
    """Contracts as the renewal run and the billing plan would have left them, term after term."""

    # job orders: one for about half of the contracts, the others for projects
    def _project_job_orders(self) -> None:
        self.job_orders: dict[int, list[int]] = {}
        n_extra = max(0, self.scale.job_orders - self.scale.contracts // 2)
        for _ in range(n_extra):
            party = self._pick(self.customers)
            if party.families:
                family = max(party.families, key=party.families.__getitem__)
                self._job_order(party, family, None)

    def _number_job_orders(self) -> None:
        """Codes COM-YYYY-NNN follow the opening dates (rows are created out of order)."""
        rows = self.w.rows["job_order"]
        rows.sort(key=lambda r: (r[8], r[0]))
        seq: dict[str, int] = {}
        for i, row in enumerate(rows):
            year = row[8][:4]
            seq[year] = seq.get(year, 0) + 1
            rows[i] = row[:5] + (f"COM-{year}-{seq[year]:03d}",) + row[6:]

    def _job_order(self, party: Party, family: str, contract_start: int | None) -> int:
        rng, w, cal = self.rng, self.w, self.cal
        opened = contract_start if contract_start is not None else (
            party.since + int((cal.today - party.since) * rng.random()))
        opened = min(opened, cal.today + 60)
        noun = FAMILY_NOUN[family]
        title = self._pick([f"Manutenzione {noun} – {party.short}",
                            f"Assistenza {noun} {party.short}",
                            f"Fornitura e installazione {noun} – sede di {party.city}",
                            f"Progetto rinnovo {noun} {party.short}"])
        closed = None
        if contract_start is None and opened < cal.today - 200 and rng.random() < 0.6:
            closed = (cal.base + dt.timedelta(days=opened + self._rr(60, 200))).isoformat()
        jid = w.new_id("job_order")
        opened_date = cal.base + dt.timedelta(days=opened)
        created = self._ts_date(opened_date, 540)
        w.rows["job_order"].append((jid, w.uuid(), created, created, 1, "", title[:200], party.id,
                                    opened_date.isoformat(), closed, 0))
        if closed is None:
            self.job_orders.setdefault(party.id, []).append(jid)
        return jid

    # contracts, their units and products, renewals, billing plan, ticket credits
    def build_contracts(self) -> None:
        self.contracts_by_party: dict[int, list[ContractInfo]] = {}
        self.ticket_info: dict[int, tuple[list[tuple[int, int, int, str]], list[tuple]]] = {}
        self.plan_candidates: list[tuple[int, ContractInfo, dt.date | None]] = []
        self._project_job_orders()
        plans = [self._plan_contract(i) for i in range(self.scale.contracts)]
        plans.sort(key=lambda p: (p["signed"] or p["start"], p["party"].id))
        seq: dict[int, int] = {}
        for plan in plans:
            year = (plan["signed"] or self.cal.dates[self.cal.today]).year
            seq[year] = seq.get(year, 0) + 1
            # numbered as services.contracts.next_number numbers a new one: CT-2026-0001
            self._write_contract(plan, f"CT-{year}-{seq[year]:04d}")
        self._number_job_orders()

    def _plan_contract(self, i: int) -> dict[str, Any]:
        rng, cal = self.rng, self.cal
        today = cal.dates[cal.today]
        n_passive = round(self.scale.contracts * 0.06) if self.suppliers else 0
        if i < n_passive:
            party, family = self.suppliers[i % len(self.suppliers)]
            ctype = self._pick(["full_service", "on_call", "maintenance"])
            direction = "passive"
        else:
            direction = "active"
            for _ in range(4):
                party = self.customers[self._rr(0, len(self.customers))]
                if party.id not in self.contracts_by_party or rng.random() < 0.1:
                    break
            self.contracts_by_party.setdefault(party.id, [])
            fams = list(party.families)
            family = weighted(rng, fams, [party.families[f] for f in fams], 1)[0]
            types = CONTRACT_TYPES[family]
            ctype = weighted(rng, list(types), list(types.values()), 1)[0]
        draft = rng.random() < 0.03
        if draft:
            start = today + dt.timedelta(days=self._rr(5, 45))
        else:
            back = int(6 * 365 * rng.random() ** 1.3) + 1
            start = today - dt.timedelta(days=back)
            since = cal.dates[party.since]
            if start < since:
                start = since + dt.timedelta(days=self._rr(0, 60))
                start = min(start, today - dt.timedelta(days=1))
        start = start.replace(day=1) if rng.random() < 0.5 else start
        # Terms renew for as long as the first one: the renewal run revalues the amount of a
        # term as it is, so a shorter renewal term would keep a longer term's price.
        initial = weighted(rng, [12, 24, 36], [60, 20, 20], 1)[0]
        periodicity = "yearly" if ctype == "tickets" else weighted(
            rng, list(PERIOD_MONTHS), [15, 35, 20, 30], 1)[0]
        first_due = start if rng.random() < 0.7 else start.replace(
            day=calendar.monthrange(start.year, start.month)[1])  # end of the first month
        tickets = weighted(rng, [10, 20, 30, 50], [3, 4, 2, 1], 1)[0] if ctype == "tickets" else 0
        units = []
        if direction == "active":
            limit = cal.day(add_months(start, initial)) if draft else cal.today
            units = [u for u in self.customer_units[party.id]
                     if self.unit_family[u] == family and self.unit_install[u] <= limit][:25]
        return dict(
            direction=direction, party=party, family=family, type=ctype, draft=draft, start=start,
            signed=None if draft else start - dt.timedelta(days=self._rr(5, 40)),
            signed_by=self._pick(self.signers), initial=initial, first_due=first_due,
            renewal_type=weighted(rng, ["tacit", "proposal", "none"], [55, 30, 15], 1)[0],
            change=weighted(rng, ["0", "2", "3", "5", "-3"], [60, 15, 12, 8, 5], 1)[0],
            share=weighted(rng, ["0", "75", "100"], [40, 35, 25], 1)[0],
            max_renewals=weighted(rng, [None, 2, 3, 5], [50, 15, 20, 15], 1)[0],
            notice_days=self._pick([30, 60, 90]), tickets=tickets, periodicity=periodicity,
            instalments=max(1, initial // PERIOD_MONTHS[periodicity]),
            units=units, base=self._base_amount(ctype, len(units), tickets, direction),
            sla=self._sla(ctype, direction))

    def _base_amount(self, ctype: str, units: int, tickets: int, direction: str) -> int:
        """Yearly value in cents, rounded to ten euro."""
        if direction == "passive":
            euro = self._rr(2_000, 20_000)
        elif ctype == "tickets":
            euro = tickets * self._pick([55, 60, 65, 70, 75, 80, 90])
        elif ctype == "software_support":
            euro = self._rr(400, 3_000)
        elif ctype == "on_call":
            euro = self._rr(2_000, 12_000)
        else:
            per_unit = {"full_service": (300, 900), "maintenance": (120, 400),
                        "warranty_extension": (80, 250)}[ctype]
            euro = max(250, max(1, units) * self._rr(*per_unit))
        return euro // 10 * 1000

    def _sla(self, ctype: str, direction: str) -> tuple[int | None, int | None]:
        rng = self.rng
        if direction == "passive":
            return 8, 40
        if ctype == "on_call":
            return 2, 8
        if ctype == "full_service":
            return self._pick([(4, 16), (8, 24)])
        if ctype in ("software_support", "maintenance") and rng.random() < 0.5:
            return 8, 40
        return None, None

    def _terms(self, plan: dict[str, Any]) -> tuple[list[tuple], list[tuple], str, dt.date | None]:
        """Terms (no, start, end, cents) up to the current one, renewal rows, status, notice:
        the history the renewal run (``services.renewals``) would have written day by day."""
        rng, today = self.rng, self.cal.dates[self.cal.today]
        one = dt.timedelta(days=1)
        start, months = plan["start"], plan["initial"]
        ts, amount = start, plan["base"] * months // 12
        te = renewals_service.term_end_for(ts, months, start.day)
        terms = [(1, ts, te, amount)]
        rows: list[tuple] = []
        if plan["draft"]:
            return terms, rows, "draft", None
        status, notice = "active", None
        kind, limit = plan["renewal_type"], plan["max_renewals"]
        while te < today:
            if kind == "tacit" and rng.random() < 0.06:  # the customer gave notice in time
                notice = renewals_service.cancel_by(te, plan["notice_days"]) - dt.timedelta(
                    days=self._rr(1, 30))
            if kind == "none" or notice or (limit is not None and len(terms) - 1 >= limit):
                status = "expired"
                break
            new_ts = te + one
            new_te = renewals_service.term_end_for(new_ts, months, start.day)
            # the figure the renewal needs (services/istat.py); when it was missing the office
            # renewed without it (the run never applies a missing figure)
            rev = self._value_at_renewal(plan, amount, new_ts, waived=True)
            row = [len(terms), kind, "done", new_ts, te, new_ts, new_te, rev, None, new_ts]
            if kind == "proposal":  # proposed ahead (the notice period), decided within weeks
                proposed_on = te - dt.timedelta(days=plan["notice_days"])
                decided = min(proposed_on + dt.timedelta(days=self._rr(3, 30)), te)
                accepted = rng.random() < 0.82
                row[2:] = ["accepted" if accepted else "rejected", proposed_on, te, new_ts,
                           new_te, rev, self._pick(self.signers), decided]
                if not accepted:
                    rows.append(tuple(row))
                    status = "expired"
                    break
            rows.append(tuple(row))
            amount = int(rev.new_amount * 100)
            terms.append((len(terms) + 1, new_ts, new_te, amount))
            ts, te = new_ts, new_te
        if status == "active" and kind == "tacit" and 0 <= (te - today).days <= 120 \
                and rng.random() < 0.15:  # will not renew: notice received
            notice = min(today - one, renewals_service.cancel_by(te, plan["notice_days"]))
        proposed_on = te - dt.timedelta(days=plan["notice_days"])
        if status == "active" and kind == "proposal" and proposed_on <= today and (
                limit is None or len(terms) - 1 < limit):  # the run proposed it: awaiting
            new_ts = te + one
            new_te = renewals_service.term_end_for(new_ts, months, start.day)
            rows.append((len(terms), kind, "proposed", proposed_on, te, new_ts, new_te,
                         self._value_at_renewal(plan, amount, new_ts, waived=False), None, None))
        return terms, rows, status, notice

    def _value_at_renewal(self, plan: dict[str, Any], amount: int, new_ts: dt.date, *,
                 waived: bool) -> renewals_service.Revaluation:
        """The new value as the run computes it: the annual average of the year before; a
        figure not in the table is left out (``waived``: renewed without it; else pending)."""
        period = needed_period(new_ts, None) if Decimal(plan["share"]) else None
        figure = self.istat.get(period) if period is not None else None
        return renewals_service.revalue(Decimal(amount) / 100, Decimal(plan["change"]),
                                        Decimal(plan["share"]), figure, period=period,
                                        waived=waived and period is not None and figure is None)

    def _write_contract(self, plan: dict[str, Any], number: str) -> None:
        rng, w, cal = self.rng, self.w, self.cal
        today = cal.dates[cal.today]
        party, family, ctype = plan["party"], plan["family"], plan["type"]
        terms, renewals, status, notice = self._terms(plan)
        cid = w.new_id("contract")
        no, ts, te, amount = terms[-1]
        valid_until = te
        notes = self._pick(["", "", "", "Adeguamento ISTAT al rinnovo secondo quota concordata.",
                            "Inclusi ricambi e manodopera, esclusi i materiali di consumo.",
                            "Fatturazione anticipata.", "Referente commerciale: ufficio vendite."])
        if status == "active" and ts < today:
            r = rng.random()
            if r < 0.03:  # ended early by agreement: no longer covers anything
                status, notes = "cancelled", "Risolto anticipatamente su richiesta del cliente."
                valid_until = ts + (today - ts) * rng.random()
            elif r < 0.04:
                status, notes = "suspended", "Sospeso per insoluti."
        plan["units"] = [u for u in plan["units"] if self.unit_install[u] <= cal.day(te)]
        job_order = None
        if plan["direction"] == "active" and rng.random() < 0.5:
            job_order = self._job_order(party, family, cal.day(plan["start"]))
        title = self._contract_title(plan, FAMILY_NOUN[family])
        created_day = plan["signed"] or today - dt.timedelta(days=self._rr(1, 20))
        created = self._ts_date(created_day, 600)
        changed = [created_day] + [r[9] or r[3] for r in renewals if (r[9] or r[3]) <= today]
        updated = self._ts_date(max(changed), 610)
        response, resolution = plan["sla"]
        w.rows["contract"].append((
            cid, w.uuid(), created, updated, 1, number, plan["direction"], party.id, title[:200],
            job_order, plan["signed"] and plan["signed"].isoformat(),
            None if plan["draft"] else plan["signed_by"], ctype, status, plan["start"].isoformat(),
            plan["initial"], plan["initial"], no, ts.isoformat(), te.isoformat(), cents(amount),
            plan["renewal_type"], plan["change"], plan["share"], plan["max_renewals"],
            len(terms) - 1, plan["notice_days"], notice and notice.isoformat(), plan["tickets"], 1,
            self._pick([2, 3, 5]) if plan["tickets"] else 2, response, resolution,
            plan["periodicity"], plan["instalments"], plan["first_due"].isoformat(), notes, 0))
        for term, kind, state, processed, old_end, new_start, new_end, rev, by, on in renewals:
            w.rows["contract_renewal"].append((
                w.new_id("contract_renewal"), w.uuid(), self._ts_date(processed, 420),
                self._ts_date(on or processed, 425), 1, cid, term, kind, state,
                processed.isoformat(), old_end.isoformat(), new_start.isoformat(),
                new_end.isoformat(), f"{rev.old_amount:.2f}", f"{rev.new_amount:.2f}",
                str(rev.change_pct), str(rev.istat_share_pct),
                None if rev.istat_change_pct is None else str(rev.istat_change_pct),
                rev.istat_year, int(rev.istat_waived), rev.formula, by, on and on.isoformat()))
        self._instalments(cid, plan, terms)
        for uid in plan["units"]:
            w.rows["contract_unit"].append((w.new_id("contract_unit"), w.uuid(), created, created,
                                            1, cid, uid))
        products = sorted({self.unit_product[u] for u in plan["units"]})
        if plan["direction"] == "passive":
            products = self.products[family][:8]
        for pid in products:
            w.rows["contract_product"].append((w.new_id("contract_product"), w.uuid(), created,
                                               created, 1, cid, pid))
        if plan["direction"] == "passive" or plan["draft"]:
            return
        info = ContractInfo(cid, cal.day(plan["start"]), cal.day(valid_until), family,
                            set(plan["units"]), job_order, response, resolution,
                            plan["tickets"] > 0)
        self.contracts_by_party.setdefault(party.id, []).append(info)
        if plan["tickets"]:
            credits = [(cal.day(t[1]) * 1440 + 540, plan["tickets"], t[0],
                        "initial" if t[0] == 1 else "renewal") for t in terms if t[1] <= today]
            self.ticket_info[cid] = (credits, [(cal.day(t[1]), cal.day(t[2]), t[0]) for t in terms])
        if ctype in ("maintenance", "full_service"):
            until = None if status == "active" and plan["renewal_type"] != "none" else valid_until
            for uid in plan["units"]:
                self.plan_candidates.append((uid, info, until))

    def _contract_title(self, plan: dict[str, Any], noun: str) -> str:
        if plan["direction"] == "passive":
            return self._pick([f"Assistenza di secondo livello {noun} – {plan['party'].short}",
                               f"Fornitura ricambi e supporto tecnico {noun}"])
        return {
            "full_service": f"Contratto full service {noun}",
            "tickets": f"Pacchetto {plan['tickets']} ticket assistenza {noun}",
            "maintenance": f"Manutenzione programmata {noun}",
            "warranty_extension": f"Estensione di garanzia {plan['initial']} mesi {noun}",
            "software_support": f"Assistenza e aggiornamento {noun}",
            "on_call": f"Reperibilità H24 {noun}",
        }[plan["type"]]

    def _instalments(self, cid: int, plan: dict[str, Any], terms: list[tuple]) -> None:
        """The billing plan of every term, as ``services.billing`` plans it: equal parts (the
        last absorbs the rounding), due dates kept on the first due date's day of the month."""
        w = self.w
        today = self.cal.dates[self.cal.today]
        rows = w.rows["instalment"]
        start, first_due = plan["start"], plan["first_due"]
        for no, ts, _, amount in terms:
            first = add_months(
                first_due, months_between(start, ts), first_due.day)
            created = self._ts_date(min(ts, today), 615)
            for part in billing.plan(Decimal(amount) / 100, plan["instalments"], first,
                                     plan["periodicity"]):
                paid = None
                if part.due_date < today and self._random() < 0.97:
                    paid_day = part.due_date + dt.timedelta(days=self._rr(0, 40))
                    paid = paid_day.isoformat() if paid_day < today else None
                rows.append((w.new_id("instalment"), w.uuid(), created, created, 1, cid, no,
                             part.seq, part.due_date.isoformat(), f"{part.amount:.2f}", paid, ""))
