"""Request queue benchmarks (issue 3): page, filters, counters, save, app start, scrolling."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

from harness import Bench, captured_sql, replay

from servicedesk import clock
from servicedesk.models import Operator, Party, Priority, Team, Unit
from servicedesk.queries import requests as rq
from servicedesk.services import requests as svc
from servicedesk.services import sla


def _raw_page(path: str, now: str):
    """The first page of the open queue by urgency, written by hand with sqlite3 (the limit)."""
    con = sqlite3.connect(path)

    def run():
        order, _ = rq._urgency_order(clock.now())
        ids = [r[0] for r in con.execute(
            "SELECT r.id FROM service_request r WHERE r.status IN "
            "('new','assigned','in_progress','waiting_customer','waiting_supplier') "
            f"ORDER BY {order} LIMIT 200", [now] * 4)]
        sql = rq.ROW_SQL.format(name="name_it", marks=",".join("?" * len(ids)))
        rows = {v[0]: v for v in con.execute(sql, ids)}
        return [rows[i] for i in ids]
    return run


def benchmarks(env) -> list[Bench]:
    db = env.db
    sla.refresh_stored_keys(db, only_missing=True)  # what the app does on its first open
    now = clock.now()
    out: list[Bench] = []

    out.append(Bench("queue_page", lambda: rq.page(rq.QueueSpec(), 0, 200, lang="it", now=now),
                     "p95 ≤ 10 ms; ≤ 3× raw sqlite3", target_p95_ms=10,
                     limit=_raw_page(str(env.path), now.isoformat(sep=" ")), ratio_max=3.0,
                     note="ids by urgency + 200 display rows"))

    customer = Party.select().where(Party.is_customer == True).order_by(Party.id).first()  # noqa: E712
    word = customer.name.split()[0]
    unit = Unit.select().order_by(Unit.id).first()
    team = Team.select().first()
    owner = Operator.select().where(Operator.active == True).first()  # noqa: E712
    high = Priority.get(Priority.code == "high")
    some = db.execute_sql("SELECT number FROM service_request ORDER BY id DESC LIMIT 1").fetchone()[0]
    combos = {
        "open_by_urgency": rq.QueueSpec(),
        "high_priority": rq.QueueSpec(priority_ids=(high.id,)),
        "team_owner": rq.QueueSpec(team_id=team.id if team else None, owner_id=owner.id if owner else None),
        "unassigned": rq.QueueSpec(unassigned=True),
        "overdue": rq.QueueSpec(urgency="overdue"),
        "text_customer": rq.QueueSpec(text=word),
        "text_serial_all": rq.QueueSpec(status_group="all", text=unit.serial),
        "text_number_all": rq.QueueSpec(status_group="all", text=some),
        "text_words_open": rq.QueueSpec(text="stampante carta"),
        "closed_text": rq.QueueSpec(status_group="closed", text="caldaia"),
    }
    for name, spec in combos.items():
        def run(spec=spec):
            ids = rq.queue_ids(spec, now)
            rq.rows_for(ids[:200], "it")
            return len(ids)
        out.append(Bench(f"queue_filter.{name}", run, "p95 ≤ 30 ms", target_p95_ms=30,
                         limit=replay(env.path, captured_sql(db, run)),
                         repeat=15, note=f"{name}: ids + first page; limit: its statements "
                                         "on bare sqlite3"))

    out.append(Bench("queue_count", lambda: rq.counters(now, operator_id=owner.id if owner else None),
                     "p95 ≤ 20 ms", target_p95_ms=20))

    pri = Priority.get(Priority.code == "normal")
    units = [u.id for u in Unit.select(Unit.id).where(Unit.owner == customer.id).limit(1)]

    def save():
        with env.rolled_back():
            r = svc.create_request(svc.RequestInput(customer_id=customer.id, priority_id=pri.id,
                                                    description="Benchmark: stampante ferma",
                                                    unit_ids=units))
            data = svc.RequestInput.of(r)
            data.description += " (aggiornato)"
            svc.update_request(r, data)
    out.append(Bench("request_save", save, "p95 ≤ 20 ms", target_p95_ms=20,
                     note="create + save, rolled back"))

    out.append(Bench("queue_all_ids", lambda: rq.queue_ids(rq.QueueSpec(status_group="all"), now),
                     "≤ 100 ms (blocks the UI when choosing “All”)", target_p95_ms=100, repeat=10,
                     note="ids of every request, urgency order"))

    shown = Bench("queue_app_shown", lambda: None, "≤ 1000 ms", target_p95_ms=1000,
                  note="process start → the queue's first page shown (best of 3)")
    shown.setup = lambda: setattr(shown, "fixed_ms", _app_shown(env.path))
    cold = Bench("queue_app_shown_cold", lambda: None, "≤ 1000 ms", target_p95_ms=1000,
                 note="the same, the database file evicted from the page cache (best of 3)")
    cold.setup = lambda: setattr(cold, "fixed_ms", _app_shown(env.path, cold=True))
    scroll = Bench("queue_scroll_max_block", lambda: None, "≤ 100 ms", target_p95_ms=100,
                   note="worst block on the GUI thread: 'All' shown (its ids read by a worker), then each screen top to bottom")
    scroll.setup = lambda: setattr(scroll, "fixed_ms", _scroll_worst())
    out += [shown, cold, scroll]
    return out


def _app_shown(path, cold: bool = False) -> float:
    from harness import evict_from_page_cache

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    best = None
    for _ in range(3):
        if cold:
            evict_from_page_cache(path)
        out = subprocess.run([sys.executable, "-m", "ui.app", "--db", str(path), "--lang", "it",
                              "--exit-when-shown"], capture_output=True, text=True, env=env,
                             check=True)
        line = [ln for ln in out.stdout.splitlines() if ln.startswith("queue_ms=")][-1]
        ms = float(line.split("=", 1)[1])
        best = ms if best is None else min(best, ms)
    return best


def _scroll_worst() -> float:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    from ui.models.request_queue_model import COL, URGENCY_ROLE, RequestQueueModel

    model = RequestQueueModel(lang="it")
    # As the queue dock does since #13: the ids (and the first page's rows) are read by a
    # worker; the GUI thread only takes the answer. The read is reported, not counted as a block.
    t0 = time.perf_counter()
    view = rq.queue_view(rq.QueueSpec(status_group="all"), lang="it", first_page=model.page_size)
    print(f"   'All' read off the GUI thread: {len(view.ids)} ids in "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms", file=sys.stderr)
    t0 = time.perf_counter()
    model.show_ids(view.spec, view.ids, view.now, view.first_rows)
    worst = (time.perf_counter() - t0) * 1000
    print(f"   'All' shown: {model.rowCount()} rows in {worst:.1f} ms", file=sys.stderr)
    worst_row = 0.0
    # A screen shows ~30 rows: scroll a screen at a time from top to bottom.
    for row in range(0, model.rowCount(), 30):
        t1 = time.perf_counter()
        for col in (COL["number"], COL["customer"], COL["priority"], COL["status"], COL["sla"]):
            model.index(row, col).data()
        model.index(row, 0).data(URGENCY_ROLE)
        worst_row = max(worst_row, (time.perf_counter() - t1) * 1000)
    print(f"   worst screen while scrolling: {worst_row:.1f} ms", file=sys.stderr)
    return max(worst, worst_row)
