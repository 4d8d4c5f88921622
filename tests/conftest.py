"""Shared fixtures: offscreen Qt, an isolated data directory, fresh migrated databases."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from servicedesk import clock, context  # noqa: E402
from servicedesk.db import open_database  # noqa: E402
from tests.pg_fixtures import (pg_blank_url, pg_cluster, pg_demo_template,  # noqa: E402,F401
                               pg_demo_url, pg_empty_template, pg_url)


def pytest_report_header(config):
    """One line on the PostgreSQL tests: run on a throwaway cluster, or skipped and why."""
    from tests.pg_fixtures import report_header

    return report_header()


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


# -- backends (issue 17): the core tests run on SQLite and on PostgreSQL ----------------------
# (SERVICEDESK_TEST_BACKENDS=sqlite runs them on SQLite only, e.g. while iterating.)
BACKENDS = tuple(os.environ.get("SERVICEDESK_TEST_BACKENDS", "sqlite,postgresql").split(","))


def pytest_generate_tests(metafunc):
    """Tests under tests/core that use ``db``/``demo_db`` run once per backend; tests marked
    ``sqlite_only`` (journal modes, damaged files, file backups) and the UI tests on SQLite."""
    if "backend" not in metafunc.fixturenames or BACKENDS == ("sqlite",):
        return
    core = "tests/core/" in str(metafunc.definition.path).replace(os.sep, "/")
    only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    if core and not only:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request) -> str:
    """The backend of this test's ``db``/``demo_db``: "sqlite" unless parametrized."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """A freshly created database, made once per session: creating one per test costs ~0.5 s of
    migration commits (most of a short test, and of every mutant run of tools/mutate.py)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


@pytest.fixture
def db(tmp_path, backend, request):
    """A fresh, migrated, empty database (reference data only): a copy of the template (on
    PostgreSQL a database made from the migrated template database)."""
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_url"))
    else:
        target = tmp_path / "test.db"
        shutil.copy(request.getfixturevalue("migrated_template"), target)
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
def demo_db(demo_template, tmp_path, backend, request):
    """A private copy of the small demo database, opened."""
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_demo_url"))
    else:
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
        if database.dialect == "postgresql":
            import psycopg

            from servicedesk.pg.database import portable_sql

            with psycopg.connect(database.info.url, autocommit=True) as pg:
                pg.execute(portable_sql(sql), params)
            return
        con = sqlite3.connect(str(database.info.path), timeout=10, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute(sql, params)
            con.execute("COMMIT")
        finally:
            con.close()

    return write
