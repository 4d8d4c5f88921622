"""Opening a database on a PostgreSQL server: creation, upgrade, and every refusal with one
clear code and nothing changed (R-X-6, issue 17)."""
from __future__ import annotations

import threading

import keyring
import keyring.backend
import pytest

from servicedesk.db import open_database
from servicedesk.errors import DatabaseOpenError
from servicedesk.migrations import all_migrations, latest_version
from tests import pg_server


def _admin_sql(cluster, dbname: str, sql: str, params: tuple = ()):
    import psycopg

    with psycopg.connect(cluster.url(dbname), autocommit=True) as con:
        cur = con.execute(sql, params)
        return cur.fetchall() if cur.description else None


def test_new_database_gets_the_whole_schema_and_reference_data(pg_blank_url):
    db = open_database(pg_blank_url)
    try:
        assert db.dialect == "postgresql"
        assert db.info.created and db.info.schema_version == latest_version()
        numbers = [r[0] for r in db.execute_sql("SELECT number FROM schema_migrations ORDER BY 1")]
        assert numbers == [m.number for m in all_migrations()]
        from servicedesk.models import Priority, Province

        assert Province.select().count() > 100 and Priority.select().count() == 4
        assert db.info.label.startswith(f"{pg_server.SUPERUSER}@localhost/")
    finally:
        db.close()
    again = open_database(pg_blank_url)
    try:
        assert not again.info.created and again.info.upgraded_from is None
    finally:
        again.close()


def test_schema_matches_sqlite_table_by_table(pg_url, tmp_path):
    """One list of migrations: every table and column SQLite has, PostgreSQL has too."""
    sqlite_db = open_database(tmp_path / "s.db")
    try:
        virtual = _virtual(sqlite_db)  # FTS5 tables and their shadow tables: PostgreSQL's own
        tables = {name: {c.name for c in sqlite_db.get_columns(name)}
                  for name in sqlite_db.get_tables()
                  if not any(name == v or name.startswith(v + "_") for v in virtual)}
    finally:
        sqlite_db.close()
    assert {"service_request", "audit_log", "tombstone", "schema_migrations"} <= set(tables)
    pg = open_database(pg_url)
    try:
        for table, columns in tables.items():
            assert {c.name for c in pg.get_columns(table)} == columns, table
    finally:
        pg.close()


def _virtual(db) -> set[str]:
    return {r[0] for r in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")}


def test_every_migration_has_a_postgresql_variant():
    """A migration added after the baseline must say how it runs on PostgreSQL."""
    from servicedesk.pg import schema

    for migration in all_migrations():
        schema.step(migration)  # raises for a migration with neither up_postgres nor PORTABLE


def test_a_migration_without_postgresql_variant_is_caught():
    from servicedesk.migrations import Migration
    from servicedesk.pg import schema

    with pytest.raises(RuntimeError, match="no PostgreSQL variant"):
        schema.step(Migration(199, "sqlite_only", lambda db: None))
    assert schema.step(Migration(198, "both", lambda db: None, portable=True)) is not None


def test_newer_schema_is_refused_and_left_alone(pg_cluster, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    _admin_sql(pg_cluster, name, "INSERT INTO schema_migrations VALUES (9999, 'future', now())")
    with pytest.raises(DatabaseOpenError) as err:
        open_database(pg_url)
    assert err.value.code == "db.newer_schema"
    assert err.value.params["found"] == 9999
    assert _admin_sql(pg_cluster, name, "SELECT max(number) FROM schema_migrations") == [(9999,)]


def test_another_programs_database_is_refused_untouched(pg_cluster, pg_blank_url):
    name = pg_blank_url.split("/")[3].split("?")[0]
    _admin_sql(pg_cluster, name, "CREATE TABLE customers (id int primary key, name text)")
    _admin_sql(pg_cluster, name, "CREATE TABLE schema_migrations (version text)")  # Rails'
    with pytest.raises(DatabaseOpenError) as err:
        open_database(pg_blank_url)
    assert err.value.code == "db.foreign"
    tables = _admin_sql(pg_cluster, name, "SELECT tablename FROM pg_tables "
                        "WHERE schemaname = 'public' ORDER BY 1")
    assert tables == [("customers",), ("schema_migrations",)]


def test_missing_database(pg_cluster):
    with pytest.raises(DatabaseOpenError) as err:
        open_database(pg_cluster.url("no_such_db"))
    assert err.value.code == "db.pg_no_database"
    assert err.value.params["dbname"] == "no_such_db"


def test_unreachable_server_is_one_quick_message():
    port = pg_server.free_port()  # nobody listens there
    with pytest.raises(DatabaseOpenError) as err:
        open_database(f"postgresql://someone@127.0.0.1:{port}/servicedesk?connect_timeout=3")
    assert err.value.code == "db.pg_unreachable"
    assert "password" not in str(err.value.params)


def test_wrong_password(pg_cluster, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    with pytest.raises(DatabaseOpenError) as err:
        open_database(pg_cluster.url(name, pg_server.PASSWORD_ROLE, "wrong"))
    assert err.value.code == "db.pg_auth"
    assert "wrong" not in repr(err.value.params) and "wrong" not in str(err.value)


def test_user_without_rights_on_the_tables(pg_cluster, pg_url):
    name = pg_url.split("/")[3].split("?")[0]
    url = pg_cluster.url(name, pg_server.PASSWORD_ROLE, pg_server.PASSWORD)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(url)
    assert err.value.code == "db.pg_no_rights"
    # Given the rights an office role gets (README), the same user works.
    _admin_sql(pg_cluster, name, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
               f"public TO {pg_server.PASSWORD_ROLE}")
    _admin_sql(pg_cluster, name, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "
               f"{pg_server.PASSWORD_ROLE}")
    db = open_database(url)
    try:
        assert db.info.user == pg_server.PASSWORD_ROLE
    finally:
        db.close()


def test_user_who_may_not_create_the_schema(pg_cluster, pg_blank_url):
    """PostgreSQL 15: ``public`` is writable only by the database owner."""
    name = pg_blank_url.split("/")[3].split("?")[0]
    with pytest.raises(DatabaseOpenError) as err:
        open_database(pg_cluster.url(name, pg_server.PASSWORD_ROLE, pg_server.PASSWORD))
    assert err.value.code == "db.pg_no_rights"
    assert _admin_sql(pg_cluster, name, "SELECT count(*) FROM pg_tables "
                      "WHERE schemaname = 'public'") == [(0,)]


class _MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def test_password_from_the_os_keyring(pg_cluster, monkeypatch):
    from servicedesk.pg.database import store_password

    name = "kr_owned"
    pg_cluster.create_database(name, owner=pg_server.PASSWORD_ROLE)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    try:
        url = pg_cluster.url(name, pg_server.PASSWORD_ROLE)
        with pytest.raises(DatabaseOpenError) as err:
            open_database(url)
        assert err.value.code == "db.pg_auth"
        key = store_password(url, pg_server.PASSWORD)
        assert key.startswith(f"{pg_server.PASSWORD_ROLE}@")
        db = open_database(url)  # the owner creates the schema
        try:
            assert db.info.created
            # Other threads' connections use the same password.
            seen: list[int] = []
            t = threading.Thread(target=lambda: (seen.append(db.execute_sql("SELECT 1")
                                                            .fetchone()[0]), db.close()))
            t.start()
            t.join()
            assert seen == [1]
        finally:
            db.close()
    finally:
        keyring.set_keyring(previous)
        pg_cluster.drop_database(name)


def test_pgpass_file(pg_cluster, tmp_path, monkeypatch):
    name = "pgpass_owned"
    pg_cluster.create_database(name, owner=pg_server.PASSWORD_ROLE)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:{name}:{pg_server.PASSWORD_ROLE}:{pg_server.PASSWORD}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    try:
        db = open_database(pg_cluster.url(name, pg_server.PASSWORD_ROLE))
        try:
            assert db.info.user == pg_server.PASSWORD_ROLE and db.info.created
        finally:
            db.close()
    finally:
        pg_cluster.drop_database(name)


def test_two_workstations_creating_the_schema_at_once(pg_blank_url):
    """The advisory lock: one creates, the others wait and find it done (separate processes,
    as workstations are)."""
    import subprocess
    import sys

    code = ("from servicedesk.db import open_database; "
            f"db = open_database({pg_blank_url!r}); print(db.info.schema_version, db.info.created)")
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [o[1][-500:] for o in outs]
    assert [o[0].split()[0] for o in outs] == [str(latest_version())] * 3


def test_raw_sql_with_question_marks_runs_on_postgresql(pg_url):
    from servicedesk.pg.database import portable_sql

    assert portable_sql("SELECT ? WHERE x LIKE '%?%' AND y = ?") == \
        "SELECT %s WHERE x LIKE '%%?%%' AND y = %s"
    assert portable_sql('SELECT "a?" FROM t WHERE id = %s') == 'SELECT "a?" FROM t WHERE id = %s'
    db = open_database(pg_url)
    try:
        row = db.execute_sql("SELECT code FROM priority WHERE rank = ? AND code LIKE '%'",
                             (1,)).fetchone()
        assert row is not None
    finally:
        db.close()


def test_columns_have_postgresql_types_of_their_fields(pg_url):
    """Real types on the server: a migration's PostgreSQL variant that adds a boolean as an
    integer, or a date-time as text, fails here (timestamptz, date, numeric, boolean)."""
    import peewee as pw

    from servicedesk.models import ALL_MODELS

    expected = [(pw.BooleanField, "boolean"), (pw.DateTimeField, "timestamp with time zone"),
                (pw.DateField, "date"), (pw.TimeField, "time without time zone"),
                (pw.DecimalField, "numeric"), (pw.BlobField, "bytea"),
                (pw.AutoField, "integer"), (pw.IntegerField, "integer"),
                (pw.CharField, "character varying"), (pw.TextField, "text")]
    db = open_database(pg_url)
    try:
        types = {(t, c): d for t, c, d in db.execute_sql(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema()")}
        checked = 0
        for model in ALL_MODELS:
            for field in model._meta.sorted_fields:
                kind_of = field.rel_field if isinstance(field, pw.ForeignKeyField) else field
                want = next((name for kind, name in expected if isinstance(kind_of, kind)), None)
                if want is None:
                    continue
                got = types[(model._meta.table_name, field.column_name)]
                assert got == want, f"{model._meta.table_name}.{field.column_name}: {got}"
                checked += 1
        assert checked > 300
    finally:
        db.close()
