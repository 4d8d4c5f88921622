"""What the two KB engines (SQLite FTS5, PostgreSQL full-text) share: the cached article
statistics, the stored fields and the request-term counts; each engine says where its index lives
and finds its candidates its own way (see search.engine; R-KB-1, R-KB-2)."""
from __future__ import annotations

import threading
from typing import Sequence

from .rank import Corpus
from .typo import Vocabulary

ARTICLE_COLUMNS = ("title", "symptoms", "cause", "solution", "tags")

_lock = threading.Lock()
# (engine, connection, database, generation of the article index) → its statistics; one entry
_cache: dict[tuple, tuple[Vocabulary, Corpus]] = {}


class IndexEngine:
    """An engine over a KB index: subclasses name their tables and SQL, and find candidates."""

    VOCAB_SQL: str  # (term, documents) of every stem in the article index
    ARTICLE_TABLE: str  # the stored article fields, one row per article
    ARTICLE_ID: str  # its column holding the article's id
    REQUEST_TABLE: str  # the stored problem and report of past requests
    REQUEST_ID: str  # its column holding the request's id
    NOT_ARCHIVED: str  # the dialect's "article not archived" condition

    def __init__(self, db) -> None:
        self.db = db
        self._articles: tuple[Vocabulary, Corpus] | None = None  # looked up once per use

    @staticmethod
    def _words_of(column: str) -> str:
        """SQL counting the words of ``column`` (0 for an empty one)."""
        raise NotImplementedError

    # -- articles ----------------------------------------------------------------------------
    def _article_index(self) -> tuple[Vocabulary, Corpus]:
        if self._articles is None:
            self._articles = self._load_article_index()
        return self._articles

    def _load_article_index(self) -> tuple[Vocabulary, Corpus]:
        """Vocabulary and bm25 statistics of the articles, read again only after the index's
        generation moved (an article written)."""
        db = self.db
        gen = db.execute_sql("SELECT value FROM kb_index_state WHERE key = 'articles_gen'"
                             ).fetchone()
        key = (type(self).__name__, id(db), str(getattr(db, "database", "")),
               gen[0] if gen else "0")
        with _lock:
            found = _cache.get(key)
        if found is not None:
            return found
        vocab = Vocabulary(db.execute_sql(self.VOCAB_SQL).fetchall())
        lengths = ", ".join(f"avg({self._words_of(c)})" for c in ARTICLE_COLUMNS)
        row = db.execute_sql(f"SELECT count(*), {lengths} FROM {self.ARTICLE_TABLE}").fetchone()
        vocab.docs = row[0]
        corpus = Corpus(row[0], vocab.df, [float(x or 1.0) for x in row[1:]])
        with _lock:
            _cache.clear()
            _cache[key] = (vocab, corpus)
        return vocab, corpus

    def article_vocabulary(self) -> Vocabulary:
        return self._article_index()[0]

    def article_corpus(self) -> Corpus:
        return self._article_index()[1]

    def product_articles(self, product_ids: Sequence[int], limit: int) -> list[int]:
        """Articles of these products, the most applied first (no words to match)."""
        if not product_ids:
            return []
        marks = ",".join("?" * len(product_ids))
        return [r[0] for r in self.db.execute_sql(
            f"SELECT id FROM kb_article WHERE product_id IN ({marks}) AND {self.NOT_ARCHIVED} "
            "ORDER BY applied_count DESC, id DESC LIMIT ?", (*product_ids, limit))]

    def article_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        return self._fields(self.ARTICLE_TABLE, self.ARTICLE_ID, ARTICLE_COLUMNS, ids)

    # -- past requests -------------------------------------------------------------------------
    def request_corpus(self, terms: set[str]) -> Corpus:
        wanted = sorted(terms | {""})
        marks = ",".join("?" * len(wanted))
        df = dict(self.db.execute_sql(
            f"SELECT term, docs FROM kb_request_terms WHERE term IN ({marks})",
            tuple(wanted)).fetchall())
        total = df.pop("", 0)  # the row of the empty term counts the requests
        return Corpus(total, df, [0.0, 0.0])

    def request_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        return self._fields(self.REQUEST_TABLE, self.REQUEST_ID, ("problem", "report"), ids)

    def request_df(self, term: str) -> int:
        row = self.db.execute_sql("SELECT docs FROM kb_request_terms WHERE term = ?",
                                  (term,)).fetchone()
        return row[0] if row else 0

    def _fields(self, table: str, id_column: str, columns: Sequence[str],
                ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute_sql(
            f"SELECT {id_column}, {', '.join(columns)} FROM {table} "
            f"WHERE {id_column} IN ({marks})", tuple(ids)).fetchall()
        return [(r[0], r[1:]) for r in rows]
