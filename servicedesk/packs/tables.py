"""Which tables a pack carries, which come back, and what is special about some fields."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import peewee as pw

from .. import models as m

# Tables whose laptop changes come back to the office, parents before children.
MERGED: tuple[type[m.BaseModel], ...] = (
    m.Party, m.Contact, m.Product, m.Unit, m.UnitOwnership, m.ServiceRequest, m.RequestUnit,
    m.RequestEvent, m.MaintenancePlan, m.Intervention, m.WorkLog, m.KbArticle, m.KbApplication,
    m.OutboxMessage,
)
# Carried for display and offline rules, owned by the office: laptop changes are not merged
# (they are counted as "ignored"; the laptop cannot make most of them: roles, disabled actions).
OFFICE_OWNED: tuple[type[m.BaseModel], ...] = (
    m.Province, m.ActivityType, m.ProblemType, m.Priority, m.IstatIndex, m.IstatMonth,
    m.Setting, m.Team,
    m.Operator, m.WorkingHours, m.Absence, m.JobOrder, m.Contract, m.ContractProduct,
    m.ContractUnit, m.Instalment, m.ContractRenewal, m.TicketMovement,
)
# Recomputed in the office at the merge (as if the work had been entered there): not "ignored".
RECOMPUTED = frozenset({"ticket_movement"})
# Carried whole (reference data and the organisation); the rest is selected per pack.
WHOLE = frozenset({"province", "activity_type", "problem_type", "priority", "istat_index",
                   "istat_month",
                   "setting", "team", "operator", "working_hours", "absence", "kb_article"})
# Office settings that make no sense on a laptop (its own backups go beside the pack).
SETTINGS_LEFT_OUT = ("smtp", "backup.settings")
MONEY_TABLES = frozenset({"instalment", "contract_renewal"})  # only when the role sees money
MONEY_FIELDS = {"contract": ("amount",)}

SYSTEM_FIELDS = frozenset({"id", "uuid", "version", "created_at", "updated_at"})
# The request's SLA bookkeeping: replayed from the merged status history, never a conflict.
DERIVED = {"service_request": frozenset({"first_response_at", "response_due", "resolution_due",
                                         "paused_since", "paused_minutes", "resolved_at",
                                         "closed_at", "sla_due", "sla_risk_at"})}
# Counters: each side's increments add up.
COUNTERS = {"kb_article": frozenset({"applied_count"})}
# Numbers a pack hands out provisionally (TMP-…) and the merge replaces.
NUMBERED = {"service_request": "number", "party": "code"}
# Beside unique indexes: the same customer is the same VAT number.
NATURAL_KEYS = {"party": (("vat_number",),)}
# Shown in the review dialog and the report to say which record.
LABEL_COLUMNS = ("number", "code", "serial", "title", "name", "subject", "username", "dedup_key")


@dataclass(frozen=True)
class ForeignKey:
    field: str  # the model field name (``request``)
    column: str  # its column (``request_id``)
    target: str  # table name of the referenced model
    by_id: bool  # False: references a natural key (province code)
    null: bool


@lru_cache(maxsize=None)
def model_of(table: str) -> type[m.BaseModel]:
    for model in (*MERGED, *OFFICE_OWNED):
        if model._meta.table_name == table:
            return model
    raise KeyError(table)


def table_of(model: type[pw.Model]) -> str:
    return model._meta.table_name


@lru_cache(maxsize=None)
def foreign_keys(table: str) -> tuple[ForeignKey, ...]:
    model = model_of(table)
    out = []
    for f in model._meta.sorted_fields:
        if isinstance(f, pw.ForeignKeyField):
            rel = f.rel_model
            out.append(ForeignKey(f.name, f.column_name, rel._meta.table_name,
                                  f.rel_field is rel._meta.primary_key, bool(f.null)))
    return tuple(out)


@lru_cache(maxsize=None)
def unique_keys(table: str) -> tuple[tuple[str, ...], ...]:
    """Field names of each unique constraint (uuid left out) and of the natural keys."""
    model = model_of(table)
    keys: list[tuple[str, ...]] = []
    for f in model._meta.sorted_fields:
        if f.unique and f.name not in ("uuid", "id"):
            keys.append((f.name,))
    for fields, unique in getattr(model._meta, "indexes", ()) or ():
        if unique:
            keys.append(tuple(fields))
    keys.extend(NATURAL_KEYS.get(table, ()))
    return tuple(keys)


def data_fields(table: str) -> tuple[str, ...]:
    """Fields compared by the merge: all but the system ones."""
    return tuple(f.name for f in model_of(table)._meta.sorted_fields
                 if f.name not in SYSTEM_FIELDS)


MERGED_TABLES = tuple(table_of(t) for t in MERGED)
OFFICE_TABLES = tuple(table_of(t) for t in OFFICE_OWNED)
# Copy order: referenced tables first (every foreign key points to an earlier table, or is a
# deferred one filled after the insert).
EXPORT_ORDER = (
    "province", "activity_type", "problem_type", "priority", "istat_index", "istat_month",
    "setting",
    "party", "contact", "team", "operator", "working_hours", "absence", "job_order",
    "product", "unit", "unit_ownership", "contract", "contract_product", "contract_unit",
    "instalment", "contract_renewal", "service_request", "request_unit", "request_event",
    "ticket_movement", "maintenance_plan", "intervention", "work_log", "kb_article",
    "kb_application", "outbox_message",
)
