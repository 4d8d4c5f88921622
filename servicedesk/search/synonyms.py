"""A small thesaurus of after-sales Italian: the customer's words next to the technician's.

Each group lists words (any form: they are folded and stemmed) that name the same thing, or the
noun and verb of one thing where the stemmer does not join them (accensione/accende). A query
word of a group also matches the other words of its group, at a lower weight than itself.
Groups never share a stem (a test checks it): a shared stem would join two groups, and one
device's words would then find another device's articles.
"""
from __future__ import annotations

from functools import lru_cache

from . import layers
from .text import stem, words

GROUPS: list[str] = [
    "stampante multifunzione fotocopiatrice copiatrice",
    "inceppamento inceppata incastrata accartocciata",
    "toner cartuccia",
    "sbiadita pallida",
    "accensione accende",
    "spegne spegnimento",
    "perdita perde gocciola gocciolamento sgocciola",
    "pressione manometro",
    "rumore rumoroso frastuono baccano",
    "fischia fischio sibilo",
    "vibra vibrazione",
    "condizionatore climatizzatore split clima",
    "raffredda raffreddamento rinfresca",
    "riscaldamento riscalda",
    "ghiaccio brina ghiacciata congelata",
    "wifi wireless wlan",
    "lenta lentezza rallentamento rallenta",
    "password credenziali",
    "display schermo",
    "salvavita differenziale",
    "pompa circolatore",
    "plc controllore",
    "sensore sonda",
    "motore motorino",
    "batteria batterie accumulatore",
    "riavvia riavvio",
    "odore puzza",
    "telecamera videocamera",
    "videoregistratore nvr dvr",
    "lampeggia lampeggiante intermittente",
    "termosifone radiatore calorifero",
    "ups continuita",
    "portatile notebook laptop",
    "computer pc",
    "email posta mail",
    "scansione scanner",
]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for line in GROUPS:
        stems = frozenset(stem(w) for w in words(line))
        for s in stems:
            table[s] = stems  # groups are disjoint: no union needed (and none wanted)
    return {k: v - {k} for k, v in table.items()}


def group_stems() -> list[frozenset[str]]:
    """The stems of each group (for the test that no two groups share one)."""
    return [frozenset(stem(w) for w in words(line)) for line in GROUPS]


def expand(stemmed: str) -> frozenset[str]:
    """The other stems that count as ``stemmed`` (empty when it is in no group)."""
    if not layers.current().synonyms:
        return frozenset()
    return _table().get(stemmed, frozenset())
