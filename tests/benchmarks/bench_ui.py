"""UI benchmark ``ui_max_block`` (#13): a scripted session on the large database, the longest
event-loop stall and the step that caused it.

The session runs the real main window (Italian, 1600×1000, default layout, signed in as the first
administrator) in a child process on a scratch copy of the large database (the app writes at start:
the renewal run, SLA keys), and drives it as a person would, one event at a time: open the app,
scroll the whole open queue a screen at a time, choose "All" and jump through it, open 5 requests,
open the requests analysis, search and sort it by customer, page the team board. A 5 ms heartbeat
timer on the GUI thread measures the gaps of the event loop; a watchdog thread samples the GUI
thread's stack while a gap lasts, so the report says which code stalled, not only which step.

    uv run python tests/benchmarks/run.py --only ui_max_block
    uv run python tests/benchmarks/bench_ui.py --db PATH [--json OUT]   # the session alone
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

HEARTBEAT_MS = 5
SAMPLE_AFTER_MS = 40  # a gap this long gets its stack sampled
REPORT_OVER_MS = 50  # stalls listed in the report
TARGET_MS = 100


# -- the benchmark (runs in run.py's process) ----------------------------------------------------
def benchmarks(env) -> list:
    from harness import Bench

    bench = Bench("ui_max_block", lambda: None, "≤ 100 ms longest event-loop stall",
                  target_p95_ms=TARGET_MS,
                  note="scripted session: open, scroll queue, All, 5 requests, analysis, board")

    def setup() -> None:
        scratch = env.scratch_copy("ui_session.db")
        try:
            report = run_session(scratch)
        finally:
            for suffix in ("", "-wal", "-shm", "-journal", "-presence"):
                Path(str(scratch) + suffix).unlink(missing_ok=True)
        print(format_report(report), file=sys.stderr)
        bench.fixed_ms = report["max_block_ms"]
        bench.note = (f"worst step: {report['worst_step']}; window built {report['build_ms']:.0f} ms, "
                      f"first queue page {report['first_page_ms']:.0f} ms after start")

    bench.setup = setup
    return [bench]


def run_session(db_path: Path, timeout_s: int = 900) -> dict:
    """The scripted session in a child process (a fresh QApplication, its own settings)."""
    from harness import installed_env

    with tempfile.TemporaryDirectory(prefix="ui_session_") as tmp:
        out = Path(tmp) / "report.json"
        env = dict(installed_env(), SERVICEDESK_DATA_DIR=tmp)
        env.pop("SERVICEDESK_DB", None)
        root = Path(__file__).resolve().parents[2]
        # -X faulthandler: a crash of the app during the session prints where it happened.
        proc = subprocess.run([sys.executable, "-X", "faulthandler", str(Path(__file__).resolve()),
                               "--db", str(db_path),
                               "--json", str(out)], env=env, cwd=root, capture_output=True,
                              text=True, timeout=timeout_s)
        if proc.returncode != 0 or not out.exists():
            errors = "\n".join(ln for ln in proc.stderr.splitlines() if "propagateSizeHints" not in ln)
            raise RuntimeError(f"ui session failed ({proc.returncode}):\n{errors[-6000:]}")
        return json.loads(out.read_text())


def format_report(report: dict) -> str:
    lines = [f"   window built in {report['build_ms']:.0f} ms, shown {report['shown_ms']:.0f} ms, "
             f"first queue page {report['first_page_ms']:.0f} ms after start",
             f"   {'step':<34}{'longest ms':>11}{'> 100 ms':>10}{'wall s':>9}"]
    for step in report["steps"]:
        lines.append(f"   {step['name']:<34}{step['max_ms']:>11.0f}{step['over_target']:>10}"
                     f"{step['wall_ms'] / 1000:>9.1f}")
    lines.append(f"   longest stall {report['max_block_ms']:.0f} ms in “{report['worst_step']}”")
    for stall in report["stalls"][:12]:
        lines.append(f"   {stall['ms']:>6.0f} ms  {stall['step']}")
        for where in stall["where"][:4]:
            lines.append(f"            {where}")
    return "\n".join(lines)


# -- the session (runs in the child process) -----------------------------------------------------
class StallMeter:
    """Gaps between heartbeats of the GUI thread, each charged to the step running then."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.step = "start"
        self.steps: dict[str, dict] = {}
        self.stalls: list[dict] = []
        self._last = time.perf_counter()
        self._samples: list[list[str]] = []
        self._main = threading.main_thread().ident
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self._watch = threading.Thread(target=self._watchdog, daemon=True)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()
        self._watch.start()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()

    def begin(self, name: str) -> None:
        self._beat()  # what ran before belongs to the previous step
        self.step = name
        self.steps.setdefault(name, {"name": name, "max_ms": 0.0, "over_target": 0,
                                     "wall_ms": 0.0, "started": time.perf_counter()})

    def end(self) -> None:
        self._beat()
        entry = self.steps[self.step]
        entry["wall_ms"] += (time.perf_counter() - entry.pop("started")) * 1000

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000
        self._last = now
        with self._lock:
            samples, self._samples = self._samples, []
        entry = self.steps.get(self.step)
        if entry is None:
            return
        entry["max_ms"] = max(entry["max_ms"], gap)
        if gap > TARGET_MS:
            entry["over_target"] += 1
        if gap > REPORT_OVER_MS:
            where: list[str] = []
            for stack in samples:
                for line in stack:
                    if line not in where:
                        where.append(line)
            self.stalls.append({"step": self.step, "ms": round(gap, 1), "where": where[:8]})

    def _watchdog(self) -> None:
        """Samples the GUI thread's stack while a gap lasts (the innermost app frames)."""
        while not self._stop.wait(0.015):
            if (time.perf_counter() - self._last) * 1000 < SAMPLE_AFTER_MS:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            stack = [f"{Path(fs.filename).parent.name}/{Path(fs.filename).name}:{fs.lineno} {fs.name}"
                     for fs in traceback.extract_stack(frame)
                     if ("/ui/" in fs.filename or "/servicedesk/" in fs.filename)
                     and "benchmarks" not in fs.filename]
            if stack:
                with self._lock:
                    if len(self._samples) < 6:
                        self._samples.append(list(reversed(stack[-3:])))


def _pump(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


_active_jobs = [0]


def _count_worker_jobs() -> None:
    """Counts the jobs of ``ui.workers`` in flight: a step is over when they are done."""
    from ui import workers

    original = workers._Runnable.run
    lock = threading.Lock()

    def run(self) -> None:
        with lock:
            _active_jobs[0] += 1
        try:
            original(self)
        finally:
            with lock:
                _active_jobs[0] -= 1
    workers._Runnable.run = run


def _settle(done=lambda: True, *, least_ms: int = 300, quiet_ms: int = 250,
            timeout_ms: int = 60_000) -> bool:
    """Let the app work until ``done()`` holds and no background job ran for ``quiet_ms``."""
    from PySide6.QtCore import QThreadPool

    started = time.perf_counter()
    quiet_since = None
    while True:
        _pump(20)
        elapsed = (time.perf_counter() - started) * 1000
        idle = _active_jobs[0] == 0 and QThreadPool.globalInstance().activeThreadCount() == 0
        if idle and done():
            quiet_since = quiet_since or time.perf_counter()
        else:
            quiet_since = None
        if elapsed >= least_ms and quiet_since and (time.perf_counter() - quiet_since) * 1000 >= quiet_ms:
            return True
        if elapsed > timeout_ms:
            print(f"ui session: step did not settle in {timeout_ms} ms", file=sys.stderr)
            return False


def _post(fn) -> None:
    """Run ``fn`` from the event loop, as a click would."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fn)


def session(db_path: Path) -> dict:
    t0 = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from ui import app as app_module
    from ui import i18n

    app = QApplication.instance() or QApplication(["servicedesk"])
    app.setApplicationName("ServiceDesk")
    app.setOrganizationName("ServiceDesk")
    app.setStyle("Fusion")
    from ui.style import stylesheet

    app.setStyleSheet(stylesheet())
    lang = i18n.install(app, "it")
    db = app_module.open_db(db_path, demo=False, shared=False, create=False)

    # Signed in silently as the first administrator (--exit-when-shown does the same).
    from ui.features import backup as backup_feature

    # The full integrity check reads the whole 1.4 GB file on a pool thread for minutes: off the
    # GUI thread by design, and it would keep "is the app idle?" false for the whole session.
    backup_feature.BackupController.start = lambda self: None
    _count_worker_jobs()

    window = app_module.build_window(db, lang=lang, unattended=True)
    build_ms = (time.perf_counter() - t0) * 1000
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    shown_ms = (time.perf_counter() - t0) * 1000

    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QTableView, QWidget

    meter = StallMeter()
    meter.start()
    queue_view = window.findChild(QTableView, "requestQueueView")

    meter.begin("open the app")
    first_page_ms = None
    while first_page_ms is None and (time.perf_counter() - t0) < 120:
        _pump(5)
        if queue_view.model().rowCount() > 0 and queue_view.isVisible():
            first_page_ms = (time.perf_counter() - t0) * 1000
    _settle(least_ms=3000)  # deferred start-up work (renewal run, counters, overview) included
    meter.end()

    bar = queue_view.verticalScrollBar()
    meter.begin("scroll the open queue")
    value = 0
    while value < bar.maximum():
        value = min(bar.maximum(), value + bar.pageStep())
        _post(lambda v=value: bar.setValue(v))
        _pump(15)
    _settle()
    meter.end()

    meter.begin("choose All")
    status = window.findChild(QComboBox, "queueStatus")
    all_index = status.findData("group:all")
    _post(lambda: status.setCurrentIndex(all_index))
    _settle(lambda: queue_view.model().rowCount() > 10_000)
    meter.end()

    meter.begin("jump through All")
    for k in range(1, 21):
        _post(lambda k=k: bar.setValue(bar.maximum() * k // 20))
        _pump(60)
    _post(lambda: bar.setValue(0))
    _settle()
    meter.end()

    meter.begin("open 5 requests")
    model = queue_view.model()
    for row in (0, 3, 7, 12, 20):
        index = model.index(row, 0)
        _post(lambda i=index: (queue_view.setCurrentIndex(i), queue_view.activated.emit(i)))
        _settle(least_ms=800)
    meter.end()

    meter.begin("open the analysis")
    action = next(a for a in window.findChildren(QAction)
                  if a.objectName() == "action_analysis_requests")
    _post(action.trigger)
    _settle(lambda: window.workspace.currentWidget() is not None
            and window.workspace.currentWidget().findChild(QTableView, "analysisTable") is not None,
            least_ms=1000)
    page = window.workspace.currentWidget()
    apply_button = page.findChild(QAbstractButton, "analysisApply")
    if apply_button is not None:
        _post(apply_button.click)
        _settle(least_ms=1000)
    meter.end()

    meter.begin("sort the analysis by customer")
    table = page.findChild(QTableView, "analysisTable")
    header = table.horizontalHeader()
    section = _customer_section(table)
    _post(lambda: header.sectionClicked.emit(section))
    _settle(least_ms=1000)
    _post(lambda: header.sectionClicked.emit(section))  # and back the other way
    _settle(least_ms=1000)
    meter.end()

    meter.begin("page the board")
    window.show_dock("teamBoardDock")
    board = window.findChild(QWidget, "teamBoard")
    buttons = {b.text(): b for b in board.findChildren(QAbstractButton)}
    for text in ("▶", "▶", "▶", "◀", "◀", "◀", "◀"):
        _post(buttons[text].click)
        _settle(least_ms=300)
    meter.end()

    meter.stop()
    steps = [{k: round(v, 1) if isinstance(v, float) else v for k, v in s.items()}
             for s in meter.steps.values()]
    worst = max(steps, key=lambda s: s["max_ms"])
    return {"max_block_ms": worst["max_ms"], "worst_step": worst["name"], "steps": steps,
            "stalls": sorted(meter.stalls, key=lambda s: -s["ms"]),
            "build_ms": build_ms, "shown_ms": shown_ms,
            "first_page_ms": first_page_ms or float("nan")}


def _customer_section(table) -> int:
    """The customer column of the analysis table (by its key, else by its Italian header)."""
    from PySide6.QtCore import Qt

    model = table.model()
    columns = getattr(model, "columns", None)
    if callable(columns):
        for i, column in enumerate(columns()):
            if getattr(column, "key", "") in ("customer", "customer_name"):
                return i
    for i in range(model.columnCount()):
        if "cliente" in str(model.headerData(i, Qt.Orientation.Horizontal)).lower():
            return i
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    report = session(Path(args.db))
    text = json.dumps(report, indent=1)
    if args.json:
        Path(args.json).write_text(text)
    print(format_report(report))
    sys.stdout.flush()
    os._exit(0)  # as the app's entry does: no finalisation crash after the work is done


if __name__ == "__main__":
    sys.exit(main())
