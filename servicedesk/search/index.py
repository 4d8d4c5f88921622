"""Keeping the KB search indexes in step: one article, one request, catch-up and full rebuild.

Raw SQL on purpose: the migration calls these functions, when later columns of the models may
not exist yet, and the rebuild of 200,000 requests must not build 200,000 model instances.
Every function runs inside the caller's transaction when there is one (``db.atomic()`` nests).
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from .text import FORMAT_VERSION, index_text, terms, words

INDEXED_STATUSES = ("resolved", "closed")
_STATUS_SQL = "('resolved', 'closed')"
BATCH = 5000
FTS_AUTOMERGE = 4  # FTS5's default: segments merged as rows are added one by one


def _db(db=None):
    if db is not None:
        return db
    from ..models import database_proxy

    return database_proxy.obj


def _pg(db) -> bool:
    """PostgreSQL keeps the same stemmed text in its own tables (search.pg_index)."""
    return getattr(db, "dialect", "sqlite") == "postgresql"


def _state_set(db, key: str, value: str) -> None:
    db.execute_sql("INSERT INTO kb_index_state (key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def state(db=None) -> dict[str, str]:
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.state(db)
    return dict(db.execute_sql("SELECT key, value FROM kb_index_state").fetchall())


def bump_generation(db=None) -> None:
    """Mark the article index as changed (vocabulary caches compare this counter)."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.bump_generation(db)
    db.execute_sql("INSERT INTO kb_index_state (key, value) VALUES ('articles_gen', '1') "
                   "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


# -- articles --------------------------------------------------------------------------------

_ARTICLE_SQL = ("SELECT a.id, a.title, a.symptoms, a.cause, a.solution, a.tags, a.product_family, "
                "COALESCE(p.name, ''), COALESCE(p.family, ''), COALESCE(p.code, ''), a.archived "
                "FROM kb_article a LEFT JOIN product p ON p.id = a.product_id")


def _article_values(row) -> tuple:
    aid, title, symptoms, cause, solution, tags, family, pname, pfamily, pcode, _ = row
    # tags, family and the product (name and code: people search by model) share one column
    extra = " ".join(x for x in (tags, family, pname, pfamily if pfamily != family else "",
                                 pcode) if x)
    return (aid, index_text(title), index_text(symptoms), index_text(cause),
            index_text(solution), index_text(extra))


def index_article(article_id: int, db=None) -> bool:
    """Put the article's current text in the index (or take it out when archived/deleted)."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.index_article(article_id, db)
    with db.atomic():
        db.execute_sql("DELETE FROM kb_article_fts WHERE rowid = ?", (article_id,))
        row = db.execute_sql(_ARTICLE_SQL + " WHERE a.id = ?", (article_id,)).fetchone()
        indexed = row is not None and not row[-1]
        if indexed:
            db.execute_sql("INSERT INTO kb_article_fts (rowid, title, symptoms, cause, solution, "
                           "tags) VALUES (?, ?, ?, ?, ?, ?)", _article_values(row))
        bump_generation(db)
    return indexed


def rebuild_article_index(db=None) -> int:
    """Index every article that is not archived, from scratch. Returns how many."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.rebuild_article_index(db)
    with db.atomic():
        db.execute_sql("DELETE FROM kb_article_fts")
        rows = db.execute_sql(_ARTICLE_SQL + " WHERE a.archived = 0").fetchall()
        cur = db.cursor()
        cur.executemany("INSERT INTO kb_article_fts (rowid, title, symptoms, cause, solution, tags) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [_article_values(r) for r in rows])
        db.execute_sql("INSERT INTO kb_article_fts(kb_article_fts) VALUES ('optimize')")
        _state_set(db, "format", str(FORMAT_VERSION))
        bump_generation(db)
    return len(rows)


# -- resolved requests -------------------------------------------------------------------------

def _family_token(family: str) -> str:
    return "f" + "".join(words(family)) if family else ""


def _refs_of(db, request_ids: list[int] | None) -> dict[int, str]:
    sql = ("SELECT ru.request_id, ru.unit_id, u.product_id, COALESCE(p.family, '') "
           "FROM request_unit ru JOIN unit u ON u.id = ru.unit_id "
           "JOIN product p ON p.id = u.product_id")
    params: tuple = ()
    if request_ids is not None:
        sql += f" WHERE ru.request_id IN ({','.join('?' * len(request_ids))})"
        params = tuple(request_ids)
    refs: dict[int, list[str]] = {}
    for rid, uid, pid, family in db.execute_sql(sql, params):
        tokens = refs.setdefault(rid, [])
        tokens += [f"u{uid}", f"p{pid}"]
        ft = _family_token(family)
        if ft:
            tokens.append(ft)
    return {rid: " ".join(dict.fromkeys(t)) for rid, t in refs.items()}


_REQUEST_SQL = ("SELECT id, version, subject, description, final_report FROM service_request "
                f"WHERE status IN {_STATUS_SQL} AND final_report != ''")


def index_request(request_id: int, db=None) -> bool:
    """Index a resolved/closed request with its final report (or drop it when reopened).

    Call it after resolving, closing, reopening or editing the report of a request, inside the
    same transaction. Returns True when the request is now in the index.
    """
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.index_request(request_id, db)
    with db.atomic():
        old = db.execute_sql("SELECT problem, report FROM kb_request_fts WHERE rowid = ?",
                             (request_id,)).fetchone()
        if old is not None:
            _count_terms(db, {""} | set(f"{old[0]} {old[1]}".split()), -1)
            db.execute_sql("DELETE FROM kb_request_fts WHERE rowid = ?", (request_id,))
        row = db.execute_sql(_REQUEST_SQL + " AND id = ?", (request_id,)).fetchone()
        if row is None:
            db.execute_sql("DELETE FROM kb_request_indexed WHERE request_id = ?", (request_id,))
            return False
        refs = _refs_of(db, [request_id]).get(request_id, "")
        rid, version, subject, description, report = row
        problem, solution = index_text(f"{subject}\n{description}"), index_text(report)
        db.execute_sql("INSERT INTO kb_request_fts (rowid, problem, report, refs) VALUES (?, ?, ?, ?)",
                       (rid, problem, solution, refs))
        _count_terms(db, {""} | set(f"{problem} {solution}".split()), +1)
        db.execute_sql("INSERT OR REPLACE INTO kb_request_indexed (request_id, version) VALUES (?, ?)",
                       (rid, version))
    return True


def _count_terms(db, terms: set[str], delta: int) -> None:
    db.cursor().executemany(
        "INSERT INTO kb_request_terms (term, docs) VALUES (?, ?) "
        "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs", [(t, delta) for t in terms])


def _ensure_terms_table(db) -> None:
    # Databases made by an early build of m0060 lack this table (it joined m0060 later).
    db.execute_sql("CREATE TABLE IF NOT EXISTS kb_request_terms (term VARCHAR(80) NOT NULL "
                   "PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")


def _family_tokens(db) -> dict[int, str]:
    return {pid: _family_token(family) for pid, family in
            db.execute_sql("SELECT id, COALESCE(family, '') FROM product")}


def _prepare(rows: list[tuple]) -> tuple[str, list[list], dict[str, int]]:
    """Stem a batch (on the helper thread): the rows as JSON for one INSERT, and how many of
    them hold each term."""
    values: list[list] = []
    df: Counter = Counter()
    for rid, version, subject, description, report in rows:
        problem, solution = terms(f"{subject}\n{description}"), terms(report)
        seen = set(problem)
        seen.update(solution)
        df.update(seen)
        values.append([rid, version, " ".join(problem), " ".join(solution)])
    df[""] = len(values)
    return json.dumps(values), values, df


_BATCH_SQL = ("SELECT id, version, subject, description, final_report FROM service_request "
              f"WHERE status IN {_STATUS_SQL} AND final_report != '' AND id > ? "
              "ORDER BY id LIMIT ?")


# A request's units, their products and product families ("u12 p3 fcaldaie"), as _refs_of
# gives them, made by SQLite while it fills the index (no Python per row: the build's Python
# work is what bounds it, #18); temp.kb_family holds the families' tokens for the build.
_REFS_SQL = ("COALESCE((SELECT group_concat('u' || ru.unit_id || ' p' || u.product_id "
             "|| COALESCE(' ' || f.token, ''), ' ') FROM request_unit ru "
             "JOIN unit u ON u.id = ru.unit_id "
             "LEFT JOIN temp.kb_family f ON f.product_id = u.product_id "
             "WHERE ru.request_id = j.value ->> 0), '')")


def _family_table(db) -> None:
    db.execute_sql("DROP TABLE IF EXISTS temp.kb_family")
    db.execute_sql("CREATE TEMP TABLE kb_family (product_id INTEGER PRIMARY KEY, token TEXT)")
    db.execute_sql("INSERT INTO temp.kb_family SELECT value ->> 0, value ->> 1 FROM json_each(?)",
                   (json.dumps([[pid, tok] for pid, tok in _family_tokens(db).items() if tok]),))


def _write_batch(db, payload: str, values: list[list], df: dict[str, int]) -> None:
    """One batch in one transaction: rows already indexed one by one meanwhile (a request
    resolved while the build runs) are left as they are."""
    lo, hi = values[0][0], values[-1][0]
    done = {r[0] for r in db.execute_sql(
        "SELECT request_id FROM kb_request_indexed WHERE request_id BETWEEN ? AND ?", (lo, hi))}
    if done:
        for v in values:
            if v[0] in done:
                for t in set(f"{v[2]} {v[3]}".split()):
                    df[t] -= 1
                df[""] -= 1
        payload = json.dumps([v for v in values if v[0] not in done])
    # One statement per batch: SQLite parses the JSON and fills the index in C, with the
    # interpreter lock released, while the helper thread stems the next batch.
    db.execute_sql("INSERT INTO kb_request_fts (rowid, problem, report, refs) "
                   f"SELECT j.value ->> 0, j.value ->> 2, j.value ->> 3, {_REFS_SQL} "
                   "FROM json_each(?) j", (payload,))
    db.execute_sql("INSERT OR REPLACE INTO kb_request_indexed (request_id, version) "
                   "SELECT value ->> 0, value ->> 1 FROM json_each(?)", (payload,))
    db.execute_sql("INSERT INTO kb_request_terms (term, docs) SELECT key, value FROM json_each(?) "
                   "WHERE value != 0 "
                   "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
                   (json.dumps(df),))
    _state_set(db, "requests_building", f"{FORMAT_VERSION}:{hi}")


def _build_from(db, after: int, progress: Callable[[int, int], None] | None,
                batch: int) -> int:
    """Index eligible requests with an id above ``after``, in transactions of ``batch`` rows,
    stemming the next batch on a helper thread while SQLite writes this one; the position is
    saved with each batch, so a build that was interrupted goes on from there."""
    total = db.execute_sql(f"SELECT count(*) FROM service_request WHERE status IN {_STATUS_SQL} "
                           "AND final_report != '' AND id > ?", (after,)).fetchone()[0]
    _family_table(db)

    def fetch(last: int) -> list[tuple]:
        return db.execute_sql(_BATCH_SQL, (last, batch)).fetchall()

    # The helper stems in Python while this thread waits in SQLite; each time SQLite returns,
    # this thread waits for the interpreter lock. At the default 5 ms switch interval those
    # waits added up to half a second of the build; the window's process uses 1 ms anyway.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, 0.001))
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-index") as pool:
            return _pipeline(db, pool, fetch, after, total, progress)
    finally:
        sys.setswitchinterval(interval)
        db.execute_sql("DROP TABLE IF EXISTS temp.kb_family")


def _pipeline(db, pool, fetch, after: int, total: int,
              progress: Callable[[int, int], None] | None) -> int:
    """Fetch and write on this thread, stem on ``pool``'s: one batch ahead."""
    done = 0
    rows = fetch(after)
    pending = pool.submit(_prepare, rows) if rows else None
    while pending is not None:
        payload, values, df = pending.result()
        last = rows[-1][0]
        rows = fetch(last)
        pending = pool.submit(_prepare, rows) if rows else None
        with db.atomic():
            _write_batch(db, payload, values, df)
        done += len(values)
        if progress is not None:
            progress(done, total)
    return done


def rebuild_request_index(db=None, progress: Callable[[int, int], None] | None = None,
                          batch: int = BATCH) -> int:
    """Index every resolved/closed request from scratch (see ``_build_from``). Returns how
    many were indexed."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.rebuild_request_index(db, progress, batch)
    with db.atomic():
        _ensure_terms_table(db)
        _empty_request_fts(db)
        db.execute_sql("DELETE FROM kb_request_indexed")
        db.execute_sql("DELETE FROM kb_request_terms")
        _state_set(db, "requests_format", "")
        _state_set(db, "requests_building", f"{FORMAT_VERSION}:0")
    count = _build_from(db, 0, progress, batch)
    _finish_request_build(db)
    return count


def _empty_request_fts(db) -> None:
    """Empty the request index. Dropping and creating it again takes a few milliseconds where
    deleting its 200,000 rows one by one takes seconds (the table is derived data; this is
    the definition of m0060)."""
    db.execute_sql("DROP TABLE IF EXISTS kb_request_fts")
    db.execute_sql("CREATE VIRTUAL TABLE kb_request_fts USING fts5(problem, report, refs, "
                   "tokenize='unicode61')")
    db.execute_sql("INSERT INTO kb_request_fts(kb_request_fts, rank) "
                   "VALUES ('rank', 'bm25(3.0, 1.0, 0.0)')")
    # A whole build merges its segments once, at the end ('optimize'): merging them as the
    # batches come in cost a tenth of the build (#18). The default comes back with the end.
    db.execute_sql("INSERT INTO kb_request_fts(kb_request_fts, rank) VALUES ('automerge', 0)")


def resume_request_index(db=None, progress: Callable[[int, int], None] | None = None,
                         batch: int = BATCH) -> int | None:
    """Go on with a build of the current format that was interrupted; None when there is none."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return None  # a build on the server is one pass (COPY)
    building = state(db).get("requests_building", "")
    fmt, _, last = building.partition(":")
    if fmt != str(FORMAT_VERSION) or not last.isdigit():
        return None
    count = _build_from(db, int(last), progress, batch)
    _finish_request_build(db)
    return count


def _finish_request_build(db) -> None:
    with db.atomic():
        db.execute_sql("DELETE FROM kb_request_terms WHERE docs <= 0 AND term != ''")
        db.execute_sql("INSERT INTO kb_request_fts(kb_request_fts) VALUES ('optimize')")
        db.execute_sql(f"INSERT INTO kb_request_fts(kb_request_fts, rank) "
                       f"VALUES ('automerge', {FTS_AUTOMERGE})")
        db.execute_sql("DELETE FROM kb_index_state WHERE key = 'requests_building'")
        _state_set(db, "requests_format", str(FORMAT_VERSION))


def sync_request_index(db=None, limit: int | None = None) -> int:
    """Catch up with requests resolved, closed, reopened or edited without going through
    ``index_request`` (another program, an older version, raw imports). Returns rows changed."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return pg_index.sync_request_index(db, limit)
    stale = [r[0] for r in db.execute_sql(
        "SELECT r.id FROM service_request r LEFT JOIN kb_request_indexed i ON i.request_id = r.id "
        f"WHERE r.status IN {_STATUS_SQL} AND r.final_report != '' "
        "AND (i.version IS NULL OR i.version != r.version)")]
    gone = [r[0] for r in db.execute_sql(
        "SELECT i.request_id FROM kb_request_indexed i LEFT JOIN service_request r "
        f"ON r.id = i.request_id WHERE r.id IS NULL OR r.status NOT IN {_STATUS_SQL} "
        "OR r.final_report = ''")]
    todo = (stale + gone)[:limit] if limit else stale + gone
    for start in range(0, len(todo), 500):
        with db.atomic():
            for rid in todo[start:start + 500]:
                index_request(rid, db)
    return len(todo)


# -- status and rebuild ---------------------------------------------------------------------------

@dataclass(frozen=True)
class IndexStatus:
    articles_ok: bool
    requests_ok: bool

    @property
    def ok(self) -> bool:
        return self.articles_ok and self.requests_ok


def index_status(db=None) -> IndexStatus:
    """Whether the indexes were built with the current format and hold the right number of rows."""
    db = _db(db)
    if _pg(db):
        from . import pg_index

        return IndexStatus(*pg_index.index_status(db))
    st = state(db)
    fmt = str(FORMAT_VERSION)
    articles = db.execute_sql("SELECT count(*) FROM kb_article WHERE archived = 0").fetchone()[0]
    in_index = db.execute_sql("SELECT count(*) FROM kb_article_fts").fetchone()[0]
    articles_ok = st.get("format") == fmt and articles == in_index
    has_terms = db.execute_sql("SELECT count(*) FROM sqlite_master WHERE name = "
                               "'kb_request_terms'").fetchone()[0]
    requests_ok = st.get("requests_format") == fmt and bool(has_terms)
    return IndexStatus(articles_ok, requests_ok)


def rebuild_indexes(db=None, progress: Callable[[int, int], None] | None = None) -> dict[str, float]:
    """Rebuild both indexes from the tables (after a raw import such as the demo generator,
    or when the index format changed). Returns counts and seconds, for logs and benchmarks."""
    db = _db(db)
    t0 = time.perf_counter()
    articles = rebuild_article_index(db)
    t1 = time.perf_counter()
    requests = rebuild_request_index(db, progress)
    t2 = time.perf_counter()
    return {"articles": articles, "articles_s": t1 - t0, "requests": requests,
            "requests_s": t2 - t1}


def ensure_indexes(db=None, progress: Callable[[int, int], None] | None = None) -> IndexStatus:
    """Rebuild what is missing or outdated, then catch up with requests changed elsewhere."""
    db = _db(db)
    status = index_status(db)
    if not status.articles_ok:
        rebuild_article_index(db)
    if not status.requests_ok:
        if resume_request_index(db, progress) is None:
            rebuild_request_index(db, progress)
    else:
        sync_request_index(db)
    return status
