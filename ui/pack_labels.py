"""Names the pack dialogs show for tables and fields, in the user's language (#16)."""
from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from . import fmt, messages


def table_name(table: str, count: int = 1) -> str:
    one = {
        "party": QCoreApplication.translate("Packs", "customer"),
        "contact": QCoreApplication.translate("Packs", "contact"),
        "product": QCoreApplication.translate("Packs", "product"),
        "unit": QCoreApplication.translate("Packs", "unit"),
        "unit_ownership": QCoreApplication.translate("Packs", "unit owner"),
        "service_request": QCoreApplication.translate("Packs", "request"),
        "request_unit": QCoreApplication.translate("Packs", "unit of a request"),
        "request_event": QCoreApplication.translate("Packs", "history entry"),
        "maintenance_plan": QCoreApplication.translate("Packs", "maintenance plan"),
        "intervention": QCoreApplication.translate("Packs", "intervention"),
        "work_log": QCoreApplication.translate("Packs", "work log"),
        "kb_article": QCoreApplication.translate("Packs", "KB article"),
        "kb_application": QCoreApplication.translate("Packs", "KB article applied"),
        "outbox_message": QCoreApplication.translate("Packs", "notice"),
    }
    many = {
        "party": QCoreApplication.translate("Packs", "customers"),
        "contact": QCoreApplication.translate("Packs", "contacts"),
        "product": QCoreApplication.translate("Packs", "products"),
        "unit": QCoreApplication.translate("Packs", "units"),
        "unit_ownership": QCoreApplication.translate("Packs", "unit owners"),
        "service_request": QCoreApplication.translate("Packs", "requests"),
        "request_unit": QCoreApplication.translate("Packs", "units of requests"),
        "request_event": QCoreApplication.translate("Packs", "history entries"),
        "maintenance_plan": QCoreApplication.translate("Packs", "maintenance plans"),
        "intervention": QCoreApplication.translate("Packs", "interventions"),
        "work_log": QCoreApplication.translate("Packs", "work logs"),
        "kb_article": QCoreApplication.translate("Packs", "KB articles"),
        "kb_application": QCoreApplication.translate("Packs", "KB articles applied"),
        "outbox_message": QCoreApplication.translate("Packs", "notices"),
    }
    names = one if count == 1 else many
    return names.get(table, table)


def counts_text(counts: dict[str, int]) -> str:
    """"3 requests, 1 intervention …" in the order of the tables."""
    return ", ".join(f"{fmt.number(n)} {table_name(t, n)}" for t, n in counts.items() if n)


def field_name(field: str) -> str:
    extra = {
        "status": QCoreApplication.translate("Packs", "Status"),
        "minutes": QCoreApplication.translate("Packs", "Minutes"),
        "work_date": QCoreApplication.translate("Packs", "Date"),
        "priority": QCoreApplication.translate("Packs", "Priority"),
        "owner": QCoreApplication.translate("Packs", "Owner"),
        "actual_start": QCoreApplication.translate("Packs", "Actual start"),
        "actual_end": QCoreApplication.translate("Packs", "Actual end"),
        "planned_start": QCoreApplication.translate("Packs", "Planned start"),
        "planned_end": QCoreApplication.translate("Packs", "Planned end"),
        "signature": QCoreApplication.translate("Packs", "Signature"),
        "signer_name": QCoreApplication.translate("Packs", "Signed by"),
        "": QCoreApplication.translate("Packs", "(whole record)"),
    }
    return extra.get(field) or messages.field_label(field, field.replace("_", " "))


def value_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("Packs", "yes") if value else \
            QCoreApplication.translate("Packs", "no")
    if isinstance(value, dt.datetime):
        return fmt.datetime(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        return str(value)
    return str(value)
