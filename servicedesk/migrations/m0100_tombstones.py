"""Deletes leave a tombstone (table, uuid, when, who) for offline copies and audits (issue 13)."""
from __future__ import annotations

STATEMENTS = [
    'CREATE TABLE "tombstone" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"table_name" VARCHAR(64) NOT NULL, "record_id" INTEGER NOT NULL, '
    '"record_uuid" VARCHAR(32) NOT NULL, "deleted_at" DATETIME NOT NULL, "operator_id" INTEGER)',
    'CREATE INDEX "tombstone_record_uuid" ON "tombstone" ("record_uuid")',
    'CREATE INDEX "tombstone_deleted_at" ON "tombstone" ("deleted_at")',
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
