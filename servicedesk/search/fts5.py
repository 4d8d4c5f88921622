"""The KB engine on SQLite FTS5: candidates, stored stems and statistics (see search.engine)."""
from __future__ import annotations

import threading
from typing import Sequence

from .query import Group
from .rank import Corpus
from .typo import Vocabulary

ARTICLE_COLUMNS = ("title", "symptoms", "cause", "solution", "tags")
# FTS5's own bm25 column weights, only to pick candidates (the real score is search.rank's)
_CANDIDATE_WEIGHTS = "10.0, 6.0, 2.0, 1.5, 4.0"

_lock = threading.Lock()
_cache: dict[tuple, tuple[Vocabulary, Corpus]] = {}


def expression(group: Group) -> str:
    """A group as an FTS5 expression: any of its terms, its prefixes with ``*``."""
    parts = [f'"{t}"' for t in sorted(group.terms)]
    parts += [f'"{p}"*' for p in sorted(group.prefixes)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def any_of(groups: list[Group]) -> str:
    return " OR ".join(expression(g) for g in groups)


class Fts5Engine:
    def __init__(self, db) -> None:
        self.db = db
        self._articles: tuple[Vocabulary, Corpus] | None = None  # looked up once per use

    # -- articles ----------------------------------------------------------------------------
    def _article_index(self) -> tuple[Vocabulary, Corpus]:
        if self._articles is None:
            self._articles = self._load_article_index()
        return self._articles

    def _load_article_index(self) -> tuple[Vocabulary, Corpus]:
        db = self.db
        gen = db.execute_sql("SELECT value FROM kb_index_state WHERE key = 'articles_gen'"
                             ).fetchone()
        key = (id(db), str(getattr(db, "database", "")), gen[0] if gen else "0")
        with _lock:
            found = _cache.get(key)
        if found is not None:
            return found
        vocab = Vocabulary(db.execute_sql("SELECT term, doc FROM kb_article_vocab").fetchall())
        lengths = ", ".join(f"avg(length({c}) - length(replace({c}, ' ', '')) + ({c} != ''))"
                            for c in ARTICLE_COLUMNS)
        row = db.execute_sql(f"SELECT count(*), {lengths} FROM kb_article_fts").fetchone()
        vocab.docs = row[0]
        corpus = Corpus(row[0], vocab.df, [x or 1.0 for x in row[1:]])
        with _lock:
            _cache.clear()
            _cache[key] = (vocab, corpus)
        return vocab, corpus

    def article_vocabulary(self) -> Vocabulary:
        return self._article_index()[0]

    def article_corpus(self) -> Corpus:
        return self._article_index()[1]

    def article_candidates(self, groups: list[Group], limit: int, where: Sequence[str] = (),
                           params: Sequence[object] = ()) -> list[int]:
        if not groups:
            return []
        rank = f"bm25(kb_article_fts, {_CANDIDATE_WEIGHTS})"
        if not where:  # archived articles are not in the index: no join needed
            sql = (f"SELECT rowid FROM kb_article_fts WHERE kb_article_fts MATCH ? "
                   f"ORDER BY {rank} LIMIT ?")
        else:
            sql = (f"SELECT kb_article_fts.rowid FROM kb_article_fts "
                   f"JOIN kb_article a ON a.id = kb_article_fts.rowid "
                   f"WHERE kb_article_fts MATCH ? AND a.archived = 0"
                   f"{''.join(' AND ' + w for w in where)} ORDER BY {rank} LIMIT ?")
        return [r[0] for r in self.db.execute_sql(sql, (any_of(groups), *params, limit))]

    def product_articles(self, product_ids: Sequence[int], limit: int) -> list[int]:
        if not product_ids:
            return []
        marks = ",".join("?" * len(product_ids))
        return [r[0] for r in self.db.execute_sql(
            f"SELECT id FROM kb_article WHERE product_id IN ({marks}) AND archived = 0 "
            "ORDER BY applied_count DESC, id DESC LIMIT ?", (*product_ids, limit))]

    def article_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute_sql(
            f"SELECT rowid, {', '.join(ARTICLE_COLUMNS)} FROM kb_article_fts "
            f"WHERE rowid IN ({marks})", tuple(ids)).fetchall()
        return [(r[0], r[1:]) for r in rows]

    # -- past requests -------------------------------------------------------------------------
    def request_corpus(self, terms: set[str]) -> Corpus:
        wanted = sorted(terms | {""})
        marks = ",".join("?" * len(wanted))
        df = dict(self.db.execute_sql(
            f"SELECT term, docs FROM kb_request_terms WHERE term IN ({marks})",
            tuple(wanted)).fetchall())
        total = df.pop("", 0)
        return Corpus(total, df, [0.0, 0.0])

    def request_candidates(self, groups: list[Group], want: int,
                           refs: Sequence[str] = ()) -> list[int]:
        """The k most telling groups all required (k = 3, 2, 1), newest first: FTS5 walks its
        doclists backwards and stops at ``want``, so no ranking of tens of thousands of
        matches; looser tiers only run when the stricter ones found too few."""
        found: dict[int, None] = {}
        extra = f" AND refs : ({' OR '.join(refs)})" if refs else ""
        for k in range(min(3, len(groups)), 0, -1):
            expr = ("{problem report} : (" + " AND ".join(expression(g) for g in groups[:k])
                    + ")" + extra)
            for (rid,) in self.db.execute_sql(
                    "SELECT rowid FROM kb_request_fts WHERE kb_request_fts MATCH ? "
                    "ORDER BY rowid DESC LIMIT ?", (expr, want)):
                found.setdefault(rid, None)
            if len(found) >= want // 2:
                break
        return list(found)

    def request_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute_sql(
            f"SELECT rowid, problem, report FROM kb_request_fts WHERE rowid IN ({marks})",
            tuple(ids)).fetchall()
        return [(r[0], r[1:]) for r in rows]

    def request_df(self, term: str) -> int:
        row = self.db.execute_sql("SELECT docs FROM kb_request_terms WHERE term = ?",
                                  (term,)).fetchone()
        return row[0] if row else 0
