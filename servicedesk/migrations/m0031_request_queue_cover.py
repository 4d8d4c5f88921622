"""Covering indexes for the request queue: the open queue by urgency and the full history by
opening time are read from the index alone, never from the wide request rows (R-X-5)."""
from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "service_request_queue" ON "service_request" '
    '("status", "sla_due", "sla_risk_at", "priority_id", "opened_at", "owner_id", "team_id")',
    'CREATE INDEX IF NOT EXISTS "service_request_opened_status" ON "service_request" '
    '("opened_at", "status")',
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
