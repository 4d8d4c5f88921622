"""Curated articles: key → fields. ``family`` is the product family (free text as in products)."""
from __future__ import annotations

ARTICLES: dict[str, dict[str, str]] = {
    "paper_jam": dict(
        family="Stampanti", problem="consumables", tags="carta, inceppamento",
        title="Inceppamento carta nel cassetto 2",
        symptoms="La stampante segnala inceppamento carta J-201 e si ferma a metà pagina; "
                 "i fogli escono accartocciati.",
        cause="Rulli di presa del cassetto 2 consumati, la carta entra storta.",
        solution="Pulire i rulli di presa con alcool isopropilico; se consumati sostituire il kit "
                 "rulli cassetto 2. Verificare la grammatura della carta (max 120 g/m²)."),
    "faded_print": dict(
        family="Stampanti", problem="consumables", tags="toner, qualità di stampa",
        title="Stampe sbiadite e chiare",
        symptoms="Le stampe escono chiare, sbiadite, con righe bianche verticali.",
        cause="Toner quasi esaurito o tamburo (unità immagine) a fine vita.",
        solution="Agitare la cartuccia toner, controllare il livello dal pannello; sostituire il "
                 "toner o il tamburo se oltre il 90% di vita."),
    "printer_offline": dict(
        family="Stampanti", problem="network", tags="rete, driver",
        title="Stampante risulta offline dai PC",
        symptoms="I computer vedono la stampante come non in linea; la coda di stampa resta "
                 "bloccata, la stampante di per sé funziona dal pannello.",
        cause="Indirizzo IP cambiato dal DHCP dopo il riavvio del router.",
        solution="Assegnare un IP statico o una prenotazione DHCP alla stampante e aggiornare la "
                 "porta TCP/IP nei driver dei PC."),
    "printer_black_lines": dict(
        family="Stampanti", problem="hardware", tags="fusore, qualità di stampa",
        title="Righe nere orizzontali e toner che non si fissa",
        symptoms="Sul foglio compaiono righe nere orizzontali ripetute e il toner si sbava "
                 "toccandolo.",
        cause="Unità fusore danneggiata o a fine vita.",
        solution="Sostituire l'unità fusore e azzerare il contatore di manutenzione dal menu "
                 "servizio."),
    "scan_email": dict(
        family="Stampanti", problem="configuration", tags="scansione, email, smtp",
        title="Scansione su email non funziona",
        symptoms="La multifunzione non invia le scansioni per posta elettronica: errore di "
                 "invio SMTP.",
        cause="Il provider richiede autenticazione TLS sulla porta 587 e una password per app.",
        solution="Nella pagina web della multifunzione impostare server SMTP, porta 587, TLS e "
                 "la password per app generata dal provider."),
    "boiler_no_ignition": dict(
        family="Caldaie", problem="hardware", tags="accensione, elettrodo, blocco",
        title="Caldaia in blocco: mancata accensione del bruciatore (errore E01)",
        symptoms="La caldaia va in blocco con codice E01, il bruciatore non si accende, "
                 "niente acqua calda né riscaldamento.",
        cause="Elettrodo di accensione/rilevazione sporco o distante, oppure gas assente.",
        solution="Verificare il rubinetto del gas; pulire e registrare l'elettrodo di "
                 "accensione a 3-4 mm; sostituirlo se l'isolante è incrinato. Sbloccare la caldaia."),
    "boiler_low_pressure": dict(
        family="Caldaie", problem="hydraulic", tags="pressione, impianto",
        title="Pressione impianto bassa, caldaia in blocco E10",
        symptoms="Il manometro segna meno di 0,5 bar e la caldaia si blocca con E10; bisogna "
                 "ricaricare l'impianto spesso.",
        cause="Perdita nell'impianto o vaso di espansione scarico.",
        solution="Ricaricare l'impianto a 1,2-1,5 bar dal rubinetto di carico; se la pressione "
                 "ricala controllare perdite e ricaricare il vaso di espansione a 1 bar."),
    "boiler_leak": dict(
        family="Caldaie", problem="hydraulic", tags="perdita, valvola di sicurezza",
        title="Gocciolamento d'acqua sotto la caldaia",
        symptoms="Sotto la caldaia c'è una pozza d'acqua, gocciola dallo scarico della "
                 "valvola di sicurezza.",
        cause="Pressione troppo alta (oltre 3 bar) per vaso di espansione scarico o valvola "
              "di sicurezza difettosa.",
        solution="Ripristinare la precarica del vaso di espansione; sostituire la valvola di "
                 "sicurezza 3 bar se continua a gocciolare a pressione normale."),
    "boiler_noise": dict(
        family="Caldaie", problem="hydraulic", tags="rumore, circolatore, calcare",
        title="Caldaia rumorosa, fischia durante il funzionamento",
        symptoms="La caldaia fischia e fa rumore di ebollizione quando scalda l'acqua.",
        cause="Calcare nello scambiatore primario o aria nel circolatore.",
        solution="Sfiatare il circolatore e i radiatori; eseguire il lavaggio chimico "
                 "anticalcare dello scambiatore."),
    "boiler_hot_water": dict(
        family="Caldaie", problem="hydraulic", tags="sanitario, flussostato",
        title="Acqua calda sanitaria assente, il riscaldamento funziona",
        symptoms="Aprendo il rubinetto l'acqua resta fredda, mentre i termosifoni si scaldano.",
        cause="Flussostato bloccato dal calcare o valvola deviatrice inceppata.",
        solution="Pulire o sostituire il flussostato sanitario; verificare la valvola a tre vie "
                 "deviatrice e sostituire la cartuccia se bloccata."),
    "ac_not_cooling": dict(
        family="Climatizzatori", problem="performance", tags="gas, raffreddamento",
        title="Il condizionatore non raffredda",
        symptoms="Lo split soffia aria ma non fresca, la stanza resta calda anche dopo ore.",
        cause="Carica di gas refrigerante insufficiente per una microperdita.",
        solution="Cercare la perdita con il cercafughe sui raccordi a cartella, rifare la "
                 "cartella, fare il vuoto e ricaricare il gas R32 secondo targa."),
    "ac_water_drip": dict(
        family="Climatizzatori", problem="hydraulic", tags="condensa, scarico",
        title="Lo split interno perde acqua (condensa)",
        symptoms="Dall'unità interna del climatizzatore gocciola acqua sul muro e sul pavimento.",
        cause="Tubo di scarico della condensa ostruito o con pendenza sbagliata.",
        solution="Disostruire lo scarico condensa con aria compressa, pulire la vaschetta e "
                 "verificare la pendenza del tubo; se serve installare una pompa di condensa."),
    "ac_ice": dict(
        family="Climatizzatori", problem="performance", tags="ghiaccio, filtri",
        title="Unità interna ghiacciata",
        symptoms="Sulla batteria dell'unità interna si forma ghiaccio e poi cola acqua.",
        cause="Filtri dell'aria intasati o ventilatore interno lento.",
        solution="Lavare i filtri dell'aria, pulire la batteria e verificare la velocità del "
                 "ventilatore; controllare anche la carica di gas."),
    "ac_remote": dict(
        family="Climatizzatori", problem="usage", tags="telecomando",
        title="Il climatizzatore non risponde al telecomando",
        symptoms="Premendo i tasti del telecomando lo split non emette il bip e non si accende.",
        cause="Pile scariche o ricevitore infrarossi sporco.",
        solution="Sostituire le pile del telecomando; pulire la finestrella del ricevitore IR; "
                 "provare l'accensione dal tasto di emergenza sull'unità."),
    "ac_outdoor_noise": dict(
        family="Climatizzatori", problem="hardware", tags="vibrazioni, unità esterna",
        title="Unità esterna rumorosa e vibra",
        symptoms="Il motore esterno fa un rumore forte, vibra e sferraglia quando parte il "
                 "compressore.",
        cause="Staffe allentate e antivibranti consumati.",
        solution="Serrare le staffe, sostituire i piedini antivibranti e verificare che le "
                 "pale del ventilatore non tocchino la griglia."),
    "wifi_drops": dict(
        family="Reti", problem="network", tags="wifi, access point",
        title="Il Wi-Fi cade di continuo in ufficio",
        symptoms="La connessione wireless si disconnette ogni pochi minuti sui portatili.",
        cause="Access point sullo stesso canale dei vicini, interferenza sui 2,4 GHz.",
        solution="Spostare gli access point su canali 1/6/11 o sui 5 GHz, ridurre la potenza e "
                 "aggiornare il firmware degli access point."),
    "slow_network": dict(
        family="Reti", problem="performance", tags="switch, lentezza",
        title="Rete lenta: trasferimento file molto lento",
        symptoms="Copiare file dal server è lentissimo, la rete va a 10 Mbit.",
        cause="Porta dello switch o cavo difettoso che negozia a 10 Mbit half duplex.",
        solution="Controllare la velocità negoziata sullo switch, sostituire il cavo patch e "
                 "forzare 1 Gbit full duplex se necessario."),
    "vpn": dict(
        family="Reti", problem="configuration", tags="vpn, smart working",
        title="VPN non si collega da casa",
        symptoms="Il client VPN resta in connessione e poi dà timeout, da casa non si accede "
                 "al gestionale.",
        cause="Certificato del firewall scaduto o porta UDP bloccata dal router di casa.",
        solution="Rinnovare il certificato sul firewall e distribuirlo ai client; provare il "
                 "tunnel su TCP 443."),
    "password_reset": dict(
        family="Software", problem="usage", tags="password, account",
        title="Utente bloccato dopo troppi tentativi di password",
        symptoms="L'utente non riesce più ad accedere: account bloccato, password dimenticata.",
        cause="Criterio di blocco dopo 5 tentativi errati.",
        solution="Sbloccare l'account dalla console utenti, reimpostare una password temporanea "
                 "e obbligare il cambio al primo accesso."),
    "erp_slow": dict(
        family="Software", problem="performance", tags="gestionale, database",
        title="Gestionale lentissimo all'apertura delle fatture",
        symptoms="Aprire l'elenco fatture nel gestionale richiede minuti, gli utenti si "
                 "lamentano della lentezza.",
        cause="Indici del database frammentati e statistiche non aggiornate.",
        solution="Eseguire la manutenzione del database (ricostruzione indici e statistiche) "
                 "fuori orario; pianificarla ogni settimana."),
    "backup_failed": dict(
        family="Software", problem="software", tags="backup, nas",
        title="Backup notturno fallito sul NAS",
        symptoms="L'email del backup riporta esito fallito: destinazione non raggiungibile.",
        cause="Il NAS va in standby e il disco di rete non è disponibile all'ora del backup.",
        solution="Disattivare lo standby del NAS nella fascia del backup o programmare il "
                 "risveglio; verificare le credenziali della condivisione."),
    "plc_comm": dict(
        family="Automazione", problem="network", tags="plc, profinet, hmi",
        title="Pannello HMI non comunica con il PLC",
        symptoms="Sul pannello operatore compare 'connessione PLC persa' e i valori restano fermi.",
        cause="Indirizzo IP duplicato sulla rete di macchina.",
        solution="Verificare gli indirizzi con il tool di rete, correggere l'IP duplicato e "
                 "riavviare il pannello."),
    "motor_overheat": dict(
        family="Automazione", problem="electrical", tags="motore, inverter, termica",
        title="Inverter in allarme sovratemperatura motore",
        symptoms="La linea si ferma, l'inverter segnala allarme termico del motore dopo "
                 "mezz'ora di lavoro.",
        cause="Ventola di raffreddamento del motore bloccata, motore surriscaldato.",
        solution="Pulire o sostituire la ventola del motore, controllare l'assorbimento e i "
                 "parametri di corrente nominale dell'inverter."),
    "conveyor_belt": dict(
        family="Automazione", problem="hardware", tags="nastro, cinghia",
        title="Nastro trasportatore slitta",
        symptoms="Il nastro trasportatore perde il passo e slitta sotto carico.",
        cause="Cinghia di trascinamento allentata o usurata.",
        solution="Tendere la cinghia secondo il manuale; sostituirla se presenta crepe."),
    "pos_receipt": dict(
        family="Registratori di cassa", problem="hardware", tags="scontrino, stampante termica",
        title="Registratore di cassa: scontrino bianco",
        symptoms="Il registratore di cassa emette lo scontrino ma esce bianco, senza testo.",
        cause="Rotolo di carta termica montato al contrario o testina termica sporca.",
        solution="Girare il rotolo con il lato termico verso la testina; pulire la testina con "
                 "alcool."),
    "pos_fiscal": dict(
        family="Registratori di cassa", problem="software", tags="invio corrispettivi",
        title="Errore invio corrispettivi all'Agenzia delle Entrate",
        symptoms="Il registratore telematico segnala corrispettivi non inviati da giorni.",
        cause="Connessione internet della cassa assente o certificato dispositivo scaduto.",
        solution="Verificare la rete della cassa, rinnovare il certificato dal portale e forzare "
                 "l'invio dei corrispettivi in sospeso."),
    "scale_calibration": dict(
        family="Bilance", problem="configuration", tags="taratura",
        title="Bilancia pesa sbagliato, taratura",
        symptoms="La bilancia del banco indica un peso diverso dal peso campione.",
        cause="Bilancia starata dopo uno spostamento o non in bolla.",
        solution="Mettere in bolla la bilancia e rifare la taratura con i pesi campione; "
                 "applicare il sigillo metrico."),
    "cctv_no_record": dict(
        family="Videosorveglianza", problem="hardware", tags="nvr, hard disk",
        title="Il videoregistratore NVR non registra",
        symptoms="Le telecamere si vedono in diretta ma nel videoregistratore non ci sono "
                 "registrazioni degli ultimi giorni.",
        cause="Hard disk dell'NVR guasto o pieno con sovrascrittura disattivata.",
        solution="Controllare lo stato del disco, sostituirlo se guasto, attivare la "
                 "sovrascrittura ciclica."),
    "cctv_night": dict(
        family="Videosorveglianza", problem="hardware", tags="infrarossi",
        title="Telecamera nera di notte",
        symptoms="Di notte l'immagine della telecamera è tutta nera, di giorno si vede bene.",
        cause="Illuminatori infrarossi guasti o filtro IR-cut bloccato.",
        solution="Verificare l'alimentazione degli illuminatori IR; sostituire la telecamera se "
                 "il filtro IR-cut resta bloccato."),
    "ups_beep": dict(
        family="Reti", problem="electrical", tags="ups, batteria",
        title="UPS suona e va in allarme batteria",
        symptoms="Il gruppo di continuità suona a intermittenza e la spia batteria lampeggia.",
        cause="Batterie al piombo esaurite (oltre 4 anni).",
        solution="Sostituire le batterie dell'UPS ed eseguire il test di autonomia."),
    "breaker_trip": dict(
        family="Caldaie", problem="electrical", tags="salvavita, differenziale",
        title="Scatta il salvavita quando parte la caldaia",
        symptoms="Quando la caldaia si accende salta il differenziale e va via la corrente.",
        cause="Dispersione verso terra della resistenza antigelo o del circolatore.",
        solution="Misurare l'isolamento dei componenti, sostituire il componente in dispersione."),
}

# Articles that share the vocabulary of the curated ones without answering the queries.
DISTRACTORS: list[dict[str, str]] = [
    dict(family="Stampanti", title="Installazione driver stampante su nuovo PC",
         symptoms="Nuovo computer da collegare alla stampante di rete.",
         solution="Scaricare il driver universale e aggiungere la stampante via IP."),
    dict(family="Stampanti", title="Sostituzione programmata del kit di manutenzione",
         symptoms="Il pannello chiede il kit di manutenzione a 200.000 pagine.",
         solution="Sostituire rulli e fusore del kit, azzerare il contatore."),
    dict(family="Stampanti", title="Configurare la rubrica della multifunzione",
         symptoms="Aggiungere indirizzi email alla rubrica della multifunzione.",
         solution="Importare il file CSV dalla pagina web del dispositivo."),
    dict(family="Caldaie", title="Manutenzione annuale e analisi fumi caldaia",
         symptoms="Controllo periodico obbligatorio della caldaia con analisi di combustione.",
         solution="Pulire il bruciatore, eseguire l'analisi fumi e compilare il libretto."),
    dict(family="Caldaie", title="Programmazione del cronotermostato",
         symptoms="Il cliente chiede come impostare gli orari del riscaldamento.",
         solution="Impostare le fasce orarie dal menu programma del cronotermostato."),
    dict(family="Caldaie", title="Sostituzione del vaso di espansione sanitario",
         symptoms="Installazione di un nuovo vaso di espansione per il bollitore.",
         solution="Chiudere l'acqua, sostituire il vaso e caricarlo alla pressione di rete."),
    dict(family="Climatizzatori", title="Sanificazione split a inizio stagione",
         symptoms="Pulizia e igienizzazione dello split prima dell'estate.",
         solution="Smontare i filtri, spruzzare l'igienizzante sulla batteria, risciacquare."),
    dict(family="Climatizzatori", title="Installazione nuovo climatizzatore dual split",
         symptoms="Posa di un nuovo impianto con due unità interne.",
         solution="Posare le linee frigorifere, fare il vuoto, aprire i rubinetti."),
    dict(family="Reti", title="Aggiunta di una nuova postazione alla rete",
         symptoms="Cablaggio di una nuova presa di rete in ufficio.",
         solution="Intestare il cavo, collegarlo al patch panel e allo switch."),
    dict(family="Reti", title="Configurazione rete ospiti Wi-Fi",
         symptoms="Il cliente vuole una rete wireless separata per gli ospiti.",
         solution="Creare un SSID ospiti su VLAN dedicata con isolamento dei client."),
    dict(family="Software", title="Installazione aggiornamento annuale del gestionale",
         symptoms="Nuova versione del gestionale da installare su server e client.",
         solution="Eseguire il backup, installare sul server, aggiornare i client."),
    dict(family="Software", title="Creazione nuovo utente e caselle email",
         symptoms="Nuovo dipendente da abilitare a posta e gestionale.",
         solution="Creare l'account, assegnare la licenza e i permessi sulle cartelle."),
    dict(family="Automazione", title="Backup del programma PLC",
         symptoms="Salvataggio del programma del PLC prima di una modifica.",
         solution="Caricare il progetto dal PLC con il software di programmazione e archiviarlo."),
    dict(family="Automazione", title="Sostituzione sensore di prossimità",
         symptoms="Il sensore induttivo di fine corsa va sostituito.",
         solution="Montare il sensore alla stessa distanza e verificare il LED di stato."),
    dict(family="Registratori di cassa", title="Chiusura giornaliera del registratore di cassa",
         symptoms="Il cliente chiede come fare la chiusura fiscale a fine giornata.",
         solution="Premere chiusura dal menu fiscale; lo scontrino di chiusura viene stampato."),
    dict(family="Bilance", title="Verificazione periodica della bilancia",
         symptoms="Scadenza della verifica metrologica periodica della bilancia.",
         solution="Programmare la visita dell'organismo di verifica e applicare il bollino."),
    dict(family="Videosorveglianza", title="Aggiungere una telecamera all'impianto",
         symptoms="Il cliente vuole una telecamera in più sul parcheggio.",
         solution="Cablare la telecamera PoE e aggiungerla all'NVR."),
    dict(family="Videosorveglianza", title="Accesso alle telecamere da smartphone",
         symptoms="Configurare l'app per vedere le telecamere da remoto.",
         solution="Attivare il servizio cloud dell'NVR e inquadrare il codice QR con l'app."),
]
