"""Products and serial-numbered units (R-SER-1): serial unique per product, moves keep history."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import clock
from servicedesk.errors import ValidationError
from servicedesk.models import Unit
from servicedesk.services import parties, products, units


@pytest.fixture
def setup(db):
    a = parties.create_party(name="Alfa")
    b = parties.create_party(name="Beta")
    prod = products.create_product(code="boil-24", name="Caldaia 24 kW", warranty_months=24)
    return a, b, prod


def test_product_code_unique_and_uppercased(setup):
    _, _, prod = setup
    assert prod.code == "BOIL-24"
    with pytest.raises(ValidationError):
        products.create_product(code="Boil-24", name="dup")
    with pytest.raises(ValidationError):
        products.create_product(code="X", name="Y", warranty_months=-1)


def test_serial_unique_per_product_case_insensitive(setup):
    a, b, prod = setup
    units.create_unit(product=prod, serial="SN-001", owner=a)
    with pytest.raises(ValidationError) as exc:
        units.create_unit(product=prod, serial=" sn-001 ", owner=b)
    assert exc.value.errors[0].code == "unit.serial_duplicate"
    other = products.create_product(code="P2", name="Other")
    units.create_unit(product=other, serial="SN-001", owner=b)  # same serial, other product: fine


def test_warranty_default_and_dates_checked(setup):
    a, _, prod = setup
    u = units.create_unit(product=prod, serial="S1", owner=a, install_date="31/01/2024")
    assert u.install_date == dt.date(2024, 1, 31)
    assert u.warranty_end == dt.date(2026, 1, 30)
    with pytest.raises(ValidationError) as exc:
        units.create_unit(product=prod, serial="S2", owner=a, install_date="2024-05-01",
                          warranty_end="2024-04-01")
    assert exc.value.errors[0].code == "end_before_start"
    with pytest.raises(ValidationError) as exc:
        units.create_unit(product=prod, serial="S3", owner=a, install_date="31/02/2024")
    assert exc.value.errors[0].code == "invalid_date"


def test_move_keeps_history(setup):
    a, b, prod = setup
    clock.freeze(dt.datetime(2025, 3, 1, 10, 0))
    u = units.create_unit(product=prod, serial="S1", owner=a, install_date=dt.date(2024, 1, 10))
    units.move_unit(u, b, on=dt.date(2025, 3, 1))
    hist = units.ownership_history(u.id)
    assert [(h.owner_id, h.since, h.until) for h in hist] == [
        (a.id, dt.date(2024, 1, 10), dt.date(2025, 3, 1)), (b.id, dt.date(2025, 3, 1), None)]
    assert Unit.get_by_id(u.id).owner_id == b.id
    with pytest.raises(ValidationError):
        units.move_unit(Unit.get_by_id(u.id), a, on=dt.date(2020, 1, 1))
