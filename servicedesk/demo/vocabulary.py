"""Words, names and places of the demo office: Italian texts, phone prefixes, VAT numbers."""
from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from stdnum import luhn

from ..resources import data_file

NORTH_EAST = {"Veneto", "Friuli-Venezia Giulia", "Trentino-Alto Adige", "Emilia-Romagna"}
COMPANY_DOMAIN = "tecnoservizi.example"
OPERATOR_COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04",
                   "#db2777", "#4f46e5", "#059669", "#b45309", "#7c3aed", "#0d9488", "#be123c"]
# ISTAT numeric province code used in the VAT office digits (new provinces use their parent's).
_ISTAT = ("TO1 VC2 NO3 CN4 AT5 AL6 AO7 IM8 SV9 GE10 SP11 VA12 CO13 SO14 MI15 BG16 BS17 PV18 CR19 "
          "MN20 BZ21 TN22 VR23 VI24 BL25 TV26 VE27 PD28 RO29 UD30 GO31 TS32 PC33 PR34 RE35 MO36 "
          "BO37 FE38 RA39 FC40 PU41 AN42 MC43 AP44 MS45 LU46 PT47 FI48 LI49 PI50 AR51 SI52 GR53 "
          "PG54 TR55 VT56 RI57 RM58 LT59 FR60 CE61 BN62 NA63 AV64 SA65 AQ66 TE67 PE68 CH69 CB70 "
          "FG71 BA72 TA73 BR74 LE75 PZ76 MT77 CS78 CZ79 RC80 TP81 PA82 ME83 AG84 CL85 EN86 CT87 "
          "RG88 SR89 SS90 NU91 CA92 PN93 IS94 OR95 BI96 LC97 LO98 RN99 PO100 KR79 VV79 VB3 MB15 "
          "FM44 BT72 SU92")
ISTAT_CODE = {item[:2]: int(item[2:]) for item in _ISTAT.split()}
_PREFIX = ("MI02 MB039 BG035 BS030 CO031 VA0332 LC0341 SO0342 PV0382 CR0372 MN0376 LO0371 TO011 "
           "AT0141 AL0131 CN0171 NO0321 VC0161 BI015 VB0323 AO0165 GE010 SV019 SP0187 IM0183 "
           "VR045 VI0444 PD049 TV0422 VE041 RO0425 BL0437 TN0461 BZ0471 UD0432 PN0434 TS040 "
           "GO0481 BO051 MO059 RE0522 PR0521 PC0523 FE0532 RA0544 FC0543 RN0541 FI055 PO0574 "
           "PT0573 LU0583 PI050 LI0586 AR0575 SI0577 GR0564 MS0585 PG075 TR0744 AN071 PU0721 "
           "MC0733 FM0734 AP0736 RM06 LT0773 FR0775 VT0761 RI0746 PE085 CH0871 TE0861 AQ0862 "
           "CB0874 IS0865 NA081 CE0823 SA089 AV0825 BN0824 BA080 BT0883 FG0881 TA099 BR0831 "
           "LE0832 PZ0971 MT0835 CS0984 CZ0961 RC0965 KR0962 VV0963 PA091 CT095 ME090 SR0931 "
           "RG0932 TP0923 AG0922 CL0934 EN0935 CA070 SS079 NU0784 OR0783 SU0781")
PHONE_PREFIX = {item[:2]: item[2:] for item in _PREFIX.split()}
MOBILE_PREFIXES = ("320", "328", "329", "331", "333", "334", "335", "338", "339", "340", "342",
                   "345", "347", "348", "349", "351", "366", "380", "388", "389", "392", "393")
CONTRACT_TYPES = {  # family -> weights of contract types suited to it
    "printers": {"full_service": 45, "tickets": 25, "maintenance": 10, "warranty_extension": 10},
    "boilers": {"maintenance": 60, "full_service": 15, "tickets": 10, "warranty_extension": 15},
    "hvac": {"maintenance": 50, "full_service": 20, "tickets": 15, "warranty_extension": 15},
    "plc": {"on_call": 35, "tickets": 30, "maintenance": 20, "full_service": 15},
    "pos": {"full_service": 40, "maintenance": 30, "tickets": 30},
    "ups": {"maintenance": 50, "full_service": 20, "warranty_extension": 30},
    "servers": {"full_service": 30, "tickets": 30, "on_call": 20, "warranty_extension": 20},
    "software": {"software_support": 80, "tickets": 20},
}
FAMILY_NOUN = {"printers": "sistemi di stampa", "boilers": "impianti termici",
               "hvac": "impianti di climatizzazione", "plc": "impianti di automazione",
               "pos": "registratori di cassa e POS", "ups": "gruppi di continuità",
               "servers": "server e rete", "software": "software gestionale"}
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}
OPEN_STATUS_WEIGHTS = (("new", 8), ("assigned", 30), ("in_progress", 37),
                       ("waiting_customer", 12), ("waiting_supplier", 13))


# -- vocabulary -----------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def texts() -> dict[str, Any]:
    return json.loads(data_file("demo_texts.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def places() -> dict[str, Any]:
    return json.loads(data_file("demo_places.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Problem:
    """One problem of a product family, its placeholders filled: the seed of requests and KB."""

    family: str
    pt: str  # problem type code
    act: str  # activity type code of the fix
    subject: str
    symptoms: tuple[str, ...]
    fixes: tuple[tuple[str, str], ...]  # (cause, solution) pairs
    tags: tuple[str, ...]
    weight: float


def expand_problems(family: str, specs: list[dict[str, Any]]) -> list[Problem]:
    out: list[Problem] = []
    for spec in specs:
        variables = spec.get("vars") or {"_": [""]}
        (name, values), = variables.items()
        for value in values:
            fill = {name: value}
            out.append(Problem(
                family, spec["pt"], spec["act"], spec["subject"].format(**fill),
                tuple(s.format(**fill) for s in spec["symptoms"]),
                tuple((c.format(**fill), s.format(**fill)) for c, s in spec["fixes"]),
                tuple(s.format(**fill) for s in spec["tags"]),
                spec["w"] / len(values)))
    return out


def vat_number(rng: random.Random, province: str) -> str:
    """An Italian partita IVA: 7-digit company number, VAT office, Luhn check digit."""
    body = f"{rng.randrange(1, 10_000_000):07d}{ISTAT_CODE.get(province, 15):03d}"
    return body + luhn.calc_check_digit(body)


def slug(text: str, limit: int = 24) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in plain if ch.isalnum())[:limit] or "azienda"


def cents(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


def weighted(rng: random.Random, items: Sequence[Any], weights: Sequence[float], k: int) -> list:
    return rng.choices(items, weights=weights, k=k)
