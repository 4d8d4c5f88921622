"""Print the PostgreSQL baseline schema (used once to freeze migrations/m0001_postgres_baseline.sql).

The tables come from the models as they stood when PostgreSQL support began (the SQLite
schema after migrations 1-100), in PostgreSQL's own types: ``timestamptz`` for date-times,
``date``, ``time``, ``numeric`` for money, ``boolean``, ``bytea``. Foreign keys are
``DEFERRABLE INITIALLY IMMEDIATE`` so ``servicedesk-admin migrate`` can copy rows in any order
inside one transaction. The indexes the SQLite migrations 30-100 added follow, in PostgreSQL
terms (the full-text indexes become ``tsvector`` columns with GIN indexes).
"""
from __future__ import annotations

import re

import peewee as pw

from servicedesk.models import ALL_MODELS, database_proxy

EXTRA = """
-- full-text search: accents folded (unaccent), Italian stemming where wanted; trigrams (pg_trgm)
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TEXT SEARCH CONFIGURATION sd_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION sd_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
CREATE TEXT SEARCH CONFIGURATION sd_italian (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION sd_italian ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;
CREATE FUNCTION sd_words(text, text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT to_tsvector('sd_simple', coalesce($1, '') || ' ' || coalesce($2, '')) $$;
-- m0030 request queue: stored SLA keys, queue indexes, words of subject/description
CREATE INDEX "service_request_sla_due" ON "service_request" ("sla_due") WHERE "sla_due" IS NOT NULL;
CREATE INDEX "service_request_status_opened_at" ON "service_request" ("status", "opened_at");
-- (SQLite's request_fts and NOCASE serial index: a GIN index of the words, trigrams of serials)
CREATE INDEX "service_request_words" ON "service_request" USING GIN (sd_words("subject", "description"));
CREATE INDEX "unit_serial_trgm" ON "unit" USING GIN ("serial" gin_trgm_ops);
-- m0031 covering indexes of the queue
CREATE INDEX "service_request_queue" ON "service_request" ("status", "sla_due", "sla_risk_at", "priority_id", "opened_at", "owner_id", "team_id");
CREATE INDEX "service_request_opened_status" ON "service_request" ("opened_at", "status");
-- m0060 knowledge-base search: the stemmed text (servicedesk.search) in tables with GIN indexes
CREATE TABLE "kb_article_index" ("article_id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL, "symptoms" TEXT NOT NULL, "cause" TEXT NOT NULL, "solution" TEXT NOT NULL, "tags" TEXT NOT NULL, "words" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "title" || ' ' || "symptoms" || ' ' || "cause" || ' ' || "solution" || ' ' || "tags")) STORED);
CREATE INDEX "kb_article_index_words" ON "kb_article_index" USING GIN ("words");
CREATE TABLE "kb_request_index" ("request_id" INTEGER NOT NULL PRIMARY KEY, "problem" TEXT NOT NULL, "report" TEXT NOT NULL, "refs" TEXT NOT NULL, "words" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "problem" || ' ' || "report")) STORED, "refs_words" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "refs")) STORED);
CREATE INDEX "kb_request_index_words" ON "kb_request_index" USING GIN ("words");
CREATE INDEX "kb_request_index_refs" ON "kb_request_index" USING GIN ("refs_words");
CREATE TABLE "kb_request_indexed" ("request_id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL);
CREATE TABLE "kb_request_terms" ("term" VARCHAR(80) NOT NULL PRIMARY KEY, "docs" INTEGER NOT NULL);
CREATE INDEX "kb_request_terms_trgm" ON "kb_request_terms" USING GIN ("term" gin_trgm_ops);
CREATE TABLE "kb_index_state" ("key" VARCHAR(40) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
-- m0070/m0071 analysis
CREATE INDEX "ticket_movement_contract_quantity" ON "ticket_movement" ("contract_id", "quantity");
CREATE INDEX "intervention_planned_start_request" ON "intervention" ("planned_start", "request_id");
CREATE INDEX "work_log_job_order_work_date" ON "work_log" ("job_order_id", "work_date");
CREATE INDEX "contract_signed_on" ON "contract" ("signed_on");
CREATE INDEX "service_request_opened_priority_customer" ON "service_request" ("opened_at", "priority_id", "customer_id");
CREATE INDEX "service_request_team_status_opened" ON "service_request" ("team_id", "status", "opened_at");
CREATE INDEX "intervention_activity_status_request" ON "intervention" ("activity_type_id", "status", "request_id");
-- m0080 maintenance and notices
CREATE INDEX "intervention_plan_status_due" ON "intervention" ("maintenance_plan_id", "status", "due_date") WHERE "maintenance_plan_id" IS NOT NULL;
CREATE INDEX "outbox_message_status_next" ON "outbox_message" ("status", "next_attempt_at");
CREATE INDEX "unit_ownership_unit_since" ON "unit_ownership" ("unit_id", "since");
CREATE INDEX "contact_party_notices" ON "contact" ("party_id", "receives_notices");
"""


def main() -> None:
    db = pw.PostgresqlDatabase(None)
    database_proxy.initialize(db)
    db.init("baseline")
    out: list[str] = []
    for model in ALL_MODELS:
        sql, params = model._schema._create_table(safe=False).query()
        assert not params
        sql = sql.replace(" TIMESTAMP", " TIMESTAMPTZ")
        sql = re.sub(r'(REFERENCES "\w+" \("\w+"\)(?: ON DELETE CASCADE)?)',
                     r"\1 DEFERRABLE INITIALLY IMMEDIATE", sql)
        out.append(sql + ";")
        for index in model._schema._create_indexes(safe=False):
            sql, params = index.query()
            assert not params
            out.append(sql + ";")
    print("\n".join(out))
    print(EXTRA.strip())


if __name__ == "__main__":
    main()
