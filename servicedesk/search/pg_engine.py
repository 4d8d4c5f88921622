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
from collections import Counter
from typing import Sequence

from .engine_base import ARTICLE_COLUMNS, IndexEngine
from .query import Group
from .rank import Corpus
# FTS5's bm25 column weights in search.fts5, only to order candidates
_CANDIDATE_WEIGHTS = (10.0, 6.0, 2.0, 1.5, 4.0)
_K1, _B = 1.2, 0.75


def expression(group: Group) -> str:
    """A group as a tsquery: any of its terms, its prefixes with ``:*``."""
    parts = [f"'{t}'" for t in sorted(group.terms)]
    parts += [f"'{p}':*" for p in sorted(group.prefixes)]
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def any_of(groups: list[Group]) -> str:
    return " | ".join(expression(g) for g in groups)


def _clean(term: str) -> str:
    return term.replace("'", "").replace("\\", "")


class PgEngine(IndexEngine):
    VOCAB_SQL = "SELECT word, ndoc FROM ts_stat('SELECT words FROM kb_article_index')"
    ARTICLE_TABLE, ARTICLE_ID = "kb_article_index", "article_id"
    REQUEST_TABLE, REQUEST_ID = "kb_request_index", "request_id"
    NOT_ARCHIVED = "NOT archived"

    @staticmethod
    def _words_of(column: str) -> str:
        return (f"length({column}) - length(replace({column}, ' ', '')) "
                f"+ CASE WHEN {column} <> '' THEN 1 ELSE 0 END")

    # -- articles ----------------------------------------------------------------------------
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

    # -- past requests -------------------------------------------------------------------------
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
