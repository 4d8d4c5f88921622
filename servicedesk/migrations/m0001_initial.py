"""The initial schema of the whole domain (frozen SQL, generated once from the models)."""
from __future__ import annotations

from servicedesk.resources import migration_sql


def up(db) -> None:
    sql = migration_sql("m0001_initial.sql").read_text(encoding="utf-8")
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)
