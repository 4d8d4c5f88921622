"""Indexes the analysis filters and charts need (issue 7).

- requests per month by priority reads (opened_at, priority_id) from one covering index;
- province filters look up the customers of a province (party.province exists already);
- the ticket figures of contracts are sums over ``ticket_movement`` per contract: a covering
  (contract_id, quantity) index answers them without reading the ledger rows;
- interventions planned in a date range for a request, and work logs per job order by date.
"""
from __future__ import annotations

STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "service_request_opened_at_priority" '
    'ON "service_request" ("opened_at", "priority_id")',
    'CREATE INDEX IF NOT EXISTS "ticket_movement_contract_quantity" '
    'ON "ticket_movement" ("contract_id", "quantity")',
    'CREATE INDEX IF NOT EXISTS "intervention_planned_start_request" '
    'ON "intervention" ("planned_start", "request_id")',
    'CREATE INDEX IF NOT EXISTS "work_log_job_order_work_date" '
    'ON "work_log" ("job_order_id", "work_date")',
    'CREATE INDEX IF NOT EXISTS "contract_signed_on" ON "contract" ("signed_on")',
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
