"""Ticket ledgers of ticket contracts: credits, debits, top-ups."""
from __future__ import annotations

import bisect

from .base import Stage


class TicketsStage(Stage):
    """Credits of every term, one debit per closed request, top-ups before running out."""

    # tickets: credits of every term, one debit per closed request, top-ups, never negative
    def build_tickets(self) -> None:
        w, cal = self.w, self.cal
        debits: dict[int, list[tuple[int, int, int | None]]] = {}
        for cid, at, rid, op in self.debits:
            debits.setdefault(cid, []).append((at, rid, op))
        rows = w.rows["ticket_movement"]
        for cid, (credits, terms) in self.ticket_info.items():
            moves = [(at, 0, qty, term, kind, None, None) for at, qty, term, kind in credits]
            moves += [(at, 1, -1, 0, "debit", rid, op) for at, rid, op in debits.get(cid, ())]
            moves.sort(key=lambda m: (m[0], m[1], m[5] or 0))
            balance, per_term = 0, credits[0][1]
            starts = [t[0] for t in terms]
            for at, _, qty, term, kind, rid, op in moves:
                if kind == "debit":
                    term = terms[max(0, bisect.bisect_right(starts, at // 1440) - 1)][2]
                    if balance < 1:
                        top = max(5, per_term // 2)
                        stamp = cal.ts(at - self._rr(30, 240))
                        rows.append((w.new_id("ticket_movement"), w.uuid(), stamp, stamp, 1, cid,
                                     stamp, top, "topup", term, self._pick(self.signers), 0,
                                     "Ricarica pacchetto ticket", None))
                        balance += top
                    note = ""
                else:
                    note = "Ticket del pacchetto" if kind == "initial" else "Ticket del rinnovo"
                balance += qty
                stamp = cal.ts(at)
                rows.append((w.new_id("ticket_movement"), w.uuid(), stamp, stamp, 1, cid, stamp,
                             qty, kind, term, op, 0, note, rid))
