"""Scoring documents against a parsed query: BM25F over the stored stems of a few candidates.

The index engine (SQLite FTS5 today, PostgreSQL full-text search later) only proposes
candidates and hands back their stemmed fields and the document frequencies; the score is
computed here, so every engine ranks alike. A query group scores once per document, with the
weight of the best way it matched (the word itself 1.0, a synonym or a typo correction less).
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .query import Group

K1 = 1.2
B = 0.75


@dataclass
class Corpus:
    """Statistics of one index: documents, document frequency of each term, field lengths."""

    docs: int
    df: Mapping[str, int]
    avg_len: Sequence[float]
    _sorted: list[str] | None = field(default=None, repr=False)

    def prefix_df(self, prefix: str) -> int:
        """Documents holding a term that starts with ``prefix`` (an upper bound, capped)."""
        if self._sorted is None:
            self._sorted = sorted(self.df)
        i = bisect.bisect_left(self._sorted, prefix)
        total = 0
        while i < len(self._sorted) and self._sorted[i].startswith(prefix):
            total += self.df[self._sorted[i]]
            i += 1
            if total >= self.docs:
                return self.docs
        return total

    def terms_with_prefix(self, prefix: str, limit: int) -> list[str]:
        """Index terms that start with ``prefix``, the most frequent first (at most ``limit``)."""
        if self._sorted is None:
            self._sorted = sorted(self.df)
        i = bisect.bisect_left(self._sorted, prefix)
        j = bisect.bisect_left(self._sorted, prefix + "\uffff", i)
        found = self._sorted[i:j]
        if len(found) > limit:
            found = sorted(found, key=lambda t: -self.df[t])[:limit]
        return found

    def group_df(self, g: Group) -> int:
        """How many documents the group's word may match: its own most frequent form."""
        best = max((self.df.get(t, 0) for t, w in g.terms.items()), default=0)
        for p in g.prefixes:
            best = max(best, self.prefix_df(p))
        return min(best, self.docs)

    def idf(self, g: Group) -> float:
        n = self.group_df(g)
        return math.log(1 + (self.docs - n + 0.5) / (n + 0.5)) if n else 0.0


MAX_PREFIX_TERMS = 500  # "s" typed: the commonest few hundred words are plenty


def bm25f(groups: list[Group], corpus: Corpus, docs: Iterable[tuple[int, Sequence[str]]],
          weights: Sequence[float]) -> dict[int, float]:
    """Score ``docs`` (id, stemmed fields as space-separated strings) against ``groups``."""
    owners: dict[str, list[tuple[int, float]]] = {}
    for i, g in enumerate(groups):
        for t, w in g.terms.items():
            owners.setdefault(t, []).append((i, w))
        for p, w in g.prefixes.items():  # the word being typed: the index terms it begins
            for t in corpus.terms_with_prefix(p, MAX_PREFIX_TERMS):
                owners.setdefault(t, []).append((i, w))
    wanted = owners.keys()
    idf = [corpus.idf(g) for g in groups]
    avg = [a or 1.0 for a in corpus.avg_len]
    out: dict[int, float] = {}
    for doc_id, fields in docs:
        tf = [0.0] * len(groups)
        for f, text in enumerate(fields):
            if not text or not weights[f]:
                continue
            tokens = text.split()
            matched = wanted & set(tokens)  # set operations in C: most tokens match nothing
            if not matched:
                continue
            norm = weights[f] / (1 - B + B * len(tokens) / avg[f])
            for t in matched:
                n = tokens.count(t) * norm
                for i, w in owners[t]:
                    tf[i] += n * w  # each form of a group counts with its own weight
        out[doc_id] = sum(idf[i] * x * (K1 + 1) / (x + K1) for i, x in enumerate(tf) if x)
    return out
