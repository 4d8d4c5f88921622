"""Is it an Italian word? The word list of pyspellchecker (about 120,000 Italian forms), widened
by the stemmer: a form missing from the list counts when another ending of its stem is listed
(condizionatore ← condizione). Typo correction only touches words that are not Italian."""
from __future__ import annotations

import gzip
import json
import threading
from functools import lru_cache

from .text import fold, stem, words

# Endings tried on a stem to find a listed relative (nouns, adjectives, verbs).
_ENDINGS = ("", "o", "a", "i", "e", "are", "ere", "ire", "ato", "ata", "ati", "ate", "ito",
            "ita", "uto", "uta", "ione", "ioni", "ore", "ori", "ice", "mento", "menti", "ando",
            "endo", "ante", "ente", "anti", "enti", "ava", "eva", "iva", "iamo", "ano", "ono")

_lock = threading.Lock()
_words: frozenset[str] | None = None


def _load_list() -> frozenset[str]:
    try:
        from ..resources import dependency_file

        raw = dependency_file("spellchecker", "resources/it.json.gz").read_bytes()
        listed = _keys(gzip.decompress(raw).decode("utf-8"))
    except (OSError, ValueError, ModuleNotFoundError):  # layout changed: the public API
        from spellchecker import SpellChecker

        listed = SpellChecker(language="it").word_frequency.dictionary
    out: set[str] = set()
    for entry in listed:
        out.update(w for w in words(entry) if w.isalpha())
    return frozenset(out)


def _keys(text: str) -> list[str]:
    """The words of the list: the keys of a JSON object written one ``"word": count`` per line.
    Read line by line in Python, so that a thread reading it at start-up gives the interpreter
    back to the window between lines; ``json.loads`` held it for 120 ms in one call (the
    window froze that long while it started). Another layout: ``json.loads``."""
    lines = text.splitlines()
    if len(lines) < 3 or lines[0] != "{" or lines[-1] != "}":
        return list(json.loads(text))
    out = []
    for line in lines[1:-1]:
        key, sep, count = line.rstrip(",").rpartition(": ")
        if not sep or len(key) < 2 or key[0] != '"' or key[-1] != '"' or not count.isdigit():
            return list(json.loads(text))
        out.append(json.loads(key) if "\\" in key else key[1:-1])
    return out


def italian_words() -> frozenset[str]:
    """The folded word list, loaded once (about 0.2 s) on first use."""
    global _words
    if _words is None:
        with _lock:
            if _words is None:
                _words = _load_list()
    return _words


@lru_cache(maxsize=20_000)
def is_italian(word: str) -> bool:
    """``word`` (folded) is an Italian word, or an inflection of one."""
    listed = italian_words()
    if word in listed:
        return True
    s = stem(word)
    if len(s) < 4:  # "fal" + "o" is a word, "falito" is not
        return False
    return any(s + e in listed for e in _ENDINGS)


def preload() -> None:
    """Load the word list now (a background thread at start-up), not at the first search."""
    italian_words()
    fold("")
