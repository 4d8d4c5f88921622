"""What the user typed → groups of index terms, one group per meaningful word (R-KB-1, R-KB-2).

A group holds the word's own stem and what counts as that word, each with a weight: its product
code forms, its Italian translation (English terms), its synonyms, its typo corrections, and the
word being typed as a prefix. Nothing here knows the index engine: ``search.fts5`` turns groups
into an FTS5 MATCH expression, ``search.rank`` scores documents against them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol

from . import english, layers
from .synonyms import expand
from .text import _WORD, STOP_WORDS, code_forms, fold, stem

# How much a match through each layer counts, against 1.0 for the word itself.
SYNONYM = 0.6
TYPO = 0.7
PREFIX = 0.8
MAX_GROUPS = 64  # a pasted log must not become a thousand-word query
FIRST_WORDS = 12  # with the "content" layer off: only the first words count (as before #15)


class TermStats(Protocol):
    """What parsing needs to know about an index: is a term in it, which terms are close."""

    def __contains__(self, term: str) -> bool: ...

    def has_prefix(self, prefix: str) -> bool: ...

    def stem_of(self, word: str) -> str | None: ...

    def similar(self, word: str, stemmed: str) -> list[str]: ...


@dataclass
class Group:
    """One word of the query and the index terms that count as that word, with their weights."""

    word: str
    terms: dict[str, float] = field(default_factory=dict)
    prefixes: dict[str, float] = field(default_factory=dict)  # the word being typed
    kind: str = "word"  # "word", "code" (an extra form of a product code), "english"

    def add(self, term: str, weight: float) -> None:
        if term:
            self.terms[term] = max(weight, self.terms.get(term, 0.0))


@dataclass
class ParsedQuery:
    groups: list[Group]

    @property
    def empty(self) -> bool:
        return not self.groups

    def all_terms(self) -> set[str]:
        return {t for g in self.groups for t in g.terms}

    def all_prefixes(self) -> set[str]:
        return {p for g in self.groups for p in g.prefixes}


def _english_phrases(tokens: list[str]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Two-word English terms ("air conditioner") by the index of their first word (where two
    overlap, :func:`parse` takes the first and skips the word they share)."""
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    for i in range(len(tokens) - 1):
        phrase = f"{tokens[i]} {tokens[i + 1]}"
        italian = english.translate(phrase)
        if italian is not None:
            out[i] = (phrase, italian)
    return out


def parse(text: str, *, prefix_last: bool = False, vocab: TermStats | None = None,
          is_word: Callable[[str], bool] | None = None,
          max_groups: int = MAX_GROUPS) -> ParsedQuery:
    """Parse ``text``.

    ``prefix_last``: the last word is still being typed, match it as a prefix too.
    ``vocab``: the index's terms; a word none of whose terms is in it, that is longer than three
    letters and that ``is_word`` does not know (not an Italian word), is matched to the index
    terms a typo away. Without ``vocab`` there is no typo correction.
    """
    on = layers.current()
    folded = fold(text)
    tokens = _WORD.findall(folded)
    if not on.content:
        tokens = tokens[:FIRST_WORDS]
    ends_open = prefix_last and on.prefix and bool(text) and not text[-1].isspace()
    phrases = _english_phrases(tokens) if on.english else {}
    groups: list[Group] = []
    seen: set[str] = set()
    skip_next = False
    for i, word in enumerate(tokens):
        if skip_next:
            skip_next = False
            continue
        last = ends_open and i == len(tokens) - 1
        if i in phrases:
            phrase, italian = phrases[i]
            group = Group(phrase, kind="english")
            for s in italian:
                group.add(s, 1.0)
                for alt in expand(s):
                    group.add(alt, SYNONYM)
            groups.append(group)
            skip_next = True
            continue
        if not last and (word in STOP_WORDS or len(word) < 2
                         or (on.english and word in english.STOP_WORDS)):
            continue
        s = stem(word)
        if s in seen and not last:
            continue
        seen.add(s)
        group = Group(word)
        group.add(s, 1.0)
        italian = english.translate(word) if on.english else None
        for t in italian or ():
            group.add(t, 1.0)
        for base in [s, *(italian or ())]:
            for alt in expand(base):
                group.add(alt, SYNONYM)
        if last and len(word) >= 3 and (vocab is None or vocab.has_prefix(word)):
            group.prefixes[word] = PREFIX  # "incep" → inceppamento, not "man" for "mani"
        elif last and vocab is not None and vocab.stem_of(word):  # a stem: 4 letters or more
            group.add(vocab.stem_of(word), PREFIX)  # typed past the stem: "inceppament"
        elif _wants_typo(word, group, vocab, is_word, on.typo):
            for alt in vocab.similar(word, s):  # type: ignore[union-attr]
                group.add(alt, TYPO)
                for syn in expand(alt):
                    group.add(syn, TYPO * SYNONYM)
        if not last and any(group.terms.keys() <= g.terms.keys() for g in groups):
            continue  # "stampante multifunzione": the same synonym group twice adds nothing
        groups.append(group)
    if on.codes:
        known = {t for g in groups for t in g.terms}
        for code in dict.fromkeys(code_forms(folded)):
            s = stem(code)
            if s not in known:
                known.add(s)
                group = Group(code, kind="code")
                group.add(s, 1.0)
                groups.append(group)
    return ParsedQuery(groups[:max_groups])


def _wants_typo(word: str, group: Group, vocab: TermStats | None,
                is_word: Callable[[str], bool] | None, enabled: bool) -> bool:
    """Correct only a word that the index lacks, that is long enough to have a typo, that is
    not a code and that is not an Italian (or glossary English) word absent from the KB."""
    if not enabled or vocab is None or len(word) < 4 or not word.isalpha():
        return False
    if any(t in vocab for t in group.terms):
        return False
    if english.is_english(word):
        return False
    return not (is_word is not None and is_word(word))


def informative(groups: Iterable[Group], df: Callable[[Group], int], total: int,
                limit: int, budget: int | None = None, least: int = 3) -> list[Group]:
    """The most telling groups that the index has, rarest first: what a long pasted e-mail is
    about, without its greeting. At most ``limit`` of them, and, with ``budget``, only as many
    as keep the documents they match (summed) within it, but at least ``least``: the engine
    ranks every match, and a common word ("caldaia") matches thousands. Groups in more than
    half of a large index are left to the scoring (they cannot select candidates)."""
    scored = []
    for i, g in enumerate(groups):
        n = df(g)
        if n <= 0:
            continue
        if total > 200 and n > total // 2 and not g.prefixes:
            continue
        scored.append((n, i, g))
    if layers.current().content:  # rarest first; ties (a stable sort) and without it: as typed
        scored.sort(key=lambda x: x[0])
    out: list[Group] = []
    spent = 0
    for n, _, g in scored[:limit]:
        if budget is not None and len(out) >= least and spent + n > budget:
            break
        out.append(g)
        spent += n
    return out
