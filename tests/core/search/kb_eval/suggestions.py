"""Suggestions eval (R-KB-2, issue #15): a request's description as it is typed in the request
editor, with the product or serial it names (if any) → the article that answers it.

Written before any tuning, from the problems the articles describe. ``context`` is None, or
("product", key) for a request that names a product, or ("unit", key) for one that names a
serial number of that product. ``twin`` marks the cases whose answer has a twin article of
another model of the same family: only the product or serial tells them apart.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SuggestCase:
    text: str
    expected: str
    context: tuple[str, str] | None = None
    twin: bool = False


P = "product"
U = "unit"

SUGGEST_CASES: list[SuggestCase] = [
    # -- no product named -------------------------------------------------------------------
    SuggestCase("La stampante al primo piano si blocca a ogni stampa, i fogli rimangono "
                "incastrati dentro e bisogna aprire lo sportello per tirarli fuori", "paper_jam"),
    SuggestCase("Le copie escono troppo chiare, quasi illeggibili, anche cambiando documento",
                "faded_print"),
    SuggestCase("Nessun pc dell'ufficio vede più la stampante di rete, i lavori restano in "
                "attesa nella coda", "printer_offline"),
    SuggestCase("Caldaia in blocco alle 6:30, il bruciatore non parte e la casa è gelata; "
                "codice E01 sul display", "boiler_no_ignition"),
    SuggestCase("La cliente ricarica la caldaia ogni settimana, la pressione scende sempre "
                "sotto lo zero virgola cinque", "boiler_low_pressure"),
    SuggestCase("In bagno sotto la caldaia c'è sempre bagnato, gocciola dal tubo di scarico "
                "della valvola", "boiler_leak"),
    SuggestCase("Dalla doccia esce acqua fredda mentre i radiatori funzionano regolarmente",
                "boiler_hot_water"),
    SuggestCase("Aria condizionata accesa da stamattina ma nella sala riunioni ci sono 29 "
                "gradi, lo split butta aria tiepida", "ac_not_cooling"),
    SuggestCase("Il climatizzatore della camera perde acqua dalla parte inferiore e ha "
                "bagnato il comodino", "ac_water_drip"),
    SuggestCase("Il telecomando del condizionatore in taverna non accende più l'unità, "
                "abbiamo già provato a cambiare le batterie", "ac_remote"),
    SuggestCase("I portatili della sala riunioni perdono il wi-fi continuamente, con il cavo "
                "nessun problema", "wifi_drops"),
    SuggestCase("I dipendenti da casa non riescono a entrare nella vpn, il programma resta a "
                "caricare e poi va in errore", "vpn"),
    SuggestCase("Il magazziniere ha bloccato la sua utenza sbagliando più volte la password",
                "password_reset"),
    SuggestCase("Il backup di stanotte sul NAS è fallito, nel report c'è scritto destinazione "
                "non disponibile", "backup_failed"),
    SuggestCase("La cassa emette gli scontrini ma la carta esce bianca senza stampa",
                "pos_receipt"),
    SuggestCase("Il registratore telematico non trasmette i corrispettivi da venerdì",
                "pos_fiscal"),
    SuggestCase("La bilancia del banco frutta non pesa correttamente, il cliente ha fatto una "
                "prova con un peso da un chilo", "scale_calibration"),
    SuggestCase("Di notte le telecamere del parcheggio registrano solo immagini nere",
                "cctv_night"),
    SuggestCase("Quando si accende la caldaia scatta il salvavita e resta senza corrente "
                "tutto l'appartamento", "breaker_trip"),
    SuggestCase("La linea 2 si ferma ogni mezz'ora per allarme termico dell'inverter, il "
                "motore è bollente", "motor_overheat"),
    SuggestCase("Buongiorno, vi scrivo dalla reception dell'Hotel Bellavista. Da ieri sera il "
                "condizionatore della camera 12 fa un rumore fortissimo dall'unità esterna sul "
                "terrazzo, vibra e sembra che qualcosa sbatta. I clienti si sono lamentati. "
                "Potete mandare un tecnico oggi? Grazie, Francesca", "ac_outdoor_noise"),
    SuggestCase("Buongiorno, sono Roberto della Fratelli Neri. Il gestionale da una settimana "
                "è lentissimo quando apriamo le fatture e a fine mese dobbiamo emetterne "
                "tantissime: ci vogliono minuti per ogni schermata. Ci potete aiutare? Saluti",
                "erp_slow"),
    # -- a product or serial named, the family article answers ------------------------------
    SuggestCase("Perdita d'acqua sotto la caldaia, sul pavimento della cucina c'è una pozza",
                "boiler_leak", (P, "baxi_24")),
    SuggestCase("La caldaia fischia forte quando scalda l'acqua del riscaldamento",
                "boiler_noise", (U, "baxi_33")),
    SuggestCase("Le stampe escono sbiadite con righe bianche", "faded_print", (P, "kyo_p3155")),
    SuggestCase("Il telecomando non comanda più lo split, nessun bip", "ac_remote",
                (U, "daikin_35")),
    SuggestCase("Le registrazioni degli ultimi giorni non ci sono, il videoregistratore non "
                "ha salvato niente", "cctv_no_record", (P, "hik_nvr")),
    SuggestCase("La caldaia è spenta, display nero e nessuna spia", "boiler_no_power",
                (U, "baxi_24")),
    # -- a product or serial named, its own article answers ---------------------------------
    SuggestCase("Cambiato il toner ma la stampante continua a dire di sostituirlo e non "
                "stampa", "bro_toner", (P, "bro_l6400")),
    SuggestCase("Non ricordiamo più la password dell'amministratore del videoregistratore, "
                "non riusciamo a vedere le telecamere", "nvr_password", (U, "hik_nvr")),
    # -- twins: the model decides -----------------------------------------------------------
    SuggestCase("Stampando fronte retro la carta si blocca dentro la stampante e compare un "
                "codice di inceppamento", "kyo_duplex_3145", (P, "kyo_p3145"), True),
    SuggestCase("Inceppamento ogni volta che si stampa in fronte/retro, i fogli restano "
                "bloccati dietro", "kyo_duplex_3155", (U, "kyo_p3155"), True),
    SuggestCase("Caldaia in blocco, non si accende e sul display compare E133 dopo tre "
                "tentativi", "baxi_e133_24", (U, "baxi_24"), True),
    SuggestCase("La caldaia non parte, prova ad accendersi e si blocca con errore 133",
                "baxi_e133_33", (P, "baxi_33"), True),
    SuggestCase("Il climatizzatore dopo pochi minuti si spegne e sul telecomando appare il "
                "codice U4", "daikin_u4_25", (U, "daikin_25"), True),
    SuggestCase("Lo split non si avvia, la spia lampeggia e il telecomando segna errore U4",
                "daikin_u4_35", (P, "daikin_35"), True),
    SuggestCase("L'UPS del server suona e sul display chiede di cambiare la batteria",
                "apc_1500", (U, "apc_1500"), True),
    SuggestCase("Il gruppo di continuità fa bip e dice replace battery, appena manca la "
                "corrente si spegne tutto", "apc_750", (P, "apc_750"), True),
    SuggestCase("Dopo il blackout di stanotte la macchina non è ripartita, il PLC è in STOP",
                "s7_1200_stop", (U, "s7_1200"), True),
    SuggestCase("Mancata corrente questa mattina, al ritorno la CPU del PLC resta in STOP e "
                "la linea è ferma", "s7_1500_stop", (P, "s7_1500"), True),
    SuggestCase("Il registratore di cassa segnala memoria di dettaglio quasi piena",
                "rt_dgfe_rch", (P, "rch_printf"), True),
    SuggestCase("La cassa non fa più scontrini, dice DGFE pieno", "rt_dgfe_epson",
                (U, "epson_fp81"), True),
]
