"""The rows the renewal run writes in bulk (#18 renewal_run_year): keys as every other row's,
each row on its own contract and term."""
from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from servicedesk import clock
from servicedesk.models import ContractRenewal, Instalment, IstatIndex, Party, TicketMovement
from servicedesk.services import contracts as svc
from servicedesk.services import renewal_run
from servicedesk.services.renewal_run import _uuids

D = dt.date


def test_bulk_uuids_are_random_version_4():
    keys = _uuids(2000)
    assert len(set(keys)) == 2000
    for key in keys:
        parsed = uuid.UUID(hex=key)
        assert parsed.hex == key and parsed.version == 4 and parsed.variant == uuid.RFC_4122
    assert _uuids(0) == [] and len(_uuids(1)) == 1


def test_run_rows_have_their_own_keys_and_contracts(db):
    IstatIndex.delete().execute()
    party = Party.create(code="C1", name="Officine Rossi srl", is_customer=True)
    clock.freeze(dt.datetime(2023, 1, 1, 9))
    contracts = [svc.create_contract(dict(
        party=party.id, title=f"Assistenza {n}", start_date=D(2023, 1, 1), initial_months=12,
        renewal_months=12, amount=Decimal(1000 + n), status="active", instalments_count=4,
        billing_periodicity="quarterly", tickets_per_term=5)) for n in range(6)]
    before = {m: {r.uuid for r in m.select(m.uuid)}
              for m in (ContractRenewal, TicketMovement, Instalment)}
    clock.freeze(dt.datetime(2024, 1, 2, 9))
    result = renewal_run.run()
    assert [i.action for i in result.items] == ["renewed"] * 6
    for model in (ContractRenewal, TicketMovement, Instalment):
        new = [r for r in model.select() if r.uuid not in before[model]]
        keys = [r.uuid for r in new]
        assert len(set(keys)) == len(keys) > 0
        assert all(uuid.UUID(hex=k).version == 4 for k in keys)
        assert all(r.version == 1 and r.created_at is not None for r in new)
    for n, c in enumerate(contracts):
        renewal = ContractRenewal.get(ContractRenewal.contract == c.id)
        assert (renewal.from_term_no, renewal.new_amount) == (1, Decimal(1000 + n))
        plan = Instalment.select().where(Instalment.contract == c.id, Instalment.term_no == 2)
        assert sum(i.amount for i in plan) == Decimal(1000 + n) and plan.count() == 4
        credit = TicketMovement.get(TicketMovement.contract == c.id,
                                    TicketMovement.kind == "renewal")
        assert (credit.quantity, credit.term_no) == (5, 2)
