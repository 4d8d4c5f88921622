"""Every length limit of text a person types, in one table (#14).

The services refuse a text over its limit with ``FieldError(field, "too_long", {"max": N,
"length": L})`` — nothing is ever cut silently — and the UI shows the same limits as a counter in
the field (ui/widgets/limited_text.py), so the user knows before saving. The numbers follow the
columns (``max_length`` of the models) and, for long texts, what a form can reasonably hold:
a long procedure fits, a pasted log file does not.
"""
from __future__ import annotations

from typing import Any

from .errors import FieldError

TEXT = 20_000  # long texts: notes, descriptions, reports, instructions, KB articles
WORKLOG_NOTES = 5_000

LIMITS: dict[str, dict[str, int]] = {
    "party": {"code": 20, "name": 200, "address": 200, "postal_code": 10, "city": 100,
              "phone": 40, "email": 200, "pec": 200, "sdi_code": 7, "notes": TEXT},
    "contact": {"name": 120, "role": 80, "phone": 40, "mobile": 40, "email": 200},
    "product": {"code": 40, "name": 200, "family": 80, "manufacturer": 80},
    "unit": {"serial": 60, "site": 200, "address": 200, "city": 100, "notes": TEXT},
    "request": {"subject": 200, "description": TEXT, "final_report": TEXT, "note": TEXT},
    "intervention": {"instructions": TEXT, "report": TEXT, "override_note": 300},
    "work_log": {"notes": WORKLOG_NOTES},
    "contract": {"number": 30, "title": 200, "notes": TEXT},
    "instalment": {"note": 200},
    "kb": {"title": 200, "product_family": 80, "tags": 300, "symptoms": TEXT, "cause": TEXT,
           "solution": TEXT},
    "maintenance_plan": {"title": 200, "instructions": TEXT},
    "absence": {"note": 200},
    "istat": {"note": 200},
    "operator": {"username": 40, "full_name": 120, "email": 200, "phone": 40},
    "team": {"name": 80},
    "saved_filter": {"name": 100},
}


def limit(entity: str, field: str) -> int:
    """The longest text accepted for ``entity.field`` (KeyError for a field without a limit)."""
    return LIMITS[entity][field]


def too_long(field: str, value: Any, maximum: int) -> FieldError | None:
    """The refusal for ``value`` when it is longer than ``maximum``, else None."""
    length = len(value) if isinstance(value, str) else len(str(value or ""))
    if length > maximum:
        return FieldError(field, "too_long", {"max": maximum, "length": length})
    return None


def check(entity: str, values: dict[str, Any], errors: list[FieldError]) -> None:
    """Append a ``too_long`` error for every value of ``values`` over its limit."""
    table = LIMITS[entity]
    for name, value in values.items():
        if name in table and value is not None:
            error = too_long(name, value, table[name])
            if error is not None:
                errors.append(error)
