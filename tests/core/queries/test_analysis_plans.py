"""Every analysis filter combination is served by an index, never a scan of its table (#18,
R-ANA-1, R-X-5).

The plans are taken on the small demo database carrying the large demo database's statistics
(``tests/large_stat1.json``): SQLite then plans it as the large one (the benchmark checks the
same table on the large database, ``tests/benchmarks/analysis_plans.py`` refreshes the file).
"""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from servicedesk.db import open_database
from servicedesk.queries import analysis as A
from tests.analysis_plans import EXPECTED, load_stats, plans, scans, serving_index


@pytest.fixture
def planned(demo_template, tmp_path):
    target = tmp_path / "planned.db"
    shutil.copy(demo_template, target)
    con = sqlite3.connect(target)
    load_stats(con)
    con.close()
    database = open_database(target)
    con = sqlite3.connect(target)  # a new connection reads the statistics
    yield plans(con, A)
    con.close()
    database.close()


def test_each_combination_is_served_by_its_index(planned):
    found = {n: (serving_index(count), serving_index(page)) for n, (count, page) in planned.items()}
    assert found == EXPECTED


def test_no_combination_scans_a_table(planned):
    """No table read row by row, no full-text table read without its index, no count of a
    filtered selection that walks every entry of an index."""
    bad = {n: scans(n, count, True) + scans(n, page, False) for n, (count, page) in planned.items()}
    assert {n: lines for n, lines in bad.items() if lines} == {}


def test_free_text_uses_the_full_text_indexes(planned):
    """Free text over the whole history goes through the indexes the queue uses: words by FTS5,
    customer names by trigrams, numbers, VAT numbers and serials by their indexes."""
    count, page = planned[16]
    for lines in (count, page):
        text = " | ".join(lines)
        assert "request_fts VIRTUAL TABLE INDEX 0:M" in text
        assert "party_name_fts VIRTUAL TABLE INDEX 0:L" in text
        assert "party_vat_number" in text and "unit_serial_nocase" in text


def test_scan_detection_fails_on_a_scan():
    """The check above can fail: a plan reading a table row by row is reported."""
    assert scans(4, ["SCAN t1", "SEARCH party USING INDEX party_province (province=?)"], True)
    assert scans(4, ["SCAN t1 USING COVERING INDEX service_request_customer_id"], True)
    assert scans(16, ["SCAN party_name_fts VIRTUAL TABLE INDEX 0:"], False)
    assert not scans(1, ["SCAN t1 USING COVERING INDEX service_request_customer_id"], True)
    assert not scans(3, ["SCAN t1 USING INDEX service_request_opened_at"], False)
