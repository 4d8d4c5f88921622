"""Light typo tolerance: index terms one or two edits away, found through shared trigrams."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from typing import Iterable


def _grams(term: str) -> set[str]:
    padded = f"  {term} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance (with adjacent transpositions), giving up above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Vocabulary:
    """The terms of an index with their document counts, for typo suggestions."""

    def __init__(self, terms: Iterable[tuple[str, int]]) -> None:
        self.df: dict[str, int] = {}
        self.docs = 0  # documents in the index (set by the loader)
        self._sorted: list[str] | None = None
        self._by_gram: dict[str, list[str]] = defaultdict(list)
        for term, docs in terms:
            if docs <= 0:
                continue
            self.df[term] = docs
            if term.isalpha() and len(term) >= 3:
                for g in _grams(term):
                    self._by_gram[g].append(term)

    def __contains__(self, term: str) -> bool:
        return term in self.df

    def has_prefix(self, prefix: str) -> bool:
        """Some index term starts with ``prefix``."""
        if self._sorted is None:
            self._sorted = sorted(self.df)
        i = bisect.bisect_left(self._sorted, prefix)
        return i < len(self._sorted) and self._sorted[i].startswith(prefix)

    def stem_of(self, word: str, shortest: int = 4) -> str | None:
        """The longest index term that ``word`` starts with (at least ``shortest`` letters):
        the stem of a word typed past it ("inceppament" → "incepp")."""
        for k in range(len(word), shortest - 1, -1):
            if word[:k] in self.df:
                return word[:k]
        return None

    def similar(self, word: str, stemmed: str, limit: int = 3) -> list[str]:
        """Index terms within 1 edit (2 for long words) of the stem or of the word itself."""
        out: list[tuple[int, int, str]] = []
        seen: set[str] = set()
        for probe in dict.fromkeys((stemmed, word)):
            max_dist = 1 if len(probe) <= 5 else 2
            grams = _grams(probe)
            counts: Counter[str] = Counter()
            for g in grams:
                counts.update(self._by_gram.get(g, ()))
            need = max(1, len(grams) - 3 * max_dist)
            for term, shared in counts.items():
                if shared < need or term in seen:
                    continue
                d = distance(probe, term, max_dist)
                if d <= max_dist:
                    seen.add(term)
                    out.append((d, -self.df[term], term))
        out.sort()
        return [t for _, _, t in out[:limit]]
