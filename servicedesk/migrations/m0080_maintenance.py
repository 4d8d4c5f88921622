"""Maintenance and notices: indexes for visit generation (plan + due date, last completed visit)
and for the outbox sender (due messages) (R-MNT-1, R-MNT-2)."""
from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "intervention_plan_status_due" ON "intervention" '
    '("maintenance_plan_id", "status", "due_date") WHERE "maintenance_plan_id" IS NOT NULL',
    'CREATE INDEX IF NOT EXISTS "outbox_message_status_next" ON "outbox_message" '
    '("status", "next_attempt_at")',
    'CREATE INDEX IF NOT EXISTS "unit_ownership_unit_since" ON "unit_ownership" ("unit_id", "since")',
    'CREATE INDEX IF NOT EXISTS "contact_party_notices" ON "contact" ("party_id", "receives_notices")',
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
