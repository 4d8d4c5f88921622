"""Folding (lowercase, accents, punctuation) and Italian stemming, applied to index and query alike."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import layers


# Bump when folding, stemming or the stop words change: indexes built with an older format
# are rebuilt when the database is opened (see services.kb.ensure_indexes).
FORMAT_VERSION = 5

_WORD = re.compile(r"[a-z0-9]+")
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

_stemmer = None  # created on first use: importing snowballstemmer costs ~50 ms at start-up


def _italian_stemmer():
    global _stemmer
    if _stemmer is None:
        import snowballstemmer

        _stemmer = snowballstemmer.stemmer("italian")
    return _stemmer


def fold(text: str) -> str:
    """Lowercase, accents removed (perché → perche), apostrophes split (l'acqua → l acqua)."""
    text = _APOSTROPHE.sub(" ", text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits; everything else separates)."""
    return _WORD.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Italian stem of a folded word; codes and numbers (E04, 2000) are kept as they are."""
    if len(word) <= 3 or not word.isalpha() or not layers.current().stemming:
        return word
    if len(word) > 8 and word[-6:-1] == "issim":  # superlatives: lentissimo → lento
        word = word[:-6] + word[-1]
    return _italian_stemmer().stemWord(word)


def terms(text: str) -> list[str]:
    """Stems of the meaningful words of ``text``, in order (stop words dropped)."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def index_text(text: str) -> str:
    """What goes into an FTS5 column: the stems separated by spaces."""
    return " ".join(terms(text))
