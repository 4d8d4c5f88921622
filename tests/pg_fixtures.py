"""PostgreSQL fixtures (issue 17): a throwaway cluster per session, a fresh database per test.

Without server binaries the PostgreSQL tests are skipped with one reason — except where
``SERVICEDESK_REQUIRE_PG`` is set (.ci/run sets it) or ``CI=true``: there a missing server is an
error.
"""
from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from tests import pg_server

REQUIRE_ENV = "SERVICEDESK_REQUIRE_PG"
EMPTY_TEMPLATE = "sd_template_empty"
DEMO_TEMPLATE = "sd_template_demo"
_names = itertools.count(1)


def skip_reason() -> str | None:
    return pg_server.missing_reason()


def skip_unless_ci(reason: str) -> None:
    """Skip with ``reason`` — or fail on CI, which installs everything and must run it all."""
    if os.environ.get(REQUIRE_ENV) or os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}, but this is CI ({REQUIRE_ENV}/CI): it must run them")
    pytest.skip(reason)


def require_pg_dump() -> None:
    """The pg_dump tests need PostgreSQL's client tools (the server package brings them)."""
    from servicedesk.pg import backup

    if not backup.available():
        skip_unless_ci("pg_dump not installed: PostgreSQL backup tests skipped")


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL server (started on first use, removed at the end)."""
    reason = skip_reason()
    if reason:
        skip_unless_ci(reason)
    cluster = pg_server.Cluster().start()
    yield cluster
    cluster.stop()


def _fresh_name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{next(_names)}"


@pytest.fixture(scope="session")
def pg_empty_template(pg_cluster) -> str:
    """A migrated database with reference data only, copied for each test."""
    from servicedesk.db import open_database
    from servicedesk.models import database_proxy

    previous = database_proxy.obj
    url = pg_cluster.create_database(EMPTY_TEMPLATE)
    open_database(url).close()
    database_proxy.initialize(previous)
    return EMPTY_TEMPLATE


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster, demo_template: Path) -> str:
    """The small demo database copied into PostgreSQL once (servicedesk-admin migrate)."""
    from servicedesk.admin.migrate import copy_database
    from servicedesk.models import database_proxy

    previous = database_proxy.obj
    url = pg_cluster.create_database(DEMO_TEMPLATE)
    copy_database(demo_template, url)
    database_proxy.initialize(previous)
    return DEMO_TEMPLATE


@pytest.fixture
def pg_url(pg_cluster, pg_empty_template):
    """The URL of a fresh migrated PostgreSQL database for this test (dropped afterwards)."""
    name = _fresh_name("t")
    url = pg_cluster.create_database(name, template=pg_empty_template)
    yield url
    from servicedesk.db import close_database

    close_database()
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_demo_url(pg_cluster, pg_demo_template):
    """The URL of a fresh copy of the small demo database on the server (dropped afterwards)."""
    name = _fresh_name("d")
    url = pg_cluster.create_database(name, template=pg_demo_template)
    yield url
    from servicedesk.db import close_database

    close_database()
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_blank_url(pg_cluster):
    """The URL of an empty database (no schema yet)."""
    name = _fresh_name("b")
    url = pg_cluster.create_database(name)
    yield url
    from servicedesk.db import close_database

    close_database()
    pg_cluster.drop_database(name)


def report_header() -> str:
    reason = skip_reason()
    if reason:
        return f"postgresql: {reason}"
    return "postgresql: a throwaway cluster is started for the PostgreSQL tests"


__all__ = ["pg_cluster", "pg_empty_template", "pg_demo_template", "pg_url", "pg_demo_url",
           "pg_blank_url"]
