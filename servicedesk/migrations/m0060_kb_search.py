"""Knowledge-base search: FTS5 indexes of articles and of resolved requests (R-KB-1, R-KB-2).

The indexed text is folded and stemmed in Python (``servicedesk.search``), so the FTS5 tables
hold their own copy of the *stemmed* text (a regular FTS5 table, not external content: the
stems are in no other table, and SQLite 3.40 has no ``contentless_delete``). Snippets are built
from the original text. The index is derived data: not synced, rebuilt when missing or when
``servicedesk.search.FORMAT_VERSION`` changes. Rows that exist when this migration runs are
indexed here; afterwards ``services.kb`` keeps the index in step inside the same transaction.
"""
from __future__ import annotations

STATEMENTS = [
    # rowid = kb_article.id; only articles that are not archived.
    "CREATE VIRTUAL TABLE kb_article_fts USING fts5(title, symptoms, cause, solution, tags, "
    "prefix='3', tokenize='unicode61')",
    "CREATE VIRTUAL TABLE kb_article_vocab USING fts5vocab(kb_article_fts, 'row')",
    # rowid = service_request.id; resolved/closed requests with a final report.
    # refs: tokens u<unit id>, p<product id>, f<family> (weight 0, used to find same-product cases)
    "CREATE VIRTUAL TABLE kb_request_fts USING fts5(problem, report, refs, tokenize='unicode61')",
    "CREATE VIRTUAL TABLE kb_request_vocab USING fts5vocab(kb_request_fts, 'row')",
    "INSERT INTO kb_request_fts(kb_request_fts, rank) VALUES ('rank', 'bm25(3.0, 1.0, 0.0)')",
    # Which version of each request is in the index: a catch-up pass finds what is missing.
    "CREATE TABLE kb_request_indexed (request_id INTEGER NOT NULL PRIMARY KEY, "
    "version INTEGER NOT NULL)",
    # Document frequency of each term of the request index ('' = number of requests): fts5vocab
    # reads whole doclists to count (a quarter of a second over 200,000 requests).
    "CREATE TABLE kb_request_terms (term VARCHAR(80) NOT NULL PRIMARY KEY, "
    "docs INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE kb_index_state (key VARCHAR(40) NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
]


def up(db) -> None:
    for sql in STATEMENTS:
        db.execute_sql(sql)
    from ..search.index import rebuild_indexes

    rebuild_indexes(db)
