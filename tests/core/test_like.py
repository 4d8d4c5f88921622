"""One helper for LIKE patterns (#14): % and _ typed by the user match themselves, everywhere
(serial lookup, registry and contract pickers, customer search, analysis filters) (R-SER-2)."""
from __future__ import annotations

import datetime as dt

import pytest

from servicedesk import like
from servicedesk.models import Contract, Party, Product, Unit
from servicedesk.queries import contracts as contract_q
from servicedesk.queries import registry, requests as request_q, serials
from servicedesk.queries.analysis import lookups


def test_escape_and_patterns():
    assert like.escape("A_1%\\") == "A\\_1\\%\\\\"
    assert like.pattern("5%", "contains") == "%5\\%%"
    assert like.pattern("AB_", "starts") == "AB\\_%"
    assert like.pattern("x", "ends") == "%x"
    assert like.pattern("x_y", "equals") == "x\\_y"
    with pytest.raises(ValueError):
        like.pattern("x", "around")


@pytest.fixture
def odd(db):
    """Records whose codes hold LIKE wildcards, and look-alikes that a wildcard would match."""
    acme = Party.create(code="C%1", name="Sconti 50% Srl", city="Milano", vat_number="IT00743110157")
    other = Party.create(code="C21", name="Sconti 500 Srl", city="Monza")
    under = Party.create(code="C_2", name="Alfa_Beta Spa", city="Torino")
    printer = Product.create(code="PR_1", name="Stampante 100%")
    boiler = Product.create(code="PRX1", name="Caldaia 1000")
    units = {serial: Unit.create(serial=serial, product=printer, owner=acme)
             for serial in ("AB_100%", "AB%7", "ABX1000", "ab\\9")}
    Contract.create(number="CT_2026_1", title="Assistenza 100%", party=acme,
                    start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                    term_end=dt.date(2026, 12, 31))
    Contract.create(number="CTX2026X1", title="Assistenza 1000", party=other,
                    start_date=dt.date(2026, 1, 1), term_start=dt.date(2026, 1, 1),
                    term_end=dt.date(2026, 12, 31))
    return acme, other, under, printer, boiler, units


def test_serial_lookup_finds_serials_with_wildcards(odd):
    assert [h.serial for h in serials.find_units("AB_")] == ["AB_100%"]
    assert [h.serial for h in serials.find_units("ab_100%")] == ["AB_100%"]
    assert [h.serial for h in serials.find_units("AB%")] == ["AB%7"]
    assert [h.serial for h in serials.find_units("ab\\")] == ["ab\\9"]
    assert {h.serial for h in serials.find_units("AB")} == {"AB_100%", "AB%7", "ABX1000", "ab\\9"}
    assert serials.find_units("%") == [] and serials.find_units("_") == []


def test_registry_pickers_take_wildcards_literally(odd):
    names = lambda text: [r.name for r in registry.parties(registry.PartyFilter(text=text))]  # noqa: E731
    assert names("%") == ["Sconti 50% Srl"]
    assert names("_") == ["Alfa_Beta Spa"]
    assert names("50%") == ["Sconti 50% Srl"]
    assert [r.code for r in registry.products("_")] == ["PR_1"]
    assert [r.code for r in registry.products("%")] == ["PR_1"]
    assert [r.serial for r in registry.units(registry.UnitFilter(text="AB_"))] == ["AB_100%"]
    assert [r.serial for r in registry.units(registry.UnitFilter(text="AB%"))] == ["AB%7"]


def test_contract_list_and_party_picker_take_wildcards_literally(odd):
    acme = odd[0]
    found = contract_q.ids(contract_q.ContractFilter(text="_2026_"))
    assert [Contract.get_by_id(i).number for i in found] == ["CT_2026_1"]
    assert [Contract.get_by_id(i).number for i in contract_q.ids(contract_q.ContractFilter(text="100%"))] == ["CT_2026_1"]
    assert [p.name for p in contract_q.parties("%")] == [acme.name]


def test_customer_search_and_analysis_lookups_take_wildcards_literally(odd):
    assert [h.name for h in request_q.find_customers("50%")] == ["Sconti 50% Srl"]
    assert [h.name for h in request_q.find_customers("_")] == ["Alfa_Beta Spa"]
    assert [label for _, label in lookups.search("customer", "%")] == ["Sconti 50% Srl"]
    assert [label for _, label in lookups.search("customer", "a_b")] == ["Alfa_Beta Spa"]


@pytest.mark.sqlite_only  # SQLite's query plan
def test_prefix_search_with_escape_still_uses_the_serial_index(odd, db):
    sql, params = (Unit.select(Unit.id).where(like.starts(Unit.serial, "AB_"))).sql()
    plan = " ".join(str(r) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
    assert "unit_serial_nocase" in plan, plan
