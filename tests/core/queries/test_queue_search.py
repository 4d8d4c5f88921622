"""Searching requests: VAT numbers however typed, names and serials by trigrams, the closed
requests a search of the open queue misses (R-REQ-2, R-SER-2, R-ANA-1, #12, #18)."""
from __future__ import annotations

import pytest

from servicedesk.models import Party, Product, ServiceRequest, Unit
from servicedesk.queries import analysis as A
from servicedesk.queries import requests as q
from servicedesk.services import parties as party_svc
from servicedesk.services import requests as svc
from tests.core.services.test_requests import make_world, new_input

OPEN, CLOSED, ALL = q.QueueSpec(), q.QueueSpec(status_group="closed"), q.QueueSpec(status_group="all")


def _found(spec: q.QueueSpec, text: str) -> set[int]:
    return set(q.queue_ids(spec.with_(text=text)))


def _analysed(text: str) -> set[int]:
    return set(A.query("requests", A.RequestSpec(text=text)).ids())


@pytest.fixture
def world(db):
    w = make_world()  # Rossi Impianti: IT01234567890, as the party service stores it
    digits_only = Party.create(code="C003", name="Verdi Termotecnica", city="Bergamo",
                               province="BG", vat_number="09876543210")  # imported: no "IT"
    w["verdi"] = digits_only
    w["rossi_req"] = svc.create_request(new_input(w))
    w["verdi_req"] = svc.create_request(new_input(w, customer_id=digits_only.id, unit_ids=[]))
    return w


@pytest.mark.parametrize("typed", ["IT01234567890", "01234567890", "IT 0123 4567 890",
                                   "it01234567890", "0123456 7890", "IT-01234567890"])
def test_vat_number_with_or_without_it_and_spaces(world, typed):
    """#12: the VAT number finds the request with or without "IT", with spaces or dashes."""
    rossi = world["rossi_req"].id
    assert rossi in _found(OPEN, typed)
    assert rossi in _found(ALL, typed)
    assert rossi in _analysed(typed)


@pytest.mark.parametrize("typed", ["09876543210", "IT09876543210", "IT 098 765 432 10"])
def test_vat_number_stored_without_it_is_found_too(world, typed):
    verdi = world["verdi_req"].id
    assert _found(OPEN, typed) == {verdi} == _found(ALL, typed) == _analysed(typed)


def test_vat_prefixes():
    assert q.vat_prefixes("IT 0123 4567 890") == ["01234567890", "IT01234567890"]
    assert q.vat_prefixes("01234") == ["01234", "IT01234"]
    assert q.vat_prefixes("DE123456789") == ["DE123456789"]
    assert q.vat_prefixes("caldaia") == ["CALDAIA"]


def test_names_and_serials_by_substring(world):
    """A part of a customer's name or of a serial number finds its requests, in the queue and
    in the analysis; short and wildcard texts still work (no index for them)."""
    rossi = world["rossi_req"].id
    for text in ("ssi Impia", "rossi", "Ro"):
        assert rossi in _found(ALL, text) and rossi in _analysed(text), text
    assert rossi in _found(ALL, "mil")  # the city, by its start
    assert set(A.query("requests", A.RequestSpec(serial="2024-0001")).ids()) == {rossi}
    assert set(A.query("requests", A.RequestSpec(serial="-0")).ids()) == {rossi}
    Party.update(name="Rossi 100% Impianti").where(Party.id == world["cust"].id).execute()
    assert rossi in _found(ALL, "100%") and not _found(ALL, "10%x")


def test_trigram_indexes_follow_renames_and_new_rows(world):
    """The name and serial indexes are kept in step with the tables (triggers)."""
    rossi = world["rossi_req"].id
    party_svc.update_party(world["cust"], name="Zanzibar Clima S.r.l.")
    assert rossi in _found(ALL, "zanzibar") and rossi not in _found(ALL, "ssi Impia")
    Unit.update(serial="QQ-777-ABC").where(Unit.id == world["unit"].id).execute()
    assert set(A.query("requests", A.RequestSpec(serial="777-A")).ids()) == {rossi}
    assert not A.query("requests", A.RequestSpec(serial="2024-0001")).ids()
    prod = Product.get()
    new_unit = Unit.create(product=prod, serial="NEWSERIAL-9", owner=world["other"])
    other = svc.create_request(new_input(world, customer_id=world["other"].id,
                                         unit_ids=[new_unit.id]))
    assert set(A.query("requests", A.RequestSpec(serial="SERIAL-9")).ids()) == {other.id}


def test_closed_matches_counts_what_the_open_search_misses(world):
    """#12: nothing open matches, two closed requests do: the queue can offer to show them."""
    w = world
    done = [svc.create_request(new_input(w, subject="Frigorifero guasto",
                                         description="Il frigorifero non raffredda"))
            for _ in range(2)]
    ServiceRequest.update(status="closed").where(
        ServiceRequest.id.in_([r.id for r in done])).execute()
    spec = OPEN.with_(text="frigorifero")
    assert q.queue_ids(spec) == []
    assert q.closed_matches(spec) == 2
    assert set(q.queue_ids(spec.with_(status_group="closed"))) == {r.id for r in done}
    assert q.closed_matches(spec.with_(urgency="overdue")) == 2  # no SLA clock when closed
    assert q.closed_matches(spec.with_(team_id=-1)) == 0  # the other filters still apply
    assert q.closed_matches(OPEN) == 0  # no search, nothing to offer
