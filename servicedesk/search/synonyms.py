"""A small thesaurus of after-sales Italian: the customer's words next to the technician's.

Each group lists words (any form: they are folded and stemmed) that describe the same thing;
a query word of a group also matches the other words of that group. Kept to real synonyms of
the trade: a word in too many groups would make every search match everything.
"""
from __future__ import annotations

from functools import lru_cache

from . import layers
from .text import stem, words

GROUPS: list[str] = [
    "stampante multifunzione printer fotocopiatrice copiatrice",
    "inceppamento inceppata inceppa incastrata incastrato bloccata accartocciata",
    "toner cartuccia polvere",
    "sbiadita chiara sbiadito pallida",
    "caldaia bruciatore generatore",
    "fiamma accensione accende accendere",
    "spenta spento morta morto",
    "perdita perde gocciola gocciolamento sgocciola bagnato acqua",
    "pressione bar manometro",
    "rumore rumoroso rumorosa fischia fischio vibra vibrazione sferraglia",
    "condizionatore climatizzatore split clima",
    "raffredda raffreddamento fredda freddo rinfresca",
    "scalda riscaldamento calda caldo riscalda",
    "ghiaccio brina congelato ghiacciato",
    "rete connessione connettivita collegamento internet",
    "wifi wireless wlan",
    "lenta lento lentezza rallentamento rallenta",
    "password credenziali accesso login",
    "allarme errore codice anomalia segnalazione",
    "display schermo monitor",
    "scarico scarica scaricare",
    "filtro filtri",
    "cinghia trascinamento",
    "scheda elettronica circuito",
    "fusibile salvavita differenziale interruttore",
    "pompa circolatore",
    "plc controllore",
    "sensore sonda",
    "motore motorino",
    "batteria accumulatore",
    "aggiornamento firmware update",
    "blocca bloccato bloccata freeze",
    "riavvia riavvio reboot",
    "odore puzza",
    "telecamera videocamera",
    "registrazione registra registratore",
    "etichetta etichette",
    "bilancia pesa",
    "cassa registratore scontrino",
    "porta serranda cancello",
    "vetro cristallo",
    "cavo cavi",
    "lampeggia lampeggiante intermittente",
]


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in GROUPS:
        stems = {stem(w) for w in words(line)}
        for s in stems:
            table.setdefault(s, set()).update(stems)
    return {k: frozenset(v - {k}) for k, v in table.items()}


def expand(word: str, stemmed: str) -> frozenset[str]:
    """The other stems that count as ``word`` (empty when it is in no group)."""
    if not layers.current().synonyms:
        return frozenset()
    return _table().get(stemmed, frozenset())
