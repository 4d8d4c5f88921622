"""ISTAT FOI monthly figures (index and change over 12 months) and the shipped figures
(R-CON-4, #15)."""
from __future__ import annotations

from ..reference_data import load_istat


def up(db) -> None:
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "istat_month" ("id" INTEGER NOT NULL PRIMARY KEY, '
        '"uuid" VARCHAR(32) NOT NULL, "created_at" DATETIME NOT NULL, '
        '"updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, "year" INTEGER NOT NULL, '
        '"month" INTEGER NOT NULL, "change_pct" DECIMAL(6, 2), "index_value" DECIMAL(8, 2), '
        '"index_base" VARCHAR(10) NOT NULL, "published_on" DATE, "note" VARCHAR(200) NOT NULL)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "istat_month_uuid" ON "istat_month" ("uuid")')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "istat_month_year_month" ON "istat_month" '
                   '("year", "month")')
    load_istat()


def up_postgres(db) -> None:  # issue 17
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "istat_month" ("id" SERIAL NOT NULL PRIMARY KEY, '
        '"uuid" VARCHAR(32) NOT NULL, "created_at" TIMESTAMPTZ NOT NULL, '
        '"updated_at" TIMESTAMPTZ NOT NULL, "version" INTEGER NOT NULL, "year" INTEGER NOT NULL, '
        '"month" INTEGER NOT NULL, "change_pct" NUMERIC(6, 2), "index_value" NUMERIC(8, 2), '
        '"index_base" VARCHAR(10) NOT NULL, "published_on" DATE, "note" VARCHAR(200) NOT NULL)')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "istat_month_uuid" ON "istat_month" ("uuid")')
    db.execute_sql('CREATE UNIQUE INDEX IF NOT EXISTS "istat_month_year_month" ON "istat_month" '
                   '("year", "month")')
    load_istat()
