"""Contracts billed by calendar period with a pro-rata first period (R-CON-5, #15)."""
from __future__ import annotations


def up(db) -> None:
    db.execute_sql('ALTER TABLE "contract" ADD COLUMN "billing_by_calendar" INTEGER NOT NULL '
                   'DEFAULT 0')


def up_postgres(db) -> None:  # issue 17
    db.execute_sql('ALTER TABLE "contract" ADD COLUMN "billing_by_calendar" BOOLEAN NOT NULL '
                   'DEFAULT false')
