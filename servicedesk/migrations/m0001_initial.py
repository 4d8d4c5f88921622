"""The initial schema of the whole domain (frozen SQL, generated once from the models)."""
from __future__ import annotations

from pathlib import Path


def up(db) -> None:
    sql = (Path(__file__).with_suffix(".sql")).read_text(encoding="utf-8")
    for statement in sql.split(";\n"):
        if statement.strip():
            db.execute_sql(statement)
