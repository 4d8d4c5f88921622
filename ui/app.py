"""Entry point: arguments, QApplication, language, database, main window, screenshot."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .style import stylesheet

_T0 = time.perf_counter()
_MEASURED: list = []  # the measured start's application and window, left for os._exit


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="servicedesk", description="ServiceDesk after-sales service")
    parser.add_argument("--db", metavar="PATH|URL",
                        help="open or create this database file, or a postgresql://user@host/db URL")
    parser.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument("--shared", action="store_true",
                        help="the file is shared by several workstations (rollback journal)")
    parser.add_argument("--lang", choices=("it", "en"), help="user interface language")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="save the main window as a PNG and exit")
    parser.add_argument("--self-check", metavar="REPORT.json",
                        help="check that this installation has everything it needs, write a "
                             "report and exit (0: all good)")
    parser.add_argument("--size", default="1600x1000", help=argparse.SUPPRESS)
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def resolve_db_path(args: argparse.Namespace, chosen=None) -> tuple[Path | str | None, bool]:
    """(path, is_demo): ``--db``, ``--demo``, ``SERVICEDESK_DB``, then the database ``chosen`` on
    this workstation (the welcome's remembered choice), then the default file if it exists;
    ``(None, False)`` when nothing is chosen yet. A ``postgresql://`` URL stays a string (a
    database on a server, issue 17)."""
    from servicedesk import paths
    from servicedesk.pg import is_server_url

    for given in (args.db, None if args.demo else os.environ.get("SERVICEDESK_DB")):
        if given and is_server_url(given):
            return given.strip(), False
    if args.db:
        return Path(args.db), args.demo
    if args.demo:
        return paths.demo_db_path(), True
    if os.environ.get("SERVICEDESK_DB"):
        return paths.default_db_path(), False
    if chosen is not None:
        return chosen.path(), chosen.kind == "demo"
    default = paths.default_db_path()
    return (default, False) if default.exists() else (None, False)


def app_settings():
    """This workstation's settings file (layout, remembered database, preferences)."""
    from PySide6.QtCore import QSettings

    from servicedesk import paths

    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


def start_database(args: argparse.Namespace, *, headless: bool):
    """The database to start on, or an exit code (2: it cannot be opened; 0: the user quit the
    welcome). Nothing chosen yet on this workstation: the welcome asks (issue 19). A remembered
    database that is gone (a share not mounted) is never recreated empty: the welcome asks again."""
    from servicedesk.errors import DatabaseOpenError

    from . import database_choice
    from .messages import error_text

    settings = app_settings()
    overridden = args.db or args.demo or os.environ.get("SERVICEDESK_DB")
    chosen = None if overridden else database_choice.remembered(settings)
    path, demo = resolve_db_path(args, chosen)
    if path is None and headless:
        path, demo = _default_path(), False
    interactive = not headless and os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    notice = ""
    if path is not None and (chosen is None or headless):
        db = open_or_ask(path, demo=demo, shared=args.shared, headless=headless,
                         interactive=interactive, create=chosen is None or demo)
        return db if db is not None else 2
    if path is not None:
        try:
            return open_db(path, demo=demo, shared=args.shared, create=demo)
        except DatabaseOpenError as err:
            from servicedesk.pg import is_server_url

            from .dialogs.backup import recover_and_open  # issue 9: offer the latest good backup

            # a server keeps its own backups: its refusal (down, password …) goes to the welcome
            db = None if is_server_url(path) else recover_and_open(path, err, shared=args.shared)
            if db is not None:
                return db
            notice = error_text(err)
            print(f"servicedesk: {notice}", file=sys.stderr)
    from .dialogs import welcome  # only when it is to be shown

    return welcome.first_start(settings, lambda c: open_db(
        c.path(), demo=c.kind == welcome.DEMO, shared=args.shared or c.shared,
        create=c.kind != welcome.OPEN, init_empty=c.kind == welcome.NEW), notice=notice) or 0


def open_db(path: Path | str, *, demo: bool, shared: bool, init_empty: bool = False,
            create: bool = True):
    from servicedesk.db import open_database
    from servicedesk.pg import is_server_url

    if is_server_url(path):  # a database on a server: no file to make or share mode to choose
        return open_database(path, create=create)
    path = Path(path)
    if demo and not path.exists():
        from servicedesk.demo import ensure_demo_database

        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        ensure_demo_database(path)
    elif not path.exists() and path == _default_path() and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(path, shared=shared or None, init_empty=init_empty, create=create)


def _ask_init_empty(path: Path) -> bool:
    """An existing empty file was given: make it a new database only if the user says so."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    answer = QMessageBox.question(
        None, QApplication.translate("App", "Empty file"),
        QApplication.translate("App", "The file “%1” is empty.\n\nCreate a new ServiceDesk database in it?")
        .replace("%1", str(path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_or_ask(path: Path, *, demo: bool, shared: bool, headless: bool, interactive: bool,
                create: bool = True):
    """The database to work on, or None after telling why (one line on stderr; a dialog when
    interactive). An empty file is made a database only when the user agrees; a damaged one
    is offered its latest good backup."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from servicedesk.errors import DatabaseOpenError

    from .messages import error_text

    from servicedesk.pg import is_server_url

    if is_server_url(path):  # a server: no file to create, recover or ask about
        from servicedesk.db import open_database

        try:
            return open_database(path)
        except DatabaseOpenError as err:
            text = error_text(err)
            print(f"servicedesk: {text}", file=sys.stderr)
            if interactive:
                QMessageBox.critical(None, QApplication.translate("App", "Cannot open the database"), text)
            return None
    try:
        return open_db(path, demo=demo, shared=shared, create=create)
    except DatabaseOpenError as first:
        from .dialogs.backup import recover_and_open  # issue 9: offer the latest good backup

        err, db, declined = first, None, False
        if err.code == "db.empty_file" and interactive:
            declined = not _ask_init_empty(path)
            if not declined:
                try:
                    db = open_db(path, demo=False, shared=shared, init_empty=True)
                except DatabaseOpenError as again:
                    err = again
        elif not headless:
            db = recover_and_open(path, err, shared=shared)
        if db is None:
            text = error_text(err)
            print(f"servicedesk: {text}", file=sys.stderr)
            if interactive and not declined:
                QMessageBox.critical(None, QApplication.translate("App", "Cannot open the database"), text)
        return db


def _default_path() -> Path:
    from servicedesk import paths

    return paths.default_db_path()


def main(argv: list[str] | None = None, *, end_process: bool = False) -> int:
    """Run the application; ``end_process``: a measured start (``--exit-when-shown``) ends the
    process as soon as it has reported (the console entry passes it)."""
    args = parse_args(argv)
    if (args.screenshot or args.exit_when_shown or args.self_check) \
            and not os.environ.get("QT_QPA_PLATFORM") \
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from .qt_imports import plain_imports

    plain_imports()  # before the application's own modules: 20-40 ms of start-up (#18)

    from servicedesk import resources

    from . import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ServiceDesk")
    app.setOrganizationName("ServiceDesk")
    app.setWindowIcon(QIcon(str(resources.icon_file("servicedesk.svg"))))
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    lang = i18n.install(app, args.lang)
    if args.self_check:
        from . import selfcheck

        return selfcheck.run(args.self_check)
    headless = bool(args.screenshot or args.exit_when_shown)

    db = start_database(args, headless=headless)
    if isinstance(db, int):
        return db

    # A measured start (--exit-when-shown) is the real window, only signed in silently.
    window = build_window(db, lang=lang, screenshot=bool(args.screenshot),
                          unattended=args.exit_when_shown)
    if window is None:
        return 0
    if args.screenshot:
        w, h = (int(v) for v in args.size.lower().split("x"))
        window.resize(w, h)
        window.show()
        from PySide6.QtCore import QEventLoop, QTimer

        for _ in range(8):  # let docks settle and deferred loads (charts after 250 ms) run
            loop = QEventLoop()
            QTimer.singleShot(60, loop.quit)
            loop.exec()
        ok = window.grab().save(args.screenshot)
        window.close()
        if not ok:
            print(f"servicedesk: cannot write {args.screenshot}", file=sys.stderr)
            return 1
        return 0
    if not (window.ctx.screenshot_mode or window.ctx.unattended):
        window.restore_layout()
    window.show()
    if args.exit_when_shown:
        app.processEvents()
        _report_start(window, app, (time.perf_counter() - _T0) * 1000, end_process=end_process)
        return 0
    code = app.exec()
    _shutdown(window)
    return code


def _report_start(window, app, shown_ms: float, *, end_process: bool) -> None:
    """A measured start: print when the window showed and when the queue's first page was
    painted (its rows come from a worker after the window is on screen; an empty database's
    "no requests" too), in milliseconds from the process start. ``end_process``: the process
    ends right then (the console entry), before the panels built after the first screen and
    without taking the window apart: neither is start-up. Nothing was written."""
    from PySide6.QtCore import QEventLoop

    queue = getattr(window, "request_queue", None)
    reported: list[bool] = []

    def report() -> None:
        if reported:
            return
        reported.append(True)
        painted = queue.first_page_painted_at if queue is not None else None
        print(f"shown_ms={shown_ms:.1f}", flush=True)
        print(f"queue_ms={((painted or time.perf_counter()) - _T0) * 1000:.1f}", flush=True)
        if end_process:
            sys.stderr.flush()
            os._exit(0)  # workers still reading are dropped, not waited for

    if queue is not None and queue.first_page_painted_at is None:
        queue.first_page_painted.connect(report)  # before the first-screen steps run
        deadline = time.perf_counter() + 60
        while queue.first_page_painted_at is None and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    report()
    _MEASURED.append((app, window))  # not taken apart when main() returns: the caller exits


def _shutdown(window) -> None:
    """Save settings, destroy the window (its worker pools wait for their jobs) and close the
    database (WAL checkpoint) before the process ends."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    window.ctx.settings.sync()
    db = window.ctx.db
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QThreadPool.globalInstance().waitForDone(30_000)
    if not db.is_closed():
        db.close()


def entry() -> None:
    """Console-script entry: run the app, then end the process without Python's finalisation,
    during which PySide6 may crash on objects Qt already destroyed ("deallocating None");
    everything worth keeping was saved and closed by ``_shutdown``."""
    from servicedesk.resources import ResourceMissing

    try:
        code = main(end_process=True)
    except ResourceMissing as err:  # a broken installation: say what is missing, no traceback
        print(f"servicedesk: {err}", file=sys.stderr)
        code = 2
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def build_window(db, *, lang: str, screenshot: bool = False, unattended: bool = False):
    """The main window on ``db``; features may run start-up steps (sign-in) before it."""
    from . import features
    from .appctx import AppContext
    from .bus import EventBus
    from .interpreter import tune
    from .main_window import MainWindow

    tune()
    settings = app_settings()
    ctx = AppContext(db=db, bus=EventBus(), settings=settings, lang=lang,
                     screenshot_mode=screenshot, unattended=unattended)
    for module in features.discover():
        before = getattr(module, "before_window", None)
        if before is not None and before(ctx) is False:
            return None
    window = MainWindow(ctx=ctx)
    window.database_chosen.connect(lambda path: relaunch_with_database(window, path))
    return window


def relaunch_with_database(window, path: str) -> None:
    """Open another database in this process; on failure keep the current one."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from servicedesk.db import open_database
    from servicedesk.errors import DatabaseOpenError

    from .messages import error_text

    old_db = window.ctx.db
    try:
        db = open_database(path)
    except DatabaseOpenError as err:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the database"),
                             error_text(err))
        return
    new = build_window(db, lang=window.ctx.lang)
    if new is None:
        return
    if Path(path).resolve() != Path(old_db.database).resolve():  # another file: the next start too
        from .dialogs import welcome

        welcome.remember(new.ctx.settings, welcome.DatabaseChoice(welcome.OPEN, str(path)))
    new.restore_layout()
    new.show()
    window.close()
    old_db.close()


if __name__ == "__main__":
    entry()
