"""The small interface between the KB ranking and an index engine (R-KB-1, R-KB-2, R-X-6).

Parsing (``search.query``), scoring (``search.rank``) and the boosts (``queries.kb``) are the
same for every engine; an engine only answers these questions. ``search.fts5`` answers them
with SQLite FTS5; a PostgreSQL engine answers them with tsvector/GIN and reaches the same
eval figures.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from .query import Group
from .rank import Corpus
from .typo import Vocabulary


class Engine(Protocol):
    # -- articles: title, symptoms, cause, solution, tags (stems separated by spaces) ----------
    def article_vocabulary(self) -> Vocabulary:
        """Every term of the article index with its document count (cached until an article
        changes)."""

    def article_corpus(self) -> Corpus:
        """Document count, document frequencies and average field lengths of the articles."""

    def article_candidates(self, groups: list[Group], limit: int, where: Sequence[str] = (),
                           params: Sequence[object] = ()) -> list[int]:
        """Ids of up to ``limit`` articles (not archived) matching any group, best first by the
        engine's own cheap ranking; ``where`` are SQL conditions on ``kb_article a``."""

    def product_articles(self, product_ids: Sequence[int], limit: int) -> list[int]:
        """Ids of the articles written for these products (not archived), most applied first."""

    def article_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        """The indexed (stemmed) fields of these articles."""

    # -- past requests: problem, report ----------------------------------------------------
    def request_corpus(self, terms: set[str]) -> Corpus:
        """Document count and the document frequencies of ``terms`` in the request index."""

    def request_candidates(self, groups: list[Group], want: int,
                           refs: Sequence[str] = ()) -> list[int]:
        """Ids of past requests matching the most telling groups (all of the first ones when
        there are enough), newest first; with ``refs`` only those of these units/products."""

    def request_fields(self, ids: Sequence[int]) -> list[tuple[int, Sequence[str]]]:
        """The indexed (stemmed) problem and report of these requests."""

    def request_df(self, term: str) -> int:
        """In how many past requests ``term`` occurs."""


def engine_for(db) -> Engine:
    """The engine of ``db``: SQLite FTS5 for a file database, PostgreSQL's full-text search
    for a server (search.pg_engine)."""
    if getattr(db, "dialect", "sqlite") == "postgresql":
        from .pg_engine import PgEngine

        return PgEngine(db)
    from .fts5 import Fts5Engine

    return Fts5Engine(db)
