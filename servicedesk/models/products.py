"""Products and serial-numbered units at customers (matricole)."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .parties import Party
from .reference import Province


class Product(BaseModel):
    code = pw.CharField(max_length=40, unique=True)
    name = pw.CharField(max_length=200)
    family = pw.CharField(max_length=80, default="", index=True)  # printers, boilers, HVAC, PLC …
    manufacturer = pw.CharField(max_length=80, default="")
    warranty_months = pw.IntegerField(default=24)
    archived = pw.BooleanField(default=False)


class Unit(BaseModel):
    """One physical product at a customer, identified by its serial number."""

    product = pw.ForeignKeyField(Product, backref="units")
    serial = pw.CharField(max_length=60, index=True)
    owner = pw.ForeignKeyField(Party, backref="units", index=True)
    install_date = pw.DateField(null=True)
    warranty_end = pw.DateField(null=True)
    site = pw.CharField(max_length=200, default="")  # where it is: site, floor, room
    address = pw.CharField(max_length=200, default="")
    city = pw.CharField(max_length=100, default="")
    province = pw.ForeignKeyField(Province, field="code", column_name="province", null=True)
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)

    class Meta:
        indexes = ((("product", "serial"), True),)


class UnitOwnership(BaseModel):
    """The owners a unit has had: moving a unit to another customer keeps its history."""

    unit = pw.ForeignKeyField(Unit, backref="ownerships", on_delete="CASCADE")
    owner = pw.ForeignKeyField(Party)
    since = pw.DateField()
    until = pw.DateField(null=True)
