"""The KB engine on SQLite FTS5: candidates, stored stems and statistics (see search.engine)."""
from __future__ import annotations

from typing import Sequence

from .engine_base import ARTICLE_COLUMNS, IndexEngine
from .query import Group

__all__ = ["ARTICLE_COLUMNS", "Fts5Engine", "any_of", "expression"]

# FTS5's own bm25 column weights, only to pick candidates (the real score is search.rank's)
_CANDIDATE_WEIGHTS = "10.0, 6.0, 2.0, 1.5, 4.0"


def expression(group: Group) -> str:
    """A group as an FTS5 expression: any of its terms, its prefixes with ``*``."""
    parts = [f'"{t}"' for t in sorted(group.terms)]
    parts += [f'"{p}"*' for p in sorted(group.prefixes)]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def any_of(groups: list[Group]) -> str:
    return " OR ".join(expression(g) for g in groups)


class Fts5Engine(IndexEngine):
    VOCAB_SQL = "SELECT term, doc FROM kb_article_vocab"
    ARTICLE_TABLE, ARTICLE_ID = "kb_article_fts", "rowid"
    REQUEST_TABLE, REQUEST_ID = "kb_request_fts", "rowid"
    NOT_ARCHIVED = "archived = 0"

    @staticmethod
    def _words_of(column: str) -> str:
        return f"length({column}) - length(replace({column}, ' ', '')) + ({column} != '')"

    # -- articles ----------------------------------------------------------------------------
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

    # -- past requests -------------------------------------------------------------------------
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
