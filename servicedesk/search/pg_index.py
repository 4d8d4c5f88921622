"""The KB search indexes on PostgreSQL: the same stemmed text as SQLite's FTS5 tables, in plain
tables with a ``tsvector`` column and a GIN index (R-KB-1, R-KB-2, R-X-6).

``servicedesk.search.index`` hands its public functions over to this module for a PostgreSQL
database. The text is folded and stemmed in Python (``search.text``) exactly as for SQLite, so
both backends rank the same terms; PostgreSQL's ``simple`` configuration only splits the stems.
Tables (m0001_postgres_baseline.sql): ``kb_article_index`` (article_id, title, symptoms, cause, solution,
tags, words), ``kb_request_index`` (request_id, problem, report, refs, words, refs_words),
``kb_request_indexed``, ``kb_request_terms`` (document frequencies, trigram-indexed for typo
candidates) and ``kb_index_state``.
"""
from __future__ import annotations

import time
from collections import Counter
from typing import Callable

from .text import FORMAT_VERSION, index_text

STATUS_SQL = "('resolved', 'closed')"
BATCH = 5000


def _state_set(db, key: str, value: str) -> None:
    db.execute_sql("INSERT INTO kb_index_state (key, value) VALUES (%s, %s) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def state(db) -> dict[str, str]:
    return dict(db.execute_sql("SELECT key, value FROM kb_index_state").fetchall())


def bump_generation(db) -> None:
    db.execute_sql("INSERT INTO kb_index_state (key, value) VALUES ('articles_gen', '1') "
                   "ON CONFLICT (key) DO UPDATE SET value = (kb_index_state.value::int + 1)::text")


# -- articles --------------------------------------------------------------------------------
def _article_rows(db, where: str, params: tuple = ()) -> list[tuple]:
    from .index import _ARTICLE_SQL, _article_values

    return [_article_values(r) for r in db.execute_sql(_ARTICLE_SQL + where, params).fetchall()]


_INSERT_ARTICLE = ("INSERT INTO kb_article_index (article_id, title, symptoms, cause, solution, "
                   "tags) VALUES (%s, %s, %s, %s, %s, %s)")


def index_article(article_id: int, db) -> bool:
    with db.atomic():
        db.execute_sql("DELETE FROM kb_article_index WHERE article_id = %s", (article_id,))
        rows = _article_rows(db, " WHERE a.id = %s AND NOT a.archived", (article_id,))
        if rows:
            db.cursor().executemany(_INSERT_ARTICLE, rows)
        bump_generation(db)
    return bool(rows)


def rebuild_article_index(db) -> int:
    with db.atomic():
        db.execute_sql("DELETE FROM kb_article_index")
        rows = _article_rows(db, " WHERE NOT a.archived")
        if rows:
            db.cursor().executemany(_INSERT_ARTICLE, rows)
        _state_set(db, "format", str(FORMAT_VERSION))
        bump_generation(db)
    return len(rows)


# -- resolved requests -------------------------------------------------------------------------
_REQUEST_SQL = ("SELECT id, version, subject, description, final_report FROM service_request "
                f"WHERE status IN {STATUS_SQL} AND final_report <> ''")


def _count_terms(db, terms: set[str], delta: int) -> None:
    if terms:
        db.cursor().executemany(
            "INSERT INTO kb_request_terms (term, docs) VALUES (%s, %s) ON CONFLICT (term) "
            "DO UPDATE SET docs = kb_request_terms.docs + excluded.docs",
            [(t, delta) for t in sorted(terms)])


def index_request(request_id: int, db) -> bool:
    from .index import _refs_of

    with db.atomic():
        old = db.execute_sql("DELETE FROM kb_request_index WHERE request_id = %s "
                             "RETURNING problem, report", (request_id,)).fetchone()
        if old is not None:
            _count_terms(db, {""} | set(f"{old[0]} {old[1]}".split()), -1)
        row = db.execute_sql(_REQUEST_SQL + " AND id = %s", (request_id,)).fetchone()
        if row is None:
            db.execute_sql("DELETE FROM kb_request_indexed WHERE request_id = %s", (request_id,))
            return False
        refs = _refs_of(db, [request_id]).get(request_id, "")
        rid, version, subject, description, report = row
        problem, solution = index_text(f"{subject}\n{description}"), index_text(report)
        db.execute_sql("INSERT INTO kb_request_index (request_id, problem, report, refs) "
                       "VALUES (%s, %s, %s, %s)", (rid, problem, solution, refs))
        _count_terms(db, {""} | set(f"{problem} {solution}".split()), +1)
        db.execute_sql("INSERT INTO kb_request_indexed (request_id, version) VALUES (%s, %s) "
                       "ON CONFLICT (request_id) DO UPDATE SET version = excluded.version",
                       (rid, version))
    return True


def rebuild_request_index(db, progress: Callable[[int, int], None] | None = None,
                          batch: int = BATCH) -> int:
    """Every resolved/closed request from scratch, written with COPY in batches."""
    from .index import _refs_of

    ids = [r[0] for r in db.execute_sql(
        f"SELECT id FROM service_request WHERE status IN {STATUS_SQL} AND final_report <> '' "
        "ORDER BY id")]
    with db.atomic():
        db.execute_sql("TRUNCATE kb_request_index, kb_request_indexed, kb_request_terms")
    refs = _refs_of(db, None) if ids else {}
    df: Counter = Counter()
    conn = db.connection()
    done = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        with db.atomic():
            rows = db.execute_sql(_REQUEST_SQL + " AND id BETWEEN %s AND %s",
                                  (chunk[0], chunk[-1])).fetchall()
            with conn.cursor().copy("COPY kb_request_index (request_id, problem, report, refs) "
                                    "FROM STDIN") as copy:
                for rid, _version, subject, description, report in rows:
                    problem, solution = index_text(f"{subject}\n{description}"), index_text(report)
                    df.update(set(f"{problem} {solution}".split()))
                    copy.write_row((rid, problem, solution, refs.get(rid, "")))
            df[""] += len(rows)
            with conn.cursor().copy("COPY kb_request_indexed (request_id, version) FROM STDIN") \
                    as copy:
                for row in rows:
                    copy.write_row((row[0], row[1]))
        done += len(chunk)
        if progress is not None:
            progress(done, len(ids))
    with db.atomic():
        with conn.cursor().copy("COPY kb_request_terms (term, docs) FROM STDIN") as copy:
            for term, docs in df.items():
                copy.write_row((term, docs))
        _state_set(db, "requests_format", str(FORMAT_VERSION))
    db.execute_sql("ANALYZE kb_request_index")
    return len(ids)


def sync_request_index(db, limit: int | None = None) -> int:
    stale = [r[0] for r in db.execute_sql(
        "SELECT r.id FROM service_request r LEFT JOIN kb_request_indexed i ON i.request_id = r.id "
        f"WHERE r.status IN {STATUS_SQL} AND r.final_report <> '' "
        "AND (i.version IS NULL OR i.version <> r.version)")]
    gone = [r[0] for r in db.execute_sql(
        "SELECT i.request_id FROM kb_request_indexed i LEFT JOIN service_request r "
        f"ON r.id = i.request_id WHERE r.id IS NULL OR r.status NOT IN {STATUS_SQL} "
        "OR r.final_report = ''")]
    todo = (stale + gone)[:limit] if limit else stale + gone
    for start in range(0, len(todo), 500):
        with db.atomic():
            for rid in todo[start:start + 500]:
                index_request(rid, db)
    return len(todo)


def index_status(db) -> tuple[bool, bool]:
    st = state(db)
    fmt = str(FORMAT_VERSION)
    articles, in_index = db.execute_sql(
        "SELECT (SELECT count(*) FROM kb_article WHERE NOT archived), "
        "(SELECT count(*) FROM kb_article_index)").fetchone()
    return st.get("format") == fmt and articles == in_index, st.get("requests_format") == fmt


def rebuild_indexes(db, progress: Callable[[int, int], None] | None = None) -> dict[str, float]:
    t0 = time.perf_counter()
    articles = rebuild_article_index(db)
    t1 = time.perf_counter()
    requests = rebuild_request_index(db, progress)
    t2 = time.perf_counter()
    return {"articles": articles, "articles_s": t1 - t0, "requests": requests,
            "requests_s": t2 - t1}
