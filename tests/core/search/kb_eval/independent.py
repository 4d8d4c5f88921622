"""Search queries written independently of the index (issue #15), before any tuning, in the
styles an office really types: (style, query, key of the article that answers it).

Styles: ``request`` a description as a customer or coordinator writes it; ``email`` a pasted
e-mail (greeting and context first); ``code`` product or model codes, with and without dash;
``english`` English loanwords and terms; ``word`` one-word queries; ``typo`` misspellings.
"""
from __future__ import annotations

STYLES = ("request", "email", "code", "english", "word", "typo")

INDEPENDENT_QUERIES: list[tuple[str, str, str]] = [
    # -- request descriptions ---------------------------------------------------------------
    ("request", "Il cliente dice che la stampante dell'amministrazione mangia i fogli e li "
                "restituisce tutti stropicciati", "paper_jam"),
    ("request", "Chiamata della segreteria: le fotocopie escono grigine e poco leggibili, il "
                "toner è stato cambiato a marzo", "faded_print"),
    ("request", "Da quando hanno cambiato il router nessun computer riesce più a stampare, la "
                "stampante risulta scollegata", "printer_offline"),
    ("request", "Su ogni pagina stampata c'è una riga scura che si ripete e la polvere resta "
                "sulle mani", "printer_black_lines"),
    ("request", "La multifunzione del piano terra non manda più le scansioni alla casella di "
                "posta", "scan_email"),
    ("request", "Caldaia ferma da stamattina, in casa fa freddo e non esce acqua calda, sul "
                "display lampeggia E01", "boiler_no_ignition"),
    ("request", "Il cliente deve rabboccare l'acqua della caldaia ogni pochi giorni perché la "
                "lancetta scende sotto 1", "boiler_low_pressure"),
    ("request", "Trovata acqua per terra sotto la caldaia in lavanderia, sembra uscire da un "
                "tubicino", "boiler_leak"),
    ("request", "Quando parte il riscaldamento la caldaia fa un sibilo fortissimo e borbotta",
     "boiler_noise"),
    ("request", "I termosifoni sono caldi ma dalla doccia esce solo acqua fredda",
     "boiler_hot_water"),
    ("request", "Il condizionatore dell'ufficio gira ma butta fuori aria tiepida, in sala si "
                "muore di caldo", "ac_not_cooling"),
    ("request", "Dal climatizzatore in camera cola acqua lungo la parete e ha macchiato il "
                "parquet", "ac_water_drip"),
    ("request", "Sullo split della sala server si è formata una lastra di ghiaccio", "ac_ice"),
    ("request", "Premendo il telecomando il condizionatore non fa niente, neanche il bip",
     "ac_remote"),
    ("request", "Il motore del condizionatore sul balcone fa un baccano tremendo e trema tutto",
     "ac_outdoor_noise"),
    ("request", "In ufficio la connessione senza fili salta ogni dieci minuti, i portatili si "
                "disconnettono", "wifi_drops"),
    ("request", "Trasferire una cartella dal server ai pc richiede mezz'ora, prima ci voleva un "
                "minuto", "slow_network"),
    ("request", "I colleghi in smart working non riescono a collegarsi alla rete aziendale da "
                "casa", "vpn"),
    ("request", "Il gruppo di continuità sotto la scrivania emette un bip ogni tanto e ha una "
                "luce rossa accesa", "ups_beep"),
    ("request", "La signora della contabilità ha sbagliato la password troppe volte e ora non "
                "entra più", "password_reset"),
    ("request", "Il gestionale ci mette un'eternità ad aprire l'elenco delle fatture",
     "erp_slow"),
    ("request", "Stamattina è arrivata la mail che il salvataggio notturno non è andato a buon "
                "fine", "backup_failed"),
    ("request", "Sul touch panel della macchina compare connessione persa con il controllore e "
                "i valori non si aggiornano", "plc_comm"),
    ("request", "La linea di confezionamento si ferma dopo mezz'ora, l'inverter va in allarme "
                "e il motore scotta", "motor_overheat"),
    ("request", "Il nastro trasportatore in uscita perde colpi e con il carico si ferma",
     "conveyor_belt"),
    ("request", "Lo scontrino esce dalla cassa senza niente scritto sopra", "pos_receipt"),
    ("request", "La cassa telematica dice che ci sono corrispettivi da inviare da una "
                "settimana", "pos_fiscal"),
    ("request", "La bilancia del reparto gastronomia segna 20 grammi in più",
     "scale_calibration"),
    ("request", "Il videoregistratore non ha salvato niente degli ultimi giorni, abbiamo "
                "bisogno dei filmati di ieri", "cctv_no_record"),
    ("request", "Le telecamere esterne di notte fanno vedere solo nero", "cctv_night"),
    ("request", "Ogni volta che si accende la caldaia salta la luce in tutta la casa",
     "breaker_trip"),
    ("request", "La caldaia è completamente spenta, non si accende nessuna lucina",
     "boiler_no_power"),
    # -- pasted e-mails ---------------------------------------------------------------------
    ("email", "Buongiorno, vi scrivo per conto dello studio dentistico Bianchi di via Roma 12. "
              "Da lunedì scorso la nostra caldaia in lavanderia perde acqua: stamattina abbiamo "
              "trovato una pozza sotto e il tecnico del condominio dice che gocciola dal "
              "tubicino della valvola. La pressione sul manometro è quasi a 3. Potete mandare "
              "qualcuno entro giovedì? Siamo aperti dalle 9 alle 18. Grazie, cordiali saluti, "
              "Marta Bianchi", "boiler_leak"),
    ("email", "Buongiorno, sono Luca dell'ufficio acquisti della ditta Ferri Srl. Vi scrivo "
              "perché da venerdì pomeriggio, dopo che è venuto l'elettricista a sistemare il "
              "quadro e abbiamo dovuto riaccendere tutto, i computer dell'ufficio non riescono "
              "più a stampare: la stampante sul pc risulta non in linea e i documenti restano "
              "in coda. Dal pannello della stampante invece la copia funziona. Potete "
              "intervenire? Grazie mille e buona giornata. Luca Ferri – Ufficio acquisti",
     "printer_offline"),
    ("email", "Buonasera, vi contatto in merito al condizionatore installato l'anno scorso "
              "nella camera da letto di mio figlio. Da qualche giorno, soprattutto quando lo "
              "teniamo acceso la notte, dalla parte bassa dell'unità interna scende dell'acqua "
              "che cola sul muro e sul pavimento. Abbiamo provato a pulire i filtri ma non è "
              "cambiato nulla. Vorrei sapere quando potete passare, preferibilmente di "
              "mattina. Cordiali saluti, Giovanna Rizzi", "ac_water_drip"),
    ("email", "Gentili signori, buongiorno. Come da accordi vi segnalo che anche questa notte "
              "il report automatico del backup ci è arrivato con esito negativo: dice che la "
              "destinazione non è raggiungibile. Il NAS è acceso, la spia è verde, ma forse "
              "alle 2 di notte è in sospensione. È la terza volta questo mese. Restiamo in "
              "attesa di un vostro riscontro. Distinti saluti, Amministrazione Studio Conti",
     "backup_failed"),
    ("email", "Salve, scrivo per la tabaccheria di piazza Garibaldi. Il registratore di cassa "
              "da lunedì mostra un messaggio che i corrispettivi giornalieri non sono stati "
              "trasmessi e ho paura di prendere una multa dall'Agenzia delle Entrate. La "
              "connessione internet del negozio funziona, col telefono navigo. Mi potete "
              "chiamare al più presto? Grazie, Paolo", "pos_fiscal"),
    ("email", "Buongiorno a tutti, vi giro la segnalazione dei colleghi del secondo piano: la "
              "rete wireless continua a cadere, i portatili perdono il segnale più volte "
              "all'ora e le videochiamate si interrompono. Con il cavo invece funziona tutto. "
              "Il problema è iniziato da quando gli uffici accanto hanno messo un nuovo modem. "
              "Fateci sapere, grazie. Saluti, Marco – IT interno", "wifi_drops"),
    ("email", "Buongiorno, vi scriviamo dallo stabilimento di Lonate. Sulla linea 3 l'inverter "
              "del motore del mescolatore va in allarme termico dopo circa 30-40 minuti di "
              "lavoro e la linea si ferma. Il motore al tatto è caldissimo. Abbiamo già "
              "resettato l'allarme diverse volte ma si ripresenta. Serve un tecnico con "
              "urgenza perché abbiamo ordini in consegna. Cordiali saluti, Ufficio "
              "manutenzione", "motor_overheat"),
    ("email", "Buongiorno, mi chiamo Anna Galli e ho la caldaia in assistenza da voi. Volevo "
              "segnalare che la pressione dell'impianto continua a scendere: la riporto a 1,5 "
              "con il rubinetto sotto la caldaia ma dopo qualche giorno è di nuovo sotto 0,5 e "
              "la caldaia si blocca con l'errore E10. Non vedo perdite in casa. Quando potete "
              "venire? Grazie e buona giornata", "boiler_low_pressure"),
    ("email", "Buonasera, sono il responsabile del condominio Le Magnolie. Le telecamere del "
              "cortile e dell'ingresso box di giorno si vedono benissimo, ma appena fa buio "
              "l'immagine diventa completamente nera e non si distingue niente. Abbiamo avuto "
              "un furto di biciclette la settimana scorsa e non siamo riusciti a vedere nulla. "
              "Chiedo un intervento di verifica. Cordialmente, Ing. Sala", "cctv_night"),
    ("email", "Ciao, come state? Vi scrivo perché da qualche settimana il programma di "
              "contabilità è diventato lentissimo, in particolare quando apriamo la lista "
              "delle fatture ci vogliono anche due o tre minuti, e i ragazzi "
              "dell'amministrazione si lamentano tutti i giorni. Il server l'abbiamo già "
              "riavviato. Potete darci un'occhiata da remoto? Grazie, a presto, Elena",
     "erp_slow"),
    # -- product and model codes ------------------------------------------------------------
    ("code", "ECOSYS P3145dn inceppamento fronte retro", "kyo_duplex_3145"),
    ("code", "P3155dn carta bloccata duplex", "kyo_duplex_3155"),
    ("code", "P3155 DN J4208", "kyo_duplex_3155"),
    ("code", "HL-L6400DW toner esaurito", "bro_toner"),
    ("code", "HLL6400DW dice sostituire toner", "bro_toner"),
    ("code", "Luna Duo-tec E 24 E133", "baxi_e133_24"),
    ("code", "duotec E33 errore 133", "baxi_e133_33"),
    ("code", "FTXF25 U4", "daikin_u4_25"),
    ("code", "FTXF-35 errore U4", "daikin_u4_35"),
    ("code", "SMT1500 batteria", "apc_1500"),
    ("code", "SMT 750 replace battery", "apc_750"),
    ("code", "S7-1200 in STOP", "s7_1200_stop"),
    ("code", "S71500 stop dopo blackout", "s7_1500_stop"),
    ("code", "DS-7608NI password dimenticata", "nvr_password"),
    ("code", "DS7608NI reset password", "nvr_password"),
    ("code", "Print!F DGFE pieno", "rt_dgfe_rch"),
    ("code", "FP81 memoria di dettaglio esaurita", "rt_dgfe_epson"),
    ("code", "APC-SMT750 batteria", "apc_750"),
    # -- English loanwords and terms --------------------------------------------------------
    ("english", "printer offline", "printer_offline"),
    ("english", "la printer inceppa la carta", "paper_jam"),
    ("english", "paper jam stampante", "paper_jam"),
    ("english", "air conditioner perde acqua", "ac_water_drip"),
    ("english", "air conditioner not cooling", "ac_not_cooling"),
    ("english", "boiler leaking water", "boiler_leak"),
    ("english", "display caldaia spento", "boiler_no_power"),
    ("english", "boiler display blank", "boiler_no_power"),
    ("english", "Wi-Fi che cade", "wifi_drops"),
    ("english", "wi-fi disconnects every few minutes", "wifi_drops"),
    ("english", "scanner to email non funziona", "scan_email"),
    ("english", "reset password account locked", "password_reset"),
    ("english", "UPS beeping battery", "ups_beep"),
    ("english", "NVR hard disk non registra", "cctv_no_record"),
    ("english", "conveyor belt slipping", "conveyor_belt"),
    ("english", "il display dell'HMI non comunica con il PLC", "plc_comm"),
    ("english", "remote control del climatizzatore non va", "ac_remote"),
    # -- one word ---------------------------------------------------------------------------
    ("word", "inceppamento", "paper_jam"),
    ("word", "flussostato", "boiler_hot_water"),
    ("word", "condensa", "ac_water_drip"),
    ("word", "corrispettivi", "pos_fiscal"),
    ("word", "taratura", "scale_calibration"),
    ("word", "infrarossi", "cctv_night"),
    ("word", "salvavita", "breaker_trip"),
    ("word", "vpn", "vpn"),
    ("word", "telecomando", "ac_remote"),
    ("word", "sbiadite", "faded_print"),
    ("word", "fusore", "printer_black_lines"),
    ("word", "scontrino", "pos_receipt"),
    ("word", "wifi", "wifi_drops"),
    ("word", "manometro", "boiler_low_pressure"),
    ("word", "ghiaccio", "ac_ice"),
    # -- typos ------------------------------------------------------------------------------
    ("typo", "stampamte inceppata", "paper_jam"),
    ("typo", "la caldaia non si acende", "boiler_no_ignition"),
    ("typo", "condizonatore non raffredda", "ac_not_cooling"),
    ("typo", "perdita d'aqua dallo split", "ac_water_drip"),
    ("typo", "telecamra nera di notte", "cctv_night"),
    ("typo", "bilancia starrata", "scale_calibration"),
    ("typo", "pasword dimenticata", "password_reset"),
    ("typo", "scontrino biaco", "pos_receipt"),
    ("typo", "backup falito sul nas", "backup_failed"),
    ("typo", "invreter in allarme termico", "motor_overheat"),
    ("typo", "termosifoni caldi ma acqua sanitaria freda", "boiler_hot_water"),
    ("typo", "vidoeregistratore non registra", "cctv_no_record"),
]
