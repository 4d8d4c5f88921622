"""Registry and maintenance-plan pages on the large demo database (#13, R-SER-1, R-MNT-1).

The list-and-editor page reads the ids of its list on a worker (``*_ids``: the whole list, by
name or serial), then display rows a page (64) at a time on the GUI thread (``*_rows_page``);
opening a record reads its snapshot and related lists on the GUI thread (``*_open``): those
two must stay well inside the 100 ms event-loop budget; the ids, off the GUI thread, within a
second so the list appears at once.
"""
from __future__ import annotations

from harness import Bench, captured_sql, replay


def benchmarks(env) -> list[Bench]:
    from servicedesk.queries import maintenance as mq
    from servicedesk.queries import registry as rq

    party_ids = rq.party_ids(rq.PartyFilter())
    unit_ids = rq.unit_ids(rq.UnitFilter())
    plan_ids = mq.plan_ids(mq.PlanFilter())
    middle_party = party_ids[len(party_ids) // 2]
    busy_unit = rq.unit_ids(rq.UnitFilter())[len(unit_ids) // 3]
    page_units = unit_ids[len(unit_ids) // 2:len(unit_ids) // 2 + 64]
    page_parties = party_ids[len(party_ids) // 2:len(party_ids) // 2 + 64]

    def open_party() -> None:
        rq.party(middle_party)
        rq.contacts(middle_party)
        rq.units(rq.UnitFilter(owner_id=middle_party), limit=2000)

    def open_unit() -> None:
        rq.unit(busy_unit)
        rq.request_history(busy_unit)
        rq.contracts_covering(busy_unit)
        rq.ownership_history(busy_unit)
        mq.plans_of_unit(busy_unit)

    def all_parties() -> None:
        rq.party_ids(rq.PartyFilter())

    def all_units() -> None:
        rq.unit_ids(rq.UnitFilter())

    def search_units() -> None:
        rq.unit_ids(rq.UnitFilter(text="caldaia"))

    note = (f"{len(party_ids):,} parties, {len(unit_ids):,} units, {len(plan_ids):,} plans")
    return [
        Bench("registry_party_ids", all_parties, "p95 <= 300 ms (on a worker)", 300.0,
              limit=replay(env.path, captured_sql(env.db, all_parties)), repeat=10, note=note),
        Bench("registry_unit_ids", all_units, "p95 <= 1000 ms (on a worker)", 1000.0,
              limit=replay(env.path, captured_sql(env.db, all_units)), repeat=10),
        Bench("registry_unit_search", search_units, "p95 <= 1000 ms (on a worker)", 1000.0,
              repeat=10),
        Bench("registry_party_rows_page", lambda: rq.party_rows(page_parties),
              "p95 <= 20 ms (GUI thread)", 20.0),
        Bench("registry_unit_rows_page", lambda: rq.unit_rows(page_units),
              "p95 <= 20 ms (GUI thread)", 20.0),
        Bench("registry_party_open", open_party, "p95 <= 50 ms (GUI thread)", 50.0),
        Bench("registry_unit_open", open_unit, "p95 <= 50 ms (GUI thread)", 50.0),
        Bench("maintenance_plan_ids", lambda: mq.plan_ids(mq.PlanFilter()),
              "p95 <= 300 ms (on a worker)", 300.0, repeat=10),
        Bench("maintenance_plan_rows_page", lambda: mq.plan_rows(plan_ids[:64]),
              "p95 <= 50 ms (GUI thread)", 50.0),
    ]
