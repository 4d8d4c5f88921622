"""The request index build (R-KB-2, issue #18): in batches with progress, resumed where it
stopped, never indexing a request twice, term counts equal to a count from scratch."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from servicedesk.models import Party, Priority, ServiceRequest
from servicedesk.search import index as search_index
from servicedesk.search.text import terms

TEXTS = ["La caldaia perde acqua dalla valvola", "Stampante HL-L6400DW inceppata",
         "Il condizionatore non raffredda", "Errore E 33 sul display della caldaia"]


@pytest.fixture
def requests(db):
    customer = Party.create(code="C1", name="Rossi")
    prio = Priority.get(Priority.code == "normal")
    out = []
    for i in range(40):
        status = "in_progress" if i % 10 == 9 else "resolved"  # not indexed
        out.append(ServiceRequest.create(
            number=f"RS-{i:04d}", customer=customer, subject=f"Richiesta {i}",
            description=TEXTS[i % len(TEXTS)], priority=prio, status=status,
            opened_at=dt.datetime(2026, 1, 5, 9), final_report=f"Intervento n. {i} eseguito"))
    return out


def expected_terms(db) -> dict[str, int]:
    df: Counter = Counter()
    rows = db.execute_sql("SELECT subject, description, final_report FROM service_request "
                          "WHERE status IN ('resolved', 'closed') AND final_report != ''")
    for subject, description, report in rows:
        df.update(set(terms(f"{subject}\n{description}")) | set(terms(report)))
        df[""] += 1
    return dict(df)


def stored_terms(db) -> dict[str, int]:
    return dict(db.execute_sql("SELECT term, docs FROM kb_request_terms WHERE docs > 0"))


def indexed(db) -> list[int]:
    table = "kb_request_index" if db.dialect == "postgresql" else "kb_request_fts"  # issue 17
    key = "request_id" if db.dialect == "postgresql" else "rowid"
    return [r[0] for r in db.execute_sql(f"SELECT {key} FROM {table} ORDER BY {key}")]


def test_build_in_batches_with_progress(db, requests):
    seen: list[tuple[int, int]] = []
    assert search_index.rebuild_request_index(progress=lambda d, t: seen.append((d, t)),
                                              batch=7) == 36
    assert seen == [(7, 36), (14, 36), (21, 36), (28, 36), (35, 36), (36, 36)]
    assert indexed(db) == [r.id for r in requests if r.status == "resolved"]
    assert stored_terms(db) == expected_terms(db)
    assert search_index.index_status().ok
    vocab = ("ts_stat('SELECT words FROM kb_request_index')" if db.dialect == "postgresql"
             else "kb_request_vocab")
    assert db.execute_sql(f"SELECT count(*) FROM {vocab}").fetchone()[0] > 0


@pytest.mark.sqlite_only  # FTS5's batched build; PostgreSQL rebuilds with COPY in one pass
def test_an_interrupted_build_goes_on_where_it_stopped(db, requests, monkeypatch):
    real = search_index._write_batch
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the app closed in the middle of the build
        real(*args)

    monkeypatch.setattr(search_index, "_write_batch", failing)
    with pytest.raises(KeyboardInterrupt):
        search_index.rebuild_request_index(batch=7)
    monkeypatch.setattr(search_index, "_write_batch", real)
    assert len(indexed(db)) == 14 and not search_index.index_status().requests_ok
    # meanwhile a request beyond the position reached is resolved and indexed on its own
    late = requests[-2]
    late.final_report = "Sostituita la scheda"
    late.save()
    search_index.index_request(late.id)
    seen: list[tuple[int, int]] = []
    search_index.ensure_indexes(progress=lambda d, t: seen.append((d, t)))
    assert seen == [(22, 22)]  # only what was left (one batch of the default size)
    assert indexed(db) == [r.id for r in requests if r.status == "resolved"]
    assert stored_terms(db) == expected_terms(db)
    assert search_index.index_status().ok and "requests_building" not in search_index.state()


@pytest.mark.sqlite_only  # FTS5's own settings
def test_a_build_merges_once_at_the_end_and_gives_the_index_back_its_merging(db, requests,
                                                                          monkeypatch):
    """#18: during a whole build FTS5 does not merge segments batch by batch ('automerge' 0,
    a tenth of the build); afterwards the one-by-one updates merge as by default; a build
    leaves the interpreter's switch interval as it found it."""
    import sys

    seen = []
    real = search_index._write_batch

    def spying(db_, payload, values, df):
        seen.append((db.execute_sql("SELECT v FROM kb_request_fts_config WHERE k = 'automerge'")
                     .fetchone()[0], sys.getswitchinterval()))
        return real(db_, payload, values, df)

    monkeypatch.setattr(search_index, "_write_batch", spying)
    before = sys.getswitchinterval()
    search_index.rebuild_request_index(batch=7)
    assert seen and all(merge == 0 and interval <= 0.001 for merge, interval in seen)
    assert db.execute_sql("SELECT v FROM kb_request_fts_config WHERE k = 'automerge'"
                          ).fetchone()[0] == search_index.FTS_AUTOMERGE
    assert sys.getswitchinterval() == before
    assert stored_terms(db) == expected_terms(db)


@pytest.mark.sqlite_only  # the FTS5 table's refs column
def test_a_whole_build_gives_each_request_the_units_products_and_families_one_by_one_does(
        db, requests):
    """#18: the build makes the refs (units, products, families) in SQL; they are the tokens
    ``index_request`` gives the same request, so a search narrowed to a unit finds it."""
    from servicedesk.models import Product, RequestUnit, Unit

    boiler = Product.create(code="CALD", name="Caldaia", family="Caldaie murali")
    printer = Product.create(code="STMP", name="Stampante", family="")
    owner = requests[0].customer
    units = [Unit.create(product=p, serial=f"SN{i}", owner=owner)
             for i, p in enumerate((boiler, printer, boiler))]
    RequestUnit.create(request=requests[0], unit=units[0])
    RequestUnit.create(request=requests[0], unit=units[1])
    RequestUnit.create(request=requests[1], unit=units[2])
    search_index.rebuild_request_index(batch=7)

    def refs(rid):
        return db.execute_sql("SELECT refs FROM kb_request_fts WHERE rowid = ?", (rid,)).fetchone()[0]

    built = {r.id: set(refs(r.id).split()) for r in requests[:3]}
    for r in requests[:3]:
        search_index.index_request(r.id)
        assert set(refs(r.id).split()) == built[r.id]
    assert built[requests[0].id] == {f"u{units[0].id}", f"p{boiler.id}", "fcaldaiemurali",
                                     f"u{units[1].id}", f"p{printer.id}"}
    assert built[requests[2].id] == set()
    assert db.execute_sql("SELECT count(*) FROM sqlite_temp_master WHERE name = 'kb_family'"
                          ).fetchone()[0] == 0  # the build's own table is gone
