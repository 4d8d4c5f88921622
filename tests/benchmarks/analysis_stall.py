"""The longest event-loop stall while an analysis opens and sorts, on the large demo database.

    uv run python tests/benchmarks/analysis_stall.py [--subject requests] [--sort customer] [--why]

A 10 ms QTimer ticks while the window works; the longest gap between two ticks is the longest
time the user could not type, scroll or click (issue 13: never more than 100 ms). Phases:
opening the requests analysis (the page is built, its table and chart filled and painted),
sorting by a column (the header clicked, the new order painted), scrolling to the middle, and
changing the chart's grouping. Each phase ends when the page says it is idle again.
pyqtgraph is imported before the phases, as the app's overview does at start-up; the longest
gap of one idle second is printed too (a loaded machine stalls a process by itself).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from harness import large_db  # noqa: E402


class Probe:
    """Ticks every 10 ms; ``worst`` is the longest gap seen since :meth:`reset`. With ``why``
    a watchdog thread prints the GUI thread's stack whenever a tick is 150 ms late."""

    def __init__(self, why: bool = False) -> None:
        import threading

        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()
        if why:
            self.gui = threading.get_ident()
            threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        import threading
        import traceback

        reported = (0.0, 0.0)  # (tick, how late when reported)
        while True:
            time.sleep(0.05)
            late = time.perf_counter() - self.last
            if late > 0.15 and (self.last != reported[0] or late - reported[1] > 0.5):
                reported = (self.last, late)
                print(f"--- GUI thread {late * 1000:.0f} ms late:", file=sys.stderr)
                for ident, frame in sys._current_frames().items():
                    if ident != threading.get_ident():
                        print(f"  thread {'GUI' if ident == self.gui else ident}:",
                              file=sys.stderr)
                        traceback.print_stack(frame, limit=6, file=sys.stderr)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0


def _idle(page) -> bool:
    busy = getattr(page, "busy", None)
    return page.chart.result is not None and not (busy() if callable(busy) else False)


def run_phase(app, probe: Probe, name: str, action, page_of, timeout: float = 120.0) -> dict:
    from PySide6.QtCore import QTimer

    probe.reset()
    t0 = time.perf_counter()
    holder: dict = {}

    def start() -> None:
        holder["page"] = action()

    QTimer.singleShot(0, start)
    while True:
        app.processEvents()
        time.sleep(0.002)
        page = holder.get("page") or page_of()
        if "page" in holder and page is not None and _idle(page):
            break
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError(name)
    # a few more ticks so the last paint is measured
    settle = time.perf_counter()
    while time.perf_counter() - settle < 0.15:
        app.processEvents()
        time.sleep(0.002)
    return {"phase": name, "stall_ms": round(probe.worst * 1000, 1),
            "wall_ms": round((time.perf_counter() - t0) * 1000, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subject", default="requests")
    parser.add_argument("--sort", default="customer")
    parser.add_argument("--why", action="store_true", help="print the GUI stack of each stall")
    parser.add_argument("--db", help="this database instead of the cached large one")
    args = parser.parse_args(argv)
    path = Path(args.db) if args.db else large_db()[0]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from servicedesk.db import open_database

    app = QApplication.instance() or QApplication([])
    db = open_database(path)
    from ui import i18n
    from ui.analysis.page import AnalysisPage
    from ui.appctx import AppContext
    from ui.bus import EventBus

    i18n.install(app, "it")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(db=db, bus=EventBus(), settings=settings, lang="it")
    probe = Probe(args.why)
    state: dict = {}

    def open_page():
        page = AnalysisPage(ctx=ctx, subject=args.subject)
        page.resize(1600, 1000)
        page.show()
        state["page"] = page
        return page

    def sort():
        page = state["page"]
        column = [c.key for c in page.query.columns].index(args.sort)
        page.table.horizontalHeader().sectionClicked.emit(column)
        return page

    def scroll():
        page = state["page"]
        bar = page.table.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)
        return page

    def regroup():
        page = state["page"]
        page.chart.dimension.setCurrentIndex(page.chart.dimension.findData("customer")
                                             if page.chart.dimension.findData("customer") >= 0
                                             else 1)
        return page

    def idle():
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 1.0:
            app.processEvents()
            time.sleep(0.002)
        return None

    # As in the app, where the overview's chart loads them at start-up (on a worker).
    import pyqtgraph  # noqa: F401

    probe.reset()
    idle()
    noise = probe.worst
    results = [run_phase(app, probe, "open", open_page, lambda: state.get("page")),
               run_phase(app, probe, f"sort by {args.sort}", sort, lambda: state.get("page")),
               run_phase(app, probe, "scroll to the middle", scroll, lambda: state.get("page")),
               run_phase(app, probe, "chart by another dimension", regroup,
                         lambda: state.get("page"))]
    page = state["page"]
    for r in results:
        print(f"{r['phase']:<28} longest stall {r['stall_ms']:>8.1f} ms   "
              f"(done after {r['wall_ms']:.0f} ms)")
    print(f"rows: {page.model.rowCount()}; the machine's own noise (1 s idle): "
          f"{noise * 1000:.1f} ms; load average {os.getloadavg()[0]:.1f}")
    worst = max(r["stall_ms"] for r in results)
    print(f"worst stall: {worst:.1f} ms (target ≤ 100 ms)")
    page.close()
    return 0 if worst <= 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
