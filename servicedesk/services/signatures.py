"""The customer's signature on an intervention, captured on screen at the end of the visit (R-X-7).

A signature is SVG path data (``M x y L x y …``, one ``M`` per stroke) in a box of
``WIDTH`` x ``HEIGHT`` units, whatever the size of the pad it was drawn on: small to store,
compared and merged like any text field, drawn at any size on the sheet. It is stored with the
signer's name and the moment on the intervention; signing again replaces it.
"""
from __future__ import annotations

import re

from .. import clock
from ..errors import ConflictError, FieldError, NotFound, ValidationError
from ..models import Intervention
from . import interventions

WIDTH, HEIGHT = 600, 240
MAX_NAME = 120
MAX_PATH = 100_000  # characters: a long signature is ~5,000
SIGNABLE = ("in_progress", "done")
_TOKEN = re.compile(r"([ML])\s*(-?\d+(?:\.\d+)?)[\s,]+(-?\d+(?:\.\d+)?)")
_ALLOWED = re.compile(r"^[ML0-9.,\s-]*$")

Stroke = list[tuple[float, float]]


def to_path(strokes: list[Stroke]) -> str:
    """SVG path data of ``strokes`` (points already in the WIDTH x HEIGHT box)."""
    parts = []
    for stroke in strokes:
        if not stroke:
            continue
        (x, y), rest = stroke[0], stroke[1:]
        parts.append(f"M{x:.1f} {y:.1f}")
        parts.extend(f"L{px:.1f} {py:.1f}" for px, py in rest)
    return " ".join(parts)


def strokes(path: str) -> list[Stroke]:
    """The strokes of SVG path data written by :func:`to_path` (for drawing it)."""
    out: list[Stroke] = []
    for command, x, y in _TOKEN.findall(path or ""):
        point = (float(x), float(y))
        if command == "M" or not out:
            out.append([point])
        else:
            out[-1].append(point)
    return out


def _check(signer_name: str, path: str) -> tuple[str, str]:
    errors: list[FieldError] = []
    name = (signer_name or "").strip()
    if not name:
        errors.append(FieldError("signer_name", "required"))
    elif len(name) > MAX_NAME:
        errors.append(FieldError("signer_name", "too_long", {"max": MAX_NAME, "length": len(name)}))
    path = (path or "").strip()
    if not path or not _ALLOWED.match(path) or not strokes(path):
        errors.append(FieldError("signature", "signatures.empty"))
    elif len(path) > MAX_PATH:
        errors.append(FieldError("signature", "too_long", {"max": MAX_PATH, "length": len(path)}))
    else:
        points = [p for s in strokes(path) for p in s]
        if any(not (-1 <= x <= WIDTH + 1 and -1 <= y <= HEIGHT + 1) for x, y in points):
            errors.append(FieldError("signature", "signatures.outside"))
        elif len(points) < 3:
            errors.append(FieldError("signature", "signatures.empty"))
    if errors:
        raise ValidationError(errors)
    return name, path


def sign(intervention_id: int, *, signer_name: str, path: str,
         version: int | None = None) -> Intervention:
    """Store the customer's signature on an intervention (refused with ConflictError when it
    changed since ``version`` was read); the technician signs his own, a planner any. Only an
    intervention in progress or done."""
    name, path = _check(signer_name, path)
    with Intervention._meta.database.atomic():
        item = Intervention.get_or_none(Intervention.id == intervention_id)
        if item is None:
            raise NotFound(f"intervention {intervention_id}", code="not_found")
        if version is not None and item.version != version:
            raise ConflictError("Intervention", intervention_id)
        interventions._may_work_on(item)  # against the stored row
        if item.status not in SIGNABLE:
            raise ValidationError(FieldError("status", "signatures.not_signable",
                                             {"status": item.status}))
        item.signature = path
        item.signer_name = name
        item.signed_at = clock.now().replace(microsecond=0)
        item.save()  # audited: who signed and when stays in the intervention's trail
    return item


def signature_of(intervention_id: int) -> tuple[str, str, object] | None:
    """(path, signer name, signed at) of an intervention, or None when not signed."""
    row = (Intervention.select(Intervention.signature, Intervention.signer_name,
                               Intervention.signed_at)
           .where(Intervention.id == intervention_id).tuples().first())
    if row is None or not row[0]:
        return None
    return row
