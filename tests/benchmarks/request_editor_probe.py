"""Open requests in the real main window on a database and report the longest event-loop stall
(wall time, and the GUI thread's own CPU time in that stall, which load on a shared machine
does not inflate). Run by bench_request_editor.py in its own process:

    python tests/benchmarks/request_editor_probe.py DB [--main]   # prints one JSON line
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
TICK_MS = 10


def main(path: str) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from servicedesk.db import open_database
    from ui import i18n
    from ui.app import build_window, stylesheet

    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    db = open_database(path)
    i18n.install(app, "it")
    window = build_window(db, lang="it", screenshot=True)  # signed in as in screenshots …
    window.ctx.screenshot_mode = False  # … then background work on threads, as in the app
    queue = window.docks["requestQueueDock"].widget()
    if hasattr(queue, "worker"):
        queue.worker.threaded = True
    window.resize(1600, 1000)
    window.show()

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    pump(2000)  # start-up work settles (overview, first queue page)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[tuple[int, float]] = []
    last = [clock.elapsed(), time.thread_time()]

    def tick() -> None:
        now, cpu = clock.elapsed(), time.thread_time()
        gaps.append((now - last[0], (cpu - last[1]) * 1000))
        last[0], last[1] = now, cpu

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    ids = [r[0] for r in db.execute_sql("SELECT id FROM service_request ORDER BY id DESC LIMIT 3")]
    ids += [r[0] for r in db.execute_sql(
        "SELECT request_id FROM work_log GROUP BY request_id ORDER BY COUNT(*) DESC LIMIT 2")]
    opens = []
    for rid in ids:
        pump(200)
        gaps.clear()
        last[0], last[1] = clock.elapsed(), time.thread_time()
        QTimer.singleShot(0, lambda rid=rid: window.ctx.bus.open_request.emit(rid))
        pump(1500)  # the editor shows, its request arrives from the worker
        wall = max((g for g, _ in gaps), default=0)
        cpu = max((c for _, c in gaps), default=0.0)
        opens.append({"request": rid, "worst_ms": wall, "worst_cpu_ms": round(cpu, 1)})
    window.close()
    return {"worst_ms": max(o["worst_ms"] for o in opens),
            "worst_cpu_ms": max(o["worst_cpu_ms"] for o in opens),
            "load": round(os.getloadavg()[0], 1), "opens": opens}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])), flush=True)
    os._exit(0)  # no finalisation of Qt objects: the figures are out
