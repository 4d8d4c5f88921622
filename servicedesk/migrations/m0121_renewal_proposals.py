"""Renewals on proposal made ahead of the term end; the ISTAT figure a contract applies and the
one each renewal used (R-CON-4, #15)."""
from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "contract" ADD COLUMN "proposal_days" INTEGER',
    'ALTER TABLE "contract" ADD COLUMN "istat_month_lag" INTEGER',
    'ALTER TABLE "contract_renewal" ADD COLUMN "istat_month" INTEGER',
    'ALTER TABLE "contract_renewal" ADD COLUMN "istat_waived" INTEGER NOT NULL DEFAULT 0',
    # the run looks for pending/accepted proposals of many contracts at once
    'CREATE INDEX IF NOT EXISTS "contract_renewal_status" ON "contract_renewal" ("status")',
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)


def up_postgres(db) -> None:  # issue 17: the same columns, istat_waived a real boolean
    for sql in STATEMENTS:
        db.execute_sql(sql.replace('INTEGER NOT NULL DEFAULT 0', 'BOOLEAN NOT NULL DEFAULT false'))
