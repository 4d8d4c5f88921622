"""Laptop packs (#16): the database's own identity, and the office's record of packs and rounds."""
from __future__ import annotations

import datetime as dt
import uuid

STATEMENTS = [
    # One row: a stable id of this database file (a pack refuses to merge into another office).
    'CREATE TABLE "database_identity" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"database_uuid" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL)',
    # Packs prepared here: for whom, which period, and whether they came back.
    'CREATE TABLE "pack_export" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"pack_uuid" VARCHAR(32) NOT NULL, "operator_id" INTEGER NOT NULL, '
    '"prepared_at" DATETIME NOT NULL, "prepared_by" INTEGER, "period_start" DATE NOT NULL, '
    '"period_end" DATE NOT NULL, "file_name" VARCHAR(300) NOT NULL, '
    '"size_bytes" INTEGER NOT NULL, "records" INTEGER NOT NULL, '
    '"status" VARCHAR(12) NOT NULL, "rounds" INTEGER NOT NULL DEFAULT 0, '
    '"last_merged_at" DATETIME)',
    'CREATE UNIQUE INDEX "pack_export_pack_uuid" ON "pack_export" ("pack_uuid")',
    'CREATE INDEX "pack_export_operator_id" ON "pack_export" ("operator_id", "status")',
    # Each merge of a pack: a fingerprint of the laptop's changes (same pack again: nothing to
    # do; edited afterwards: refused unless merged as a new round) and what it said.
    'CREATE TABLE "pack_round" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"pack_uuid" VARCHAR(32) NOT NULL, "round" INTEGER NOT NULL, '
    '"merged_at" DATETIME NOT NULL, "merged_by" INTEGER, "fingerprint" VARCHAR(64) NOT NULL, '
    '"summary" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "pack_round_pack_uuid_round" ON "pack_round" ("pack_uuid", "round")',
    # The laptop's values of the rows a round merged: the base of the next round.
    'CREATE TABLE "pack_round_row" ("id" INTEGER NOT NULL PRIMARY KEY, '
    '"pack_uuid" VARCHAR(32) NOT NULL, "table_name" VARCHAR(64) NOT NULL, '
    '"record_uuid" VARCHAR(32) NOT NULL, "data" TEXT NOT NULL)',
    'CREATE UNIQUE INDEX "pack_round_row_key" ON "pack_round_row" '
    '("pack_uuid", "table_name", "record_uuid")',
]


def _identity_row(db) -> None:
    db.execute_sql('INSERT INTO "database_identity" ("id", "database_uuid", "created_at") '
                   "VALUES (1, ?, ?)", (uuid.uuid4().hex, dt.datetime.now().isoformat(sep=" ")))


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
    _identity_row(db)


def up_postgres(db) -> None:
    # PostgreSQL's spellings (issue 17): ids numbered by the server (SERIAL: an INTEGER primary
    # key is not numbered by itself there), date-times with their zone like every other table.
    for sql in STATEMENTS:
        db.execute_sql(sql.replace('"id" INTEGER NOT NULL PRIMARY KEY', '"id" SERIAL NOT NULL PRIMARY KEY')
                       .replace("DATETIME", "TIMESTAMPTZ"))
    db.execute_sql('INSERT INTO "database_identity" ("id", "database_uuid", "created_at") '
                   "VALUES (1, %s, %s)", (uuid.uuid4().hex, dt.datetime.now()))
    db.execute_sql("SELECT setval(pg_get_serial_sequence('database_identity', 'id'), 1)")
