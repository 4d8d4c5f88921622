"""Contract use cases (R-CON-1..3): validation, permissions, locking, coverage, tickets, lists."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import ConflictError, PermissionDenied, ValidationError
from servicedesk.models import AuditLog, Contract, Party, Product, Unit
from servicedesk.permissions import Role
from servicedesk.queries import contracts as q
from servicedesk.services import contracts as svc
from servicedesk.services import renewal_run, renewals, tickets

D = dt.date


@pytest.fixture
def parties(db):
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    customer = Party.create(code="C1", name="Officine Rossi srl", vat_number="IT01234567890",
                            city="Brescia")
    supplier = Party.create(code="S1", name="Ricambi Nord spa", is_customer=False,
                            is_supplier=True, city="Milano")
    return customer, supplier


def base(party_, **kw):
    values = dict(party=party_.id, title="Assistenza full", start_date=D(2026, 1, 1),
                  amount="1.200,50".replace(".", "").replace(",", "."), status="active")
    values.update(kw)
    return values


def codes(info) -> set[str]:
    return {e.code for e in info.value.errors}


def test_create_numbers_and_terms(parties):
    """R-CON-1/2: number generated, derived current term, audit row written."""
    customer, _ = parties
    c = svc.create_contract(base(customer, initial_months=36, renewal_months=12,
                                 tickets_per_term=10))
    assert c.number == "CT-2026-0001"
    assert (c.term_no, c.term_start, c.term_end) == (1, D(2026, 1, 1), D(2028, 12, 31))
    assert c.amount == Decimal("1200.50")
    assert svc.create_contract(base(customer)).number == "CT-2026-0002"
    assert tickets.balance(c.id) == tickets.TicketBalance(10, 0, 10)
    assert AuditLog.select().where(AuditLog.table_name == "contract",
                                   AuditLog.action == "create").count() == 2


@pytest.mark.parametrize("changes, expected", [
    ({"title": ""}, {"required"}),
    ({"title": "x" * 201}, {"too_long"}),
    ({"amount": "-1"}, {"negative"}),
    ({"amount": "abc"}, {"invalid_number"}),
    ({"amount": "1e13"}, {"contracts.amount_too_large"}),
    ({"start_date": "2026-02-30"}, {"invalid_date"}),
    ({"initial_months": 0}, {"contracts.out_of_range"}),
    ({"change_pct": "-150"}, {"contracts.pct_range"}),
    ({"istat_share_pct": "120"}, {"contracts.pct_range"}),
    ({"notice_days": 400}, {"contracts.notice_too_long"}),
    ({"notice_days": -5}, {"negative"}),
    ({"response_hours": 8, "resolution_hours": 4}, {"contracts.resolution_before_response"}),
    ({"renewal_type": "forever"}, {"invalid_choice"}),
    ({"billing_periodicity": "weekly"}, {"invalid_choice"}),
    ({"instalments_count": 500}, {"contracts.out_of_range"}),
    ({"signed_on": D(2027, 1, 1)}, {"contracts.date_in_future"}),
    ({"number": "CT 1; drop"}, {"contracts.number_chars"}),
    ({"party": 9999}, {"not_found"}),
    ({"status": "closed"}, {"contracts.bad_transition"}),
])
def test_create_validation(parties, changes, expected):
    customer, _ = parties
    with pytest.raises(ValidationError) as info:
        svc.create_contract(base(customer, **changes))
    assert codes(info) == expected
    assert Contract.select().count() == 0  # nothing written


def test_party_must_match_direction(parties):
    """R-CON-1: a customer for an active contract, a supplier for a passive one."""
    customer, supplier = parties
    with pytest.raises(ValidationError) as info:
        svc.create_contract(base(supplier))
    assert codes(info) == {"contracts.party_not_customer"}
    with pytest.raises(ValidationError) as info:
        svc.create_contract(base(customer, direction="passive"))
    assert codes(info) == {"contracts.party_not_supplier"}
    assert svc.create_contract(base(supplier, direction="passive")).direction == "passive"


def test_number_unique(parties):
    customer, _ = parties
    svc.create_contract(base(customer, number="A-1"))
    with pytest.raises(ValidationError) as info:
        svc.create_contract(base(customer, number="A-1"))
    assert codes(info) == {"contracts.number_taken"}


def test_update_with_stale_version_conflicts(parties):
    """R-X-1: an edit from another workstation is never silently overwritten."""
    customer, _ = parties
    c = svc.create_contract(base(customer))
    svc.update_contract(c.id, c.version, {"amount": "1300"})
    with pytest.raises(ConflictError) as info:
        svc.update_contract(c.id, c.version, {"amount": "1400"})
    assert "amount" in {ch.field for ch in info.value.changes}
    assert c.reload().amount == Decimal("1300.00")


def test_update_recomputes_term_and_is_audited(parties):
    customer, _ = parties
    c = svc.create_contract(base(customer))
    c = svc.update_contract(c.id, c.version, {"start_date": D(2026, 2, 1), "initial_months": 24})
    assert (c.term_start, c.term_end) == (D(2026, 2, 1), D(2028, 1, 31))
    fields = {a.field for a in AuditLog.select().where(AuditLog.action == "update")}
    assert {"start_date", "initial_months", "term_end"} <= fields


def test_term_locked_after_renewal(parties):
    customer, _ = parties
    clock.freeze(dt.datetime(2025, 1, 1, 9))
    c = svc.create_contract(base(customer, start_date=D(2025, 1, 1)))
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    renewal_run.run()
    c = c.reload()
    with pytest.raises(ValidationError) as info:
        svc.update_contract(c.id, c.version, {"start_date": D(2025, 2, 1)})
    assert codes(info) == {"contracts.term_locked"}
    # the renewal duration may change: it applies from the next renewal
    c = svc.update_contract(c.id, c.version, {"renewal_months": 24})
    assert c.term_end == D(2026, 12, 31)


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.COORDINATOR])
def test_only_contract_editors_may_write(parties, role):
    """Permissions are enforced in the core: technicians and coordinators cannot change
    a contract amount (nor create contracts, top up tickets, set coverage)."""
    customer, _ = parties
    c = svc.create_contract(base(customer))
    with context.acting_as(Actor(operator_id=None, role=role, name="x")):
        with pytest.raises(PermissionDenied):
            svc.update_contract(c.id, c.version, {"amount": "1"})
        with pytest.raises(PermissionDenied):
            svc.create_contract(base(customer))
        with pytest.raises(PermissionDenied):
            svc.top_up(c.id, 5)
        with pytest.raises(PermissionDenied):
            svc.set_coverage(c.id, [], [])
    assert c.reload().amount == Decimal("1200.50")


def test_status_transitions(parties):
    customer, _ = parties
    c = svc.create_contract(base(customer, status="draft"))
    c = svc.set_status(c.id, c.version, "active")
    c = svc.set_status(c.id, c.version, "suspended")
    c = svc.set_status(c.id, c.version, "closed")
    with pytest.raises(ValidationError) as info:
        svc.set_status(c.id, c.version, "active")
    assert codes(info) == {"contracts.bad_transition"}


def test_notice(parties):
    customer, _ = parties
    c = svc.create_contract(base(customer))
    with pytest.raises(ValidationError) as info:
        svc.give_notice(c.id, c.version, D(2026, 4, 1))
    assert codes(info) == {"contracts.date_in_future"}
    c = svc.give_notice(c.id, c.version, D(2026, 2, 20))
    assert not renewals.will_renew(c)
    c = svc.give_notice(c.id, c.version, None)
    assert renewals.will_renew(c)


def test_coverage_only_units_of_the_party(parties):
    customer, supplier = parties
    product = Product.create(code="P1", name="Caldaia X200")
    mine = Unit.create(product=product, serial="SN-1", owner=customer)
    other = Unit.create(product=product, serial="SN-2", owner=supplier)
    c = svc.create_contract(base(customer))
    with pytest.raises(ValidationError) as info:
        svc.set_coverage(c.id, [product.id], [mine.id, other.id])
    assert codes(info) == {"contracts.unit_not_of_party"}
    svc.set_coverage(c.id, [product.id], [mine.id])
    products, units = svc.coverage(c.id)
    assert [p.code for p in products] == ["P1"] and [u.serial for u in units] == ["SN-1"]
    svc.set_coverage(c.id, [], [])
    assert svc.coverage(c.id) == ([], [])


def test_ticket_top_up(parties):
    """R-CON-3: top-ups are ledger credits; the balance is their sum."""
    customer, _ = parties
    c = svc.create_contract(base(customer, tickets_per_term=5))
    svc.top_up(c.id, 3, "acquisto pacchetto")
    assert tickets.balance(c.id) == tickets.TicketBalance(8, 0, 8)
    for bad in (0, -2, "x"):
        with pytest.raises(ValidationError):
            svc.top_up(c.id, bad)


def test_list_filters_and_alerts(parties):
    """Lists filter by party, status, expiring soon; alerts for notice period and expiry."""
    customer, supplier = parties
    a = svc.create_contract(base(customer, title="Notice soon", start_date=D(2025, 6, 1),
                                 notice_days=90))  # ends 31/05/2026, cancel-by 02/03/2026
    b = svc.create_contract(base(customer, title="Expiring", start_date=D(2025, 4, 15),
                                 renewal_type="none", notice_days=10))  # ends 14/04/2026
    c = svc.create_contract(base(supplier, direction="passive", title="Far",
                                 start_date=D(2026, 1, 1)))
    d = svc.create_contract(base(customer, title="Draft", status="draft",
                                 start_date=D(2025, 4, 1), notice_days=10))
    assert set(q.ids(q.ContractFilter(party_id=customer.id))) == {a.id, b.id, d.id}
    assert q.ids(q.ContractFilter(status="draft")) == [d.id]
    assert q.ids(q.ContractFilter(direction="passive")) == [c.id]
    assert q.ids(q.ContractFilter(text="rossi", status="active")) == [b.id, a.id]
    assert q.ids(q.ContractFilter(text="01234567890", status="active"), sort="number") == [a.id, b.id]
    assert q.ids(q.ContractFilter(expiring_days=60)) == [b.id]
    alerts = q.alerts(days=60)
    assert alerts.notice == [a.id] and alerts.expiring == [b.id]
    assert q.count(q.ContractFilter(alerts_only=True)) == 2
    rows = {r.id: r for r in q.rows([a.id, b.id, c.id])}
    assert rows[a.id].alert == "notice" and rows[b.id].alert == "expiring"
    assert rows[a.id].cancel_by == D(2026, 3, 2)
    assert rows[c.id].alert == "" and rows[c.id].tickets_remaining is None
    svc.set_alert_days(120)
    assert q.alert_days() == 120
    assert q.alerts().days == 120
    with pytest.raises(ValidationError):
        svc.set_alert_days(0)


def test_party_picker(parties):
    customer, supplier = parties
    assert [p.name for p in q.parties("brescia")] == [customer.name]
    assert [p.name for p in q.parties("0123456")] == [customer.name]
    assert [p.name for p in q.parties("", direction="passive")] == [supplier.name]


# -- issue #15 case 6: the default notice adapts to the term ------------------------------------
@pytest.mark.parametrize("initial, renewal, notice", [
    (1, 1, 7),     # monthly: 7 days per month of term
    (3, 3, 21),    # quarterly
    (6, 6, 42),
    (11, 11, 77),
    (12, 12, 90),  # a year or more: 90 days
    (36, 12, 90),
    (12, 1, 7),    # a yearly first term renewed monthly: the shorter term decides
])
def test_default_notice_adapts_to_the_term(parties, initial, renewal, notice):
    """R-CON-4: a new contract without a notice typed gets 90 days, or 7 days per month when
    its terms are shorter than a year — so a monthly contract saves at once."""
    customer, _ = parties
    c = svc.create_contract(base(customer, initial_months=initial, renewal_months=renewal))
    assert c.notice_days == notice
    assert renewals.contract_cancel_by(c) >= c.term_start


def test_notice_too_long_says_what_to_do(parties):
    """R-CON-4: a typed notice that does not fit is refused with the term's length, the most
    that fits and the usual value (monthly term of January 2026: 31 days → at most 30, usual 7)."""
    customer, _ = parties
    with pytest.raises(ValidationError) as info:
        svc.create_contract(base(customer, initial_months=1, renewal_months=1, notice_days=90))
    (err,) = info.value.errors
    assert (err.field, err.code) == ("notice_days", "contracts.notice_too_long")
    # the shorter term is the next one, February 2026: 28 days
    assert err.params == {"notice": 90, "days": 28, "max": 27, "default": 7}
    c = svc.create_contract(base(customer, initial_months=1, renewal_months=1, notice_days=27))
    assert c.notice_days == 27
