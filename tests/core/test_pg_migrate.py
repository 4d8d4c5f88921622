"""``servicedesk-admin migrate``: a whole office file copied into an empty PostgreSQL database,
verified, refused into a non-empty one; backups with pg_dump (R-X-6, issue 17)."""
from __future__ import annotations

import io
import subprocess
from contextlib import redirect_stderr, redirect_stdout

import pytest

from servicedesk.admin import migrate as migrate_mod
from servicedesk.admin.cli import main as admin
from servicedesk.admin.migrate import MigrateError, copy_database
from servicedesk.db import open_database
from tests.pg_fixtures import require_pg_dump


def _snapshot(db) -> dict:
    """What must survive the move: counts, every request as the app reads it, money, audit."""
    from servicedesk.models import (AuditLog, Contract, Instalment, RequestCounter,
                                    ServiceRequest, Tombstone, WorkLog)

    return {
        "requests": sorted((r.uuid, r.id, r.number, r.opened_at, r.status, r.description,
                            r.sla_due, r.closed_at) for r in ServiceRequest.select()),
        "contracts": sorted((c.uuid, c.id, c.amount, c.term_start, c.term_end, c.archived)
                            for c in Contract.select()),
        "instalments": sorted((i.uuid, i.amount, i.due_date) for i in Instalment.select()),
        "work_logs": sorted((w.uuid, w.minutes, w.km, w.billable, w.start_time)
                            for w in WorkLog.select()),
        "audit": AuditLog.select().count(),
        "tombstones": Tombstone.select().count(),
        "counters": sorted((c.year, c.last) for c in RequestCounter.select()),
    }


def test_whole_office_copied_with_ids_uuids_audit_and_counters(demo_template, pg_blank_url,
                                                              tmp_path):
    import shutil

    source = tmp_path / "office.db"
    shutil.copy(demo_template, source)
    file_db = open_database(source)
    expected = _snapshot(file_db)
    file_db.close()

    report = copy_database(source, pg_blank_url)
    assert report.rows > 1000 and {t.table for t in report.tables} >= {"service_request",
                                                                      "audit_log", "tombstone"}
    db = open_database(pg_blank_url)
    try:
        assert db.dialect == "postgresql"
        assert _snapshot(db) == expected
        # Sequences follow the copied ids: a new request gets the next id and number.
        from servicedesk import uow
        from servicedesk.models import KbArticle, ServiceRequest
        from servicedesk.search import index as search_index

        top = ServiceRequest.select().order_by(ServiceRequest.id.desc()).first()
        from servicedesk.services import requests as rs

        created = uow.perform(rs.create_request, rs.RequestInput(
            customer_id=top.customer_id, description="Caldaia in blocco dopo il trasloco",
            priority_id=top.priority_id)).result
        assert created.id > top.id
        assert created.number > max(n for _, _, n, *_ in expected["requests"]
                                    if n.startswith(created.number[:8]))
        # The KB index was rebuilt on the server.
        articles = KbArticle.select().where(KbArticle.archived == False).count()  # noqa: E712
        assert search_index.index_status(db).ok
        assert db.execute_sql("SELECT count(*) FROM kb_article_index").fetchone()[0] == articles
    finally:
        db.close()


def test_refused_into_a_database_that_is_not_empty(demo_template, pg_blank_url):
    copy_database(demo_template, pg_blank_url)
    db = open_database(pg_blank_url)
    before = db.execute_sql("SELECT count(*) FROM service_request").fetchone()[0]
    db.close()
    with pytest.raises(MigrateError) as err:
        copy_database(demo_template, pg_blank_url)
    assert err.value.code == "admin.migrate_not_empty"
    db = open_database(pg_blank_url)
    try:
        assert db.execute_sql("SELECT count(*) FROM service_request").fetchone()[0] == before
    finally:
        db.close()


def test_a_copy_that_does_not_verify_leaves_the_target_empty(demo_template, pg_blank_url,
                                                            monkeypatch):
    real = migrate_mod._converter

    def off_by_one(dtype):
        convert = real(dtype)
        if dtype == "numeric":
            return lambda v: None if v is None else convert(v) + 1
        return convert

    monkeypatch.setattr(migrate_mod, "_converter", off_by_one)
    with pytest.raises(MigrateError) as err:
        copy_database(demo_template, pg_blank_url)
    assert err.value.code == "admin.migrate_verify"
    db = open_database(pg_blank_url)
    try:
        assert migrate_mod.target_is_empty(db)[0]
    finally:
        db.close()


def test_admin_command_line(demo_template, pg_blank_url):
    out, errs = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(errs):
        assert admin(["migrate", "--quiet", str(demo_template), pg_blank_url]) == 0
    assert "counts and sums verified" in out.getvalue()
    errs = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(errs):
        assert admin(["migrate", "-q", str(demo_template), pg_blank_url]) == 2
    assert errs.getvalue().count("\n") == 1 and "not empty" in errs.getvalue()


def test_backup_with_pg_dump(pg_url, tmp_path):
    from servicedesk.pg import backup

    require_pg_dump()
    target = tmp_path / "office.dump"
    with redirect_stdout(io.StringIO()):
        assert admin(["backup", pg_url, str(target)]) == 0
    listing = subprocess.run([backup.tool("pg_restore"), "--list", str(target)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public service_request" in listing
    assert not (tmp_path / "office.dump.partial").exists()


def test_backup_refused_cleanly_when_the_server_is_gone(tmp_path):
    from tests import pg_server

    require_pg_dump()
    port = pg_server.free_port()
    errs = io.StringIO()
    with redirect_stderr(errs):
        code = admin(["backup", f"postgresql://x@127.0.0.1:{port}/db?connect_timeout=2",
                      str(tmp_path / "x.dump")])
    assert code == 2 and list(tmp_path.iterdir()) == []
