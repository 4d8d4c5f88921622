"""Request history: an intervention's events name the intervention and say what happened as a
code (``to_status``: scheduled, rescheduled, done, cancelled), no longer as English text that
the Italian history showed as it was (#12). Older rows are read back into the same shape."""
from __future__ import annotations

import re

# What the services wrote before: "scheduled intervention #12 2026-03-02 09:00",
# "rescheduled intervention #12 …", "completed intervention #12", "cancelled intervention #12: why".
OLD_TEXT = re.compile(r"^(scheduled|rescheduled|completed|cancelled) intervention #(\d+)(.*)$", re.S)
PORTABLE = True  # issue 17: the same statements run on PostgreSQL (the cursor takes "?")
ACTIONS = {"scheduled": "scheduled", "rescheduled": "rescheduled", "completed": "done",
           "cancelled": "cancelled"}


def up(db) -> None:
    db.execute_sql('ALTER TABLE "request_event" ADD COLUMN "intervention_id" INTEGER')
    db.execute_sql('CREATE INDEX "request_event_intervention_id" '
                   'ON "request_event" ("intervention_id")')
    convert_old_rows(db)


def convert_old_rows(db) -> int:
    """Rows written with the English text get the intervention and the action code."""
    rows = db.execute_sql("SELECT id, text FROM request_event WHERE kind = 'intervention' "
                          "AND intervention_id IS NULL").fetchall()
    updates = []
    for event_id, text in rows:
        match = OLD_TEXT.match(text or "")
        if match is None:
            continue
        action, intervention_id, rest = match.groups()
        reason = rest[2:].strip() if action == "cancelled" and rest.startswith(": ") else ""
        updates.append((int(intervention_id), ACTIONS[action], reason, event_id))
    if updates:
        db.cursor().executemany('UPDATE "request_event" SET "intervention_id" = ?, '
                                '"to_status" = ?, "text" = ? WHERE "id" = ?', updates)
    return len(updates)
