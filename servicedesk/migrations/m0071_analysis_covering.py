"""Covering indexes for the analysis filters measured slow on 200,000 requests (issue 7).

- opened date range + priority + province: (opened_at, priority_id, customer_id) answers the
  count from the index alone;
- team + status, e.g. "closed by team Nord": (team_id, status, opened_at);
- interventions by activity type and status: (activity_type_id, status, request_id).
"""
from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "service_request_opened_priority_customer" '
    'ON "service_request" ("opened_at", "priority_id", "customer_id")',
    'DROP INDEX IF EXISTS "service_request_opened_at_priority"',  # a prefix of the one above
    'CREATE INDEX IF NOT EXISTS "service_request_team_status_opened" '
    'ON "service_request" ("team_id", "status", "opened_at")',
    'CREATE INDEX IF NOT EXISTS "intervention_activity_status_request" '
    'ON "intervention" ("activity_type_id", "status", "request_id")',
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
