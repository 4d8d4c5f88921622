"""The app on a PostgreSQL server (issue 17, R-X-6): --db URL and SERVICEDESK_DB, the status bar
names the server, a refused server is one line and exit code 2, the backup with pg_dump."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.pg_fixtures import require_pg_dump


@pytest.fixture
def pg_window(qtbot, pg_demo_url):
    from PySide6.QtWidgets import QApplication

    from servicedesk.db import open_database
    from ui import i18n
    from ui.app import build_window

    db = open_database(pg_demo_url)
    i18n.install(QApplication.instance(), "en")
    win = build_window(db, lang="en", screenshot=True)
    qtbot.addWidget(win)
    yield win
    # the window's background jobs (the contracts' renewal check …) end before the database is
    # dropped: a job cut off by the drop would report its error into the next test
    from ui.workers import Worker

    for worker in win.findChildren(Worker):
        worker.wait()
    QApplication.processEvents()
    win.close()
    db.close()


def test_status_bar_shows_the_server_not_a_file(pg_window):
    from PySide6.QtWidgets import QLabel

    label = pg_window.findChild(QLabel, "statusDatabase").text()
    info = pg_window.ctx.db.info
    assert label.startswith(f"{info.user}@localhost/{info.dbname}")
    assert "database server" in label and "/tmp" not in label
    # the SQLite file's tools are not offered on a server, the server's are
    from PySide6.QtGui import QAction

    assert pg_window.findChild(QAction, "actionRestore") is None
    assert pg_window.findChild(QAction, "actionServerBackup") is not None


def test_back_up_the_server_database_from_the_app(pg_window, qtbot, tmp_path):
    require_pg_dump()
    target = tmp_path / "office.dump"
    pg_window.server_tools.back_up_now(str(target))
    qtbot.waitUntil(target.exists, timeout=60_000)
    assert target.stat().st_size > 1000


def _run_app(args: list[str], env_extra: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERVICEDESK_DATA_DIR=str(tmp_path / "d"),
               **env_extra)
    code = f"import sys; from ui.app import main; sys.exit(main({args!r}))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=300)


def test_app_opens_a_server_from_the_command_line_and_the_environment(pg_url, tmp_path):
    shot = tmp_path / "s.png"
    out = _run_app(["--db", pg_url, "--screenshot", str(shot)], {}, tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    shot.unlink()
    out = _run_app(["--screenshot", str(shot)], {"SERVICEDESK_DB": pg_url}, tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    assert shot.exists()


def test_a_refused_server_is_one_line_and_exit_code_2(pg_cluster, tmp_path):
    out = _run_app(["--db", pg_cluster.url("no_such_db"), "--exit-when-shown"], {}, tmp_path)
    assert out.returncode == 2
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("servicedesk:")]
    assert len(lines) == 1 and "no_such_db" in lines[0] and "does not exist" in lines[0]
