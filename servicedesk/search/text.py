"""Folding (lowercase, accents, punctuation), Italian stemming and product codes, applied to index
and query alike."""
from __future__ import annotations

import re
import threading
import unicodedata
from . import layers

# Bump when folding, stemming, codes or the stop words change: indexes built with an older
# format are rebuilt when the database is opened (see search.index.ensure_indexes).
FORMAT_VERSION = 6

_WORD = re.compile(r"[a-z0-9]+")
# A word and what hangs on it without a space: "HL-L6400DW", "Wi-Fi", "S7-1200", "Print!F"
# (possessive: no backtracking inside words, indexing 200,000 requests stays fast).
_COMPOUND = re.compile(r"(?<![a-z0-9])[a-z0-9]++(?:[-/!][a-z0-9]++)+")
_APOSTROPHE = re.compile(r"['’`´]")

# Italian function words and a few empty words of service requests: they match everything and
# would only slow the OR queries down. Kept short on purpose ("non" stays out: too common).
STOP_WORDS = frozenset("""
a ad al allo ai agli all alla alle agl ho ha hanno abbiamo avete hai aveva avevo c ce ci che chi
col con come cosa cui da dal dallo dai dagli dall dalla dalle de dei del dell dello della delle
degli di e ed era erano essere e gia gli i il in io l la le lo lei lui loro ma me mi mio mia ne
negli nel nell nello nella nelle nei noi non o od per piu po poi qua qual quale quando quanto
quel quella quelle quelli quello questa queste questi questo se sei si sia siamo siete sono
su sua sue sugli sul sull sullo sulla sulle suo suoi ti tra fra tu tua tuo tutto tutti un una
uno vi voi anche ancora molto sempre stato stata stati state sta stanno fa fanno dopo prima
ogni ecc the and of to is va vanno fare fatto puo deve devono stata cliente clienti
segnala segnalano chiede chiesto
buongiorno buonasera salve grazie cortesemente gentilmente prego saluti
""".split())

# One stemmer per thread (a Snowball stemmer keeps state while it works: the index build stems
# on a helper thread while a search may stem on another); created on first use, since
# importing snowballstemmer costs ~50 ms at start-up.
_local = threading.local()


def _italian_stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("italian")
    return stemmer


_COMBINING = re.compile("[\u0300-\u036f]+")


def fold(text: str) -> str:
    """Lowercase, accents removed (perché → perche), apostrophes split (l'acqua → l acqua)."""
    # str methods and one regex, no loop per character: indexing 200,000 requests folds
    # 400,000 texts
    text = text.lower()
    if "'" in text or "`" in text:
        text = text.replace("'", " ").replace("`", " ")
    if text.isascii():
        return text
    text = _APOSTROPHE.sub(" ", text)
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return _WORD.findall(fold(text))


_stems: dict[str, str] = {}  # word → stem


class _IndexTerms(dict):
    """word → what indexes it: its stem, or "" for a stop word; one dict lookup per word when
    indexing 200,000 requests. Codes and numbers are not kept (serial numbers would fill it)."""

    def __missing__(self, word: str) -> str:
        if word in STOP_WORDS:
            self[word] = ""
            return ""
        out = stem(word)
        if word.isalpha() or len(word) <= 4:
            self[word] = out
        return out


_index_terms = _IndexTerms()


def _stem(word: str) -> str:
    if len(word) > 8 and word[-6:-1] == "issim":  # superlatives: lentissimo → lento
        word = word[:-6] + word[-1]
    out = _italian_stemmer().stemWord(word)
    if out.endswith(("ch", "gh")):  # righe → righ, but riga → rig: one stem for both
        out = out[:-1]
    return out


def stem(word: str) -> str:
    """The Italian stem of a folded word; codes and numbers (E04, 2000) are kept as they are."""
    found = _stems.get(word)
    if found is not None:
        return found
    if len(word) <= 3 or not word.isalpha():
        return word  # not cached: serial numbers would fill the cache
    found = _stem(word) if layers.current().stemming else word
    _stems[word] = found
    return found


def clear_cache() -> None:
    _stems.clear()
    _index_terms.clear()


_DIGITS = re.compile(r"[0-9]{2,}")
_DIGIT = re.compile(r"[0-9]")
_LETTER = re.compile(r"[a-z]")


def code_forms(folded: str, tokens: list[str] | None = None) -> list[str]:
    """Extra index terms for product codes and joined words of folded text, so that a code
    is found however it is typed: "HL-L6400DW" also as "hll6400dw", "Wi-Fi" as "wifi",
    "DS-7608NI-K2" as "ds7608ni"; "E 33" and "SMT 750" as "e33", "smt750"; "P3155 DN" as
    "p3155dn"; and the digits of a code alone ("E133" → "133"), since people quote the number
    of an error without its letter. Dates (04/01/2021) are not joined. ``tokens`` are the
    words of ``folded`` when the caller has them already."""
    if not layers.current().codes:
        return []
    out: list[str] = []
    if "-" in folded or "/" in folded or "!" in folded:
        for m in _COMPOUND.finditer(folded):
            compound = m.group(0)
            if not _LETTER.search(compound):
                continue
            parts = _WORD.findall(compound)
            n = min(len(parts), 5)
            for i in range(n):
                for j in range(i + 2, n + 1):
                    joined = "".join(parts[i:j])
                    if len(joined) <= 24:
                        out.append(joined)
    if not _DIGIT.search(folded):
        return out
    ws = tokens if tokens is not None else _WORD.findall(folded)
    last = len(ws) - 1
    for i in [i for i, w in enumerate(ws) if not w.isalpha()]:
        w = ws[i]
        if i and w[0].isdigit():
            prev = ws[i - 1]
            if len(prev) <= 4 and prev.isalpha():
                out.append(prev + w)  # "e 33", "smt 750"
        if not w.isdigit():  # a code: letters and digits
            if i < last:
                nxt = ws[i + 1]
                if nxt.isdigit() or (len(nxt) <= 3 and nxt.isalpha()):
                    out.append(w + nxt)  # "p3155 dn", "s7 1200"
            out += _DIGITS.findall(w)
    return out


def terms(text: str) -> list[str]:
    """Stems of the meaningful words of ``text``, in order (stop words dropped), then the
    extra forms of its codes."""
    folded = fold(text)
    tokens = _WORD.findall(folded)
    out = list(filter(None, map(_index_terms.__getitem__, tokens)))
    extra = code_forms(folded, tokens)
    if extra:
        out += [stem(c) for c in dict.fromkeys(extra)]
    return out


def index_text(text: str) -> str:
    """What goes into a full-text column: the stems separated by spaces."""
    return " ".join(terms(text))
