"""``statements_per_action``: how many statements (round trips, connections included) each user
action sends to a PostgreSQL server (issue 17: across a VPN every round trip costs). Each action
runs twice; the count must be the same (fixed: it does not grow with the data or with use).

Actions, through the same code the app runs: open the app (open the database, build the main
window, let its first loads finish), a queue page (ids by urgency, one page of rows, counters),
open a request (the request editor), save it (the editor's save), a board week (the board
steps one week) and an analysis (count, first page and the chart of the requests analysis).
"""
from __future__ import annotations

import os
import time
from typing import Callable

SETTLE_S = 1.5  # longer than any debounce timer of the window
# Bounds measured with the settle time: opening a request includes its KB suggestions (~20
# statements); saving reloads the editor (lookups, history, work, suggestions) — the editor
# reads its lookups afresh each time, the largest share left to trim.
LIMITS = {"open_app": 120, "queue_page": 8, "open_request": 70, "save_request": 90,
          "board_week": 12, "analysis": 10}


def _count(fn: Callable[[], object]) -> int:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from servicedesk.pg.database import add_statement_hook, remove_statement_hook

    seen: list[str] = []
    add_statement_hook(seen.append)
    try:
        fn()
        app = QApplication.instance()
        pool = QThreadPool.globalInstance()
        # Background loads started by the action, debounced ones included (the KB suggestions
        # wait for typing to pause): the same settle time every run keeps the count fixed.
        settle = time.monotonic() + SETTLE_S
        while time.monotonic() < settle or pool.activeThreadCount():
            pool.waitForDone(50)
            app.processEvents()
    finally:
        remove_statement_hook(seen.append)
    return len(seen)


def count_actions(url: str) -> dict[str, list[int]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from servicedesk import clock
    from servicedesk.db import open_database
    from servicedesk.models import ServiceRequest, database_proxy
    from servicedesk.queries import analysis as A
    from servicedesk.queries import requests as rq
    from ui import i18n
    from ui.app import build_window
    from ui.editors.request.editor import RequestEditor

    app = QApplication.instance() or QApplication([])
    i18n.install(app, "it")
    previous = database_proxy.obj
    counts: dict[str, list[int]] = {k: [] for k in LIMITS}
    state: dict = {}
    for _ in range(2):
        def open_app() -> None:
            db = open_database(url)
            state["window"] = build_window(db, lang="it", screenshot=True)
            state["window"].resize(1600, 1000)
            state["window"].show()

        counts["open_app"].append(_count(open_app))
        window = state["window"]
        now = clock.now()

        def queue_page() -> None:
            ids = rq.queue_ids(rq.QueueSpec(), now, limit=64)
            rq.rows_for(ids, "it")
            rq.counters(now)

        counts["queue_page"].append(_count(queue_page))
        rid = (ServiceRequest.select(ServiceRequest.id)
               .where(ServiceRequest.status == "in_progress").order_by(ServiceRequest.id.desc())
               .first().id)

        def open_request() -> None:
            state["editor"] = RequestEditor(ctx=window.ctx, request_id=rid)

        counts["open_request"].append(_count(open_request))

        def save_request() -> None:
            editor = state["editor"]
            text = editor.form.description
            text.setPlainText(text.toPlainText().rstrip(". ") + ".")
            assert editor.save()

        counts["save_request"].append(_count(save_request))
        board = getattr(window, "team_board", None) or _find_board(window)
        counts["board_week"].append(_count(lambda: board.step(1)))

        def analysis() -> None:
            q = A.query("requests", A.RequestSpec())
            q.count()
            q.page(0, 100)
            q.group("month", "count", series="priority")

        counts["analysis"].append(_count(analysis))
        state["editor"].deleteLater()
        from ui.workers import Worker

        for worker in window.findChildren(Worker):  # jobs end before the window and database go
            worker.wait()
        app.processEvents()
        window.close()
        window.ctx.db.close()
    database_proxy.initialize(previous)
    return counts


def _find_board(window):
    from ui.docks.team_board import TeamBoardWidget

    return window.findChild(TeamBoardWidget)


def statements_bench(db):
    from harness import Bench

    bench = Bench("statements_per_action", lambda: None,
                  "each action a small fixed number of round trips: "
                  + ", ".join(f"{k} ≤ {v}" for k, v in LIMITS.items()),
                  fixed_ms=0.0, repeat=1, warmup=0)

    def setup() -> None:
        counts = count_actions(db.info.url)  # the large database bench_pg opened
        bench.note = ", ".join(f"{k} {v[0]}" + ("" if len(set(v)) == 1 else f"→{v[1]}")
                               for k, v in counts.items())
        bench.fixed_ms = float(sum(v[-1] for v in counts.values()))
        fixed = all(len(set(v[1:])) == 1 for v in counts.values())  # the first open warms up
        within = all(v[-1] <= LIMITS[k] for k, v in counts.items())
        bench.target_p95_ms = float("inf") if (fixed and within) else -1.0
        import sys

        print(f"  statements_per_action: {bench.note}", file=sys.stderr)

    bench.setup = setup
    return bench
