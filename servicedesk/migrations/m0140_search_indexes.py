"""Indexes for searching the whole history fast: names, serials, a narrow copy of requests (#18).

- ``party_name_fts``: trigrams of customer names, so "rossi" finds "F.lli Rossi S.r.l." through
  an index instead of a LIKE '%…%' over every party (R-REQ-2 search, R-ANA-1 free text);
- ``party_city_nocase``: a city typed as the start of its name ("mil") by index;
- ``unit_serial_fts``: trigrams of serial numbers, for "serial contains" (R-SER-2, R-ANA-1);
- ``service_request_by_id``: (id, opened_at, status, customer_id, priority_id). When a search
  yields thousands of request ids, reading their opening time and status from this narrow
  index is several times cheaper than from the wide rows (subject, description, report);
- interventions by activity type and status carry their planned start, so a listing of them
  sorts without reading the rows; requests by customer carry the opening time and priority;
- requests by month of opening and priority: the default chart reads its groups in order
  instead of sorting 200,000 rows.
"""
from __future__ import annotations


def _trigram_index(name: str, table: str, column: str) -> list[str]:
    """An FTS5 trigram index over one text column of ``table``, kept in step by triggers
    (external content: the text is read from the table, as for ``request_fts``)."""
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({column}, content='{table}', "
        "content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {name}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {name}({name}, rowid, {column}) VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {column} ON {table} BEGIN "
        f"INSERT INTO {name}({name}, rowid, {column}) VALUES ('delete', old.id, old.{column}); "
        f"INSERT INTO {name}(rowid, {column}) VALUES (new.id, new.{column}); END",
        f"INSERT INTO {name}({name}) VALUES ('rebuild')",
    ]


STATEMENTS = [
    *_trigram_index("party_name_fts", "party", "name"),
    'CREATE INDEX IF NOT EXISTS "party_city_nocase" ON "party" ("city" COLLATE NOCASE)',
    *_trigram_index("unit_serial_fts", "unit", "serial"),
    'CREATE INDEX IF NOT EXISTS "service_request_by_id" ON "service_request" '
    '("id", "opened_at", "status", "customer_id", "priority_id")',
    'CREATE INDEX IF NOT EXISTS "service_request_customer_opened" ON "service_request" '
    '("customer_id", "opened_at", "priority_id")',
    'CREATE INDEX IF NOT EXISTS "intervention_activity_status_planned" ON "intervention" '
    '("activity_type_id", "status", "request_id", "planned_start")',
    'DROP INDEX IF EXISTS "intervention_activity_status_request"',  # a prefix of the one above
    'CREATE INDEX IF NOT EXISTS "service_request_month_priority" ON "service_request" '
    '(substr("opened_at", 1, 7), "priority_id")',
]
NEW_INDEXES = ("party_city_nocase", "service_request_by_id", "service_request_customer_opened",
               "intervention_activity_status_planned", "service_request_month_priority")


def up(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    # A database analysed before gets statistics for the new indexes too (the query planner
    # would otherwise guess their selectivity next to measured ones).
    analysed = db.execute_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()
    if analysed:
        db.execute_sql("PRAGMA analysis_limit=1000")
        for name in NEW_INDEXES:
            db.execute_sql(f'ANALYZE "{name}"')


# PostgreSQL (issue 17): pg_trgm's GIN indexes answer ILIKE '%…%' on names and serials (the
# serial one came with the baseline); the covering indexes as they are. The month-of-opening
# index has no twin: to_char() of a timestamptz depends on the session's time zone, and an
# index expression must not.
POSTGRES_STATEMENTS = [
    'CREATE INDEX IF NOT EXISTS "party_name_trgm" ON "party" USING GIN ("name" gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "party_city_trgm" ON "party" USING GIN ("city" gin_trgm_ops)',
    'CREATE INDEX IF NOT EXISTS "service_request_by_id" ON "service_request" '
    '("id", "opened_at", "status", "customer_id", "priority_id")',
    'CREATE INDEX IF NOT EXISTS "service_request_customer_opened" ON "service_request" '
    '("customer_id", "opened_at", "priority_id")',
    'CREATE INDEX IF NOT EXISTS "intervention_activity_status_planned" ON "intervention" '
    '("activity_type_id", "status", "request_id", "planned_start")',
    'DROP INDEX IF EXISTS "intervention_activity_status_request"',
]


def up_postgres(db) -> None:
    for statement in POSTGRES_STATEMENTS:
        db.execute_sql(statement)
