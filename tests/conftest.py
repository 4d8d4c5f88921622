"""Shared fixtures: offscreen Qt, an isolated data directory, fresh migrated databases."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from servicedesk import clock, context  # noqa: E402
from servicedesk.db import open_database  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """Every test gets its own data directory and an unfrozen clock, acting as the system."""
    monkeypatch.setenv("SERVICEDESK_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("SERVICEDESK_DB", raising=False)
    clock.freeze(None)
    context.set_actor(context.SYSTEM)
    yield
    clock.freeze(None)
    context.set_actor(context.SYSTEM)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """A freshly created database, made once per session: creating one per test costs ~0.5 s of
    migration commits (most of a short test, and of every mutant run of tools/mutate.py)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


@pytest.fixture
def db(tmp_path, migrated_template):
    """A fresh, migrated, empty database (reference data only): a copy of the template."""
    target = tmp_path / "test.db"
    shutil.copy(migrated_template, target)
    database = open_database(target)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The small demo database, generated once per test session (copied for each test)."""
    from servicedesk.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(path, "small")
    from servicedesk.db import close_database

    close_database()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A private copy of the small demo database, opened."""
    target = tmp_path / "demo.db"
    shutil.copy(demo_template, target)
    database = open_database(target)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, demo_db):
    """The main window on a copy of the demo database, in English, not shown."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.app import build_window

    i18n.install(QApplication.instance(), "en")
    win = build_window(demo_db, lang="en", screenshot=True)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def other_workstation():
    """Write as another workstation would: its own connection to the file, unseen by this
    process's units of work (an in-process write is published to the open windows at once)."""
    import sqlite3

    def write(database, sql: str, params: tuple = ()) -> None:
        con = sqlite3.connect(str(database.info.path), timeout=10, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute(sql, params)
            con.execute("COMMIT")
        finally:
            con.close()

    return write
