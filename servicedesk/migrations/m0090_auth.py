"""Sign-in: failed-attempt lockout columns on operator and remembered sign-in tokens (issue 9)."""
from __future__ import annotations

STATEMENTS = [
    'ALTER TABLE "operator" ADD COLUMN "failed_logins" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "operator" ADD COLUMN "locked_until" DATETIME',
    'ALTER TABLE "operator" ADD COLUMN "last_login_at" DATETIME',
    'CREATE TABLE "auth_token" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "version" INTEGER NOT NULL, '
    '"operator_id" INTEGER NOT NULL, "token_hash" VARCHAR(64) NOT NULL, '
    '"label" VARCHAR(120) NOT NULL, "expires_at" DATETIME NOT NULL, "last_used_at" DATETIME, '
    '"revoked" INTEGER NOT NULL, '
    'FOREIGN KEY ("operator_id") REFERENCES "operator" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "auth_token_uuid" ON "auth_token" ("uuid")',
    'CREATE INDEX "auth_token_operator_id" ON "auth_token" ("operator_id")',
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
