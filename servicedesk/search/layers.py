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
    typo: bool = True  # unknown words matched to index terms an edit or two away
    prefix: bool = True  # the word being typed matched as a prefix
    product_boost: bool = True  # suggestions: the request's product / family first


_current = Layers()


def current() -> Layers:
    return _current


@contextlib.contextmanager
def using(**changes: bool) -> Iterator[Layers]:
    """Run with some layers switched (eval and tests only; not thread-safe by design)."""
    global _current
    previous = _current
    _current = dataclasses.replace(previous, **changes)
    from .text import stem

    stem.cache_clear()
    try:
        yield _current
    finally:
        _current = previous
        stem.cache_clear()
