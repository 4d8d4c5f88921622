"""What the user typed → FTS5 MATCH expression: stems, synonyms, typo fallback, prefix while typing."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from . import layers
from .synonyms import expand
from .text import STOP_WORDS, stem, words

MAX_GROUPS = 12  # a pasted description of 200 words must not become a 200-term OR query


@dataclass
class Group:
    """One word of the query and the index terms that count as that word."""

    word: str
    terms: set[str] = field(default_factory=set)  # exact stems
    prefixes: set[str] = field(default_factory=set)  # stems matched as prefixes (word being typed)

    def expression(self) -> str:
        parts = [f'"{t}"' for t in sorted(self.terms)]
        parts += [f'"{p}"*' for p in sorted(self.prefixes)]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


@dataclass
class ParsedQuery:
    groups: list[Group]

    @property
    def empty(self) -> bool:
        return not self.groups

    def all_terms(self) -> set[str]:
        out: set[str] = set()
        for g in self.groups:
            out |= g.terms
        return out

    def all_prefixes(self) -> set[str]:
        out: set[str] = set()
        for g in self.groups:
            out |= g.prefixes
        return out

    def match(self, columns: Iterable[str] | None = None) -> str:
        """The MATCH expression: any group may match (bm25 ranks those matching more first)."""
        body = " OR ".join(g.expression() for g in self.groups)
        if columns:
            return "{" + " ".join(columns) + "} : (" + body + ")"
        return body


def parse(text: str, *, prefix_last: bool = False,
          similar: Callable[[str, str], list[str]] | None = None,
          known: Callable[[str], bool] | None = None,
          max_groups: int = MAX_GROUPS) -> ParsedQuery:
    """Parse ``text``.

    ``prefix_last``: the last word is still being typed, match it as a prefix.
    ``known(stem)`` tells whether the index has the term; when it does not and ``similar`` is
    given, ``similar(word, stem)`` proposes index terms a typo away (light typo tolerance).
    """
    if not layers.current().typo:
        similar = None
    if not layers.current().prefix:
        prefix_last = False
    raw = words(text)
    ends_open = prefix_last and bool(text) and not text[-1].isspace()
    groups: list[Group] = []
    seen: set[str] = set()
    for i, word in enumerate(raw):
        last = ends_open and i == len(raw) - 1
        if (word in STOP_WORDS and not last) or len(word) < 2:
            continue
        s = stem(word)
        if s in seen and not last:
            continue
        seen.add(s)
        group = Group(word)
        if last and len(word) >= 3:
            group.prefixes.add(s if word.startswith(s) else word)
            group.terms.add(s)
        else:
            group.terms.add(s)
        for alt in expand(word, s):
            group.terms.add(alt)
        if known is not None and similar is not None and not last and len(word) >= 4 \
                and not any(known(t) for t in group.terms):
            for alt in similar(word, s):
                group.terms.add(alt)
                for syn in expand(alt, alt):
                    group.terms.add(syn)
        if not last and any(group.terms <= g.terms for g in groups):
            continue  # "errore … segnala": the same synonym group twice adds nothing
        groups.append(group)
    if len(groups) > max_groups:
        groups = groups[:max_groups]
    return ParsedQuery(groups)
