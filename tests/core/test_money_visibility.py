"""Money shown only to who may see it (#14, R-CON-2, R-CON-5): one rule (permissions.sees_money,
the permission analysis already uses) in every contract query — list rows, sorting, instalments,
the next one due, the plan check, renewal history."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from servicedesk import clock, context
from servicedesk.context import Actor
from servicedesk.errors import PermissionDenied
from servicedesk.models import ContractRenewal, Party
from servicedesk.permissions import Role, sees_money
from servicedesk.queries import contracts as q
from servicedesk.services import billing, renewals
from servicedesk.services import contracts as svc

D = dt.date


@pytest.fixture
def contracts(db):
    clock.freeze(dt.datetime(2026, 3, 1, 9))
    party = Party.create(code="C1", name="Officine Rossi srl", city="Brescia")
    cheap = svc.create_contract(dict(party=party.id, title="Piccolo", start_date=D(2026, 1, 1),
                                     amount="100.00", status="active", instalments_count=2))
    dear = svc.create_contract(dict(party=party.id, title="Grande", start_date=D(2026, 2, 1),
                                    amount="9000.00", status="active", instalments_count=4))
    ContractRenewal.create(contract=dear, from_term_no=1, kind="proposal", status="proposed",
                           new_term_start=D(2027, 2, 1), new_term_end=D(2028, 1, 31),
                           old_amount=Decimal("9000.00"), new_amount=Decimal("9270.00"),
                           change_pct=Decimal("3"), istat_share_pct=Decimal("0"),
                           processed_on=D(2026, 3, 1), old_term_end=D(2027, 1, 31))
    return cheap, dear


@pytest.mark.parametrize("role, money", [(Role.TECHNICIAN, False), (Role.COORDINATOR, False),
                                         (Role.MANAGER, True), (Role.ADMIN, True)])
def test_contract_queries_give_amounts_only_to_who_may_see_money(contracts, role, money):
    cheap, dear = contracts
    with context.acting_as(Actor(operator_id=None, role=role, name="x")):
        assert sees_money() is money
        rows = {r.id: r for r in q.rows([cheap.id, dear.id])}
        assert (rows[dear.id].amount == Decimal("9000.00")) if money else rows[dear.id].amount is None
        order = q.ids(q.ContractFilter(), sort="amount", descending=True)
        # sorting by amount would tell the amounts: the order falls back to the term end
        assert order == ([dear.id, cheap.id] if money else q.ids(q.ContractFilter(), sort="term_end", descending=True))
        plan = billing.instalments(dear.id)
        assert len(plan) == 4
        assert all((i.amount is not None) is money for i in plan)
        nxt = billing.next_due(dear.id)
        assert nxt is not None and (nxt.amount is not None) is money
        history = renewals.history(dear.id)
        assert (history[0].new_amount == Decimal("9270.00")) if money else history[0].new_amount is None
        if money:
            assert billing.check(dear.id).total == Decimal("9000.00")
        else:
            with pytest.raises(PermissionDenied):
                billing.check(dear.id)
    assert q.rows([dear.id])[0].amount == Decimal("9000.00")  # the system (admin) again
