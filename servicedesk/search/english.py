"""English terms an Italian office types (or an English-speaking colleague writes) → the Italian
words of the articles. Query side only: "printer offline" also looks for stampante, "air
conditioner" for condizionatore. Words that are also Italian words (camera, scale, fan, fuse)
are left out on purpose."""
from __future__ import annotations

from functools import lru_cache

from . import layers
from .text import stem, words

# English word or two-word phrase (folded) → Italian words (any form; stemmed on use)
GLOSSARY: dict[str, str] = {
    "printer": "stampante", "printers": "stampante", "copier": "fotocopiatrice",
    "scanner": "scansione", "scan": "scansione", "scanning": "scansione",
    "paper": "carta", "jam": "inceppamento", "jammed": "inceppata", "jams": "inceppamento",
    "paper jam": "inceppamento carta", "tray": "cassetto", "drum": "tamburo",
    "fuser": "fusore", "faded": "sbiadita", "streaks": "righe", "lines": "righe",
    "boiler": "caldaia", "boilers": "caldaia", "heater": "caldaia", "burner": "bruciatore",
    "flame": "fiamma", "ignition": "accensione", "pressure": "pressione", "gauge": "manometro",
    "valve": "valvola", "radiator": "termosifone", "radiators": "termosifone",
    "shower": "doccia", "hot water": "acqua calda", "thermostat": "termostato",
    "water": "acqua", "leak": "perdita", "leaks": "perde", "leaking": "perde",
    "dripping": "gocciola", "drips": "gocciola", "noise": "rumore", "noisy": "rumoroso",
    "whistles": "fischia", "whistling": "fischia", "vibrates": "vibra", "vibration": "vibra",
    "air conditioner": "condizionatore", "air conditioning": "condizionatore",
    "aircon": "condizionatore", "conditioner": "condizionatore", "cooling": "raffredda",
    "cool": "raffredda", "cold": "freddo", "heating": "riscaldamento", "hot": "caldo",
    "ice": "ghiaccio", "frozen": "ghiacciata", "remote control": "telecomando",
    "outdoor unit": "unita esterna", "indoor unit": "unita interna",
    "display": "display", "screen": "schermo", "blank": "spento nero", "off": "spento",
    "dead": "spento", "battery": "batteria", "batteries": "batteria", "beep": "suona",
    "beeps": "suona", "beeping": "suona", "power": "corrente", "power supply": "alimentatore",
    "outage": "mancanza corrente", "blackout": "blackout",
    "network": "rete", "slow": "lento", "connection": "connessione", "disconnects": "disconnette",
    "drops": "cade", "dropping": "cade", "offline": "linea",
    "locked": "bloccato", "reset": "reimpostare", "forgot": "dimenticata",
    "forgotten": "dimenticata", "failed": "fallito", "fails": "fallito", "failure": "guasto",
    "broken": "rotto", "fault": "guasto", "error": "errore", "alarm": "allarme",
    "update": "aggiornamento", "upgrade": "aggiornamento", "invoices": "fatture",
    "invoice": "fattura", "overheating": "surriscaldato", "overheat": "surriscaldato",
    "motor": "motore", "belt": "cinghia", "conveyor": "nastro trasportatore",
    "conveyor belt": "nastro trasportatore", "slipping": "slitta", "slips": "slitta",
    "cameras": "telecamera", "night": "notte", "recorder": "videoregistratore",
    "recording": "registrazioni", "recordings": "registrazioni", "hard disk": "disco",
    "disk": "disco", "receipt": "scontrino", "receipts": "scontrino",
    "cash register": "registratore cassa", "till": "cassa", "weighs": "pesa", "wrong": "sbagliato",
    "minutes": "minuti",
}

# English function words: dropped from a query instead of being "corrected" into Italian.
STOP_WORDS = frozenset("""a an the and or of to in on at by for from with without is are was
it its my our your their this that not no does doesnt dont every few some any very""".split())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    return {k: tuple(stem(w) for w in words(v)) for k, v in GLOSSARY.items()}


def translate(phrase: str) -> tuple[str, ...] | None:
    """The Italian stems for an English word or two-word phrase (folded), or None."""
    if not layers.current().english:
        return None
    return _table().get(phrase)


def is_english(word: str) -> bool:
    return word in GLOSSARY or word in STOP_WORDS
