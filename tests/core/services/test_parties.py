"""Customers, suppliers and contacts (R-SER-1, R-X-3): validation with python-stdnum, provinces."""
from __future__ import annotations

import pytest

from servicedesk import context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import Party
from servicedesk.permissions import Role
from servicedesk.services import parties

VALID_VAT = "00743110157"
OTHER_VAT = "01234560017"


def codes(err: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in err.errors}


def test_create_customer_normalises_vat_cf_and_province(db):
    p = parties.create_party(name="  Rossi Impianti srl ", vat_number="it 007 431 101 57",
                             fiscal_code=VALID_VAT, province="mi", postal_code="20100",
                             email="info@rossi.it")
    assert p.name == "Rossi Impianti srl"
    assert p.vat_number == "IT00743110157"
    assert p.fiscal_code == VALID_VAT
    assert p.province_id == "MI"
    assert p.code.startswith("C") and len(p.code) == 7
    q = parties.create_party(name="Bianchi")
    assert q.code != p.code


@pytest.mark.parametrize("field,value,code", [
    ("vat_number", "01234567890", "party.vat_invalid"),
    ("vat_number", "12345", "party.vat_format"),
    ("fiscal_code", "RSSMRA85T10A562X", "party.fiscal_code_invalid"),
    ("fiscal_code", "ABC", "party.fiscal_code_format"),
    ("province", "XX", "party.province_unknown"),
    ("postal_code", "2010", "party.postal_code_invalid"),
    ("email", "not-an-email", "party.email_invalid"),
    ("name", "", "required"),
    ("name", "x" * 201, "too_long"),
    ("sdi_code", "12", "party.sdi_invalid"),
])
def test_bad_input_is_refused_with_a_code(db, field, value, code):
    fields = {"name": "Acme", field: value}
    with pytest.raises(ValidationError) as exc:
        parties.create_party(**fields)
    assert codes(exc.value)[field] == code
    assert Party.select().count() == 0


def test_person_fiscal_code_and_foreign_vat(db):
    p = parties.create_party(name="Mario Rossi", fiscal_code="rssmra85t10a562s")
    assert p.fiscal_code == "RSSMRA85T10A562S"
    de = parties.create_party(name="Muster GmbH", country="DE", vat_number="DE136695976")
    assert de.vat_number == "DE136695976"
    with pytest.raises(ValidationError):
        parties.create_party(name="Bad GmbH", country="DE", vat_number="DE13669597")


def test_duplicate_vat_refused_even_without_prefix(db):
    parties.create_party(name="A", vat_number=VALID_VAT)
    with pytest.raises(ValidationError) as exc:
        parties.create_party(name="B", vat_number="IT" + VALID_VAT)
    assert codes(exc.value)["vat_number"] == "party.vat_duplicate"


def test_update_and_conflict(db):
    p = parties.create_party(name="A", vat_number=VALID_VAT)
    mine = Party.get_by_id(p.id)
    theirs = Party.get_by_id(p.id)
    parties.update_party(theirs, city="Milano")
    with pytest.raises(ConflictError):
        parties.update_party(mine, city="Roma")
    assert Party.get_by_id(p.id).city == "Milano"
    with pytest.raises(ValidationError):
        parties.update_party(Party.get_by_id(p.id), is_customer=False, is_supplier=False)


def test_contacts_and_notice_recipients(db):
    p = parties.create_party(name="A")
    c1 = parties.add_contact(p, name="Anna", email="anna@a.it", receives_notices=True)
    parties.add_contact(p, name="Bruno", email="bruno@a.it")
    assert [c.id for c in parties.notice_recipients(p.id)] == [c1.id]
    with pytest.raises(ValidationError):
        parties.add_contact(p, name="", email="x")
    parties.set_contact_archived(c1)
    assert parties.notice_recipients(p.id) == []


def test_technician_may_not_edit_parties(db):
    with context.acting_as(Actor(operator_id=None, role=Role.TECHNICIAN, name="t")):
        with pytest.raises(PermissionDenied):
            parties.create_party(name="A")
