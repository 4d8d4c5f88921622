"""Switches for each layer of the KB search, so the eval can measure what each one earns."""
from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Layers:
    stemming: bool = True  # Italian stems (stampante = stampanti); off: folded words
    synonyms: bool = True  # the thesaurus of search/synonyms.py
    typo: bool = True  # unknown, non-Italian words matched to index terms an edit or two away
    prefix: bool = True  # the word being typed matched as a prefix
    codes: bool = True  # product codes joined and split (HL-L6400DW = HLL6400DW, Wi-Fi = wifi)
    english: bool = True  # English terms → Italian words (printer → stampante)
    content: bool = True  # long texts: the most telling words, not the first ones
    product_boost: bool = True  # suggestions: the request's exact model first, then its family


_current = Layers()


def current() -> Layers:
    return _current


@contextlib.contextmanager
def using(**changes: bool) -> Iterator[Layers]:
    """Run with some layers switched (eval and tests only; not thread-safe by design)."""
    global _current
    previous = _current
    _current = dataclasses.replace(previous, **changes)
    _clear_caches()
    try:
        yield _current
    finally:
        _current = previous
        _clear_caches()


def _clear_caches() -> None:
    from . import english, lexicon, synonyms, text

    text.clear_cache()
    for cached in (synonyms._table, english._table, lexicon.is_italian):
        cached.cache_clear()
