"""Keeping the KB search indexes in step: one article, one request, catch-up and full rebuild.

Raw SQL on purpose: the migration calls these functions, when later columns of the models may
not exist yet, and the rebuild of 200,000 requests must not build 200,000 model instances.
Every function runs inside the caller's transaction when there is one (``db.atomic()`` nests).
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .text import FORMAT_VERSION, index_text, words

INDEXED_STATUSES = ("resolved", "closed")
_STATUS_SQL = "('resolved', 'closed')"
BATCH = 5000


def _db(db=None):
    if db is not None:
        return db
    from ..models import database_proxy

    return database_proxy.obj


def _state_set(db, key: str, value: str) -> None:
    db.execute_sql("INSERT INTO kb_index_state (key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def state(db=None) -> dict[str, str]:
    db = _db(db)
    return dict(db.execute_sql("SELECT key, value FROM kb_index_state").fetchall())


def bump_generation(db=None) -> None:
    """Mark the article index as changed (vocabulary caches compare this counter)."""
    db = _db(db)
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


def _insert_requests(db, rows: list[tuple], refs: dict[int, str], df: Counter) -> None:
    cur = db.cursor()
    values = [(r[0], index_text(f"{r[2]}\n{r[3]}"), index_text(r[4]), refs.get(r[0], ""))
              for r in rows]
    for v in values:
        df.update(set(f"{v[1]} {v[2]}".split()))
    df[""] += len(values)
    cur.executemany("INSERT INTO kb_request_fts (rowid, problem, report, refs) VALUES (?, ?, ?, ?)",
                    values)
    cur.executemany("INSERT OR REPLACE INTO kb_request_indexed (request_id, version) VALUES (?, ?)",
                    [(r[0], r[1]) for r in rows])


def _ensure_terms_table(db) -> None:
    # Databases made by an early build of m0060 lack this table (it joined m0060 later).
    db.execute_sql("CREATE TABLE IF NOT EXISTS kb_request_terms (term VARCHAR(80) NOT NULL "
                   "PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID")


def rebuild_request_index(db=None, progress: Callable[[int, int], None] | None = None,
                          batch: int = BATCH) -> int:
    """Index every resolved/closed request from scratch, in transactions of ``batch`` rows
    (so other workstations can write in between). Returns how many were indexed."""
    db = _db(db)
    ids = [r[0] for r in db.execute_sql(
        f"SELECT id FROM service_request WHERE status IN {_STATUS_SQL} AND final_report != '' "
        "ORDER BY id")]
    with db.atomic():
        _ensure_terms_table(db)
        db.execute_sql("DELETE FROM kb_request_fts")
        db.execute_sql("DELETE FROM kb_request_indexed")
        db.execute_sql("DELETE FROM kb_request_terms")
    refs = _refs_of(db, None) if ids else {}
    df: Counter = Counter()
    done = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        with db.atomic():
            rows = db.execute_sql(
                _REQUEST_SQL + f" AND id BETWEEN ? AND ?", (chunk[0], chunk[-1])).fetchall()
            _insert_requests(db, rows, refs, df)
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))
    with db.atomic():
        db.cursor().executemany("INSERT INTO kb_request_terms (term, docs) VALUES (?, ?)",
                                list(df.items()))
        db.execute_sql("INSERT INTO kb_request_fts(kb_request_fts) VALUES ('optimize')")
        _state_set(db, "requests_format", str(FORMAT_VERSION))
    return len(ids)


def sync_request_index(db=None, limit: int | None = None) -> int:
    """Catch up with requests resolved, closed, reopened or edited without going through
    ``index_request`` (another program, an older version, raw imports). Returns rows changed."""
    db = _db(db)
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
        rebuild_request_index(db, progress)
    else:
        sync_request_index(db)
    return status
