"""The results table's read path (#13): every id of a selection in table order, rows by id, a
long query stopped when its answer is no longer wanted, and what a row opens."""
from __future__ import annotations

import threading

import pytest

from servicedesk.models import WorkLog
from servicedesk.queries import analysis as A

from tests.core.queries.test_analysis import build_dataset


@pytest.mark.parametrize("subject", ["requests", "interventions", "worklogs", "contracts"])
def test_id_list_is_the_table_order_for_every_column(db, subject):
    build_dataset()
    q = A.query(subject)
    for column in q.columns:
        for descending in (False, True):
            sort = (column.key, descending)
            ids = q.id_list(sort)
            assert ids == q.ids(sort), sort  # the same order as with every display join
            assert len(ids) == q.count()
            # the pages the table fetches by id are the rows of the old OFFSET pages
            page = q.page(0, 25, sort)
            by_id = q.rows_by_id(ids[:25])
            assert [by_id[i] for i in ids[:25]] == page, sort


def test_id_list_of_a_filter(db):
    data = build_dataset()
    spec = A.RequestSpec(provinces=("MI",), statuses=("closed", "resolved"))
    ids = A.query("requests", spec).id_list(("customer", False))
    expected = {r["id"] for r in data["requests"] if r["province"] == "MI"
                and r["status"] in ("closed", "resolved")}
    assert set(ids) == expected and len(ids) == len(expected) > 0


def test_a_cancelled_query_stops_with_query_cancelled(db):
    build_dataset(requests=300)
    q = A.query("worklogs")
    asked = []

    def cancelled() -> bool:
        asked.append(threading.get_ident())
        return True  # the user sorted again meanwhile

    with pytest.raises(A.QueryCancelled):
        q.id_list(("customer", False), cancelled=cancelled)
    assert asked  # SQLite asked while it worked
    # the connection is usable afterwards (the progress handler is gone)
    assert q.id_list(("customer", False), cancelled=lambda: False) == q.ids(("customer", False))


def test_a_row_opens_its_record(db):
    build_dataset()
    log = WorkLog.select().first()
    assert A.record_of("worklogs", log.id) == ("request", log.request_id)
    assert A.record_of("worklogs", 10**9) is None
    assert A.record_of("requests", 5) == ("request", 5)
    assert A.record_of("interventions", 7) == ("intervention", 7)
    assert A.record_of("contracts", 2) == ("contract", 2)
