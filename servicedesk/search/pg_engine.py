"""The KB engine on PostgreSQL's full-text search (see search.engine; R-KB-1, R-KB-2, R-X-6).

The index holds the same stems as SQLite's FTS5 tables (search.pg_index); GIN indexes over their
``tsvector`` find the candidates, and the candidates are ordered as FTS5 orders them (bm25 with
the same column weights, computed here over the matching rows), so the ranking proper —
search.rank, the same for every engine — sees the same candidates and the eval figures match.
The vocabulary for typo correction comes from ``ts_stat``; the terms of past requests have a
trigram index for the same purpose.
"""
from __future__ import annotations

import math
import threading
from collections import Counter
from typing import Sequence

from .query import Group
from .rank import Corpus
from .typo import Vocabulary

ARTICLE_COLUMNS = ("title", "symptoms", "cause", "solution", "tags")
# FTS5's bm25 column weights in search.fts5, only to order candidates
_CANDIDATE_WEIGHTS = (10.0, 6.0, 2.0, 1.5, 4.0)
_K1, _B = 1.2, 0.75

_lock = threading.Lock()
_cache: dict[tuple, tuple[Vocabulary, Corpus]] = {}


def expression(group: Group) -> str:
    """A group as a tsquery: any of its terms, its prefixes with ``:*``."""
    parts = [f"'{t}'" for t in sorted(group.terms)]
    parts += [f"'{p}':*" for p in sorted(group.prefixes)]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def any_of(groups: list[Group]) -> str:
    return " | ".join(expression(g) for g in groups)


def _clean(term: str) -> str:
    return term.replace("'", "").replace("\\", "")


class PgEngine:
    def __init__(self, db) -> None:
        self.db = db
        self._articles: tuple[Vocabulary, Corpus] | None = None

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
        vocab = Vocabulary(db.execute_sql(
            "SELECT word, ndoc FROM ts_stat('SELECT words FROM kb_article_index')").fetchall())
        lengths = ", ".join(f"avg(length({c}) - length(replace({c}, ' ', '')) "
                            f"+ CASE WHEN {c} <> '' THEN 1 ELSE 0 END)" for c in ARTICLE_COLUMNS)
        row = db.execute_sql(f"SELECT count(*), {lengths} FROM kb_article_index").fetchone()
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

    def article_candidates(self, groups: list[Group], limit: int, where: Sequence[str] = (),
                           params: Sequence[object] = ()) -> list[int]:
        if not groups:
            return []
        cols = ", ".join(f"i.{c}" for c in ARTICLE_COLUMNS)
        sql = (f"SELECT i.article_id, {cols} FROM kb_article_index i "
               + ("JOIN kb_article a ON a.id = i.article_id " if where else "")
               + "WHERE i.words @@ to_tsquery('simple', ?)"
               + "".join(" AND " + w for w in where))
        rows = self.db.execute_sql(sql, (any_of(groups), *params)).fetchall()
        return _bm25_order(groups, rows, self.article_corpus())[:limit]

    def product_articles(self, product_ids: Sequence[int], limit: int) -> list[int]:
        if not product_ids:
            return []
        marks = ",".join("?" * len(product_ids))
        return [r[0] for r in self.db.execute_sql(
            f"SELECT id FROM kb_article WHERE product_id IN ({marks}) AND NOT archived "
            "ORDER BY applied_count DESC, id DESC LIMIT ?", (*product_ids, limit))]

    def article_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute_sql(
            f"SELECT article_id, {', '.join(ARTICLE_COLUMNS)} FROM kb_article_index "
            f"WHERE article_id IN ({marks})", tuple(ids)).fetchall()
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
        """The k most telling groups all required (k = 3, 2, 1), newest first, as in FTS5."""
        found: dict[int, None] = {}
        extra = ""
        params_extra: tuple = ()
        if refs:
            extra = " AND refs_words @@ to_tsquery('simple', ?)"
            params_extra = (" | ".join(f"'{_clean(r)}'" for r in refs),)
        for k in range(min(3, len(groups)), 0, -1):
            expr = " & ".join(expression(g) for g in groups[:k])
            for (rid,) in self.db.execute_sql(
                    "SELECT request_id FROM kb_request_index WHERE words @@ to_tsquery('simple', ?)"
                    f"{extra} ORDER BY request_id DESC LIMIT ?", (expr, *params_extra, want)):
                found.setdefault(rid, None)
            if len(found) >= want // 2:
                break
        return list(found)

    def request_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute_sql(
            f"SELECT request_id, problem, report FROM kb_request_index "
            f"WHERE request_id IN ({marks})", tuple(ids)).fetchall()
        return [(r[0], r[1:]) for r in rows]

    def request_df(self, term: str) -> int:
        row = self.db.execute_sql("SELECT docs FROM kb_request_terms WHERE term = ?",
                                  (term,)).fetchone()
        return row[0] if row else 0


def _bm25_order(groups: list[Group], rows: list[tuple], corpus: Corpus) -> list[int]:
    """Ids of ``rows`` (id, *columns) best first by FTS5's bm25: every term and prefix of the
    query a phrase, column frequencies weighted, document length over all columns."""
    phrases = [(t, False) for g in groups for t in g.terms] + \
              [(p, True) for g in groups for p in g.prefixes]
    docs = [(r[0], [c.split() for c in r[1:]]) for r in rows]
    n_docs = max(corpus.docs, 1)
    avg = sum(corpus.avg_len) or 1.0
    hits: Counter = Counter()
    freqs: dict[int, dict[tuple[str, bool], float]] = {}
    for rid, columns in docs:
        per: dict[tuple[str, bool], float] = {}
        for phrase in phrases:
            term, prefix = phrase
            f = 0.0
            for weight, tokens in zip(_CANDIDATE_WEIGHTS, columns):
                n = sum(1 for t in tokens if (t.startswith(term) if prefix else t == term))
                f += weight * n
            if f:
                per[phrase] = f
                hits[phrase] += 1
        freqs[rid] = per
    scored = []
    for rid, columns in docs:
        length = sum(len(c) for c in columns)
        score = 0.0
        for phrase, f in freqs[rid].items():
            n = hits[phrase]
            idf = max(math.log((n_docs - n + 0.5) / (n + 0.5)), 1e-6)
            score += idf * f * (_K1 + 1) / (f + _K1 * (1 - _B + _B * length / avg))
        scored.append((-score, rid))
    scored.sort()
    return [rid for _, rid in scored]
