"""The same benchmarks on PostgreSQL (issue 17, R-X-6): ids suffixed ``@pg``.

The large demo database is copied once (``servicedesk-admin migrate``) into a local cluster kept
in ``.cache/pg`` (rebuilt when the large database changes); the benchmark modules then run their
own work against it, with the SQLite targets. The raw-sqlite3 limits are not repeated.
``contention@pg`` runs the contention test's 10 writers × 300 transactions on a fresh database.
``statements_per_action`` counts the statements (round trips) each user action sends to the
server — open the app, a queue page, open a request, save it, a board week, an analysis — and
checks that each count is fixed (the same on a second run).
"""
from __future__ import annotations

import atexit
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

from harness import CACHE, ROOT, Bench, source_digest

sys.path.insert(0, str(ROOT))

HERE = Path(__file__).resolve().parent
SAME_AS_SQLITE = ("queue_page", "queue_count", "request_save", "kb_search", "suggest",
                  "board_week")
_state: dict = {}


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_for_pg", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def server():
    """(cluster, url of the large database on it), started once per run."""
    if "url" in _state:
        return _state["cluster"], _state["url"]
    from harness import large_db
    from tests import pg_server

    reason = pg_server.missing_reason()
    if reason:
        raise RuntimeError(reason)
    path, _ = large_db()
    base = CACHE / "pg"
    meta_path = CACHE / "pg.json"
    digest = source_digest()
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    cluster = pg_server.Cluster(base).start()
    atexit.register(cluster.stop)
    url = cluster.url("large")
    if meta.get("digest") != digest:
        from servicedesk.admin.migrate import copy_database

        cluster.drop_database("large")
        cluster.create_database("large")
        t0 = time.perf_counter()
        report = copy_database(path, url, progress=lambda t, n, k: print(
            f"  pg copy [{n}/{k}] {t}", file=sys.stderr, flush=True))
        meta = {"digest": digest, "seconds": time.perf_counter() - t0, "rows": report.rows}
        import psycopg

        with psycopg.connect(url, autocommit=True) as con:
            con.execute("VACUUM ANALYZE")
        meta_path.write_text(json.dumps(meta))
    _state.update(cluster=cluster, url=url, copy=meta)
    return cluster, url


class PgEnv:
    """What the benchmark modules expect of ``env``, on the PostgreSQL copy."""

    def __init__(self, db) -> None:
        self.db = db
        self.path = None

    def rolled_back(self):
        import contextlib

        @contextlib.contextmanager
        def block():
            with self.db.atomic() as txn:
                yield
                txn.rollback()
        return block()


def _on(db, fn):
    """``fn`` run with the models bound to ``db`` (the runner binds SQLite between modules)."""
    from servicedesk.models import database_proxy

    def run():
        if database_proxy.obj is not db:
            database_proxy.initialize(db)
        return fn()
    return run


def _analysis_filters(db) -> Bench:
    from servicedesk.queries import analysis as A
    from tests.analysis_plans import combos

    state: dict = {}

    def setup() -> None:
        state["combos"] = [A.query(n, spec) for n, spec in combos(A)]
        state["i"] = 0

    def first_page() -> None:
        q = state["combos"][state["i"] % len(state["combos"])]
        state["i"] += 1
        q.count()
        q.page(0, 100)

    return Bench("analysis_filters@pg", _on(db, first_page),
                 "count + first page p95 ≤ 50 ms for each of 20 combinations",
                 target_p95_ms=50, setup=_on(db, setup), repeat=100, warmup=20)


def _contention() -> Bench:
    bench = Bench("contention@pg", lambda: None, "0 errors, 0 lost updates (figure: p99 latency)",
                  fixed_ms=0.0, repeat=1, warmup=0)

    def setup() -> None:
        from tests.core.test_contention import percentile
        from tests.core.test_pg_contention import run_pg_contention

        cluster, _ = server()
        cluster.drop_database("contention")
        url = cluster.create_database("contention")
        from servicedesk.db import open_database
        from servicedesk.models import database_proxy

        previous = database_proxy.obj
        open_database(url).close()
        database_proxy.initialize(previous)
        r = run_pg_contention(url)
        lat = r["latencies"]
        bench.fixed_ms = percentile(lat, 0.99)
        bench.note = (f"10 writers × 300: p50 {statistics.median(lat):.1f} ms, p99 "
                      f"{percentile(lat, 0.99):.1f} ms, max {max(lat):.1f} ms, errors "
                      f"{len(r['errors'])}, lost {r['lost']}, conflicts retried {r['conflicts']}, "
                      f"{r['wall_s']:.1f} s wall")
        print(f"  contention@pg: {bench.note}", file=sys.stderr)
        bench.target_p95_ms = -1.0 if (r["errors"] or r["lost"]) else float("inf")

    bench.setup = setup
    return bench


def benchmarks(env) -> list[Bench]:
    from servicedesk.db import open_database
    from servicedesk.models import database_proxy

    only = getattr(env, "only", set())
    if only and not any(i.endswith("@pg") or i in ("statements_per_action", "pg_copy")
                        for i in only):
        return []  # starting the server and copying the large DB takes minutes
    try:
        _cluster, url = server()
    except RuntimeError as exc:
        print(f"  @pg benchmarks skipped: {exc}", file=sys.stderr)
        return []
    sqlite_db = database_proxy.obj
    db = open_database(url)
    pg_env = PgEnv(db)
    out: list[Bench] = [Bench("pg_copy", lambda: None,
                              "servicedesk-admin migrate of the large DB (reported)",
                              fixed_ms=_state["copy"].get("seconds", 0) * 1000, repeat=1,
                              warmup=0, note=f"{_state['copy'].get('rows', 0)} rows")]
    for name in ("bench_requests", "bench_kb", "bench_board"):
        module = _load(name)
        database_proxy.initialize(db)
        for bench in module.benchmarks(pg_env):
            if bench.id in SAME_AS_SQLITE or bench.id.startswith("queue_filter."):
                bench.id += "@pg"
                bench.run = _on(db, bench.run)
                bench.limit, bench.ratio_max = None, None
                if bench.setup:
                    bench.setup = _on(db, bench.setup)
                out.append(bench)
    out.append(_analysis_filters(db))
    out.append(_contention())
    from statements import statements_bench

    out.append(statements_bench(db))
    database_proxy.initialize(sqlite_db)
    return out
