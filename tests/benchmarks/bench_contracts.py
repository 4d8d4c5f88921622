"""Contract benchmarks: the renewal run over every contract of the large database (R-CON-4).

``renewal_run``: the run as it happens at start-up (today), rolled back after each iteration.
``renewal_run_year``: the worst case, a year later, when every live contract's term has ended
and each renews (or expires / gets a proposal): contract update + audit, ticket credit, new plan.
A renewal never applies a missing ISTAT figure (it waits instead), so for the worst case the
iteration first adds a placeholder annual figure for every year the run needs — inside the same
rolled-back transaction: nothing is kept.
``contract_list``: ids of the open contracts sorted by term end, plus the first page of rows.
``contract_alerts``: the notice/expiry/proposal alerts shown in the panel and the status bar.
``contract_list_view``: what the dock asks of its worker after a filter or a write: ids + alerts.
``contract_editor_view``: what the editor reads (on its worker) to open the contract with the
most ticket movements: snapshot, ledger, requests closed against it, plan, renewals, coverage.
``contract_summary``: the summary recomputed at every keystroke (GUI thread, no database).
"""
from __future__ import annotations

import datetime as dt

from harness import Bench, captured_sql, replay


def benchmarks(env) -> list[Bench]:
    from servicedesk import clock
    from servicedesk.models import Contract
    from servicedesk.queries import contracts as cq
    from servicedesk.services import renewal_run

    total = Contract.select().count()

    def placeholder_figures(day: dt.date) -> None:
        from decimal import Decimal

        from servicedesk.models import IstatIndex

        have = {y for (y,) in IstatIndex.select(IstatIndex.year).tuples()}
        rows = [dict(year=y, change_pct=Decimal("1.0"), published_on=dt.date(y + 1, 1, 16),
                     note="benchmark placeholder") for y in range(2010, day.year) if y not in have]
        if rows:
            IstatIndex.insert_many(rows).execute()

    def run_at(day: dt.date, figures: bool = False):
        def go() -> None:
            clock.freeze(dt.datetime.combine(day, dt.time(7)))
            try:
                with env.rolled_back():
                    if figures:
                        placeholder_figures(day)
                    renewal_run.run()
            finally:
                clock.freeze(None)
        return go

    today = dt.date.today()
    with env.rolled_back():
        clock.freeze(dt.datetime.combine(today + dt.timedelta(days=366), dt.time(7)))
        try:
            placeholder_figures(today + dt.timedelta(days=366))
            year = renewal_run.run()
        finally:
            clock.freeze(None)
    with env.rolled_back():
        now = renewal_run.run()

    def contract_list() -> None:
        ids = cq.ids(cq.ContractFilter(status="open"))
        cq.rows(ids[:100])

    from peewee import fn

    from servicedesk.models import TicketMovement
    from servicedesk.queries import contract_form as cf
    from servicedesk.queries.contract_summary import Terms, summarize

    busiest = (TicketMovement.select(TicketMovement.contract)
               .group_by(TicketMovement.contract).order_by(fn.COUNT(TicketMovement.id).desc())
               .scalar()) or Contract.select(Contract.id).scalar()
    view = cf.contract_view(busiest)
    terms = Terms(**{name: getattr(view.snapshot, name) for name in Terms.__dataclass_fields__})

    return [
        Bench("renewal_run", run_at(today), "≤ 2 s over the large DB", target_p95_ms=2000,
              repeat=5, warmup=1,
              note=f"{total} contracts; {len(now.items)} actions at today's date"),
        Bench("renewal_run_year", run_at(today + dt.timedelta(days=366), figures=True),
              "≤ 2 s (worst case: every term ended; includes the rollback)", target_p95_ms=2000, repeat=3, warmup=1,
              note=f"{total} contracts; {len(year.items)} actions a year from now "
                   f"({len(year.waiting)} waiting)"),
        Bench("contract_list", contract_list, "p95 ≤ 100 ms (ids of open contracts + first page)",
              target_p95_ms=100, repeat=20),
        Bench("contract_alerts", cq.alerts, "p95 ≤ 100 ms (aim 20)", target_p95_ms=100, repeat=20,
              limit=replay(env.path, captured_sql(env.db, cq.alerts)),
              note="limit: its statements on bare sqlite3"),
        Bench("contract_list_view", lambda: cq.list_view(cq.ContractFilter(status="open")),
              "p95 ≤ 200 ms (on a worker: ids of open contracts + alerts)", target_p95_ms=200,
              repeat=20),
        Bench("contract_editor_view", lambda: cf.contract_view(busiest),
              "p95 ≤ 100 ms (on a worker: the contract with the most ticket movements)",
              target_p95_ms=100, repeat=20,
              note=f"{len(view.ledger)} movements, {len(view.closed_requests)} requests, "
                   f"{len(view.instalments)} instalments, {len(view.units)} units"),
        Bench("contract_summary", lambda: summarize(terms, view),
              "p95 ≤ 5 ms (GUI thread, at every keystroke)", target_p95_ms=5, repeat=50),
    ]
