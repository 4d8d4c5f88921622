"""The customer's signature on an intervention, captured on screen (R-X-7, #16)."""
from __future__ import annotations

STATEMENTS = [
    # SVG path data in a 600 x 240 box (servicedesk.services.signatures), '' when not signed
    'ALTER TABLE "intervention" ADD COLUMN "signature" TEXT NOT NULL DEFAULT \'\'',
    'ALTER TABLE "intervention" ADD COLUMN "signer_name" VARCHAR(120) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "intervention" ADD COLUMN "signed_at" DATETIME',
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)


def up_postgres(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql.replace("DATETIME", "TIMESTAMPTZ"))  # with its zone, as elsewhere
