"""Products of the eval set and the articles written for one product model (R-KB-2).

Twin articles: the same problem on two models of one family (two boilers of one range, two
printers of one series …) with a different cause and fix. The words of a request rarely tell
them apart; the product or serial of the request must.
"""
from __future__ import annotations

# key → code, name, family, manufacturer (codes and names as an office's product list has them)
PRODUCTS: dict[str, dict[str, str]] = {
    "kyo_p3145": dict(code="KYO-P3145DN", name="Stampante laser A4 ECOSYS P3145dn",
                      family="Stampanti", manufacturer="Kyocera"),
    "kyo_p3155": dict(code="KYO-P3155DN", name="Stampante laser A4 ECOSYS P3155dn",
                      family="Stampanti", manufacturer="Kyocera"),
    "bro_l6400": dict(code="BRO-HLL6400DW", name="Stampante laser HL-L6400DW",
                      family="Stampanti", manufacturer="Brother"),
    "baxi_24": dict(code="BAX-DUOTEC-E24", name="Caldaia a condensazione Luna Duo-tec E 24",
                    family="Caldaie", manufacturer="Baxi"),
    "baxi_33": dict(code="BAX-DUOTEC-E33", name="Caldaia a condensazione Luna Duo-tec E 33",
                    family="Caldaie", manufacturer="Baxi"),
    "daikin_25": dict(code="DAI-FTXF25", name="Climatizzatore Sensira FTXF25",
                      family="Climatizzatori", manufacturer="Daikin"),
    "daikin_35": dict(code="DAI-FTXF35", name="Climatizzatore Sensira FTXF35",
                      family="Climatizzatori", manufacturer="Daikin"),
    "apc_1500": dict(code="APC-SMT1500", name="Gruppo di continuità Smart-UPS SMT1500",
                     family="Reti", manufacturer="APC"),
    "apc_750": dict(code="APC-SMT750", name="Gruppo di continuità Smart-UPS SMT750",
                    family="Reti", manufacturer="APC"),
    "s7_1200": dict(code="SIE-S7-1214C", name="PLC SIMATIC S7-1200 CPU 1214C",
                    family="Automazione", manufacturer="Siemens"),
    "s7_1500": dict(code="SIE-S7-1511", name="PLC SIMATIC S7-1500 CPU 1511-1 PN",
                    family="Automazione", manufacturer="Siemens"),
    "rch_printf": dict(code="RCH-PRINTF", name="Registratore telematico Print!F",
                       family="Registratori di cassa", manufacturer="RCH"),
    "epson_fp81": dict(code="EPS-FP81II-RT", name="Registratore telematico FP-81 II RT",
                       family="Registratori di cassa", manufacturer="Epson"),
    "hik_nvr": dict(code="HIK-DS7608NIK2", name="Videoregistratore NVR DS-7608NI-K2",
                    family="Videosorveglianza", manufacturer="Hikvision"),
}

# key → fields as in ARTICLES, plus ``product`` (a key of PRODUCTS, or "" for a family article)
PRODUCT_ARTICLES: dict[str, dict[str, str]] = {
    "kyo_duplex_3145": dict(
        product="kyo_p3145", problem="hardware", tags="duplex, inceppamento",
        title="Inceppamento nel fronte-retro – ECOSYS P3145dn",
        symptoms="Stampando in fronte-retro il foglio si ferma nell'unità duplex e il pannello "
                 "mostra J4000.",
        cause="Rullo di inversione del duplex sporco di polvere di carta.",
        solution="Aprire il coperchio posteriore e pulire il rullo di inversione con un panno "
                 "umido; se è liscio sostituire il kit duplex."),
    "kyo_duplex_3155": dict(
        product="kyo_p3155", problem="hardware", tags="duplex, sensore",
        title="Inceppamento nel fronte-retro – ECOSYS P3155dn",
        symptoms="In stampa fronte-retro la carta si blocca all'uscita posteriore, codice J4208.",
        cause="Leva del sensore duplex piegata dopo la rimozione di un foglio inceppato.",
        solution="Raddrizzare o sostituire la leva del sensore duplex; aggiornare il firmware "
                 "alla versione che corregge il falso inceppamento."),
    "bro_toner": dict(
        product="bro_l6400", problem="consumables", tags="toner, contatore",
        title="Messaggio toner esaurito con cartuccia nuova – HL-L6400DW",
        symptoms="Dopo il cambio del toner la stampante continua a chiedere di sostituire il "
                 "toner e non stampa.",
        cause="Contatore del toner non azzerato o contatti della cartuccia sporchi.",
        solution="Azzerare il contatore dal menu Info macchina > Durata parti con il coperchio "
                 "aperto; pulire i contatti della cartuccia e il filo corona del tamburo."),
    "baxi_e133_24": dict(
        product="baxi_24", problem="hardware", tags="accensione, elettrodo, E133",
        title="Errore E133 mancata accensione – Luna Duo-tec E 24",
        symptoms="La caldaia prova ad accendersi tre volte e si blocca con E133; il display "
                 "lampeggia.",
        cause="Elettrodo di accensione ossidato, distanza fuori tolleranza.",
        solution="Sostituire l'elettrodo di accensione e rilevazione, registrare la distanza a "
                 "4 mm e sbloccare con il tasto R."),
    "baxi_e133_33": dict(
        product="baxi_33", problem="hardware", tags="accensione, valvola gas, E133",
        title="Errore E133 mancata accensione – Luna Duo-tec E 33",
        symptoms="Dopo alcuni tentativi di accensione la caldaia va in blocco con E133.",
        cause="Valvola del gas starata, CO2 fuori dal valore di targa.",
        solution="Verificare la pressione del gas in ingresso e tarare la valvola del gas alla "
                 "CO2 di targa con l'analizzatore di combustione; sbloccare la caldaia."),
    "daikin_u4_25": dict(
        product="daikin_25", problem="electrical", tags="U4, comunicazione",
        title="Errore U4 comunicazione tra unità interna ed esterna – Sensira FTXF25",
        symptoms="Il climatizzatore si spegne dopo pochi minuti, la spia lampeggia e il "
                 "telecomando mostra U4.",
        cause="Cavo di collegamento tra le unità con un morsetto allentato.",
        solution="Serrare i morsetti 1-2-3 sulle due unità, verificare la continuità del cavo "
                 "di interconnessione e sostituirlo se danneggiato."),
    "daikin_u4_35": dict(
        product="daikin_35", problem="electrical", tags="U4, scheda inverter",
        title="Errore U4 comunicazione tra unità interna ed esterna – Sensira FTXF35",
        symptoms="Lo split non parte, lampeggia la spia di funzionamento e sul telecomando "
                 "compare U4.",
        cause="Scheda inverter dell'unità esterna guasta (LED di controllo spento).",
        solution="Controllare il LED sulla scheda dell'unità esterna; se è spento con tensione "
                 "presente sostituire la scheda inverter."),
    "apc_1500": dict(
        product="apc_1500", problem="electrical", tags="batteria, APCRBC7",
        title="Sostituzione batteria – Smart-UPS SMT1500",
        symptoms="L'UPS emette un segnale acustico e sul display compare 'Replace battery'; "
                 "l'autonomia è di pochi secondi.",
        cause="Batteria esaurita dopo circa quattro anni.",
        solution="Sostituire a caldo dal frontale la cartuccia batteria APCRBC7 ed eseguire "
                 "l'autotest."),
    "apc_750": dict(
        product="apc_750", problem="electrical", tags="batteria, APCRBC48",
        title="Sostituzione batteria – Smart-UPS SMT750",
        symptoms="Il gruppo di continuità suona e chiede la sostituzione della batteria; si "
                 "spegne appena manca la corrente.",
        cause="Batteria al piombo esaurita.",
        solution="Sostituire a caldo dal frontale la cartuccia batteria APCRBC48 e lanciare il "
                 "test di autonomia."),
    "s7_1200_stop": dict(
        product="s7_1200", problem="software", tags="STOP, memory card",
        title="CPU in STOP dopo un'interruzione di corrente – S7-1200",
        symptoms="Al ritorno della corrente la macchina non riparte, il LED RUN/STOP della CPU "
                 "è giallo.",
        cause="Memory card SIMATIC difettosa: la CPU non carica il programma.",
        solution="Sostituire la memory card con una copia del progetto, scaricare il programma "
                 "da TIA Portal e mettere la CPU in RUN."),
    "s7_1500_stop": dict(
        product="s7_1500", problem="software", tags="STOP, periferia decentrata",
        title="CPU in STOP dopo un'interruzione di corrente – S7-1500",
        symptoms="Dopo un blackout la linea resta ferma; il display della CPU mostra STOP e un "
                 "errore nel buffer di diagnostica.",
        cause="La periferia decentrata non è raggiungibile all'avvio e la CPU va in STOP.",
        solution="Leggere il buffer di diagnostica dal display della CPU, controllare "
                 "l'alimentazione della periferia ET 200 e impostare un tempo di attesa "
                 "all'avvio."),
    "rt_dgfe_rch": dict(
        product="rch_printf", problem="software", tags="DGFE, memoria di dettaglio",
        title="Memoria di dettaglio (DGFE) piena – Print!F",
        symptoms="Il registratore telematico avvisa che la memoria di dettaglio è quasi "
                 "esaurita e poi blocca le vendite.",
        cause="DGFE su scheda SD esaurito.",
        solution="Eseguire la chiusura giornaliera, inizializzare un nuovo DGFE su SD dal menu "
                 "tecnico e conservare quello vecchio."),
    "rt_dgfe_epson": dict(
        product="epson_fp81", problem="software", tags="DGFE, memoria di dettaglio",
        title="Memoria di dettaglio (DGFE) piena – FP-81 II RT",
        symptoms="La cassa mostra DGFE pieno e non emette più scontrini.",
        cause="Memoria di dettaglio interna esaurita.",
        solution="Dal menu di servizio sostituire il DGFE e fare la stampa di controllo; "
                 "il vecchio va conservato per dieci anni."),
    "nvr_password": dict(
        product="hik_nvr", problem="usage", tags="password, reset",
        title="Password amministratore dell'NVR dimenticata – DS-7608NI-K2",
        symptoms="Nessuno ricorda la password admin del videoregistratore e non si possono "
                 "vedere le registrazioni.",
        cause="Password persa e domande di sicurezza non configurate.",
        solution="Esportare il file GUID con il tool SADP, chiedere al supporto del produttore "
                 "il codice di ripristino e impostare una nuova password."),
    "boiler_no_power": dict(
        product="", family="Caldaie", problem="electrical", tags="alimentazione, fusibile",
        title="Caldaia spenta con display nero",
        symptoms="La caldaia non dà segni di vita: display spento, nessuna spia accesa.",
        cause="Fusibile della scheda elettronica bruciato o alimentazione assente.",
        solution="Controllare l'interruttore bipolare e la spina; sostituire il fusibile della "
                 "scheda (2 A ritardato); se brucia di nuovo cercare il componente in corto."),
}
