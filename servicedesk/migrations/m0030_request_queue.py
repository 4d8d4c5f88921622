"""Request queue: stored SLA keys (urgency sort/counters by index), queue indexes and a
full-text index over request subjects and descriptions (R-REQ-2, R-SER-2)."""
from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "service_request" ADD COLUMN "sla_due" DATETIME',
    'ALTER TABLE "service_request" ADD COLUMN "sla_risk_at" DATETIME',
    # Open-queue counters and the "overdue / at risk first" order read only running clocks.
    'CREATE INDEX "service_request_sla_due" ON "service_request" ("sla_due") '
    'WHERE "sla_due" IS NOT NULL',
    'CREATE INDEX "service_request_status_opened_at" ON "service_request" ("status", "opened_at")',
    # Serial search as you type: LIKE 'abc%' is case-insensitive and can use a NOCASE index.
    'CREATE INDEX "unit_serial_nocase" ON "unit" ("serial" COLLATE NOCASE)',
    # Words of subject/description, accents folded ("perdita", "caldaia*"), kept by triggers.
    "CREATE VIRTUAL TABLE request_fts USING fts5(subject, description, content='service_request',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER request_fts_ai AFTER INSERT ON service_request BEGIN "
    "INSERT INTO request_fts(rowid, subject, description) "
    "VALUES (new.id, new.subject, new.description); END",
    "CREATE TRIGGER request_fts_ad AFTER DELETE ON service_request BEGIN "
    "INSERT INTO request_fts(request_fts, rowid, subject, description) "
    "VALUES ('delete', old.id, old.subject, old.description); END",
    "CREATE TRIGGER request_fts_au AFTER UPDATE OF subject, description ON service_request BEGIN "
    "INSERT INTO request_fts(request_fts, rowid, subject, description) "
    "VALUES ('delete', old.id, old.subject, old.description); "
    "INSERT INTO request_fts(rowid, subject, description) "
    "VALUES (new.id, new.subject, new.description); END",
    "INSERT INTO request_fts(request_fts) VALUES ('rebuild')",
]


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    from ..services.sla import refresh_stored_keys

    refresh_stored_keys(db)
