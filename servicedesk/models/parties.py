"""Parties (customers and suppliers) and their contacts."""
from __future__ import annotations

import peewee as pw

from .base import BaseModel
from .reference import Province


class Party(BaseModel):
    """A customer or a supplier (nominativo); one company may be both."""

    code = pw.CharField(max_length=20, unique=True)
    name = pw.CharField(max_length=200, index=True)
    is_customer = pw.BooleanField(default=True)
    is_supplier = pw.BooleanField(default=False)
    vat_number = pw.CharField(max_length=20, null=True, index=True)  # partita IVA, e.g. IT01234567890
    fiscal_code = pw.CharField(max_length=16, null=True, index=True)  # codice fiscale
    address = pw.CharField(max_length=200, default="")
    postal_code = pw.CharField(max_length=10, default="")
    city = pw.CharField(max_length=100, default="", index=True)
    province = pw.ForeignKeyField(Province, field="code", column_name="province", null=True,
                                  backref="parties")
    country = pw.CharField(max_length=2, default="IT")
    phone = pw.CharField(max_length=40, default="")
    email = pw.CharField(max_length=200, default="")
    pec = pw.CharField(max_length=200, default="")  # certified e-mail
    sdi_code = pw.CharField(max_length=7, default="")  # e-invoicing recipient code
    notes = pw.TextField(default="")
    archived = pw.BooleanField(default=False)


class Contact(BaseModel):
    """A person at a party: who calls, who signs, who receives maintenance notices."""

    party = pw.ForeignKeyField(Party, backref="contacts", on_delete="CASCADE")
    name = pw.CharField(max_length=120)
    role = pw.CharField(max_length=80, default="")  # e.g. responsabile IT, amministrazione
    phone = pw.CharField(max_length=40, default="")
    mobile = pw.CharField(max_length=40, default="")
    email = pw.CharField(max_length=200, default="")
    receives_notices = pw.BooleanField(default=False)
    archived = pw.BooleanField(default=False)
