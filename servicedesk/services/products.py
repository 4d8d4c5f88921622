"""Products (the catalogue of what the office services): validation, create, edit, archive."""
from __future__ import annotations

from typing import Any

from .. import context, limits
from ..errors import FieldError, ValidationError
from ..models import Product
from ..permissions import Permission
from .parties import _text
from .records import set_archived, stored

PRODUCT_FIELDS = ("code", "name", "family", "manufacturer", "warranty_months")
LIMITS = limits.LIMITS["product"]


def clean_product(fields: dict[str, Any], *, partial: bool = False) -> tuple[dict[str, Any], list[FieldError]]:
    unknown = set(fields) - set(PRODUCT_FIELDS)
    if unknown:
        raise TypeError(f"unknown product fields: {sorted(unknown)}")
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    for name, limit in LIMITS.items():
        if name in fields:
            value = _text(fields[name])
            if len(value) > limit:
                errors.append(FieldError(name, "too_long", {"max": limit}))
            out[name] = value
    if "code" in out:
        out["code"] = out["code"].upper()
    for name in ("code", "name"):
        if (not partial or name in fields) and not out.get(name):
            errors.append(FieldError(name, "required"))
    if "warranty_months" in fields:
        raw = fields["warranty_months"]
        try:
            months = int(_text(raw) or 0) if not isinstance(raw, int) else raw
        except ValueError:
            errors.append(FieldError("warranty_months", "invalid_number"))
        else:
            if months < 0:
                errors.append(FieldError("warranty_months", "negative"))
            elif months > 600:
                errors.append(FieldError("warranty_months", "product.warranty_too_long"))
            out["warranty_months"] = months
    return out, errors


def find_product(code: str) -> Product | None:
    return Product.get_or_none(Product.code == _text(code).upper())


def create_product(**fields: Any) -> Product:
    context.require(Permission.PARTY_EDIT)
    values, errors = clean_product(fields)
    if errors:
        raise ValidationError(errors)
    with Product._meta.database.atomic():
        if find_product(values["code"]) is not None:
            raise ValidationError(FieldError("code", "product.code_duplicate",
                                             {"value": values["code"]}))
        return Product.create(**values)


def update_product(product: Product, **fields: Any) -> Product:
    context.require(Permission.PARTY_EDIT)
    values, errors = clean_product(fields, partial=True)
    if errors:
        raise ValidationError(errors)
    with Product._meta.database.atomic():
        if "code" in values:
            other = find_product(values["code"])
            if other is not None and other.id != product.id:
                raise ValidationError(FieldError("code", "product.code_duplicate",
                                                 {"value": values["code"]}))
        for name, value in values.items():
            setattr(product, name, value)
        product.save()
    return product


def set_product_archived(product: Product, archived: bool = True) -> Product:
    return set_archived(product, archived, Permission.PARTY_EDIT)


def change_product(product_id: int, expected_version: int, changes: dict[str, Any]) -> Product:
    """Apply ``changes`` to the product read at ``expected_version`` (ConflictError if saved
    in between)."""
    context.require(Permission.PARTY_EDIT)
    with Product._meta.database.atomic():
        return update_product(stored(Product, product_id, expected_version), **changes)


def archive_product(product_id: int, expected_version: int, archived: bool = True) -> Product:
    context.require(Permission.PARTY_EDIT)
    with Product._meta.database.atomic():
        return set_product_archived(stored(Product, product_id, expected_version), archived)
