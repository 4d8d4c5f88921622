<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT" sourcelanguage="en">
  <context>
    <name>Analysis</name>
    <message>
      <source>Save as PNG…</source>
      <translation>Salva come PNG…</translation>
    </message>
    <message>
      <source>Save chart as PNG…</source>
      <translation>Salva grafico come PNG…</translation>
    </message>
    <message>
      <source>Group by</source>
      <translation>Raggruppa per</translation>
    </message>
    <message>
      <source>split by</source>
      <translation>suddividi per</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Mostra</translation>
    </message>
    <message>
      <source>(nothing)</source>
      <translation>(niente)</translation>
    </message>
    <message>
      <source>Total: {total}</source>
      <translation>Totale: {total}</translation>
    </message>
    <message>
      <source>{subject} chart.png</source>
      <translation>{subject} - grafico.png</translation>
    </message>
    <message>
      <source>Save chart</source>
      <translation>Salva grafico</translation>
    </message>
    <message>
      <source>PNG image (*.png)</source>
      <translation>Immagine PNG (*.png)</translation>
    </message>
    <message>
      <source>The chart could not be saved to “{path}”.</source>
      <translation>Non è stato possibile salvare il grafico in “{path}”.</translation>
    </message>
    <message>
      <source>Exporting to Excel…</source>
      <translation>Esportazione in Excel…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annulla</translation>
    </message>
    <message>
      <source>Excel export</source>
      <translation>Esportazione Excel</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annullamento…</translation>
    </message>
    <message>
      <source>Exporting to Excel… {done} of {total} rows</source>
      <translation>Esportazione in Excel… {done} di {total} righe</translation>
    </message>
    <message>
      <source>Exported {rows} rows to {path}</source>
      <translation>Esportate {rows} righe in {path}</translation>
    </message>
    <message>
      <source>Export cancelled: no file was written.</source>
      <translation>Esportazione annullata: nessun file scritto.</translation>
    </message>
    <message>
      <source>system</source>
      <translation>sistema</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Exported on</source>
      <translation>Esportato il</translation>
    </message>
    <message>
      <source>Exported by</source>
      <translation>Esportato da</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>Righe</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filtri</translation>
    </message>
    <message>
      <source>none: all records</source>
      <translation>nessuno: tutti i record</translation>
    </message>
    <message>
      <source>Type to search…</source>
      <translation>Digita per cercare…</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sì</translation>
    </message>
    <message>
      <source>Any</source>
      <translation>Qualsiasi</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Cerca</translation>
    </message>
    <message>
      <source>number, customer, serial, words…</source>
      <translation>numero, cliente, matricola, parole…</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Provincia</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Prodotto</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>contains…</source>
      <translation>contiene…</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo problema</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Requests: the owner or the operator of an intervention. Interventions: their operator.</source>
      <translation>Richieste: il responsabile o l'operatore di un intervento. Interventi: il loro operatore.</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Job order</source>
      <translation>Commessa</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Aperta</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Chiusa</translation>
    </message>
    <message>
      <source>Intervention planned</source>
      <translation>Intervento pianificato</translation>
    </message>
    <message>
      <source>Activity type</source>
      <translation>Tipo attività</translation>
    </message>
    <message>
      <source>Intervention status</source>
      <translation>Stato intervento</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Billable</source>
      <translation>Fatturabile</translation>
    </message>
    <message>
      <source>Not billable</source>
      <translation>Non fatturabile</translation>
    </message>
    <message>
      <source>Number or title</source>
      <translation>Numero o titolo</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Active/passive</source>
      <translation>Attivo/passivo</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Data firma</translation>
    </message>
    <message>
      <source>Expiry</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>Rinnovo</translation>
    </message>
    <message>
      <source>Amount (€)</source>
      <translation>Importo (€)</translation>
    </message>
    <message>
      <source>With tickets</source>
      <translation>Con ticket</translation>
    </message>
    <message>
      <source>Without tickets</source>
      <translation>Senza ticket</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>Tickets available</source>
      <translation>Ticket disponibili</translation>
    </message>
    <message>
      <source>Tickets used</source>
      <translation>Ticket usati</translation>
    </message>
    <message>
      <source>Tickets remaining</source>
      <translation>Ticket residui</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>Archiviati</translation>
    </message>
    <message>
      <source>Include archived contracts</source>
      <translation>Includi i contratti archiviati</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Richieste</translation>
    </message>
    <message>
      <source>Interventions</source>
      <translation>Interventi</translation>
    </message>
    <message>
      <source>Work logs</source>
      <translation>Consuntivi</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contratti</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Resolution due</source>
      <translation>Scadenza risoluzione</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation>Inizio pianificato</translation>
    </message>
    <message>
      <source>Planned end</source>
      <translation>Fine pianificata</translation>
    </message>
    <message>
      <source>Planned hours</source>
      <translation>Ore pianificate</translation>
    </message>
    <message>
      <source>Request status</source>
      <translation>Stato richiesta</translation>
    </message>
    <message>
      <source>Completed</source>
      <translation>Completato</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Ore</translation>
    </message>
    <message>
      <source>Travel hours</source>
      <translation>Ore di viaggio</translation>
    </message>
    <message>
      <source>Km</source>
      <translation>Km</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mese</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Settimana</translation>
    </message>
    <message>
      <source>Month closed</source>
      <translation>Mese di chiusura</translation>
    </message>
    <message>
      <source>Expiry month</source>
      <translation>Mese di scadenza</translation>
    </message>
    <message>
      <source>Signing month</source>
      <translation>Mese di firma</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>Quantità</translation>
    </message>
    <message>
      <source>Billable hours</source>
      <translation>Ore fatturabili</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valore</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nuova</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>Assegnata</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>In lavorazione</translation>
    </message>
    <message>
      <source>Waiting for customer</source>
      <translation>In attesa del cliente</translation>
    </message>
    <message>
      <source>Waiting for supplier</source>
      <translation>In attesa del fornitore</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>Risolta</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annullata</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Pianificato</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Eseguito</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Bozza</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Attivo</translation>
    </message>
    <message>
      <source>Suspended</source>
      <translation>Sospeso</translation>
    </message>
    <message>
      <source>Expired</source>
      <translation>Scaduto</translation>
    </message>
    <message>
      <source>Full service</source>
      <translation>Full service</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>Manutenzione</translation>
    </message>
    <message>
      <source>On call</source>
      <translation>Su chiamata</translation>
    </message>
    <message>
      <source>Software support</source>
      <translation>Assistenza software</translation>
    </message>
    <message>
      <source>Warranty extension</source>
      <translation>Estensione garanzia</translation>
    </message>
    <message>
      <source>Rental</source>
      <translation>Noleggio</translation>
    </message>
    <message>
      <source>Supply</source>
      <translation>Fornitura</translation>
    </message>
    <message>
      <source>Active (customer)</source>
      <translation>Attivo (cliente)</translation>
    </message>
    <message>
      <source>Passive (supplier)</source>
      <translation>Passivo (fornitore)</translation>
    </message>
    <message>
      <source>Tacit</source>
      <translation>Tacito</translation>
    </message>
    <message>
      <source>On proposal</source>
      <translation>Su proposta</translation>
    </message>
    <message>
      <source>Not renewable</source>
      <translation>Non rinnovabile</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(nessuno)</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>Altro</translation>
    </message>
    <message>
      <source>Save filter</source>
      <extracomment>The tables whose rows (or whose names shown in the rows) each subject's table shows.</extracomment>
      <translation>Salva filtro</translation>
    </message>
    <message>
      <source>Share with all operators</source>
      <translation>Condividi con tutti gli operatori</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>Saved filter</source>
      <translation>Filtro salvato</translation>
    </message>
    <message>
      <source>Save filter…</source>
      <translation>Salva filtro…</translation>
    </message>
    <message>
      <source>Delete filter</source>
      <translation>Elimina filtro</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Azzera filtri</translation>
    </message>
    <message>
      <source>Show or hide the filters</source>
      <translation>Mostra o nasconde i filtri</translation>
    </message>
    <message>
      <source>List</source>
      <translation>Elenca</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Esporta in Excel…</translation>
    </message>
    <message>
      <source>sorting…</source>
      <translation>ordinamento in corso…</translation>
    </message>
    <message>
      <source>updating…</source>
      <translation>aggiornamento…</translation>
    </message>
    <message>
      <source>The analysis could not be read: {reason}</source>
      <translation>Impossibile leggere l'analisi: {reason}</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Ricerca in corso…</translation>
    </message>
    <message>
      <source>{n} results</source>
      <translation>{n} risultati</translation>
    </message>
    <message>
      <source>totals…</source>
      <translation>totali in calcolo…</translation>
    </message>
    <message>
      <source>hours {h}</source>
      <translation>ore {h}</translation>
    </message>
    <message>
      <source>billable {h}</source>
      <translation>fatturabili {h}</translation>
    </message>
    <message>
      <source>travel {h}</source>
      <translation>viaggio {h}</translation>
    </message>
    <message>
      <source>value {v}</source>
      <translation>valore {v}</translation>
    </message>
    <message>
      <source>planned hours {h}</source>
      <translation>ore pianificate {h}</translation>
    </message>
    <message>
      <source>Filters ({n})</source>
      <translation>Filtri ({n})</translation>
    </message>
    <message>
      <source>Export to Excel</source>
      <translation>Esporta in Excel</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
      <source> (shared)</source>
      <translation> (condiviso)</translation>
    </message>
    <message>
      <source>Delete the saved filter “{name}”?</source>
      <translation>Eliminare il filtro salvato “{name}”?</translation>
    </message>
    <message>
      <source>Double-click or press Delete to remove</source>
      <translation>Doppio clic o tasto Canc per rimuovere</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>gg/mm/aaaa</translation>
    </message>
    <message>
      <source>from</source>
      <translation>dal</translation>
    </message>
    <message>
      <source>to</source>
      <translation>al</translation>
    </message>
    <message>
      <source>min</source>
      <translation>min</translation>
    </message>
    <message>
      <source>max</source>
      <translation>max</translation>
    </message>
    <message>
      <source>Analysis: {subject}</source>
      <translation>Analisi: {subject}</translation>
    </message>
    <message>
      <source>&amp;Analysis</source>
      <translation>&amp;Analisi</translation>
    </message>
    <message>
      <source>&amp;Requests and interventions</source>
      <translation>&amp;Richieste e interventi</translation>
    </message>
    <message>
      <source>&amp;Work logs</source>
      <translation>&amp;Consuntivi</translation>
    </message>
    <message>
      <source>&amp;Contracts</source>
      <translation>C&amp;ontratti</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Empty file</source>
      <translation>File vuoto</translation>
    </message>
    <message>
      <source>The file “%1” is empty.

Create a new ServiceDesk database in it?</source>
      <translation>Il file “%1” è vuoto.

Creare in esso un nuovo database ServiceDesk?</translation>
    </message>
    <message>
      <source>Cannot open the database</source>
      <translation>Impossibile aprire il database</translation>
    </message>
  </context>
  <context>
    <name>Audit</name>
    <message>
      <source>History of changes</source>
      <translation>Storico modifiche</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Intervention</source>
      <translation>Intervento</translation>
    </message>
    <message>
      <source>Work log</source>
      <translation>Consuntivo</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>created</source>
      <translation>creato</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>modificato</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>eliminato</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Descrizione</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Referente</translation>
    </message>
    <message>
      <source>Job order</source>
      <translation>Commessa</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo problema</translation>
    </message>
    <message>
      <source>Final report</source>
      <translation>Rapporto finale</translation>
    </message>
    <message>
      <source>Resolution due</source>
      <translation>Scadenza risoluzione</translation>
    </message>
    <message>
      <source>Response due</source>
      <translation>Scadenza risposta</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Activity type</source>
      <translation>Tipo attività</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation>Inizio pianificato</translation>
    </message>
    <message>
      <source>Planned end</source>
      <translation>Fine pianificata</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>Istruzioni</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapporto</translation>
    </message>
    <message>
      <source>Actual start</source>
      <translation>Inizio effettivo</translation>
    </message>
    <message>
      <source>Actual end</source>
      <translation>Fine effettiva</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Minuti</translation>
    </message>
    <message>
      <source>Travel minutes</source>
      <translation>Minuti di viaggio</translation>
    </message>
    <message>
      <source>Km</source>
      <translation>Km</translation>
    </message>
    <message>
      <source>Billable</source>
      <translation>Fatturabile</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Term start</source>
      <translation>Inizio periodo</translation>
    </message>
    <message>
      <source>Term end</source>
      <translation>Fine periodo</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>Rinnovo</translation>
    </message>
    <message>
      <source>Change %</source>
      <translation>Variazione %</translation>
    </message>
    <message>
      <source>ISTAT share %</source>
      <translation>Quota ISTAT %</translation>
    </message>
    <message>
      <source>Notice days</source>
      <translation>Giorni di disdetta</translation>
    </message>
    <message>
      <source>Tickets per term</source>
      <translation>Ticket per periodo</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Firmato il</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>Archiviato</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sì</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>pianificato</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>in corso</translation>
    </message>
    <message>
      <source>done</source>
      <translation>eseguito</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annullato</translation>
    </message>
  </context>
  <context>
    <name>AuditTableModel</name>
    <message>
      <source>When</source>
      <translation>Quando</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Chi</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Campo</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Prima</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Dopo</translation>
    </message>
    <message>
      <source>system</source>
      <translation>sistema</translation>
    </message>
  </context>
  <context>
    <name>AuditView</name>
    <message>
      <source>Refresh</source>
      <translation>Aggiorna</translation>
    </message>
    <message>
      <source>The history appears once the record is saved.</source>
      <translation>Lo storico compare dopo il salvataggio.</translation>
    </message>
    <message>
      <source>No changes recorded.</source>
      <translation>Nessuna modifica registrata.</translation>
    </message>
    <message>
      <source>The latest %1 changes.</source>
      <translation>Le ultime %1 modifiche.</translation>
    </message>
    <message>
      <source>Changes: %1, newest first.</source>
      <translation>Modifiche: %1, le più recenti prima.</translation>
    </message>
  </context>
  <context>
    <name>Backup</name>
    <message>
      <source>automatic</source>
      <translation>automatico</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>manuale</translation>
    </message>
    <message>
      <source>before a restore</source>
      <translation>prima di un ripristino</translation>
    </message>
    <message>
      <source>%1 MB</source>
      <translation>%1 MB</translation>
    </message>
    <message>
      <source>%1 KB</source>
      <translation>%1 KB</translation>
    </message>
    <message>
      <source>The database is damaged</source>
      <translation>Il database è danneggiato</translation>
    </message>
    <message>
      <source>The database “%1” is damaged and no good backup was found next to it. Ask your administrator: a backup may be in another folder.</source>
      <translation>Il database “%1” è danneggiato e accanto non c'è alcun backup integro. Rivolgiti all'amministratore: un backup potrebbe trovarsi in un'altra cartella.</translation>
    </message>
    <message>
      <source>The database “%1” is damaged.

Restore the latest good backup, taken on %2? The damaged file is kept aside with “.corrupt” in its name.</source>
      <translation>Il database “%1” è danneggiato.

Ripristinare l'ultimo backup integro, eseguito il %2? Il file danneggiato viene conservato con “.corrupt” nel nome.</translation>
    </message>
  </context>
  <context>
    <name>BackupController</name>
    <message>
      <source>Database busy: waiting for another workstation…</source>
      <translation>Database occupato: attendo un'altra postazione…</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Backup in corso…</translation>
    </message>
    <message>
      <source>Backup saved: %1</source>
      <translation>Backup salvato: %1</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>The database is damaged</source>
      <translation>Il database è danneggiato</translation>
    </message>
    <message>
      <source>Restore the latest good backup, taken on %1, now? Other workstations should close ServiceDesk first.</source>
      <translation>Ripristinare ora l'ultimo backup integro, del %1? Le altre postazioni dovrebbero prima chiudere ServiceDesk.</translation>
    </message>
    <message>
      <source>Open the backups to restore one now?</source>
      <translation>Aprire i backup per ripristinarne uno adesso?</translation>
    </message>
    <message>
      <source>Tell your administrator now.</source>
      <translation>Avvisa subito l'amministratore.</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Ripristino da backup</translation>
    </message>
    <message>
      <source>This database is in shared mode (rollback journal): several workstations can use it, also from a network share.

Switch it to single-workstation mode (WAL, faster), for a file that only this computer uses on its own disk?</source>
      <translation>Questo database è in modalità condivisa (journal di rollback): più postazioni possono usarlo, anche da una cartella di rete.

Passarlo alla modalità postazione singola (WAL, più veloce), per un file che usa solo questo computer sul proprio disco?</translation>
    </message>
    <message>
      <source>This database is in single-workstation mode (WAL): fast, for one computer with the file on its own disk.

Switch it to shared mode (rollback journal), so that several workstations can use it, also from a network share?</source>
      <translation>Questo database è in modalità postazione singola (WAL): veloce, per un solo computer con il file sul proprio disco.

Passarlo alla modalità condivisa (journal di rollback), così che più postazioni possano usarlo, anche da una cartella di rete?</translation>
    </message>
    <message>
      <source>The mode is stored in the file and applies to every workstation; it can be changed only while nobody else has the file open.</source>
      <translation>La modalità è salvata nel file e vale per tutte le postazioni; si può cambiare solo quando nessun altro ha il file aperto.</translation>
    </message>
    <message>
      <source>Database mode</source>
      <translation>Modalità del database</translation>
    </message>
    <message>
      <source>The database is now in shared mode.</source>
      <translation>Il database ora è in modalità condivisa.</translation>
    </message>
    <message>
      <source>The database is now in single-workstation mode.</source>
      <translation>Il database ora è in modalità postazione singola.</translation>
    </message>
  </context>
  <context>
    <name>BackupDialog</name>
    <message>
      <source>Backups</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Eseguito il</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Dimensione</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Esegui backup ora</translation>
    </message>
    <message>
      <source>Restore selected…</source>
      <translation>Ripristina selezionato…</translation>
    </message>
    <message>
      <source>Restore from another file…</source>
      <translation>Ripristina da un altro file…</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Apri cartella</translation>
    </message>
    <message>
      <source>Automatic backups</source>
      <translation>Backup automatici</translation>
    </message>
    <message>
      <source>Back up automatically at start and once a day</source>
      <translation>Esegui il backup automatico all'avvio e una volta al giorno</translation>
    </message>
    <message>
      <source>next to the database</source>
      <translation>accanto al database</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Scegli…</translation>
    </message>
    <message>
      <source>days</source>
      <translation>giorni</translation>
    </message>
    <message>
      <source>weeks</source>
      <translation>settimane</translation>
    </message>
    <message>
      <source>Folder:</source>
      <translation>Cartella:</translation>
    </message>
    <message>
      <source>Keep one a day for:</source>
      <translation>Tienine uno al giorno per:</translation>
    </message>
    <message>
      <source>Then one a week for:</source>
      <translation>Poi uno a settimana per:</translation>
    </message>
    <message>
      <source>Save settings</source>
      <translation>Salva impostazioni</translation>
    </message>
    <message>
      <source>Backups of %1 in %2. Automatic backups are rotated; manual ones are kept until you delete them.</source>
      <translation>Backup di %1 in %2. I backup automatici vengono ruotati; quelli manuali restano finché non li elimini.</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>Cartella dei backup</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Cartella</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>Giorni</translation>
    </message>
    <message>
      <source>Weeks</source>
      <translation>Settimane</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>Backup saved: %1</source>
      <translation>Backup salvato: %1</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Ripristino da backup</translation>
    </message>
    <message>
      <source>ServiceDesk database (*.db *.sqlite);;All files (*)</source>
      <translation>Database ServiceDesk (*.db *.sqlite);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>Replace the whole content of the database with the backup “%1”?

Everything entered after that backup is replaced; the current content is first kept as a backup of kind “before a restore”, so this can be undone. Other workstations should close ServiceDesk first.</source>
      <translation>Sostituire l'intero contenuto del database con il backup “%1”?

Tutto ciò che è stato inserito dopo quel backup viene sostituito; il contenuto attuale viene prima conservato come backup di tipo “prima di un ripristino”, quindi l'operazione si può annullare. Le altre postazioni dovrebbero prima chiudere ServiceDesk.</translation>
    </message>
    <message>
      <source>The database was restored. The previous content is in %1. ServiceDesk now reopens the database.</source>
      <translation>Il database è stato ripristinato. Il contenuto precedente è in %1. ServiceDesk ora riapre il database.</translation>
    </message>
  </context>
  <context>
    <name>BackupFeature</name>
    <message>
      <source>&amp;Back up now</source>
      <translation>Esegui &amp;backup ora</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>&amp;Ripristina da backup…</translation>
    </message>
    <message>
      <source>Backup &amp;settings…</source>
      <translation>Impo&amp;stazioni backup…</translation>
    </message>
    <message>
      <source>Database &amp;mode…</source>
      <translation>&amp;Modalità del database…</translation>
    </message>
    <message>
      <source>This database is in single-workstation mode; --shared does not change it. An administrator can switch it: Tools › Database mode.</source>
      <translation>Questo database è in modalità postazione singola; --shared non la cambia. Un amministratore può cambiarla: Strumenti › Modalità del database.</translation>
    </message>
  </context>
  <context>
    <name>Board</name>
    <message>
      <source>Absences</source>
      <translation>Assenze</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dal</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Al</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nuova</translation>
    </message>
    <message>
      <source>Save absence</source>
      <translation>Salva assenza</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Elimina</translation>
    </message>
    <message>
      <source>From – to</source>
      <translation>Dalle – alle</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Delete this absence?</source>
      <translation>Eliminare questa assenza?</translation>
    </message>
    <message>
      <source>Scheduling rules</source>
      <translation>Regole di pianificazione</translation>
    </message>
    <message>
      <source>Scheduling an intervention for a technician assigns a new request to that technician</source>
      <translation>Pianificando un intervento per un tecnico, la richiesta nuova viene assegnata a quel tecnico</translation>
    </message>
    <message>
      <source>The request moves from “New” to “Assigned” with the technician as its owner (an owner already chosen stays). When its last intervention is done, resolving it is offered in any case.</source>
      <translation>La richiesta passa da «Nuova» ad «Assegnata» con il tecnico come responsabile (un responsabile già scelto resta). Quando il suo ultimo intervento è completato, viene comunque proposto di risolverla.</translation>
    </message>
    <message>
      <source>Applies to every workstation. Only an administrator may change it.</source>
      <translation>Vale per tutte le postazioni. Solo un amministratore può cambiarla.</translation>
    </message>
    <message>
      <source>Complete intervention</source>
      <translation>Completa intervento</translation>
    </message>
    <message>
      <source>What was found and what was done</source>
      <translation>Cosa è stato riscontrato e cosa è stato fatto</translation>
    </message>
    <message>
      <source>Also log this time in the work log</source>
      <translation>Registra anche questo tempo nel consuntivo</translation>
    </message>
    <message>
      <source>Actual start</source>
      <translation>Inizio effettivo</translation>
    </message>
    <message>
      <source>Actual end</source>
      <translation>Fine effettiva</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapporto</translation>
    </message>
    <message>
      <source>The customer signs on screen now</source>
      <translation>Il cliente firma ora sullo schermo</translation>
    </message>
    <message>
      <source>Complete</source>
      <translation>Completa</translation>
    </message>
    <message>
      <source>The intervention was completed, but the work log was not written</source>
      <translation>L'intervento è completato, ma il consuntivo non è stato registrato</translation>
    </message>
    <message>
      <source>Edit intervention</source>
      <translation>Modifica intervento</translation>
    </message>
    <message>
      <source>Schedule intervention</source>
      <translation>Pianifica intervento</translation>
    </message>
    <message>
      <source>What the technician must know or bring: access, parts, contact on site…</source>
      <translation>Cosa il tecnico deve sapere o portare: accesso, ricambi, referente sul posto…</translation>
    </message>
    <message>
      <source>Inherited from the request</source>
      <translation>Ereditata dalla richiesta</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Activity type</source>
      <translation>Tipo attività</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Pianificato</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>Istruzioni</translation>
    </message>
    <message>
      <source>Why the conflict is accepted (recorded)</source>
      <translation>Perché si accetta il conflitto (viene registrato)</translation>
    </message>
    <message>
      <source>Next free slots for this duration:</source>
      <translation>Prossime disponibilità per questa durata:</translation>
    </message>
    <message>
      <source>Search again</source>
      <translation>Cerca di nuovo</translation>
    </message>
    <message>
      <source>(all teams)</source>
      <translation>(tutti i team)</translation>
    </message>
    <message>
      <source>as the request's latest intervention</source>
      <translation>come l'ultimo intervento della richiesta</translation>
    </message>
    <message>
      <source>suggested by the problem type</source>
      <translation>suggerito dal tipo di problema</translation>
    </message>
    <message>
      <source>(team, assign later)</source>
      <translation>(team, assegna dopo)</translation>
    </message>
    <message>
      <source>{h} h {m:02d} min</source>
      <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
      <source>The end is before the start: set the times to see free slots.</source>
      <translation>La fine è prima dell'inizio: correggi gli orari per vedere gli orari liberi.</translation>
    </message>
    <message>
      <source>Choose an operator or a team to see free slots.</source>
      <translation>Scegli un operatore o un team per vedere le disponibilità.</translation>
    </message>
    <message>
      <source>The team has no active operator: choose an operator.</source>
      <translation>Il team non ha operatori attivi: scegli un operatore.</translation>
    </message>
    <message>
      <source>Nobody in the team has working hours in the next {days} days.</source>
      <translation>Nessuno del team ha orari di lavoro nei prossimi {days} giorni.</translation>
    </message>
    <message>
      <source>{name} has no working hours in the next {days} days (Board › Working hours…).</source>
      <translation>{name} non ha orari di lavoro nei prossimi {days} giorni (Lavagna › Orari di lavoro…).</translation>
    </message>
    <message>
      <source>Longer than a working day ({hours} h at most): shorten it, or choose the times yourself.</source>
      <translation>Più lungo di una giornata di lavoro (al massimo {hours} h): accorcialo, oppure scegli tu gli orari.</translation>
    </message>
    <message>
      <source>Everybody in the team is absent in the next {days} days.</source>
      <translation>Tutto il team è assente nei prossimi {days} giorni.</translation>
    </message>
    <message>
      <source>{name} is absent on every working day of the next {days} days.</source>
      <translation>{name} è assente in tutti i giorni lavorativi dei prossimi {days} giorni.</translation>
    </message>
    <message>
      <source>No free slot of this length in the next {days} days: the working hours are booked.</source>
      <translation>Nessuna disponibilità di questa durata nei prossimi {days} giorni: gli orari di lavoro sono occupati.</translation>
    </message>
    <message>
      <source>Agenda of {day}</source>
      <translation>Agenda del {day}</translation>
    </message>
    <message>
      <source>Request {number} assigned to {name}.</source>
      <translation>Richiesta {number} assegnata a {name}.</translation>
    </message>
    <message>
      <source>Working hours</source>
      <translation>Orario di lavoro</translation>
    </message>
    <message>
      <source>Use the office default (Monday–Friday)</source>
      <translation>Usa l'orario dell'ufficio (lunedì–venerdì)</translation>
    </message>
    <message>
      <source>Works</source>
      <translation>Lavora</translation>
    </message>
    <message>
      <source>Morning</source>
      <translation>Mattina</translation>
    </message>
    <message>
      <source>Afternoon</source>
      <translation>Pomeriggio</translation>
    </message>
    <message>
      <source>2nd period</source>
      <translation>2° turno</translation>
    </message>
    <message>
      <source>Work log entry</source>
      <translation>Voce di consuntivo</translation>
    </message>
    <message>
      <source>Edit work log entry</source>
      <translation>Modifica voce di consuntivo</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Ore</translation>
    </message>
    <message>
      <source>min</source>
      <translation>min</translation>
    </message>
    <message>
      <source>Billable</source>
      <translation>Fatturabile</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(nessuno)</translation>
    </message>
    <message>
      <source>Intervention</source>
      <translation>Intervento</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Time worked</source>
      <translation>Tempo lavorato</translation>
    </message>
    <message>
      <source>Travel</source>
      <translation>Viaggio</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Move intervention #{id}</source>
      <extracomment>Tables whose changes the board shows (requests and customers only for blocks on the board).</extracomment>
      <translation>Sposta intervento n. {id}</translation>
    </message>
    <message>
      <source>undo/redo on the board</source>
      <translation>annulla/ripeti sulla lavagna</translation>
    </message>
    <message>
      <source>Cannot undo</source>
      <translation>Impossibile annullare</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Giorno</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Settimana</translation>
    </message>
    <message>
      <source>Previous</source>
      <translation>Precedente</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Oggi</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Successivo</translation>
    </message>
    <message>
      <source>Jump to date</source>
      <translation>Vai alla data</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>Tutti i team</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Annulla</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Ripeti</translation>
    </message>
    <message>
      <source>Team board</source>
      <translation>Lavagna team</translation>
    </message>
    <message>
      <source>Interventions</source>
      <translation>Interventi</translation>
    </message>
    <message>
      <source>Work log</source>
      <translation>Consuntivo</translation>
    </message>
    <message>
      <source>&amp;Board</source>
      <translation>&amp;Lavagna</translation>
    </message>
    <message>
      <source>Working hours…</source>
      <translation>Orari di lavoro…</translation>
    </message>
    <message>
      <source>Absences…</source>
      <translation>Assenze…</translation>
    </message>
    <message>
      <source>Scheduling rules…</source>
      <translation>Regole di pianificazione…</translation>
    </message>
    <message>
      <source>Export schedule (.ics)…</source>
      <translation>Esporta agenda (.ics)…</translation>
    </message>
    <message>
      <source>Save intervention sheet as PDF…</source>
      <translation>Salva scheda intervento in PDF…</translation>
    </message>
    <message>
      <source>Print intervention sheet…</source>
      <translation>Stampa scheda intervento…</translation>
    </message>
    <message>
      <source>Tools</source>
      <translation>Strumenti</translation>
    </message>
    <message>
      <source>My day</source>
      <translation>La mia giornata</translation>
    </message>
    <message>
      <source>Show team board</source>
      <translation>Mostra lavagna team</translation>
    </message>
    <message>
      <source>Select an intervention on the board first.</source>
      <translation>Seleziona prima un intervento sulla lavagna.</translation>
    </message>
    <message>
      <source>Intervention sheet</source>
      <translation>Scheda intervento</translation>
    </message>
    <message>
      <source>Intervention no. {id}</source>
      <translation>Intervento n. {id}</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Indirizzo</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Referente</translation>
    </message>
    <message>
      <source>until {date}</source>
      <translation>fino al {date}</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>{remaining} remaining of {available} ({used} used)</source>
      <translation>{remaining} residui su {available} ({used} usati)</translation>
    </message>
    <message>
      <source>none (billable intervention)</source>
      <translation>nessuno (intervento a pagamento)</translation>
    </message>
    <message>
      <source>Units and serial numbers</source>
      <translation>Prodotti e matricole</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Prodotto</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Ubicazione</translation>
    </message>
    <message>
      <source>Work done, parts used, notes</source>
      <translation>Lavoro svolto, ricambi usati, note</translation>
    </message>
    <message>
      <source>Arrival</source>
      <translation>Arrivo</translation>
    </message>
    <message>
      <source>Departure</source>
      <translation>Partenza</translation>
    </message>
    <message>
      <source>Travel (km)</source>
      <translation>Viaggio (km)</translation>
    </message>
    <message>
      <source>Technician signature</source>
      <translation>Firma del tecnico</translation>
    </message>
    <message>
      <source>Customer signature</source>
      <translation>Firma del cliente</translation>
    </message>
    <message>
      <source>Name in block capitals</source>
      <translation>Nome in stampatello</translation>
    </message>
    <message>
      <source>ServiceDesk · {number} · printed on {when} · page {page}</source>
      <translation>ServiceDesk · {number} · stampata il {when} · pagina {page}</translation>
    </message>
    <message>
      <source>Problem reported</source>
      <translation>Problema segnalato</translation>
    </message>
    <message>
      <source>Export schedule (.ics)</source>
      <translation>Esporta agenda (.ics)</translation>
    </message>
    <message>
      <source>operator</source>
      <translation>operatore</translation>
    </message>
    <message>
      <source>Calendar files (*.ics)</source>
      <translation>File calendario (*.ics)</translation>
    </message>
    <message>
      <source>Cannot write the file: {error}</source>
      <translation>Impossibile scrivere il file: {error}</translation>
    </message>
    <message>
      <source>Schedule exported to {path}</source>
      <translation>Agenda esportata in {path}</translation>
    </message>
    <message>
      <source>intervention-{id}.pdf</source>
      <translation>intervento-{id}.pdf</translation>
    </message>
    <message>
      <source>Save intervention sheet</source>
      <translation>Salva scheda intervento</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Intervention sheet saved to {path}</source>
      <translation>Scheda intervento salvata in {path}</translation>
    </message>
    <message>
      <source>Double booking: overlaps intervention #{id}</source>
      <translation>Doppia prenotazione: si sovrappone all'intervento n. {id}</translation>
    </message>
    <message>
      <source>The operator is absent ({kind}):</source>
      <translation>L'operatore è assente ({kind}):</translation>
    </message>
    <message>
      <source>Outside the operator's working hours</source>
      <translation>Fuori dall'orario di lavoro dell'operatore</translation>
    </message>
    <message>
      <source>Scheduling conflict</source>
      <translation>Conflitto di pianificazione</translation>
    </message>
    <message>
      <source>The chosen time has conflicts:</source>
      <translation>L'orario scelto ha dei conflitti:</translation>
    </message>
    <message>
      <source>Schedule anyway? The override is recorded on the intervention.</source>
      <translation>Pianificare comunque? La forzatura viene registrata sull'intervento.</translation>
    </message>
    <message>
      <source>Schedule anyway</source>
      <translation>Pianifica comunque</translation>
    </message>
    <message>
      <source>This entry overlaps other entries of the same operator on that day:</source>
      <translation>Questa voce si sovrappone ad altre voci dello stesso operatore in quel giorno:</translation>
    </message>
    <message>
      <source>Overlapping entries</source>
      <translation>Voci sovrapposte</translation>
    </message>
    <message>
      <source>Save it anyway?</source>
      <translation>Salvarla comunque?</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Schedule…</source>
      <translation>Pianifica…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifica…</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Inizia</translation>
    </message>
    <message>
      <source>Mark as in progress from now</source>
      <translation>Segna come in corso da adesso</translation>
    </message>
    <message>
      <source>Complete…</source>
      <translation>Completa…</translation>
    </message>
    <message>
      <source>Cancel intervention</source>
      <translation>Annulla intervento</translation>
    </message>
    <message>
      <source>Print sheet…</source>
      <translation>Stampa scheda…</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>Salva in PDF…</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Stampa…</translation>
    </message>
    <message>
      <source>Compose final report…</source>
      <translation>Componi rapporto finale…</translation>
    </message>
    <message>
      <source>All interventions are done — resolve the request?</source>
      <translation>Tutti gli interventi sono completati — risolvere la richiesta?</translation>
    </message>
    <message>
      <source>Resolve…</source>
      <translation>Risolvi…</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>Non ora</translation>
    </message>
    <message>
      <source>Save the request first to schedule interventions.</source>
      <translation>Salva prima la richiesta per pianificare interventi.</translation>
    </message>
    <message>
      <source>Reason (optional):</source>
      <translation>Motivo (facoltativo):</translation>
    </message>
    <message>
      <source>Request {number} resolved.</source>
      <translation>Richiesta {number} risolta.</translation>
    </message>
    <message>
      <source>Resolve request</source>
      <translation>Risolvi richiesta</translation>
    </message>
    <message>
      <source>Final report</source>
      <translation>Rapporto finale</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>Risolvi</translation>
    </message>
    <message>
      <source>Drafted from the reports of the completed interventions; edit before saving.</source>
      <translation>Bozza composta dai rapporti degli interventi completati; modificala prima di salvare.</translation>
    </message>
    <message>
      <source>Unassigned</source>
      <translation>Da assegnare</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>Nessun team</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>Lunedì</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>Martedì</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>Mercoledì</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>Giovedì</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>Venerdì</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>Sabato</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>Domenica</translation>
    </message>
    <message>
      <source>Holiday</source>
      <translation>Ferie</translation>
    </message>
    <message>
      <source>Sick leave</source>
      <translation>Malattia</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>Formazione</translation>
    </message>
    <message>
      <source>Absent</source>
      <translation>Assente</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>In corso</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Completato</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annullato</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>Orario</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Aggiungi…</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sì</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
    <message>
      <source>Logged: {total} h · billable {billable} h · not billable {other} h · travel {travel} h, {km} km</source>
      <translation>Consuntivato: {total} h · fatturabili {billable} h · non fatturabili {other} h · viaggio {travel} h, {km} km</translation>
    </message>
    <message>
      <source>Delete this work-log entry?</source>
      <translation>Eliminare questa voce di consuntivo?</translation>
    </message>
    <message>
      <source>No interventions today.</source>
      <translation>Nessun intervento oggi.</translation>
    </message>
    <message>
      <source>(choose an operator)</source>
      <translation>(scegli un operatore)</translation>
    </message>
    <message>
      <source>&lt;b&gt;My day&lt;/b&gt; · {date}</source>
      <translation>&lt;b&gt;La mia giornata&lt;/b&gt; · {date}</translation>
    </message>
    <message>
      <source>Choose an operator to see the day's interventions.</source>
      <translation>Scegli un operatore per vedere gli interventi del giorno.</translation>
    </message>
    <message>
      <source>logged</source>
      <translation>registrato</translation>
    </message>
    <message>
      <source>Log</source>
      <translation>Registra</translation>
    </message>
    <message>
      <source>Log again</source>
      <translation>Registra di nuovo</translation>
    </message>
    <message>
      <source>Work logged.</source>
      <translation>Consuntivo registrato.</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>Change my password</source>
      <translation>Cambia la mia password</translation>
    </message>
    <message>
      <source>at least %1 characters</source>
      <translation>almeno %1 caratteri</translation>
    </message>
    <message>
      <source>Current password:</source>
      <translation>Password attuale:</translation>
    </message>
    <message>
      <source>New password:</source>
      <translation>Nuova password:</translation>
    </message>
    <message>
      <source>Repeat new password:</source>
      <translation>Ripeti nuova password:</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>Password attuale</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Nuova password</translation>
    </message>
    <message>
      <source>Repeat new password</source>
      <translation>Ripeti nuova password</translation>
    </message>
  </context>
  <context>
    <name>ContractEditor</name>
    <message>
      <source>Full service</source>
      <extracomment>The form's keys that are references: the snapshot holds them as ``&lt;key&gt;_id``. Tables whose rows the editor's panels and summary show, besides the contract's own.</extracomment>
      <translation>Full service</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>Manutenzione</translation>
    </message>
    <message>
      <source>Ticket package</source>
      <translation>Pacchetto ticket</translation>
    </message>
    <message>
      <source>On call</source>
      <translation>A chiamata</translation>
    </message>
    <message>
      <source>Software support</source>
      <translation>Assistenza software</translation>
    </message>
    <message>
      <source>Warranty extension</source>
      <translation>Estensione garanzia</translation>
    </message>
    <message>
      <source>Rental</source>
      <translation>Noleggio</translation>
    </message>
    <message>
      <source>Supply</source>
      <translation>Fornitura</translation>
    </message>
    <message>
      <source>Tacit</source>
      <translation>Tacito</translation>
    </message>
    <message>
      <source>On proposal</source>
      <translation>Su proposta</translation>
    </message>
    <message>
      <source>Not renewable</source>
      <translation>Non rinnovabile</translation>
    </message>
    <message>
      <source>Monthly</source>
      <translation>Mensile</translation>
    </message>
    <message>
      <source>Every two months</source>
      <translation>Bimestrale</translation>
    </message>
    <message>
      <source>Quarterly</source>
      <translation>Trimestrale</translation>
    </message>
    <message>
      <source>Every four months</source>
      <translation>Quadrimestrale</translation>
    </message>
    <message>
      <source>Half-yearly</source>
      <translation>Semestrale</translation>
    </message>
    <message>
      <source>Yearly</source>
      <translation>Annuale</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>Rinnovo</translation>
    </message>
    <message>
      <source>Service &amp;&amp; tickets</source>
      <translation>Servizio e ticket</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>Copertura</translation>
    </message>
    <message>
      <source>Billing</source>
      <translation>Fatturazione</translation>
    </message>
    <message>
      <source>Read only: your role cannot edit contracts.</source>
      <translation>Sola lettura: il tuo ruolo non può modificare i contratti.</translation>
    </message>
    <message>
      <source>Open in tab</source>
      <translation>Apri in scheda</translation>
    </message>
    <message>
      <source>Edit this contract in a roomy central tab</source>
      <translation>Modifica il contratto in una scheda centrale più ampia</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Annulla modifiche</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Salva</translation>
    </message>
    <message>
      <source>Active (with a customer)</source>
      <translation>Attivo (con un cliente)</translation>
    </message>
    <message>
      <source>Passive (with a supplier)</source>
      <translation>Passivo (con un fornitore)</translation>
    </message>
    <message>
      <source>Type a name, VAT number or city</source>
      <translation>Scrivi nome, partita IVA o città</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>automatico</translation>
    </message>
    <message>
      <source>signed</source>
      <translation>firmato</translation>
    </message>
    <message>
      <source> months</source>
      <translation> mesi</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>Tipo contratto</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Tipologia</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Job order</source>
      <translation>Commessa</translation>
    </message>
    <message>
      <source>Signing date</source>
      <translation>Data firma</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Data inizio</translation>
    </message>
    <message>
      <source>First term</source>
      <translation>Primo periodo</translation>
    </message>
    <message>
      <source>Current term</source>
      <translation>Periodo in corso</translation>
    </message>
    <message>
      <source>Amount (€, current term)</source>
      <translation>Importo (€, periodo in corso)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source> days</source>
      <translation> giorni</translation>
    </message>
    <message>
      <source>given</source>
      <translation>data</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>nessun limite</translation>
    </message>
    <message>
      <source>office default</source>
      <translation>predefinito dell'ufficio</translation>
    </message>
    <message>
      <source> days before the end</source>
      <translation> giorni prima della scadenza</translation>
    </message>
    <message>
      <source>On proposal: the renewal run proposes the renewal this many days before the term ends (office default: Contracts ▸ Renewal proposals; without one, the notice period).</source>
      <translation>Su proposta: l'elaborazione dei rinnovi propone il rinnovo questo numero di giorni prima della fine del periodo (predefinito dell'ufficio: Contratti ▸ Proposte di rinnovo; in mancanza, il preavviso).</translation>
    </message>
    <message>
      <source>annual average of the year before</source>
      <translation>media annua dell'anno precedente</translation>
    </message>
    <message>
      <source>12 months to the month </source>
      <translation>12 mesi al mese </translation>
    </message>
    <message>
      <source> before renewal</source>
      <translation> prima del rinnovo</translation>
    </message>
    <message>
      <source>Which ISTAT FOI change a renewal applies: the annual average of the year before the new term, or the change over 12 months of the month N months before the new term starts.</source>
      <translation>Quale variazione ISTAT FOI applica il rinnovo: la media annua dell'anno precedente il nuovo periodo, oppure la variazione dei 12 mesi del mese che precede di N mesi l'inizio del nuovo periodo.</translation>
    </message>
    <message>
      <source>Later terms</source>
      <translation>Periodi successivi</translation>
    </message>
    <message>
      <source>Notice period</source>
      <translation>Preavviso disdetta</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>Disdetta ricevuta</translation>
    </message>
    <message>
      <source>Value change %</source>
      <translation>Variazione valore %</translation>
    </message>
    <message>
      <source>ISTAT share %</source>
      <translation>Quota ISTAT %</translation>
    </message>
    <message>
      <source>ISTAT figure</source>
      <translation>Indice ISTAT</translation>
    </message>
    <message>
      <source>Proposal</source>
      <translation>Proposta</translation>
    </message>
    <message>
      <source>Max renewals</source>
      <translation>Rinnovi massimi</translation>
    </message>
    <message>
      <source>Renewals done</source>
      <translation>Rinnovi effettuati</translation>
    </message>
    <message>
      <source>At renewal: new amount = amount × (1 + change % + ISTAT share % × ISTAT FOI change %), to the cent.</source>
      <translation>Al rinnovo: nuovo importo = importo × (1 + variazione % + quota ISTAT % × variazione ISTAT FOI %), arrotondato al centesimo.</translation>
    </message>
    <message>
      <source>priority default</source>
      <translation>secondo priorità</translation>
    </message>
    <message>
      <source> h</source>
      <translation> h</translation>
    </message>
    <message>
      <source>Response within</source>
      <translation>Presa in carico entro</translation>
    </message>
    <message>
      <source>Resolution within</source>
      <translation>Risoluzione entro</translation>
    </message>
    <message>
      <source>Tickets per term</source>
      <translation>Ticket per periodo</translation>
    </message>
    <message>
      <source>Tickets per request</source>
      <translation>Ticket per richiesta</translation>
    </message>
    <message>
      <source>Warn at or below</source>
      <translation>Avvisa a partire da</translation>
    </message>
    <message>
      <source>set</source>
      <translation>imposta</translation>
    </message>
    <message>
      <source>By calendar period, first period pro rata</source>
      <translation>Per periodo solare, primo periodo pro rata</translation>
    </message>
    <message>
      <source>One instalment per calendar month, quarter, … of the term, due on its first day; a period the term covers only in part is billed for its share of days. The instalments add up to the amount.</source>
      <translation>Una rata per ogni mese, trimestre, … solare del periodo contrattuale, con scadenza il primo giorno; un periodo coperto solo in parte è fatturato per la sua quota di giorni. Le rate sommano esattamente l'importo.</translation>
    </message>
    <message>
      <source>Periodicity</source>
      <translation>Periodicità</translation>
    </message>
    <message>
      <source>Instalments</source>
      <translation>Rate</translation>
    </message>
    <message>
      <source>Instalments per term</source>
      <translation>Rate per periodo</translation>
    </message>
    <message>
      <source>First due date</source>
      <translation>Prima scadenza</translation>
    </message>
    <message>
      <source>The contract no longer exists.</source>
      <translation>Il contratto non esiste più.</translation>
    </message>
    <message>
      <source>Credited at the start and at each renewal; use Top up for more.</source>
      <translation>Accreditati all'inizio e a ogni rinnovo; per aggiungerne usa Ricarica.</translation>
    </message>
    <message>
      <source>New contract</source>
      <translation>Nuovo contratto</translation>
    </message>
    <message>
      <source>no. {n}: {s} – {e}</source>
      <translation>n. {n}: {s} – {e}</translation>
    </message>
    <message>
      <source>ends {e}</source>
      <translation>termina il {e}</translation>
    </message>
    <message>
      <source>the {y} annual average</source>
      <translation>la media annua {y}</translation>
    </message>
    <message>
      <source>the change over 12 months to {p}</source>
      <translation>la variazione dei 12 mesi a {p}</translation>
    </message>
    <message>
      <source>A term starting on {d} applies {what}.</source>
      <translation>Un periodo che inizia il {d} applica {what}.</translation>
    </message>
    <message>
      <source>Discard the changes to this contract?</source>
      <translation>Abbandonare le modifiche a questo contratto?</translation>
    </message>
    <message>
      <source>Contract {n} saved.</source>
      <translation>Contratto {n} salvato.</translation>
    </message>
    <message>
      <source>Notice by</source>
      <translation>Disdetta entro</translation>
    </message>
    <message>
      <source>Renewals</source>
      <translation>Rinnovi</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>Next instalment</source>
      <translation>Prossima rata</translation>
    </message>
    <message>
      <source>{d} of {m}</source>
      <translation>{d} su {m}</translation>
    </message>
    <message>
      <source>not renewable: ends {e}</source>
      <translation>non rinnovabile: termina il {e}</translation>
    </message>
    <message>
      <source>last term (maximum renewals reached): ends {e}</source>
      <translation>ultimo periodo (raggiunto il massimo dei rinnovi): termina il {e}</translation>
    </message>
    <message>
      <source>notice given on {d}: ends {e}</source>
      <translation>disdetta data il {d}: termina il {e}</translation>
    </message>
    <message>
      <source>notice given on {d}</source>
      <translation>disdetta data il {d}</translation>
    </message>
    <message>
      <source>passed: renews on {d}</source>
      <translation>termine superato: si rinnova il {d}</translation>
    </message>
    <message>
      <source>passed</source>
      <translation>superato</translation>
    </message>
    <message>
      <source>in {n} days</source>
      <translation>tra {n} giorni</translation>
    </message>
    <message>
      <source>proposal to be made on {d}</source>
      <translation>proposta da fare il {d}</translation>
    </message>
    <message>
      <source>⚠ proposal pending since {d}: accept or reject by {e}</source>
      <translation>⚠ proposta in attesa dal {d}: accettare o rifiutare entro il {e}</translation>
    </message>
    <message>
      <source>ISTAT FOI {p} not yet published</source>
      <translation>ISTAT FOI {p} non ancora pubblicato</translation>
    </message>
    <message>
      <source>proposal accepted: renews on {d}</source>
      <translation>proposta accettata: si rinnova il {d}</translation>
    </message>
    <message>
      <source>proposal rejected: ends {e}</source>
      <translation>proposta rifiutata: termina il {e}</translation>
    </message>
    <message>
      <source>proposal unanswered: ended {e} (it can still be accepted)</source>
      <translation>proposta senza risposta: terminato il {e} (si può ancora accettare)</translation>
    </message>
    <message>
      <source>⚠ renewal waiting for the ISTAT FOI figure {p}: add it or renew without it (Renewal tab)</source>
      <translation>⚠ rinnovo in attesa dell'indice ISTAT FOI {p}: inseriscilo o rinnova senza (scheda Rinnovo)</translation>
    </message>
    <message>
      <source>none: ends {e}</source>
      <translation>nessuno: termina il {e}</translation>
    </message>
    <message>
      <source>renews on {d} until {u}</source>
      <translation>si rinnova il {d} fino al {u}</translation>
    </message>
    <message>
      <source>ISTAT FOI {p}: {c}%</source>
      <translation>ISTAT FOI {p}: {c}%</translation>
    </message>
    <message>
      <source>available {a} · used {u} · remaining {r}</source>
      <translation>disponibili {a} · usati {u} · residui {r}</translation>
    </message>
    <message>
      <source>none due</source>
      <translation>nessuna da pagare</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>scaduta</translation>
    </message>
    <message>
      <source>none (no amount)</source>
      <translation>nessuna (importo zero)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>nessuna</translation>
    </message>
    <message>
      <source>{n}, total {t}</source>
      <translation>{n}, totale {t}</translation>
    </message>
    <message>
      <source>from {d}</source>
      <translation>dal {d}</translation>
    </message>
    <message>
      <source>new plan on save</source>
      <translation>nuovo piano al salvataggio</translation>
    </message>
    <message>
      <source>kept as it is</source>
      <translation>resta com'è</translation>
    </message>
    <message>
      <source>The plan of the current term was edited by hand or is partly paid: saving leaves it as it is. Regenerate it (Billing tab) after saving to follow the new settings.</source>
      <translation>Il piano del periodo in corso è stato modificato a mano o è in parte pagato: il salvataggio lo lascia com'è. Rigeneralo (scheda Fatturazione) dopo il salvataggio per seguire le nuove impostazioni.</translation>
    </message>
    <message>
      <source>The plan the save will write, from the amount and the billing settings as they are in the form.</source>
      <translation>Il piano che il salvataggio scriverà, dall'importo e dalle impostazioni di fatturazione come sono nel modulo.</translation>
    </message>
  </context>
  <context>
    <name>ContractListModel</name>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Term ends</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>Disdetta</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>Contract number</source>
      <translation>Numero del contratto</translation>
    </message>
    <message>
      <source>Customer or supplier</source>
      <translation>Cliente o fornitore</translation>
    </message>
    <message>
      <source>Last day of the current term</source>
      <translation>Ultimo giorno del periodo in corso</translation>
    </message>
    <message>
      <source>Last day to give notice of cancellation for the current term (— : the contract ends at the term end anyway)</source>
      <translation>Ultimo giorno per dare disdetta per il periodo in corso (— : il contratto termina comunque alla scadenza)</translation>
    </message>
    <message>
      <source>Amount of the current term</source>
      <translation>Importo del periodo in corso</translation>
    </message>
    <message>
      <source>Tickets left</source>
      <translation>Ticket residui</translation>
    </message>
  </context>
  <context>
    <name>ContractPanel</name>
    <message>
      <source>Number, title, party, VAT…</source>
      <extracomment>Tables whose rows the list shows (besides the contract's own): their changes repaint it. Tables that decide the alerts (and the alerts filter).</extracomment>
      <translation>Numero, titolo, nominativo, P.IVA…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Aperti</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tutti</translation>
    </message>
    <message>
      <source>Expiring</source>
      <translation>In scadenza</translation>
    </message>
    <message>
      <source>Only contracts whose current term ends within the alert window</source>
      <translation>Solo i contratti il cui periodo in corso termina entro la finestra di avviso</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Nuovo</translation>
    </message>
    <message>
      <source>Click to show the contracts of every party</source>
      <translation>Clic per mostrare i contratti di tutti i nominativi</translation>
    </message>
    <message>
      <source>Party: {name}  ✕</source>
      <translation>Nominativo: {name}  ✕</translation>
    </message>
    <message>
      <source>{n} notice deadline(s) within {d} days</source>
      <translation>termini di disdetta entro {d} giorni: {n}</translation>
    </message>
    <message>
      <source>{n} ending within {d} days</source>
      <translation>in scadenza entro {d} giorni: {n}</translation>
    </message>
    <message>
      <source>{n} renewal proposal(s) pending</source>
      <translation>proposte di rinnovo in attesa: {n}</translation>
    </message>
    <message>
      <source>{n} renewal(s) waiting for an ISTAT figure</source>
      <translation>rinnovi in attesa di un indice ISTAT: {n}</translation>
    </message>
    <message>
      <source>Click to list only these contracts</source>
      <translation>Clic per elencare solo questi contratti</translation>
    </message>
  </context>
  <context>
    <name>ContractPanels</name>
    <message>
      <source>Save or revert your changes to the contract first.</source>
      <translation>Prima salva o annulla le modifiche al contratto.</translation>
    </message>
    <message>
      <source>Products covered</source>
      <translation>Prodotti coperti</translation>
    </message>
    <message>
      <source>Units (serial numbers) of the party</source>
      <translation>Matricole del nominativo</translation>
    </message>
    <message>
      <source>Save coverage</source>
      <translation>Salva copertura</translation>
    </message>
    <message>
      <source>Save the contract first.</source>
      <translation>Salva prima il contratto.</translation>
    </message>
    <message>
      <source>The party has no registered units.</source>
      <translation>Il nominativo non ha matricole registrate.</translation>
    </message>
    <message>
      <source>Coverage saved.</source>
      <translation>Copertura salvata.</translation>
    </message>
    <message>
      <source>Top up…</source>
      <translation>Ricarica…</translation>
    </message>
    <message>
      <source>Ledger</source>
      <translation>Movimenti</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Movimento</translation>
    </message>
    <message>
      <source>Tickets</source>
      <translation>Ticket</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Requests closed against the contract</source>
      <translation>Richieste chiuse sul contratto</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Chiusa</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>initial</source>
      <translation>iniziale</translation>
    </message>
    <message>
      <source>top-up</source>
      <translation>ricarica</translation>
    </message>
    <message>
      <source>renewal</source>
      <translation>rinnovo</translation>
    </message>
    <message>
      <source>request</source>
      <translation>richiesta</translation>
    </message>
    <message>
      <source>reversal</source>
      <translation>storno</translation>
    </message>
    <message>
      <source>adjustment</source>
      <translation>rettifica</translation>
    </message>
    <message>
      <source>Available {a} · used {u} · remaining {r}</source>
      <translation>Disponibili {a} · usati {u} · residui {r}</translation>
    </message>
    <message>
      <source>low balance</source>
      <translation>saldo basso</translation>
    </message>
    <message>
      <source>Top up tickets</source>
      <translation>Ricarica ticket</translation>
    </message>
    <message>
      <source>Tickets to add:</source>
      <translation>Ticket da aggiungere:</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>N.</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>Pagata il</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifica…</translation>
    </message>
    <message>
      <source>Paid…</source>
      <translation>Pagata…</translation>
    </message>
    <message>
      <source>Not paid</source>
      <translation>Non pagata</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Aggiungi…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Elimina</translation>
    </message>
    <message>
      <source>Regenerate</source>
      <translation>Rigenera</translation>
    </message>
    <message>
      <source>Rebuild the plan of the current term from the amount and the settings above</source>
      <translation>Ricrea il piano del periodo in corso dall'importo e dalle impostazioni sopra</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Scaduta</translation>
    </message>
    <message>
      <source>Current term: {n} instalments.</source>
      <translation>Periodo in corso: {n} rate.</translation>
    </message>
    <message>
      <source>No instalments for the current term.</source>
      <translation>Nessuna rata per il periodo in corso.</translation>
    </message>
    <message>
      <source>Current term: {n} instalments, total {t} = amount.</source>
      <translation>Periodo in corso: {n} rate, totale {t} = importo.</translation>
    </message>
    <message>
      <source>Current term: instalments total {t}, contract amount {a} (difference {d}).</source>
      <translation>Periodo in corso: totale rate {t}, importo contratto {a} (differenza {d}).</translation>
    </message>
    <message>
      <source>Select an instalment first.</source>
      <translation>Seleziona prima una rata.</translation>
    </message>
    <message>
      <source>The amount is not a valid number.</source>
      <translation>L'importo non è un numero valido.</translation>
    </message>
    <message>
      <source>Delete this instalment?</source>
      <translation>Eliminare questa rata?</translation>
    </message>
    <message>
      <source>Save the contract first: the plan is built from the saved amount and settings.</source>
      <translation>Salva prima il contratto: il piano si basa sull'importo e sulle impostazioni salvate.</translation>
    </message>
    <message>
      <source>Replace the instalments of the current term with a new plan?</source>
      <translation>Sostituire le rate del periodo in corso con un nuovo piano?</translation>
    </message>
    <message>
      <source>Accept proposal…</source>
      <translation>Accetta proposta…</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Rifiuta</translation>
    </message>
    <message>
      <source>Renew without ISTAT…</source>
      <translation>Rinnova senza ISTAT…</translation>
    </message>
    <message>
      <source>The ISTAT figure this renewal needs is not published yet: renew now without it (recorded with the renewal)</source>
      <translation>L'indice ISTAT che serve a questo rinnovo non è ancora pubblicato: rinnova ora senza (la scelta resta registrata nel rinnovo)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>New term</source>
      <translation>Nuovo periodo</translation>
    </message>
    <message>
      <source>Old amount</source>
      <translation>Importo precedente</translation>
    </message>
    <message>
      <source>New amount</source>
      <translation>Nuovo importo</translation>
    </message>
    <message>
      <source>Formula</source>
      <translation>Formula</translation>
    </message>
    <message>
      <source>renewed</source>
      <translation>rinnovato</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>proposto</translation>
    </message>
    <message>
      <source>accepted</source>
      <translation>accettato</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>rifiutato</translation>
    </message>
    <message>
      <source>unanswered</source>
      <translation>senza risposta</translation>
    </message>
    <message>
      <source>Renewal proposal: new term {s} – {e}.</source>
      <translation>Proposta di rinnovo: nuovo periodo {s} – {e}.</translation>
    </message>
    <message>
      <source>Renewal proposal: new term {s} – {e}, amount {a} (was {o}).</source>
      <translation>Proposta di rinnovo: nuovo periodo {s} – {e}, importo {a} (era {o}).</translation>
    </message>
    <message>
      <source>Pending since {d}: accepted, the contract renews on {n}; rejected or unanswered by {e}, it expires.</source>
      <translation>In attesa dal {d}: se accettata, il contratto si rinnova il {n}; se rifiutata o senza risposta entro il {e}, scade.</translation>
    </message>
    <message>
      <source>Unanswered when the term ended: accepting it now still renews the contract from {n}.</source>
      <translation>Senza risposta alla fine del periodo: accettandola ora il contratto si rinnova comunque dal {n}.</translation>
    </message>
    <message>
      <source>The ISTAT FOI figure of {p} was not published when it was made: the amount leaves it out.</source>
      <translation>L'indice ISTAT FOI {p} non era pubblicato quando è stata fatta: l'importo non lo comprende.</translation>
    </message>
    <message>
      <source>Proposal accepted: the contract renews on {d}.</source>
      <translation>Proposta accettata: il contratto si rinnova il {d}.</translation>
    </message>
    <message>
      <source>Proposal rejected: the contract ends on {e}.</source>
      <translation>Proposta rifiutata: il contratto termina il {e}.</translation>
    </message>
    <message>
      <source>The term is over and the renewal waits for the ISTAT FOI figure of {p}. Add it (Contracts ▸ ISTAT FOI index) and run the renewals, or renew without it.</source>
      <translation>Il periodo è finito e il rinnovo attende l'indice ISTAT FOI {p}. Inseriscilo (Contratti ▸ Indice ISTAT FOI) ed esegui i rinnovi, oppure rinnova senza.</translation>
    </message>
    <message>
      <source>The renewal will be proposed on {d}.</source>
      <translation>Il rinnovo sarà proposto il {d}.</translation>
    </message>
    <message>
      <source>No renewal proposal awaiting a decision.</source>
      <translation>Nessuna proposta di rinnovo in attesa di decisione.</translation>
    </message>
    <message>
      <source>{y} average</source>
      <translation>media {y}</translation>
    </message>
    <message>
      <source>12 months to {m:02d}/{y}</source>
      <translation>12 mesi a {m:02d}/{y}</translation>
    </message>
    <message>
      <source>ISTAT FOI {y} {p}%</source>
      <translation>ISTAT FOI {y} {p}%</translation>
    </message>
    <message>
      <source>ISTAT FOI {y} not published: renewed without it</source>
      <translation>ISTAT FOI {y} non pubblicato: rinnovato senza</translation>
    </message>
    <message>
      <source>ISTAT FOI {y} not yet published</source>
      <translation>ISTAT FOI {y} non ancora pubblicato</translation>
    </message>
    <message>
      <source>{a} (agreed)</source>
      <translation>{a} (concordato)</translation>
    </message>
    <message>
      <source>Amount of the new term (as proposed, or as agreed):</source>
      <translation>Importo del nuovo periodo (come proposto o come concordato):</translation>
    </message>
    <message>
      <source>The ISTAT FOI figure of {p} is still not published: the amount below leaves it out. Accept it as agreed with the party, or cancel and wait for the figure.</source>
      <translation>L'indice ISTAT FOI {p} non è ancora pubblicato: l'importo qui sotto non lo comprende. Accettalo come concordato con la controparte, oppure annulla e attendi l'indice.</translation>
    </message>
    <message>
      <source>The ISTAT FOI figure of {p} ({c}%) is now published: leave the amount empty to apply it.</source>
      <translation>L'indice ISTAT FOI {p} ({c}%) ora è pubblicato: lascia vuoto l'importo per applicarlo.</translation>
    </message>
    <message>
      <source>Accept renewal proposal</source>
      <translation>Accetta proposta di rinnovo</translation>
    </message>
    <message>
      <source>Renew now without the ISTAT FOI figure of {p}? The new term starts on {d}; the renewal records that the figure was left out by choice.</source>
      <translation>Rinnovare ora senza l'indice ISTAT FOI {p}? Il nuovo periodo inizia il {d}; il rinnovo registra che l'indice è stato escluso per scelta.</translation>
    </message>
    <message>
      <source>Reject the proposal? The contract expires at the end of its term.</source>
      <translation>Rifiutare la proposta? Il contratto scade alla fine del periodo.</translation>
    </message>
  </context>
  <context>
    <name>Contracts</name>
    <message>
      <source>Renewal run…</source>
      <translation>Rinnovi in corso…</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contratti</translation>
    </message>
    <message>
      <source>Contracts in their notice period, ending soon or with a proposal to decide</source>
      <translation>Contratti nel periodo di disdetta, in scadenza o con una proposta da decidere</translation>
    </message>
    <message>
      <source>&amp;Contracts</source>
      <translation>&amp;Contratti</translation>
    </message>
    <message>
      <source>&amp;New contract</source>
      <translation>&amp;Nuovo contratto</translation>
    </message>
    <message>
      <source>Contracts needing &amp;attention</source>
      <translation>Contratti da &amp;seguire</translation>
    </message>
    <message>
      <source>&amp;Run renewals now</source>
      <translation>&amp;Esegui i rinnovi ora</translation>
    </message>
    <message>
      <source>&amp;Last renewal run…</source>
      <translation>&amp;Ultima esecuzione dei rinnovi…</translation>
    </message>
    <message>
      <source>&amp;ISTAT FOI index…</source>
      <translation>Indice &amp;ISTAT FOI…</translation>
    </message>
    <message>
      <source>Alert &amp;window…</source>
      <translation>&amp;Finestra di avviso…</translation>
    </message>
    <message>
      <source>Renewal &amp;proposals…</source>
      <translation>&amp;Proposte di rinnovo…</translation>
    </message>
    <message>
      <source>Contracts: {n} to watch</source>
      <translation>Contratti: {n} da seguire</translation>
    </message>
    <message>
      <source>Contract {n}</source>
      <translation>Contratto {n}</translation>
    </message>
    <message>
      <source>Renewal run: {r} renewed, {p} proposals, {e} expired, {w} waiting for an ISTAT figure (Contracts ▸ Last renewal run).</source>
      <translation>Rinnovi: {r} rinnovati, {p} proposte, {e} scaduti, {w} in attesa di un indice ISTAT (Contratti ▸ Ultima esecuzione dei rinnovi).</translation>
    </message>
    <message>
      <source>Contract alerts</source>
      <translation>Avvisi contratti</translation>
    </message>
    <message>
      <source>Warn about notice deadlines and expiries within (days):</source>
      <translation>Avvisa dei termini di disdetta e delle scadenze entro (giorni):</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>bozza</translation>
    </message>
    <message>
      <source>active</source>
      <translation>attivo</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>sospeso</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>scaduto</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annullato</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>chiuso</translation>
    </message>
    <message>
      <source>The notice deadline is near</source>
      <translation>Il termine per la disdetta è vicino</translation>
    </message>
    <message>
      <source>The current term ends soon</source>
      <translation>Il periodo in corso sta per terminare</translation>
    </message>
    <message>
      <source>A renewal proposal awaits a decision</source>
      <translation>Una proposta di rinnovo attende una decisione</translation>
    </message>
    <message>
      <source>The term is over: the renewal waits for an ISTAT figure</source>
      <translation>Il periodo è finito: il rinnovo attende un indice ISTAT</translation>
    </message>
  </context>
  <context>
    <name>CustomerPicker</name>
    <message>
      <source>Type name, VAT number or city…</source>
      <translation>Digita nome, partita IVA o città…</translation>
    </message>
    <message>
      <source>No customer chosen</source>
      <translation>Nessun cliente scelto</translation>
    </message>
    <message>
      <source>VAT %1</source>
      <translation>P.IVA %1</translation>
    </message>
  </context>
  <context>
    <name>Fields</name>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Referente</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Job order</source>
      <translation>Commessa</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Matricole</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Canale</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo di problema</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Descrizione</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Final report</source>
      <translation>Rapporto finale</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Intervention</source>
      <translation>Intervento</translation>
    </message>
    <message>
      <source>Activity type</source>
      <translation>Tipo attività</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation>Inizio pianificato</translation>
    </message>
    <message>
      <source>Planned end</source>
      <translation>Fine pianificata</translation>
    </message>
    <message>
      <source>Actual start</source>
      <translation>Inizio effettivo</translation>
    </message>
    <message>
      <source>Actual end</source>
      <translation>Fine effettiva</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>Istruzioni</translation>
    </message>
    <message>
      <source>Customer signature</source>
      <translation>Firma del cliente</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapporto</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Inizio</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Fine</translation>
    </message>
    <message>
      <source>Start time</source>
      <translation>Ora di inizio</translation>
    </message>
    <message>
      <source>End time</source>
      <translation>Ora di fine</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Time worked</source>
      <translation>Tempo lavorato</translation>
    </message>
    <message>
      <source>Travel time</source>
      <translation>Tempo di viaggio</translation>
    </message>
    <message>
      <source>Kilometres</source>
      <translation>Chilometri</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Durata</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Day of the week</source>
      <translation>Giorno della settimana</translation>
    </message>
    <message>
      <source>Working hours</source>
      <translation>Orario di lavoro</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>Giorno</translation>
    </message>
    <message>
      <source>Days ahead</source>
      <translation>Giorni in avanti</translation>
    </message>
    <message>
      <source>Time window</source>
      <translation>Finestra oraria</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Codice</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Ragione sociale</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>Partita IVA</translation>
    </message>
    <message>
      <source>Fiscal code</source>
      <translation>Codice fiscale</translation>
    </message>
    <message>
      <source>SDI code</source>
      <translation>Codice SDI</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Indirizzo</translation>
    </message>
    <message>
      <source>Postal code</source>
      <translation>CAP</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Città</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Provincia</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Nazione</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>Cellulare</translation>
    </message>
    <message>
      <source>Certified e-mail (PEC)</source>
      <translation>PEC</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>Fornitore</translation>
    </message>
    <message>
      <source>Receives notices</source>
      <translation>Riceve gli avvisi</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Prodotto</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>Prodotti</translation>
    </message>
    <message>
      <source>Product code</source>
      <translation>Codice prodotto</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Famiglia</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>Produttore</translation>
    </message>
    <message>
      <source>Warranty (months)</source>
      <translation>Garanzia (mesi)</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Ubicazione</translation>
    </message>
    <message>
      <source>Installation date</source>
      <translation>Data di installazione</translation>
    </message>
    <message>
      <source>Warranty end</source>
      <translation>Fine garanzia</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Active / passive</source>
      <translation>Attivo / passivo</translation>
    </message>
    <message>
      <source>Contract type</source>
      <translation>Tipo di contratto</translation>
    </message>
    <message>
      <source>Renewal</source>
      <translation>Rinnovo</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>Firmato il</translation>
    </message>
    <message>
      <source>Start date</source>
      <translation>Data di inizio</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Fino al</translation>
    </message>
    <message>
      <source>First term (months)</source>
      <translation>Prima durata (mesi)</translation>
    </message>
    <message>
      <source>Renewal term (months)</source>
      <translation>Durata del rinnovo (mesi)</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>New amount</source>
      <translation>Nuovo importo</translation>
    </message>
    <message>
      <source>Change (%)</source>
      <translation>Variazione (%)</translation>
    </message>
    <message>
      <source>ISTAT share (%)</source>
      <translation>Quota ISTAT (%)</translation>
    </message>
    <message>
      <source>Maximum renewals</source>
      <translation>Numero massimo di rinnovi</translation>
    </message>
    <message>
      <source>Renewals done</source>
      <translation>Rinnovi effettuati</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <source>Term start</source>
      <translation>Inizio periodo</translation>
    </message>
    <message>
      <source>Term end</source>
      <translation>Fine periodo</translation>
    </message>
    <message>
      <source>Notice (days)</source>
      <translation>Disdetta (giorni)</translation>
    </message>
    <message>
      <source>Notice given on</source>
      <translation>Disdetta inviata il</translation>
    </message>
    <message>
      <source>Tickets per term</source>
      <translation>Ticket per periodo</translation>
    </message>
    <message>
      <source>Tickets per request</source>
      <translation>Ticket per richiesta</translation>
    </message>
    <message>
      <source>Low tickets warning</source>
      <translation>Avviso ticket in esaurimento</translation>
    </message>
    <message>
      <source>Response time (hours)</source>
      <translation>Tempo di presa in carico (ore)</translation>
    </message>
    <message>
      <source>Resolution time (hours)</source>
      <translation>Tempo di risoluzione (ore)</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantità</translation>
    </message>
    <message>
      <source>Alert window (days)</source>
      <translation>Preavviso (giorni)</translation>
    </message>
    <message>
      <source>Billing periodicity</source>
      <translation>Periodicità di fatturazione</translation>
    </message>
    <message>
      <source>Billing by calendar period</source>
      <translation>Fatturazione per periodo di calendario</translation>
    </message>
    <message>
      <source>Instalments</source>
      <translation>Rate</translation>
    </message>
    <message>
      <source>Number of instalments</source>
      <translation>Numero di rate</translation>
    </message>
    <message>
      <source>First due date</source>
      <translation>Prima scadenza</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>Pagata il</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Anno</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mese</translation>
    </message>
    <message>
      <source>ISTAT index</source>
      <translation>Indice ISTAT</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Published on</source>
      <translation>Pubblicato il</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>Articolo</translation>
    </message>
    <message>
      <source>Symptoms</source>
      <translation>Sintomi</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>Causa</translation>
    </message>
    <message>
      <source>Solution</source>
      <translation>Soluzione</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Etichette</translation>
    </message>
    <message>
      <source>Product name</source>
      <translation>Nome prodotto</translation>
    </message>
    <message>
      <source>Source request</source>
      <translation>Richiesta di origine</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>Ogni</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>Ultima visita</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Attivo</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Porta</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Sicurezza</translation>
    </message>
    <message>
      <source>Timeout</source>
      <translation>Timeout</translation>
    </message>
    <message>
      <source>Sender address</source>
      <translation>Indirizzo mittente</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nome utente</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nome e cognome</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Ruolo</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Colore</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>New password</source>
      <translation>Nuova password</translation>
    </message>
    <message>
      <source>Current password</source>
      <translation>Password attuale</translation>
    </message>
    <message>
      <source>Password again</source>
      <translation>Ripeti la password</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Lingua</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Cartella</translation>
    </message>
    <message>
      <source>Daily backups</source>
      <translation>Backup giornalieri</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>Filtro</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>Misura</translation>
    </message>
    <message>
      <source>Group by</source>
      <translation>Raggruppa per</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Welcome to ServiceDesk</source>
      <translation>Benvenuto in ServiceDesk</translation>
    </message>
    <message>
      <source>Create the administrator</source>
      <translation>Crea l'amministratore</translation>
    </message>
    <message>
      <source>This database has no administrator yet. The administrator manages operators, roles, settings and backups; create the other operators afterwards from Tools › Operators and teams.</source>
      <translation>Questo database non ha ancora un amministratore. L'amministratore gestisce operatori, ruoli, impostazioni e backup; gli altri operatori si creano poi da Strumenti › Operatori e team.</translation>
    </message>
    <message>
      <source>at least %1 characters</source>
      <translation>almeno %1 caratteri</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>Nome utente:</translation>
    </message>
    <message>
      <source>Full name:</source>
      <translation>Nome e cognome:</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>Password:</translation>
    </message>
    <message>
      <source>Repeat password:</source>
      <translation>Ripeti password:</translation>
    </message>
    <message>
      <source>Create and sign in</source>
      <translation>Crea e accedi</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Esci</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nome utente</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nome e cognome</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>Ripeti password</translation>
    </message>
  </context>
  <context>
    <name>InstalmentDialog</name>
    <message>
      <source>Instalment</source>
      <translation>Rata</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Amount (€)</source>
      <translation>Importo (€)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
  </context>
  <context>
    <name>IstatDialog</name>
    <message>
      <source>ISTAT FOI index</source>
      <translation>Indice ISTAT FOI</translation>
    </message>
    <message>
      <source>ISTAT FOI consumer price index (excluding tobacco). A renewal applies the figure its contract names — the annual average of the year before, or the change over 12 months of a month — times the contract's ISTAT share. A figure that is not here is never assumed: the renewal waits for it.</source>
      <translation>Indice ISTAT FOI dei prezzi al consumo (senza tabacchi). Il rinnovo applica l'indice indicato dal contratto — la media annua dell'anno precedente, oppure la variazione dei 12 mesi di un mese — per la quota ISTAT del contratto. Un indice che non è qui non viene mai supposto: il rinnovo lo attende.</translation>
    </message>
    <message>
      <source>Import ISTAT file…</source>
      <translation>Importa file ISTAT…</translation>
    </message>
    <message>
      <source>The FOI file downloaded from ISTAT (CSV or Excel): indices and changes are read from it</source>
      <translation>Il file FOI scaricato dall'ISTAT (CSV o Excel): se ne leggono indici e variazioni</translation>
    </message>
    <message>
      <source>Annual averages</source>
      <translation>Medie annue</translation>
    </message>
    <message>
      <source>Months (change over 12 months)</source>
      <translation>Mesi (variazione dei 12 mesi)</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Anno</translation>
    </message>
    <message>
      <source>Change %</source>
      <translation>Variazione %</translation>
    </message>
    <message>
      <source>Published on</source>
      <translation>Pubblicato il</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>New year</source>
      <translation>Nuovo anno</translation>
    </message>
    <message>
      <source>Save figure</source>
      <translation>Salva dato</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Elimina</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mese</translation>
    </message>
    <message>
      <source>Change over 12 months %</source>
      <translation>Variazione 12 mesi %</translation>
    </message>
    <message>
      <source>Index</source>
      <translation>Indice</translation>
    </message>
    <message>
      <source>known</source>
      <translation>nota</translation>
    </message>
    <message>
      <source>Index (optional)</source>
      <translation>Indice (facoltativo)</translation>
    </message>
    <message>
      <source>New month</source>
      <translation>Nuovo mese</translation>
    </message>
    <message>
      <source>Latest annual average: %1 · latest month: %2</source>
      <translation>Ultima media annua: %1 · ultimo mese: %2</translation>
    </message>
    <message>
      <source>The change is not a valid number.</source>
      <translation>La variazione non è un numero valido.</translation>
    </message>
    <message>
      <source>Type the change in percent (e.g. 1,6 or -0,3).</source>
      <translation>Scrivi la variazione in percentuale (es. 1,6 o -0,3).</translation>
    </message>
    <message>
      <source>Delete the figure of %1?</source>
      <translation>Eliminare il dato del %1?</translation>
    </message>
    <message>
      <source>The change or the index is not a valid number.</source>
      <translation>La variazione o l'indice non è un numero valido.</translation>
    </message>
    <message>
      <source>Type the change over 12 months in percent (e.g. 1,1).</source>
      <translation>Inserisci la variazione dei 12 mesi in percentuale (es. 1,1).</translation>
    </message>
    <message>
      <source>Import ISTAT FOI file</source>
      <translation>Importa file ISTAT FOI</translation>
    </message>
    <message>
      <source>ISTAT FOI file (*.csv *.xlsx *.txt);;All files (*)</source>
      <translation>File ISTAT FOI (*.csv *.xlsx *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>%1: every figure in the file is already in the table.</source>
      <translation>%1: tutti gli indici del file sono già presenti.</translation>
    </message>
    <message>
      <source>%1 holds %2 monthly figures (%3 new, %4 changed; %5 changes computed from the indices) and %6 annual averages (%7 new, %8 changed).</source>
      <translation>%1 contiene %2 indici mensili (%3 nuovi, %4 modificati; %5 variazioni calcolate dagli indici) e %6 medie annue (%7 nuove, %8 modificate).</translation>
    </message>
    <message>
      <source>Figures that change:</source>
      <translation>Indici che cambiano:</translation>
    </message>
    <message>
      <source>Import them?</source>
      <translation>Importarli?</translation>
    </message>
    <message>
      <source>ISTAT figures imported from %1.</source>
      <translation>Indici ISTAT importati da %1.</translation>
    </message>
  </context>
  <context>
    <name>KbArticleEditor</name>
    <message>
      <source>The problem in a few words</source>
      <translation>Il problema in poche parole</translation>
    </message>
    <message>
      <source>(any product)</source>
      <translation>(qualsiasi prodotto)</translation>
    </message>
    <message>
      <source>e.g. Boilers</source>
      <translation>es. Caldaie</translation>
    </message>
    <message>
      <source>(not set)</source>
      <translation>(non indicato)</translation>
    </message>
    <message>
      <source>comma separated: pressure, valve</source>
      <translation>separati da virgola: pressione, valvola</translation>
    </message>
    <message>
      <source>What the customer sees, error codes…</source>
      <translation>Cosa vede il cliente, codici di errore…</translation>
    </message>
    <message>
      <source>Why it happens</source>
      <translation>Perché succede</translation>
    </message>
    <message>
      <source>What to do, step by step</source>
      <translation>Cosa fare, passo per passo</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Famiglia</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Prodotto</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Etichette</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo problema</translation>
    </message>
    <message>
      <source>Symptoms</source>
      <translation>Sintomi</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>Causa</translation>
    </message>
    <message>
      <source>Solution</source>
      <translation>Soluzione</translation>
    </message>
    <message>
      <source>Open source request</source>
      <translation>Apri richiesta di origine</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Salva</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Chiudi</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>Archivia</translation>
    </message>
    <message>
      <source>New knowledge base article</source>
      <translation>Nuovo articolo della Knowledge Base</translation>
    </message>
    <message>
      <source>Open request %1</source>
      <translation>Apri richiesta %1</translation>
    </message>
    <message>
      <source>This article no longer exists.</source>
      <translation>Questo articolo non esiste più.</translation>
    </message>
    <message>
      <source>KB article %1 – %2</source>
      <translation>Articolo KB %1 – %2</translation>
    </message>
    <message>
      <source>Author: %1</source>
      <translation>Autore: %1</translation>
    </message>
    <message>
      <source>created %1</source>
      <translation>creato il %1</translation>
    </message>
    <message>
      <source>updated %1</source>
      <translation>modificato il %1</translation>
    </message>
    <message>
      <source>applied %1 times</source>
      <translation>applicato %1 volte</translation>
    </message>
    <message>
      <source>ARCHIVED</source>
      <translation>ARCHIVIATO</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Ripristina</translation>
    </message>
    <message>
      <source>Archive article</source>
      <translation>Archivia articolo</translation>
    </message>
    <message>
      <source>Archive this article? It will no longer be found by search and suggestions; you can restore it later.</source>
      <translation>Archiviare l'articolo? Non comparirà più nelle ricerche e nei suggerimenti; potrai ripristinarlo in seguito.</translation>
    </message>
  </context>
  <context>
    <name>KbFeature</name>
    <message>
      <source>Building the knowledge base search index…</source>
      <translation>Creazione dell'indice di ricerca della Knowledge Base…</translation>
    </message>
    <message>
      <source>Knowledge base search index rebuilt.</source>
      <translation>Indice di ricerca della Knowledge Base ricostruito.</translation>
    </message>
    <message>
      <source>Building the knowledge base search index… %1 %</source>
      <translation>Creazione dell'indice di ricerca della Knowledge Base… %1 %</translation>
    </message>
    <message>
      <source>Knowledge base index not updated: %1</source>
      <translation>Indice della Knowledge Base non aggiornato: %1</translation>
    </message>
    <message>
      <source>Knowledge base search index ready.</source>
      <translation>Indice di ricerca della Knowledge Base pronto.</translation>
    </message>
    <message>
      <source>Knowledge base</source>
      <translation>Knowledge Base</translation>
    </message>
    <message>
      <source>New knowledge base article…</source>
      <translation>Nuovo articolo della Knowledge Base…</translation>
    </message>
    <message>
      <source>Rebuild knowledge base search index</source>
      <translation>Ricostruisci l'indice di ricerca della Knowledge Base</translation>
    </message>
  </context>
  <context>
    <name>KbSearchPanel</name>
    <message>
      <source>Describe the problem: e.g. boiler E01 no flame</source>
      <extracomment>What the list shows: a change to any of these tables refreshes it.</extracomment>
      <translation>Descrivi il problema: es. caldaia E01 niente fiamma</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>Archiviati</translation>
    </message>
    <message>
      <source>Show archived articles instead</source>
      <translation>Mostra invece gli articoli archiviati</translation>
    </message>
    <message>
      <source>New article</source>
      <translation>Nuovo articolo</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Apri</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>Archivia</translation>
    </message>
    <message>
      <source>All families</source>
      <translation>Tutte le famiglie</translation>
    </message>
    <message>
      <source>All problem types</source>
      <translation>Tutti i tipi di problema</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Ripristina</translation>
    </message>
    <message>
      <source>applied %1×</source>
      <translation>applicato %1×</translation>
    </message>
    <message>
      <source>%1 articles; type to search</source>
      <translation>%1 articoli; scrivi per cercare</translation>
    </message>
    <message>
      <source>%1 archived articles</source>
      <translation>%1 articoli archiviati</translation>
    </message>
    <message>
      <source>%1 best matches</source>
      <translation>%1 risultati migliori</translation>
    </message>
    <message>
      <source>No article matches: try other words or fewer filters</source>
      <translation>Nessun articolo trovato: prova altre parole o meno filtri</translation>
    </message>
    <message>
      <source>Article restored.</source>
      <translation>Articolo ripristinato.</translation>
    </message>
    <message>
      <source>Article archived: tick “Archived” to find it again.</source>
      <translation>Articolo archiviato: spunta “Archiviati” per ritrovarlo.</translation>
    </message>
  </context>
  <context>
    <name>KbSuggestionsPanel</name>
    <message>
      <source>Copy the solution into the note when applying</source>
      <translation>Copia la soluzione nella nota quando applichi</translation>
    </message>
    <message>
      <source>Add to knowledge base…</source>
      <translation>Aggiungi alla Knowledge Base…</translation>
    </message>
    <message>
      <source>New article from this request's description and final report</source>
      <translation>Nuovo articolo dalla descrizione e dal rapporto finale di questa richiesta</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Ricerca in corso…</translation>
    </message>
    <message>
      <source>Suggestions unavailable: %1</source>
      <translation>Suggerimenti non disponibili: %1</translation>
    </message>
    <message>
      <source>Type the problem description: solutions already adopted for similar problems appear here.</source>
      <translation>Scrivi la descrizione del problema: qui compaiono le soluzioni già adottate per problemi simili.</translation>
    </message>
    <message>
      <source>No similar article or past request found.</source>
      <translation>Nessun articolo o richiesta passata simile.</translation>
    </message>
    <message>
      <source>%1 articles, %2 similar resolved requests</source>
      <translation>%1 articoli, %2 richieste risolte simili</translation>
    </message>
    <message>
      <source>Knowledge base</source>
      <translation>Knowledge Base</translation>
    </message>
    <message>
      <source>Similar resolved requests</source>
      <translation>Richieste risolte simili</translation>
    </message>
    <message>
      <source>same product</source>
      <translation>stesso prodotto</translation>
    </message>
    <message>
      <source>solved %1 times</source>
      <translation>ha risolto %1 volte</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Apri</translation>
    </message>
    <message>
      <source>Applied</source>
      <translation>Applicato</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Applica</translation>
    </message>
    <message>
      <source>Link this article to the request (counted as a solution)</source>
      <translation>Collega l'articolo alla richiesta (conteggiato come soluzione)</translation>
    </message>
    <message>
      <source>same serial number</source>
      <translation>stessa matricola</translation>
    </message>
    <message>
      <source>Final report:</source>
      <translation>Rapporto finale:</translation>
    </message>
    <message>
      <source>Copy report to note</source>
      <translation>Copia rapporto nella nota</translation>
    </message>
    <message>
      <source>Open request</source>
      <translation>Apri richiesta</translation>
    </message>
    <message>
      <source>Solution copied. Save the request, then apply the article to count it.</source>
      <translation>Soluzione copiata. Salva la richiesta, poi applica l'articolo per conteggiarlo.</translation>
    </message>
  </context>
  <context>
    <name>Laptop</name>
    <message>
      <source>&amp;Laptop</source>
      <translation>&amp;Portatile</translation>
    </message>
    <message>
      <source>&amp;Prepare pack…</source>
      <translation>&amp;Prepara pacchetto…</translation>
    </message>
    <message>
      <source>&amp;Merge pack…</source>
      <translation>&amp;Riunisci pacchetto…</translation>
    </message>
    <message>
      <source>Not available in an offline pack: this is done in the office.</source>
      <translation>Non disponibile in un pacchetto fuori sede: si fa in ufficio.</translation>
    </message>
    <message>
      <source>Offline pack</source>
      <translation>Pacchetto fuori sede</translation>
    </message>
    <message>
      <source>ServiceDesk — offline pack of %1</source>
      <translation>ServiceDesk — pacchetto fuori sede di %1</translation>
    </message>
    <message>
      <source>nothing yet</source>
      <translation>ancora nulla</translation>
    </message>
    <message>
      <source>&lt;b&gt;Offline pack of %1&lt;/b&gt; · prepared on %2 for %3 from %4&lt;br&gt;Work as usual: reports, work logs, signatures, requests, customers and KB articles go back to the office when the pack is merged. &lt;b&gt;To go back:&lt;/b&gt; %5.</source>
      <translation>&lt;b&gt;Pacchetto fuori sede di %1&lt;/b&gt; · preparato il %2 per %3 da %4&lt;br&gt;Lavora come sempre: rapporti, consuntivi, firme, richieste, nominativi e articoli KB tornano in ufficio quando il pacchetto viene riunito. &lt;b&gt;Da riportare:&lt;/b&gt; %5.</translation>
    </message>
    <message>
      <source>Offline pack · %1 · %2 to go back</source>
      <translation>Pacchetto fuori sede · %1 · %2 da riportare</translation>
    </message>
    <message>
      <source>Customer &amp;signature…</source>
      <translation>&amp;Firma del cliente…</translation>
    </message>
    <message>
      <source>Select an intervention on the board first.</source>
      <translation>Seleziona prima un intervento sulla lavagna.</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>shared file</source>
      <translation>file condiviso</translation>
    </message>
    <message>
      <source>local file</source>
      <translation>file locale</translation>
    </message>
    <message>
      <source>ServiceDesk</source>
      <extracomment>Another database file to work on (File › Open, a restored backup): the application (``ui/app.py``) opens it in a new window; the window never imports the application.</extracomment>
      <translation>ServiceDesk</translation>
    </message>
    <message>
      <source>Panels</source>
      <translation>Pannelli</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Visualizza</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Strumenti</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Aiuto</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>&amp;Apri database…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Esci</translation>
    </message>
    <message>
      <source>&amp;About ServiceDesk</source>
      <translation>&amp;Informazioni su ServiceDesk</translation>
    </message>
    <message>
      <source>&amp;Focus on the open tab</source>
      <translation>&amp;Concentrati sulla scheda aperta</translation>
    </message>
    <message>
      <source>Hide the panels to give the open tab the whole window (double-click a tab does the same)</source>
      <translation>Nasconde i pannelli e lascia tutta la finestra alla scheda aperta (anche con un doppio clic sulla scheda)</translation>
    </message>
    <message>
      <source>Whole window</source>
      <translation>Tutta la finestra</translation>
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation>&amp;Ripristina disposizione</translation>
    </message>
    <message>
      <source>database server</source>
      <translation>server del database</translation>
    </message>
    <message>
      <source>Database in use</source>
      <translation>Database in uso</translation>
    </message>
    <message>
      <source>system</source>
      <translation>sistema</translation>
    </message>
    <message>
      <source>Operator: %1</source>
      <translation>Operatore: %1</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>Apri database</translation>
    </message>
    <message>
      <source>ServiceDesk database (*.db *.sqlite);;All files (*)</source>
      <translation>Database ServiceDesk (*.db *.sqlite);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>About ServiceDesk</source>
      <translation>Informazioni su ServiceDesk</translation>
    </message>
    <message>
      <source>&lt;b&gt;ServiceDesk&lt;/b&gt; %1&lt;br&gt;After-sales service: requests, team board, work logs, contracts, knowledge base.&lt;br&gt;&lt;br&gt;Database: %2</source>
      <translation>&lt;b&gt;ServiceDesk&lt;/b&gt; %1&lt;br&gt;Assistenza post vendita: richieste, agenda del team, consuntivi, contratti, knowledge base.&lt;br&gt;&lt;br&gt;Database: %2</translation>
    </message>
  </context>
  <context>
    <name>Maintenance</name>
    <message>
      <source>Generate maintenance visits</source>
      <translation>Genera le visite di manutenzione</translation>
    </message>
    <message>
      <source>Creates the visits due within the horizon for every active plan and places them on the team board in the first free slot. Running it again creates no duplicates.</source>
      <translation>Crea le visite in scadenza entro l'orizzonte per ogni piano attivo e le colloca sulla lavagna nel primo spazio libero. Rieseguirla non crea doppioni.</translation>
    </message>
    <message>
      <source>Horizon</source>
      <translation>Orizzonte</translation>
    </message>
    <message>
      <source>days</source>
      <translation>giorni</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>Genera</translation>
    </message>
    <message>
      <source>no free slot: to place by hand</source>
      <translation>nessuno spazio libero: da collocare a mano</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Scadenza</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Pianificata</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Generating the visits…</source>
      <translation>Generazione delle visite in corso…</translation>
    </message>
    <message>
      <source>{plans} active plans: {new} visits created ({unplaced} without a free slot), {covered} already planned.</source>
      <translation>{plans} piani attivi: {new} visite create ({unplaced} senza spazio libero), {covered} già pianificate.</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Porta</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Sicurezza</translation>
    </message>
    <message>
      <source>Sender address</source>
      <translation>Indirizzo mittente</translation>
    </message>
    <message>
      <source>Timeout</source>
      <translation>Timeout</translation>
    </message>
    <message>
      <source>Company name</source>
      <translation>Ragione sociale</translation>
    </message>
    <message>
      <source>Reply e-mail</source>
      <translation>E-mail per le risposte</translation>
    </message>
    <message>
      <source>Language of notices</source>
      <translation>Lingua degli avvisi</translation>
    </message>
    <message>
      <source>Arrival window</source>
      <translation>Fascia di arrivo</translation>
    </message>
    <message>
      <source>E-mail settings</source>
      <translation>Impostazioni e-mail</translation>
    </message>
    <message>
      <source>Outgoing mail server (SMTP)</source>
      <translation>Server di posta in uscita (SMTP)</translation>
    </message>
    <message>
      <source>none (not encrypted)</source>
      <translation>nessuna (non cifrata)</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>invariata</translation>
    </message>
    <message>
      <source>The password is kept in the system keyring, not in the database.</source>
      <translation>La password è conservata nel portachiavi di sistema, non nel database.</translation>
    </message>
    <message>
      <source>No system keyring is available on this computer: the password is kept only until ServiceDesk is closed, never in the database. Enter it again after a restart to send e-mail.</source>
      <translation>Su questo computer non è disponibile un portachiavi di sistema: la password resta in memoria solo fino alla chiusura di ServiceDesk, mai nel database. Dopo un riavvio inseriscila di nuovo per inviare e-mail.</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utente</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Sender name</source>
      <translation>Nome mittente</translation>
    </message>
    <message>
      <source>Test connection</source>
      <translation>Prova connessione</translation>
    </message>
    <message>
      <source>In the notices</source>
      <translation>Negli avvisi</translation>
    </message>
    <message>
      <source>min before the planned start</source>
      <translation>min prima dell'inizio previsto</translation>
    </message>
    <message>
      <source>Phone for rescheduling</source>
      <translation>Telefono per spostare l'appuntamento</translation>
    </message>
    <message>
      <source>City (letters)</source>
      <translation>Città (lettere)</translation>
    </message>
    <message>
      <source>The server could not be reached or refused the sign-in:</source>
      <translation>Il server non è raggiungibile o ha rifiutato l'accesso:</translation>
    </message>
    <message>
      <source>Connected and signed in.</source>
      <translation>Connessione e accesso riusciti.</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>Non salvato</translation>
    </message>
    <message>
      <source>Settings saved; the password is kept for this session only.</source>
      <translation>Impostazioni salvate; la password è conservata solo per questa sessione.</translation>
    </message>
    <message>
      <source>Maintenance plans</source>
      <translation>Piani di manutenzione</translation>
    </message>
    <message>
      <source>Outbox</source>
      <translation>Posta in uscita</translation>
    </message>
    <message>
      <source>&amp;Maintenance</source>
      <translation>&amp;Manutenzione</translation>
    </message>
    <message>
      <source>Generate visits…</source>
      <translation>Genera visite…</translation>
    </message>
    <message>
      <source>Outbox (customer notices)</source>
      <translation>Posta in uscita (avvisi ai clienti)</translation>
    </message>
    <message>
      <source>E-mail settings…</source>
      <translation>Impostazioni e-mail…</translation>
    </message>
    <message>
      <source>Customer notices waiting or failed — click the Maintenance menu, Outbox</source>
      <translation>Avvisi ai clienti in attesa o non riusciti — menu Manutenzione, Posta in uscita</translation>
    </message>
    <message>
      <source>Outbox: {q} queued, {f} failed</source>
      <translation>Posta in uscita: {q} in coda, {f} non riusciti</translation>
    </message>
    <message>
      <source>Outbox: {q} queued</source>
      <translation>Posta in uscita: {q} in coda</translation>
    </message>
    <message>
      <source>weeks</source>
      <translation>settimane</translation>
    </message>
    <message>
      <source>months</source>
      <translation>mesi</translation>
    </message>
    <message>
      <source>years</source>
      <translation>anni</translation>
    </message>
    <message>
      <source>every {n} {period}</source>
      <translation>ogni {n} {period}</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Activity</source>
      <translation>Attività</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>Ogni</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dal</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Fino al</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Durata</translation>
    </message>
    <message>
      <source>What will be done</source>
      <translation>Cosa si farà</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>Preavviso</translation>
    </message>
    <message>
      <source>Last done on</source>
      <translation>Ultima visita il</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>pianificata</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>in corso</translation>
    </message>
    <message>
      <source>done</source>
      <translation>eseguita</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annullata</translation>
    </message>
    <message>
      <source>Unit (serial number)</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>serial number</source>
      <translation>matricola</translation>
    </message>
    <message>
      <source>every</source>
      <translation>ogni</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>gg/mm/aaaa</translation>
    </message>
    <message>
      <source>empty: forever</source>
      <translation>vuoto: senza fine</translation>
    </message>
    <message>
      <source>until</source>
      <translation>fino al</translation>
    </message>
    <message>
      <source>min</source>
      <translation>min</translation>
    </message>
    <message>
      <source>days before</source>
      <translation>giorni prima</translation>
    </message>
    <message>
      <source>visits made before ServiceDesk</source>
      <translation>visite fatte prima di ServiceDesk</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Attivo</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Su</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>Ripeti</translation>
    </message>
    <message>
      <source>Team / operator</source>
      <translation>Squadra / operatore</translation>
    </message>
    <message>
      <source>Next due</source>
      <translation>Prossima scadenza</translation>
    </message>
    <message>
      <source>Generate visits of this plan</source>
      <translation>Genera le visite di questo piano</translation>
    </message>
    <message>
      <source>Visits</source>
      <translation>Visite</translation>
    </message>
    <message>
      <source>unassigned</source>
      <translation>non assegnata</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>contract number</source>
      <translation>numero contratto</translation>
    </message>
    <message>
      <source>no unit with this serial number</source>
      <translation>nessuna matricola con questo numero</translation>
    </message>
    <message>
      <source>several units: type the whole serial</source>
      <translation>più matricole: scrivi la matricola completa</translation>
    </message>
    <message>
      <source>no contract with this number</source>
      <translation>nessun contratto con questo numero</translation>
    </message>
    <message>
      <source>Maintenance plan</source>
      <translation>Piano di manutenzione</translation>
    </message>
    <message>
      <source>New maintenance plan</source>
      <translation>Nuovo piano di manutenzione</translation>
    </message>
    <message>
      <source>{n} visits created.</source>
      <translation>{n} visite create.</translation>
    </message>
    <message>
      <source>Active only</source>
      <translation>Solo attivi</translation>
    </message>
    <message>
      <source>Unit / contract</source>
      <translation>Matricola / contratto</translation>
    </message>
    <message>
      <source>Search customer, serial number, contract…</source>
      <translation>Cerca cliente, matricola, contratto…</translation>
    </message>
    <message>
      <source>New plan</source>
      <translation>Nuovo piano</translation>
    </message>
    <message>
      <source>queued</source>
      <translation>in coda</translation>
    </message>
    <message>
      <source>sending</source>
      <translation>in invio</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>inviato</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>non riuscito</translation>
    </message>
    <message>
      <source>Maintenance notices</source>
      <translation>Avvisi di manutenzione</translation>
    </message>
    <message>
      <source>To send or check</source>
      <translation>Da inviare o verificare</translation>
    </message>
    <message>
      <source>Letters to print</source>
      <translation>Lettere da stampare</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Inviati</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tutti</translation>
    </message>
    <message>
      <source>Send now</source>
      <translation>Invia ora</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Riprova</translation>
    </message>
    <message>
      <source>Do not send</source>
      <translation>Non inviare</translation>
    </message>
    <message>
      <source>Print letters (PDF)…</source>
      <translation>Stampa lettere (PDF)…</translation>
    </message>
    <message>
      <source>e-mail</source>
      <translation>e-mail</translation>
    </message>
    <message>
      <source>letter</source>
      <translation>lettera</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Creato</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Canale</translation>
    </message>
    <message>
      <source>To</source>
      <translation>A</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Attempts</source>
      <translation>Tentativi</translation>
    </message>
    <message>
      <source>Next attempt</source>
      <translation>Prossimo tentativo</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>Ultimo errore</translation>
    </message>
    <message>
      <source>{n} queued</source>
      <translation>{n} in coda</translation>
    </message>
    <message>
      <source>{n} failed</source>
      <translation>{n} non riusciti</translation>
    </message>
    <message>
      <source>e-mail not configured: Maintenance → E-mail settings</source>
      <translation>e-mail non configurata: Manutenzione → Impostazioni e-mail</translation>
    </message>
    <message>
      <source>server not reachable, retrying: {why}</source>
      <translation>server non raggiungibile, nuovo tentativo più tardi: {why}</translation>
    </message>
    <message>
      <source>Letters</source>
      <translation>Lettere</translation>
    </message>
    <message>
      <source>No letters to print.</source>
      <translation>Nessuna lettera da stampare.</translation>
    </message>
    <message>
      <source>maintenance-notices.pdf</source>
      <translation>avvisi-manutenzione.pdf</translation>
    </message>
    <message>
      <source>Save the letters as PDF</source>
      <translation>Salva le lettere in PDF</translation>
    </message>
    <message>
      <source>{n} letters saved. Mark them as sent?</source>
      <translation>{n} lettere salvate. Segnarle come inviate?</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>The folder of “{path}” does not exist.</source>
      <translation>La cartella di “{path}” non esiste.</translation>
    </message>
    <message>
      <source>Cannot write in the folder of “{path}”.</source>
      <translation>Impossibile scrivere nella cartella di “{path}”.</translation>
    </message>
    <message>
      <source>“{path}” is a folder, not a file.</source>
      <translation>“{path}” è una cartella, non un file.</translation>
    </message>
    <message>
      <source>The export to “{path}” failed: {reason}</source>
      <translation>L'esportazione in “{path}” non è riuscita: {reason}</translation>
    </message>
    <message>
      <source>The minimum is above the maximum.</source>
      <translation>Il minimo è superiore al massimo.</translation>
    </message>
    <message>
      <source>A saved filter named “{name}” already exists.</source>
      <translation>Esiste già un filtro salvato di nome “{name}”.</translation>
    </message>
    <message>
      <source>The end is before the start.</source>
      <translation>La fine è precedente all'inizio.</translation>
    </message>
    <message>
      <source>The signature is empty: ask the customer to sign in the white box.</source>
      <translation>La firma è vuota: chiedi al cliente di firmare nel riquadro bianco.</translation>
    </message>
    <message>
      <source>The signature lies outside its box: clear it and sign again.</source>
      <translation>La firma esce dal suo riquadro: cancellala e firma di nuovo.</translation>
    </message>
    <message>
      <source>Only an intervention in progress or done can be signed.</source>
      <translation>Si può firmare solo un intervento in corso o concluso.</translation>
    </message>
    <message>
      <source>The backup folder “{path}” does not exist or cannot be written.</source>
      <translation>La cartella dei backup “{path}” non esiste o non è scrivibile.</translation>
    </message>
    <message>
      <source>“{path}” is not a good ServiceDesk backup (damaged or of another program).</source>
      <translation>“{path}” non è un backup valido di ServiceDesk (danneggiato o di un altro programma).</translation>
    </message>
    <message>
      <source>The backup “{path}” was written by a newer version of ServiceDesk.</source>
      <translation>Il backup “{path}” è stato scritto da una versione più recente di ServiceDesk.</translation>
    </message>
    <message>
      <source>The backup could not be written to “{path}”.</source>
      <translation>Non è stato possibile scrivere il backup in “{path}”.</translation>
    </message>
    <message>
      <source>The database “{path}” is damaged: the backup was not kept. Restore the latest good backup.</source>
      <translation>Il database “{path}” è danneggiato: il backup non è stato conservato. Ripristina l'ultimo backup integro.</translation>
    </message>
    <message>
      <source>Between {min} and {max}.</source>
      <translation>Tra {min} e {max}.</translation>
    </message>
    <message>
      <source>The chosen time has scheduling conflicts.</source>
      <translation>L'orario scelto ha conflitti di pianificazione.</translation>
    </message>
    <message>
      <source>Two working periods of the same day overlap.</source>
      <translation>Due turni dello stesso giorno si sovrappongono.</translation>
    </message>
    <message>
      <source>An absence cannot last more than {days} days.</source>
      <translation>Un'assenza non può durare più di {days} giorni.</translation>
    </message>
    <message>
      <source>The duration must be greater than zero.</source>
      <translation>La durata deve essere maggiore di zero.</translation>
    </message>
    <message>
      <source>Choose at least one working day, or use the office default.</source>
      <translation>Scegli almeno un giorno lavorativo, oppure usa l'orario dell'ufficio.</translation>
    </message>
    <message>
      <source>Choose an operator or a team.</source>
      <translation>Scegli un operatore o un team.</translation>
    </message>
    <message>
      <source>An intervention cannot last more than {days} days.</source>
      <translation>Un intervento non può durare più di {days} giorni.</translation>
    </message>
    <message>
      <source>The intervention is already done or cancelled.</source>
      <translation>L'intervento è già completato o annullato.</translation>
    </message>
    <message>
      <source>The actual start cannot be in the future.</source>
      <translation>L'inizio effettivo non può essere nel futuro.</translation>
    </message>
    <message>
      <source>Work cannot be logged for a date after today.</source>
      <translation>Non si può consuntivare una data successiva a oggi.</translation>
    </message>
    <message>
      <source>More than {hours} hours in one day is not plausible.</source>
      <translation>Più di {hours} ore in un giorno non è plausibile.</translation>
    </message>
    <message>
      <source>With this entry the operator's day would reach {logged} hours (at most {hours}).</source>
      <translation>Con questa voce la giornata dell'operatore arriverebbe a {logged} ore (massimo {hours}).</translation>
    </message>
    <message>
      <source>Enter the time worked or the travel time.</source>
      <translation>Inserisci il tempo lavorato o il tempo di viaggio.</translation>
    </message>
    <message>
      <source>More than {max} km is not plausible.</source>
      <translation>Più di {max} km non è plausibile.</translation>
    </message>
    <message>
      <source>The entry overlaps other entries of the same operator.</source>
      <translation>La voce si sovrappone ad altre voci dello stesso operatore.</translation>
    </message>
    <message>
      <source>“{name}” is not a customer: an active contract needs a customer.</source>
      <translation>“{name}” non è un cliente: un contratto attivo richiede un cliente.</translation>
    </message>
    <message>
      <source>“{name}” is not a supplier: a passive contract needs a supplier.</source>
      <translation>“{name}” non è un fornitore: un contratto passivo richiede un fornitore.</translation>
    </message>
    <message>
      <source>Another contract already has number {number}.</source>
      <translation>Esiste già un contratto con numero {number}.</translation>
    </message>
    <message>
      <source>Use letters, digits and . / - _ only.</source>
      <translation>Usa solo lettere, cifre e . / - _</translation>
    </message>
    <message>
      <source>The amount is too large.</source>
      <translation>L'importo è troppo grande.</translation>
    </message>
    <message>
      <source>Must be between {min} and {max}.</source>
      <translation>Deve essere tra {min} e {max}.</translation>
    </message>
    <message>
      <source>The percentage must be between {min} and {max}.</source>
      <translation>La percentuale deve essere tra {min} e {max}.</translation>
    </message>
    <message>
      <source>A notice period of {notice} days does not fit in a term of {days} days: enter at most {max} days (for this term the usual notice is {default} days).</source>
      <translation>Un preavviso di {notice} giorni non sta in un periodo di {days} giorni: inserisci al massimo {max} giorni (per questo periodo il preavviso consueto è di {default} giorni).</translation>
    </message>
    <message>
      <source>The resolution time cannot be shorter than the response time.</source>
      <translation>Il tempo di risoluzione non può essere inferiore a quello di presa in carico.</translation>
    </message>
    <message>
      <source>The date cannot be in the future.</source>
      <translation>La data non può essere nel futuro.</translation>
    </message>
    <message>
      <source>The contract has already been renewed {done} times.</source>
      <translation>Il contratto è già stato rinnovato {done} volte.</translation>
    </message>
    <message>
      <source>The start date and the first term cannot change after the first renewal.</source>
      <translation>La data di inizio e il primo periodo non si possono cambiare dopo il primo rinnovo.</translation>
    </message>
    <message>
      <source>The status cannot change from “{from}” to “{to}”.</source>
      <translation>Lo stato non può passare da “{from}” a “{to}”.</translation>
    </message>
    <message>
      <source>The contract covers units of the previous party: remove them from the coverage first.</source>
      <translation>Il contratto copre matricole del nominativo precedente: toglile prima dalla copertura.</translation>
    </message>
    <message>
      <source>These units do not belong to the contract's party: {serials}.</source>
      <translation>Queste matricole non appartengono al nominativo del contratto: {serials}.</translation>
    </message>
    <message>
      <source>This field cannot be edited.</source>
      <translation>Questo campo non è modificabile.</translation>
    </message>
    <message>
      <source>The number of instalments must be between 1 and {max}.</source>
      <translation>Il numero di rate deve essere tra 1 e {max}.</translation>
    </message>
    <message>
      <source>Some instalments of term {term} are already paid: edit the single instalments instead of regenerating the plan.</source>
      <translation>Alcune rate del periodo {term} sono già pagate: modifica le singole rate invece di rigenerare il piano.</translation>
    </message>
    <message>
      <source>The payment date cannot be in the future.</source>
      <translation>La data di pagamento non può essere nel futuro.</translation>
    </message>
    <message>
      <source>A paid instalment cannot be deleted.</source>
      <translation>Una rata pagata non si può eliminare.</translation>
    </message>
    <message>
      <source>This renewal proposal has already been decided.</source>
      <translation>Questa proposta di rinnovo è già stata decisa.</translation>
    </message>
    <message>
      <source>The contract has moved on since this proposal was made.</source>
      <translation>Il contratto è cambiato da quando è stata fatta la proposta.</translation>
    </message>
    <message>
      <source>Not a valid year.</source>
      <translation>Anno non valido.</translation>
    </message>
    <message>
      <source>The change must be between -50% and 100%.</source>
      <translation>La variazione deve essere tra -50% e 100%.</translation>
    </message>
    <message>
      <source>A yearly figure is published after its year.</source>
      <translation>Un dato annuale si pubblica dopo l'anno a cui si riferisce.</translation>
    </message>
    <message>
      <source>A monthly figure is published after its month.</source>
      <translation>Un indice mensile si pubblica dopo il suo mese.</translation>
    </message>
    <message>
      <source>The month must be between 1 and 12.</source>
      <translation>Il mese deve essere tra 1 e 12.</translation>
    </message>
    <message>
      <source>The index must be a positive number.</source>
      <translation>L'indice deve essere un numero positivo.</translation>
    </message>
    <message>
      <source>The ISTAT FOI figure of {period} is not published yet: add it (Contracts ▸ ISTAT FOI index), agree an amount with the party, or accept without ISTAT.</source>
      <translation>L'indice ISTAT FOI {period} non è ancora pubblicato: inseriscilo (Contratti ▸ Indice ISTAT FOI), concorda un importo con la controparte o accetta senza ISTAT.</translation>
    </message>
    <message>
      <source>The file cannot be read: choose the CSV or Excel file downloaded from ISTAT.</source>
      <translation>Il file non si può leggere: scegli il file CSV o Excel scaricato dall'ISTAT.</translation>
    </message>
    <message>
      <source>The file is too large for an ISTAT FOI table.</source>
      <translation>Il file è troppo grande per una tabella ISTAT FOI.</translation>
    </message>
    <message>
      <source>No FOI figures found in the file: it needs a period column and a value column, or a row of years with the twelve months.</source>
      <translation>Nel file non ci sono indici FOI: serve una colonna del periodo e una del valore, oppure una riga di anni con i dodici mesi.</translation>
    </message>
    <message>
      <source>This contract is not waiting for an ISTAT figure: nothing to renew without it.</source>
      <translation>Questo contratto non attende un indice ISTAT: non c'è nulla da rinnovare senza.</translation>
    </message>
    <message>
      <source>This article is archived: restore it before applying it.</source>
      <translation>L'articolo è archiviato: ripristinalo prima di applicarlo.</translation>
    </message>
    <message>
      <source>Request {number} is not resolved yet: add it to the knowledge base once it has a final report.</source>
      <translation>La richiesta {number} non è ancora risolta: aggiungila alla Knowledge Base quando avrà il rapporto finale.</translation>
    </message>
    <message>
      <source>“{path}” is not a pack prepared for a laptop.</source>
      <translation>“{path}” non è un pacchetto preparato per un portatile.</translation>
    </message>
    <message>
      <source>The pack “{path}” does not exist.</source>
      <translation>Il pacchetto “{path}” non esiste.</translation>
    </message>
    <message>
      <source>The pack “{path}” is damaged or incomplete (copied only in part?). Copy it again from the laptop.</source>
      <translation>Il pacchetto “{path}” è danneggiato o incompleto (copiato solo in parte?). Copialo di nuovo dal portatile.</translation>
    </message>
    <message>
      <source>This pack was prepared from another office database (“{office}”): it cannot be merged here.</source>
      <translation>Questo pacchetto è stato preparato da un altro database dell'ufficio (“{office}”): non si può riunire qui.</translation>
    </message>
    <message>
      <source>This pack was written by a newer version of ServiceDesk: update ServiceDesk in the office first.</source>
      <translation>Questo pacchetto è stato scritto da una versione più recente di ServiceDesk: aggiorna prima ServiceDesk in ufficio.</translation>
    </message>
    <message>
      <source>This pack was merged before and changed on the laptop since. Merge it as a new round to bring back only what changed after round {round}.</source>
      <translation>Questo pacchetto è già stato riunito e poi modificato sul portatile. Riuniscilo come nuovo giro per riportare solo ciò che è cambiato dopo il giro {round}.</translation>
    </message>
    <message>
      <source>The open database is itself an offline pack: open the office database to merge.</source>
      <translation>Il database aperto è esso stesso un pacchetto fuori sede: apri il database dell'ufficio per riunire.</translation>
    </message>
    <message>
      <source>The open database is an offline pack: packs are prepared from the office database.</source>
      <translation>Il database aperto è un pacchetto fuori sede: i pacchetti si preparano dal database dell'ufficio.</translation>
    </message>
    <message>
      <source>Not available in an offline pack: this is done in the office.</source>
      <translation>Non disponibile in un pacchetto fuori sede: si fa in ufficio.</translation>
    </message>
    <message>
      <source>The operator “{operator}” is not in this database, or is deactivated.</source>
      <translation>L'operatore “{operator}” non è in questo database, oppure è disattivato.</translation>
    </message>
    <message>
      <source>The period must be from {min} to {max} days.</source>
      <translation>Il periodo deve essere da {min} a {max} giorni.</translation>
    </message>
    <message>
      <source>The pack cannot be written over the office database.</source>
      <translation>Il pacchetto non può sovrascrivere il database dell'ufficio.</translation>
    </message>
    <message>
      <source>The folder for “{path}” does not exist.</source>
      <translation>La cartella di “{path}” non esiste.</translation>
    </message>
    <message>
      <source>Packs are prepared from an office database file.</source>
      <translation>I pacchetti si preparano da un file di database dell'ufficio.</translation>
    </message>
    <message>
      <source>Choose the unit or the contract the plan is for.</source>
      <translation>Scegli la matricola o il contratto a cui si riferisce il piano.</translation>
    </message>
    <message>
      <source>The last visit cannot be in the future.</source>
      <translation>L'ultima visita non può essere nel futuro.</translation>
    </message>
    <message>
      <source>Not a valid server name.</source>
      <translation>Nome del server non valido.</translation>
    </message>
    <message>
      <source>Not a valid number for this setting.</source>
      <translation>Valore non valido per questa impostazione.</translation>
    </message>
    <message>
      <source>The mail server could not be reached: {detail}</source>
      <translation>Il server di posta non è raggiungibile: {detail}</translation>
    </message>
    <message>
      <source>“{value}” is not a VAT number: an Italian one has 11 digits.</source>
      <translation>“{value}” non è una partita IVA: quella italiana ha 11 cifre.</translation>
    </message>
    <message>
      <source>The VAT number “{value}” is not valid (check digit).</source>
      <translation>La partita IVA “{value}” non è valida (cifra di controllo).</translation>
    </message>
    <message>
      <source>The VAT number {value} already belongs to another customer {other}.</source>
      <translation>La partita IVA {value} appartiene già a un altro cliente {other}.</translation>
    </message>
    <message>
      <source>“{value}” is not a fiscal code (16 characters, or 11 digits for a company).</source>
      <translation>“{value}” non è un codice fiscale (16 caratteri, o 11 cifre per una società).</translation>
    </message>
    <message>
      <source>The fiscal code “{value}” is not valid.</source>
      <translation>Il codice fiscale “{value}” non è valido.</translation>
    </message>
    <message>
      <source>“{value}” is not an Italian province code (MI, RM, TO …).</source>
      <translation>“{value}” non è una sigla di provincia italiana (MI, RM, TO …).</translation>
    </message>
    <message>
      <source>“{value}” is not an Italian postal code (5 digits).</source>
      <translation>“{value}” non è un CAP italiano (5 cifre).</translation>
    </message>
    <message>
      <source>“{value}” is not an e-mail address.</source>
      <translation>“{value}” non è un indirizzo e-mail.</translation>
    </message>
    <message>
      <source>“{value}” is not an SDI recipient code (6 or 7 letters and digits).</source>
      <translation>“{value}” non è un codice destinatario SDI (6 o 7 lettere e cifre).</translation>
    </message>
    <message>
      <source>The country is a two-letter code (IT, DE, FR …).</source>
      <translation>La nazione è un codice di due lettere (IT, DE, FR …).</translation>
    </message>
    <message>
      <source>Mark it as a customer, a supplier or both.</source>
      <translation>Indica se è cliente, fornitore o entrambi.</translation>
    </message>
    <message>
      <source>The code {value} is already used.</source>
      <translation>Il codice {value} è già usato.</translation>
    </message>
    <message>
      <source>The product code {value} is already used.</source>
      <translation>Il codice prodotto {value} è già usato.</translation>
    </message>
    <message>
      <source>A warranty of more than 50 years is not plausible.</source>
      <translation>Una garanzia di oltre 50 anni non è plausibile.</translation>
    </message>
    <message>
      <source>The serial number {value} of this product is already registered (customer {owner}).</source>
      <translation>La matricola {value} di questo prodotto è già registrata (cliente {owner}).</translation>
    </message>
    <message>
      <source>The installation date is more than a year ahead.</source>
      <translation>La data di installazione è oltre un anno nel futuro.</translation>
    </message>
    <message>
      <source>The move cannot be dated before the current owner's start.</source>
      <translation>Lo spostamento non può essere anteriore all'inizio del proprietario attuale.</translation>
    </message>
    <message>
      <source>Choose the column for this field.</source>
      <translation>Scegli la colonna per questo campo.</translation>
    </message>
    <message>
      <source>No customer with {value}: import the customers first.</source>
      <translation>Nessun cliente con {value}: importa prima i clienti.</translation>
    </message>
    <message>
      <source>No product with code {value}: import the products first, or map a product name column.</source>
      <translation>Nessun prodotto con codice {value}: importa prima i prodotti o associa una colonna con il nome del prodotto.</translation>
    </message>
    <message>
      <source>Same as row {row} of the file.</source>
      <translation>Uguale alla riga {row} del file.</translation>
    </message>
    <message>
      <source>“{value}” is neither yes nor no.</source>
      <translation>“{value}” non è né sì né no.</translation>
    </message>
    <message>
      <source>taken from the merged cell {range} (column “{column}”).</source>
      <translation>preso dalla cella unita {range} (colonna “{column}”).</translation>
    </message>
    <message>
      <source>The file does not exist.</source>
      <translation>Il file non esiste.</translation>
    </message>
    <message>
      <source>The file cannot be read as a spreadsheet.</source>
      <translation>Il file non si può leggere come foglio di calcolo.</translation>
    </message>
    <message>
      <source>Only .xlsx and .csv files can be imported.</source>
      <translation>Si possono importare solo file .xlsx e .csv.</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>Il file è vuoto.</translation>
    </message>
    <message>
      <source>The file has more than {max} rows: split it.</source>
      <translation>Il file ha più di {max} righe: dividilo.</translation>
    </message>
    <message>
      <source>This status change is not allowed by the workflow.</source>
      <translation>Questo cambio di stato non è consentito dal flusso di lavoro.</translation>
    </message>
    <message>
      <source>Write the final report before resolving the request.</source>
      <translation>Scrivi il rapporto finale prima di risolvere la richiesta.</translation>
    </message>
    <message>
      <source>The customer {name} is archived.</source>
      <translation>Il cliente {name} è archiviato.</translation>
    </message>
    <message>
      <source>The operator {name} is no longer active.</source>
      <translation>L'operatore {name} non è più attivo.</translation>
    </message>
    <message>
      <source>The contact does not belong to the chosen customer.</source>
      <translation>Il referente non appartiene al cliente scelto.</translation>
    </message>
    <message>
      <source>The contract does not belong to the chosen customer.</source>
      <translation>Il contratto non appartiene al cliente scelto.</translation>
    </message>
    <message>
      <source>Contract {contract} is not active today.</source>
      <translation>Il contratto {contract} non è attivo oggi.</translation>
    </message>
    <message>
      <source>Some of the chosen units do not belong to the customer.</source>
      <translation>Alcune delle matricole scelte non appartengono al cliente.</translation>
    </message>
    <message>
      <source>pg_dump is not installed on this computer. Backups of the database server are made by IT on the server (see “A bigger office: PostgreSQL” in the README).</source>
      <translation>pg_dump non è installato su questo computer. I backup del server del database li fa l'IT sul server (vedere «A bigger office: PostgreSQL» nel README).</translation>
    </message>
    <message>
      <source>The backup did not succeed: {detail}. No backup file was written.</source>
      <translation>Il backup non è riuscito: {detail}. Nessun file di backup è stato scritto.</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>Nome utente o password errati.</translation>
    </message>
    <message>
      <source>The operator “{username}” is deactivated. Ask an administrator.</source>
      <translation>L'operatore “{username}” è disattivato. Rivolgiti a un amministratore.</translation>
    </message>
    <message>
      <source>The operator “{username}” has no password yet. Ask an administrator to set one.</source>
      <translation>L'operatore “{username}” non ha ancora una password. Chiedi a un amministratore di impostarla.</translation>
    </message>
    <message>
      <source>Too many wrong passwords: this user is locked for a few minutes.</source>
      <translation>Troppe password errate: l'utente è bloccato per qualche minuto.</translation>
    </message>
    <message>
      <source>An administrator already exists: sign in instead.</source>
      <translation>Esiste già un amministratore: accedi con le tue credenziali.</translation>
    </message>
    <message>
      <source>The password must have at least {min} characters.</source>
      <translation>La password deve avere almeno {min} caratteri.</translation>
    </message>
    <message>
      <source>The two passwords are different.</source>
      <translation>Le due password sono diverse.</translation>
    </message>
    <message>
      <source>The current password is wrong.</source>
      <translation>La password attuale è errata.</translation>
    </message>
    <message>
      <source>2 to 40 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.</source>
      <translation>Da 2 a 40 caratteri: lettere minuscole, cifre, punto, trattino o trattino basso, iniziando con una lettera o una cifra.</translation>
    </message>
    <message>
      <source>The user name “{username}” is already in use.</source>
      <translation>Il nome utente “{username}” è già in uso.</translation>
    </message>
    <message>
      <source>Not a valid e-mail address.</source>
      <translation>Indirizzo e-mail non valido.</translation>
    </message>
    <message>
      <source>This is the last active administrator: name another administrator first.</source>
      <translation>È l'ultimo amministratore attivo: nomina prima un altro amministratore.</translation>
    </message>
    <message>
      <source>A team named “{name}” already exists.</source>
      <translation>Esiste già un team di nome “{name}”.</translation>
    </message>
    <message>
      <source>Too long: {length} characters, at most {max}. Nothing was cut: shorten the text.</source>
      <translation>Troppo lungo: {length} caratteri, al massimo {max}. Non è stato tagliato nulla: accorcia il testo.</translation>
    </message>
    <message>
      <source>Too long: at most {max} characters.</source>
      <translation>Troppo lungo: al massimo {max} caratteri.</translation>
    </message>
    <message>
      <source>“{path}” is a folder, not a database file.</source>
      <translation>“{path}” è una cartella, non un file di database.</translation>
    </message>
    <message>
      <source>The database “{path}” does not exist.</source>
      <translation>Il database “{path}” non esiste.</translation>
    </message>
    <message>
      <source>“{path}” is not a ServiceDesk database (it is not an SQLite file).</source>
      <translation>“{path}” non è un database di ServiceDesk (non è un file SQLite).</translation>
    </message>
    <message>
      <source>“{path}” is a database of another program, not of ServiceDesk.</source>
      <translation>“{path}” è un database di un altro programma, non di ServiceDesk.</translation>
    </message>
    <message>
      <source>The database “{path}” is damaged or truncated and cannot be opened. Restore it from a backup.</source>
      <translation>Il database “{path}” è danneggiato o troncato e non può essere aperto. Ripristinalo da un backup.</translation>
    </message>
    <message>
      <source>The database “{path}” is read-only: ServiceDesk needs to write to the file and to its folder.</source>
      <translation>Il database “{path}” è in sola lettura: ServiceDesk deve poter scrivere nel file e nella sua cartella.</translation>
    </message>
    <message>
      <source>The database “{path}” cannot be read.</source>
      <translation>Il database “{path}” non può essere letto.</translation>
    </message>
    <message>
      <source>The database “{path}” is locked by another program or workstation. Try again in a moment.</source>
      <translation>Il database “{path}” è bloccato da un altro programma o postazione. Riprova tra poco.</translation>
    </message>
    <message>
      <source>The database “{path}” was written by a newer version of ServiceDesk (schema {found}; this version reads up to {supported}). Update ServiceDesk on this workstation.</source>
      <translation>Il database “{path}” è stato scritto da una versione più recente di ServiceDesk (schema {found}; questa versione legge fino al {supported}). Aggiorna ServiceDesk su questa postazione.</translation>
    </message>
    <message>
      <source>“{path}” is an empty file: it was left as it is. Give the name of a file that does not exist yet to create a new database.</source>
      <translation>“{path}” è un file vuoto: è stato lasciato com'è. Per creare un nuovo database indica il nome di un file che non esiste ancora.</translation>
    </message>
    <message>
      <source>The database “{path}” is damaged: ServiceDesk no longer writes to it, and nothing was saved. Restore the latest good backup (Tools › Restore from backup).</source>
      <translation>Il database “{path}” è danneggiato: ServiceDesk non vi scrive più e non è stato salvato nulla. Ripristina l'ultimo backup integro (Strumenti › Ripristina da backup).</translation>
    </message>
    <message>
      <source>The database “{path}” is in single-workstation mode but lies on a network share, where that mode damages files. On the computer that holds the file, an administrator switches it to shared mode (Tools › Database mode).</source>
      <translation>Il database “{path}” è in modalità postazione singola ma si trova su una cartella di rete, dove questa modalità danneggia i file. Sul computer che contiene il file, un amministratore lo passa alla modalità condivisa (Strumenti › Modalità del database).</translation>
    </message>
    <message>
      <source>The mode of “{path}” can be changed only while no other workstation has it open. Ask the others to close ServiceDesk, then try again.</source>
      <translation>La modalità di “{path}” si può cambiare solo quando nessun'altra postazione lo tiene aperto. Chiedi agli altri di chiudere ServiceDesk, poi riprova.</translation>
    </message>
    <message>
      <source>Cannot reach the database server {host} ({detail}). Check the network or the VPN and that the server is running. Nothing was changed.</source>
      <translation>Impossibile raggiungere il server del database {host} ({detail}). Controllare la rete o la VPN e che il server sia acceso. Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>The database server refused user “{user}”: the password is wrong or missing. Store it with “servicedesk-admin password”, in .pgpass or ask IT. Nothing was changed.</source>
      <translation>Il server del database ha rifiutato l'utente «{user}»: la password è errata o mancante. Salvarla con «servicedesk-admin password», in .pgpass o chiedere all'IT. Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>The database “{dbname}” does not exist on the server {host}. Ask IT to create it (see “A bigger office: PostgreSQL” in the README). Nothing was changed.</source>
      <translation>Il database «{dbname}» non esiste sul server {host}. Chiedere all'IT di crearlo (vedere «A bigger office: PostgreSQL» nel README). Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>User “{user}” lacks the rights ServiceDesk needs on “{path}” ({detail}). Ask IT to grant them. Nothing was changed.</source>
      <translation>L'utente «{user}» non ha i permessi che servono a ServiceDesk su «{path}» ({detail}). Chiedere all'IT di concederli. Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>The secure connection to the database server {host} failed ({detail}). Nothing was changed.</source>
      <translation>La connessione sicura al server del database {host} non è riuscita ({detail}). Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>The database server reported an error: {detail}. Nothing was changed.</source>
      <translation>Il server del database ha segnalato un errore: {detail}. Nulla è stato modificato.</translation>
    </message>
    <message>
      <source>The database is busy: another workstation is writing. Try again in a moment.</source>
      <translation>Il database è occupato: un'altra postazione sta scrivendo. Riprova tra poco.</translation>
    </message>
    <message>
      <source>Your role does not allow this action.</source>
      <translation>Il tuo ruolo non consente questa operazione.</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>Il record non esiste più.</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>Campo obbligatorio.</translation>
    </message>
    <message>
      <source>The value cannot be negative.</source>
      <translation>Il valore non può essere negativo.</translation>
    </message>
    <message>
      <source>Not a valid date.</source>
      <translation>Data non valida.</translation>
    </message>
    <message>
      <source>Not one of the allowed values.</source>
      <translation>Non è uno dei valori ammessi.</translation>
    </message>
    <message>
      <source>Contract {contract} has no tickets left ({remaining} remaining, {needed} needed).</source>
      <translation>Il contratto {contract} non ha più ticket ({remaining} residui, {needed} necessari).</translation>
    </message>
    <message>
      <source>The number of tickets must be greater than zero.</source>
      <translation>Il numero di ticket deve essere maggiore di zero.</translation>
    </message>
    <message>
      <source>Not a valid number.</source>
      <translation>Numero non valido.</translation>
    </message>
    <message>
      <source>Another workstation deleted this record while you were editing it.</source>
      <translation>Un'altra postazione ha eliminato questo record mentre lo stavi modificando.</translation>
    </message>
    <message>
      <source>Another workstation changed this record while you were editing it. Nothing was saved. Changed fields:</source>
      <translation>Un'altra postazione ha modificato questo record mentre lo stavi modificando. Non è stato salvato nulla. Campi modificati:</translation>
    </message>
    <message>
      <source>yours</source>
      <translation>tuo</translation>
    </message>
    <message>
      <source>ServiceDesk</source>
      <translation>ServiceDesk</translation>
    </message>
  </context>
  <context>
    <name>OperatorTableModel</name>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utente</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Ruolo</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Last sign-in</source>
      <translation>Ultimo accesso</translation>
    </message>
    <message>
      <source>Deactivated</source>
      <translation>Disattivato</translation>
    </message>
  </context>
  <context>
    <name>OperatorsDialog</name>
    <message>
      <source>Operators and teams</source>
      <translation>Operatori e team</translation>
    </message>
    <message>
      <source>Operators</source>
      <translation>Operatori</translation>
    </message>
    <message>
      <source>Teams</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>New operator</source>
      <translation>Nuovo operatore</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>Active (can sign in)</source>
      <translation>Attivo (può accedere)</translation>
    </message>
    <message>
      <source>at least %1 characters</source>
      <translation>almeno %1 caratteri</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>Password:</translation>
    </message>
    <message>
      <source>Repeat password:</source>
      <translation>Ripeti password:</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>Nome utente:</translation>
    </message>
    <message>
      <source>Full name:</source>
      <translation>Nome e cognome:</translation>
    </message>
    <message>
      <source>E-mail:</source>
      <translation>E-mail:</translation>
    </message>
    <message>
      <source>Phone:</source>
      <translation>Telefono:</translation>
    </message>
    <message>
      <source>Role:</source>
      <translation>Ruolo:</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>Team:</translation>
    </message>
    <message>
      <source>Technician: own interventions and work logs, reads requests and adds notes. Coordinator: requests, team board, maintenance. Manager: also contracts and amounts. Administrator: everything, operators and backups.</source>
      <translation>Tecnico: i propri interventi e consuntivi, legge le richieste e aggiunge note. Coordinatore: richieste, lavagna team, manutenzioni. Responsabile: anche contratti e importi. Amministratore: tutto, operatori e backup.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Salva</translation>
    </message>
    <message>
      <source>Set new password…</source>
      <translation>Imposta nuova password…</translation>
    </message>
    <message>
      <source>Revoke remembered sign-ins</source>
      <translation>Revoca accessi ricordati</translation>
    </message>
    <message>
      <source>(no team)</source>
      <translation>(nessun team)</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>Nome utente</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nome e cognome</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Ruolo</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>Ripeti password</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>Colore</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>Set new password</source>
      <translation>Imposta nuova password</translation>
    </message>
    <message>
      <source>New password for %1 (at least %2 characters):</source>
      <translation>Nuova password per %1 (almeno %2 caratteri):</translation>
    </message>
    <message>
      <source>Repeat the new password:</source>
      <translation>Ripeti la nuova password:</translation>
    </message>
    <message>
      <source>Password set</source>
      <translation>Password impostata</translation>
    </message>
    <message>
      <source>The new password of %1 is set; a lock after wrong passwords is lifted and remembered sign-ins are revoked.</source>
      <translation>La nuova password di %1 è impostata; l'eventuale blocco per password errate è rimosso e gli accessi ricordati sono revocati.</translation>
    </message>
    <message>
      <source>%1 remembered sign-ins revoked</source>
      <translation>Accessi ricordati revocati: %1</translation>
    </message>
    <message>
      <source>New team</source>
      <translation>Nuovo team</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Scegli…</translation>
    </message>
    <message>
      <source>Archived (no longer offered)</source>
      <translation>Archiviato (non più proposto)</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>Nome:</translation>
    </message>
    <message>
      <source>Colour:</source>
      <translation>Colore:</translation>
    </message>
    <message>
      <source>Save team</source>
      <translation>Salva team</translation>
    </message>
    <message>
      <source>archived</source>
      <translation>archiviato</translation>
    </message>
    <message>
      <source>Team colour</source>
      <translation>Colore del team</translation>
    </message>
  </context>
  <context>
    <name>Ops</name>
    <message>
      <source>Not saved</source>
      <extracomment>Area topics of ``bus.changed`` for each table (panels that refresh a whole area listen there).</extracomment>
      <translation>Non salvato</translation>
    </message>
    <message>
      <source>The record is shown again as it is now; apply your change once more.</source>
      <translation>Il record viene mostrato di nuovo com'è ora; applica ancora la tua modifica.</translation>
    </message>
  </context>
  <context>
    <name>Overview</name>
    <message>
      <source>Today in the service office</source>
      <translation>Oggi in assistenza</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>Aggiorna</translation>
    </message>
    <message>
      <source>Open requests</source>
      <translation>Richieste aperte</translation>
    </message>
    <message>
      <source>Overdue: SLA deadline passed</source>
      <translation>In ritardo: scadenza SLA superata</translation>
    </message>
    <message>
      <source>Open requests without an owner</source>
      <translation>Richieste aperte senza responsabile</translation>
    </message>
    <message>
      <source>Interventions planned today</source>
      <translation>Interventi pianificati oggi</translation>
    </message>
    <message>
      <source>Interventions in the next 7 days</source>
      <translation>Interventi nei prossimi 7 giorni</translation>
    </message>
    <message>
      <source>Open requests past the deadline that runs now — the response until the first answer, then the resolution — counted as the queue counts them</source>
      <translation>Richieste aperte oltre la scadenza in corso — la presa in carico fino alla prima risposta, poi la risoluzione — contate come nella coda</translation>
    </message>
    <message>
      <source>Active contracts ending within a day</source>
      <translation>Contratti attivi in scadenza entro un giorno</translation>
    </message>
    <message>
      <source>Active contracts ending within {days} days</source>
      <translation>Contratti attivi in scadenza entro {days} giorni</translation>
    </message>
    <message>
      <source>critical</source>
      <translation>critica</translation>
    </message>
    <message>
      <source>high</source>
      <translation>alta</translation>
    </message>
    <message>
      <source>normal</source>
      <translation>normale</translation>
    </message>
    <message>
      <source>low</source>
      <translation>bassa</translation>
    </message>
    <message>
      <source>Open requests by priority:</source>
      <translation>Richieste aperte per priorità:</translation>
    </message>
    <message>
      <source>Overview</source>
      <translation>Panoramica</translation>
    </message>
    <message>
      <source>Requests opened and closed per week</source>
      <translation>Richieste aperte e chiuse per settimana</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Aperte</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Chiuse</translation>
    </message>
  </context>
  <context>
    <name>PackMergeDialog</name>
    <message>
      <source>Merge a pack from the laptop</source>
      <translation>Riunisci un pacchetto dal portatile</translation>
    </message>
    <message>
      <source>The pack file brought back from the laptop</source>
      <translation>Il file del pacchetto riportato dal portatile</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Scegli…</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Verifica</translation>
    </message>
    <message>
      <source>Review conflicts…</source>
      <translation>Rivedi i conflitti…</translation>
    </message>
    <message>
      <source>Merge as a new round</source>
      <translation>Riunisci come nuovo giro</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Riunisci</translation>
    </message>
    <message>
      <source>Pack file</source>
      <translation>File del pacchetto</translation>
    </message>
    <message>
      <source>ServiceDesk pack (*.sdpack);;All files (*)</source>
      <translation>Pacchetto ServiceDesk (*.sdpack);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>Pack of %1 merged.</source>
      <translation>Pacchetto di %1 riunito.</translation>
    </message>
    <message>
      <source>Refused, nothing was changed:</source>
      <translation>Rifiutato, nulla è stato modificato:</translation>
    </message>
    <message>
      <source>Review conflicts (%1 to decide)…</source>
      <translation>Rivedi i conflitti (%1 da decidere)…</translation>
    </message>
    <message>
      <source>Pack of %1, round %2.</source>
      <translation>Pacchetto di %1, giro %2.</translation>
    </message>
    <message>
      <source>Already merged: nothing to do.</source>
      <translation>Già riunito: nulla da fare.</translation>
    </message>
    <message>
      <source>Merged:</source>
      <translation>Riunito:</translation>
    </message>
    <message>
      <source>Will come back:</source>
      <translation>Tornerà in ufficio:</translation>
    </message>
    <message>
      <source>new: %1</source>
      <translation>nuovi: %1</translation>
    </message>
    <message>
      <source>changed: %1</source>
      <translation>modificati: %1</translation>
    </message>
    <message>
      <source>deleted: %1</source>
      <translation>eliminati: %1</translation>
    </message>
    <message>
      <source>Provisional numbers:</source>
      <translation>Numeri provvisori:</translation>
    </message>
    <message>
      <source>Numbers given:</source>
      <translation>Numeri assegnati:</translation>
    </message>
    <message>
      <source>Already in the office, linked instead of copied:</source>
      <translation>Già presenti in ufficio, collegati invece che copiati:</translation>
    </message>
    <message>
      <source>Not merged:</source>
      <translation>Non riunito:</translation>
    </message>
    <message>
      <source>Conflicts: %1 (%2 decided).</source>
      <translation>Conflitti: %1 (%2 decisi).</translation>
    </message>
    <message>
      <source>No conflicts.</source>
      <translation>Nessun conflitto.</translation>
    </message>
    <message>
      <source>Changes to office data not taken (contracts, operators, reference lists): %1</source>
      <translation>Modifiche a dati dell'ufficio non riportate (contratti, operatori, tabelle): %1</translation>
    </message>
    <message>
      <source>Done in %1 s.</source>
      <translation>Fatto in %1 s.</translation>
    </message>
  </context>
  <context>
    <name>PackPrepareDialog</name>
    <message>
      <source>Prepare a pack for the laptop</source>
      <translation>Prepara un pacchetto per il portatile</translation>
    </message>
    <message>
      <source> days</source>
      <translation> giorni</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Scegli…</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>Operatore</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dal</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Periodo</translation>
    </message>
    <message>
      <source>Pack file</source>
      <translation>File del pacchetto</translation>
    </message>
    <message>
      <source>The pack holds the operator's interventions of the period (and those still open), their requests, customers, units and contracts, the whole knowledge base and what is needed to merge the work back. Amounts travel only if the operator's role may see them.</source>
      <translation>Il pacchetto contiene gli interventi dell'operatore nel periodo (e quelli ancora aperti), le loro richieste, i nominativi, le matricole e i contratti, tutta la knowledge base e quanto serve per riunire il lavoro. Gli importi viaggiano solo se il ruolo dell'operatore può vederli.</translation>
    </message>
    <message>
      <source>Prepare</source>
      <translation>Prepara</translation>
    </message>
    <message>
      <source>Warning: a pack of this operator prepared on %1 has not been merged back yet (%2). Its work will still need to be merged; preparing a new one does not replace it.</source>
      <translation>Attenzione: un pacchetto di questo operatore preparato il %1 non è ancora stato riunito (%2). Il suo lavoro andrà comunque riunito; prepararne uno nuovo non lo sostituisce.</translation>
    </message>
    <message>
      <source>ServiceDesk pack (*.sdpack)</source>
      <translation>Pacchetto ServiceDesk (*.sdpack)</translation>
    </message>
    <message>
      <source>Amounts included.</source>
      <translation>Importi inclusi.</translation>
    </message>
    <message>
      <source>Amounts not included (the operator's role does not see them).</source>
      <translation>Importi non inclusi (il ruolo dell'operatore non li vede).</translation>
    </message>
    <message>
      <source>Pack written: %1 (%2 MB, %3 s).
It holds %4. %5
Open it on the laptop with ServiceDesk, then merge it back with File › Laptop › Merge pack….</source>
      <translation>Pacchetto scritto: %1 (%2 MB, %3 s).
Contiene %4. %5
Aprilo sul portatile con ServiceDesk, poi riuniscilo con File › Portatile › Riunisci pacchetto….</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Chiudi</translation>
    </message>
    <message>
      <source>Pack not prepared</source>
      <translation>Pacchetto non preparato</translation>
    </message>
    <message>
      <source>Cancelled: no pack was written.</source>
      <translation>Annullato: nessun pacchetto è stato scritto.</translation>
    </message>
  </context>
  <context>
    <name>PackReviewDialog</name>
    <message>
      <source>Review the conflicts</source>
      <translation>Rivedi i conflitti</translation>
    </message>
    <message>
      <source>These fields were changed both in the office and on the laptop of %1 since the pack was prepared. Choose, field by field, the value to keep; every choice is recorded in the audit trail.</source>
      <translation>Questi campi sono stati modificati sia in ufficio sia sul portatile di %1 dopo la preparazione del pacchetto. Scegli campo per campo il valore da tenere; ogni scelta resta nel registro delle modifiche.</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Campo</translation>
    </message>
    <message>
      <source>When prepared</source>
      <translation>Alla preparazione</translation>
    </message>
    <message>
      <source>Office</source>
      <translation>Ufficio</translation>
    </message>
    <message>
      <source>Laptop</source>
      <translation>Portatile</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>Tieni</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>eliminato</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>modificato</translation>
    </message>
    <message>
      <source>choose…</source>
      <translation>scegli…</translation>
    </message>
    <message>
      <source>Office for all</source>
      <translation>Ufficio per tutti</translation>
    </message>
    <message>
      <source>Laptop for all</source>
      <translation>Portatile per tutti</translation>
    </message>
    <message>
      <source>Use these choices</source>
      <translation>Usa queste scelte</translation>
    </message>
    <message>
      <source>%1 still to choose</source>
      <translation>%1 ancora da scegliere</translation>
    </message>
  </context>
  <context>
    <name>Packs</name>
    <message>
      <source>customer</source>
      <translation>nominativo</translation>
    </message>
    <message>
      <source>contact</source>
      <translation>contatto</translation>
    </message>
    <message>
      <source>product</source>
      <translation>prodotto</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>matricola</translation>
    </message>
    <message>
      <source>unit owner</source>
      <translation>proprietario di matricola</translation>
    </message>
    <message>
      <source>request</source>
      <translation>richiesta</translation>
    </message>
    <message>
      <source>unit of a request</source>
      <translation>matricola di una richiesta</translation>
    </message>
    <message>
      <source>history entry</source>
      <translation>voce di storico</translation>
    </message>
    <message>
      <source>maintenance plan</source>
      <translation>piano di manutenzione</translation>
    </message>
    <message>
      <source>intervention</source>
      <translation>intervento</translation>
    </message>
    <message>
      <source>work log</source>
      <translation>consuntivo</translation>
    </message>
    <message>
      <source>KB article</source>
      <translation>articolo KB</translation>
    </message>
    <message>
      <source>KB article applied</source>
      <translation>articolo KB applicato</translation>
    </message>
    <message>
      <source>notice</source>
      <translation>avviso</translation>
    </message>
    <message>
      <source>customers</source>
      <translation>nominativi</translation>
    </message>
    <message>
      <source>contacts</source>
      <translation>contatti</translation>
    </message>
    <message>
      <source>products</source>
      <translation>prodotti</translation>
    </message>
    <message>
      <source>units</source>
      <translation>matricole</translation>
    </message>
    <message>
      <source>unit owners</source>
      <translation>proprietari di matricole</translation>
    </message>
    <message>
      <source>requests</source>
      <translation>richieste</translation>
    </message>
    <message>
      <source>units of requests</source>
      <translation>matricole di richieste</translation>
    </message>
    <message>
      <source>history entries</source>
      <translation>voci di storico</translation>
    </message>
    <message>
      <source>maintenance plans</source>
      <translation>piani di manutenzione</translation>
    </message>
    <message>
      <source>interventions</source>
      <translation>interventi</translation>
    </message>
    <message>
      <source>work logs</source>
      <translation>consuntivi</translation>
    </message>
    <message>
      <source>KB articles</source>
      <translation>articoli KB</translation>
    </message>
    <message>
      <source>KB articles applied</source>
      <translation>articoli KB applicati</translation>
    </message>
    <message>
      <source>notices</source>
      <translation>avvisi</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Minuti</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Actual start</source>
      <translation>Inizio effettivo</translation>
    </message>
    <message>
      <source>Actual end</source>
      <translation>Fine effettiva</translation>
    </message>
    <message>
      <source>Planned start</source>
      <translation>Inizio previsto</translation>
    </message>
    <message>
      <source>Planned end</source>
      <translation>Fine prevista</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>Firma</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>(whole record)</source>
      <translation>(intero record)</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sì</translation>
    </message>
    <message>
      <source>no</source>
      <translation>no</translation>
    </message>
  </context>
  <context>
    <name>PaidDialog</name>
    <message>
      <source>Instalment paid</source>
      <translation>Rata pagata</translation>
    </message>
    <message>
      <source>Paid on</source>
      <translation>Pagata il</translation>
    </message>
  </context>
  <context>
    <name>PanelHost</name>
    <message>
      <source>History</source>
      <translation>Storico</translation>
    </message>
  </context>
  <context>
    <name>PanelSlot</name>
    <message>
      <source>This panel could not be opened: %1</source>
      <translation>Impossibile aprire questo pannello: %1</translation>
    </message>
  </context>
  <context>
    <name>ProposalDaysDialog</name>
    <message>
      <source>Renewal proposals</source>
      <translation>Proposte di rinnovo</translation>
    </message>
    <message>
      <source>Contracts renewed on proposal: the renewal run makes the proposal this many days before the term ends, so the party answers while the contract still runs. A contract may set its own number of days (Renewal tab).</source>
      <translation>Contratti con rinnovo su proposta: l'elaborazione dei rinnovi fa la proposta questo numero di giorni prima della fine del periodo, così la controparte risponde mentre il contratto è ancora in corso. Ogni contratto può indicare i propri giorni (scheda Rinnovo).</translation>
    </message>
    <message>
      <source>each contract's notice period</source>
      <translation>il preavviso di ogni contratto</translation>
    </message>
    <message>
      <source> days before the end</source>
      <translation> giorni prima della scadenza</translation>
    </message>
    <message>
      <source>Propose</source>
      <translation>Proponi</translation>
    </message>
  </context>
  <context>
    <name>Records</name>
    <message>
      <source>Save</source>
      <extracomment>Services: ``create(**values)``, ``change(id, version, changes)``, ``archive(id, version, archived)``. ``None``: the action does not exist for this kind of record.</extracomment>
      <translation>Salva</translation>
    </message>
    <message>
      <source>Save the changes (Ctrl+S)</source>
      <translation>Salva le modifiche (Ctrl+S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>Annulla modifiche</translation>
    </message>
    <message>
      <source>Show the record as it is stored, dropping the changes</source>
      <translation>Mostra la scheda com'è salvata, scartando le modifiche</translation>
    </message>
    <message>
      <source>Archive</source>
      <translation>Archivia</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Ripristina</translation>
    </message>
    <message>
      <source>changed, not saved</source>
      <translation>modificata, non salvata</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Salvato.</translation>
    </message>
    <message>
      <source>A new record (Ctrl+N)</source>
      <translation>Nuova scheda (Ctrl+N)</translation>
    </message>
    <message>
      <source>searching…</source>
      <translation>ricerca…</translation>
    </message>
    <message>
      <source>{n} shown</source>
      <translation>{n} mostrati</translation>
    </message>
    <message>
      <source>The list could not be read: {why}</source>
      <translation>Impossibile leggere l'elenco: {why}</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Modifiche non salvate</translation>
    </message>
    <message>
      <source>The record shown has changes that are not saved.</source>
      <translation>La scheda mostrata ha modifiche non salvate.</translation>
    </message>
  </context>
  <context>
    <name>Registry</name>
    <message>
      <source>Customers and suppliers</source>
      <translation>Clienti e fornitori</translation>
    </message>
    <message>
      <source>Contacts of customers</source>
      <translation>Referenti dei clienti</translation>
    </message>
    <message>
      <source>Products</source>
      <translation>Prodotti</translation>
    </message>
    <message>
      <source>Units (serial numbers)</source>
      <translation>Matricole</translation>
    </message>
    <message>
      <source>Customer code</source>
      <translation>Codice cliente</translation>
    </message>
    <message>
      <source>Customer VAT number</source>
      <translation>Partita IVA del cliente</translation>
    </message>
    <message>
      <source>Product code</source>
      <translation>Codice prodotto</translation>
    </message>
    <message>
      <source>Product name (creates the product)</source>
      <translation>Nome prodotto (crea il prodotto)</translation>
    </message>
    <message>
      <source>Supplier (yes/no)</source>
      <translation>Fornitore (sì/no)</translation>
    </message>
    <message>
      <source>Receives notices (yes/no)</source>
      <translation>Riceve avvisi (sì/no)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Codice</translation>
    </message>
    <message>
      <source>new</source>
      <translation>nuovo</translation>
    </message>
    <message>
      <source>update</source>
      <translation>aggiorna</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>scartata</translation>
    </message>
    <message>
      <source>What to import</source>
      <translation>Cosa importare</translation>
    </message>
    <message>
      <source>An Excel (.xlsx) or CSV file whose first row holds the column names.</source>
      <translation>Un file Excel (.xlsx) o CSV con i nomi delle colonne nella prima riga.</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Sfoglia…</translation>
    </message>
    <message>
      <source>Import customers first, then contacts, products and units: contacts and units refer to customers by VAT number or code. Running the same file again updates what it imported.</source>
      <translation>Importa prima i clienti, poi referenti, prodotti e matricole: referenti e matricole indicano il cliente con partita IVA o codice. Reimportare lo stesso file aggiorna ciò che ha già importato.</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Importa</translation>
    </message>
    <message>
      <source>File</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Foglio</translation>
    </message>
    <message>
      <source>Choose the file to import</source>
      <translation>Scegli il file da importare</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
      <translation>Fogli di calcolo (*.xlsx *.csv);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>Colonne</translation>
    </message>
    <message>
      <source>Which column of the file goes into which field. Fields marked * are needed.</source>
      <translation>Quale colonna del file va in quale campo. I campi con * sono obbligatori.</translation>
    </message>
    <message>
      <source>(not imported)</source>
      <translation>(non importato)</translation>
    </message>
    <message>
      <source>column {n}</source>
      <translation>colonna {n}</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Verifica</translation>
    </message>
    <message>
      <source>Every row has been checked; nothing is written yet. If any row is refused, nothing is imported: correct the file and try again.</source>
      <translation>Ogni riga è stata verificata; non è stato ancora scritto nulla. Se anche una sola riga viene scartata non si importa niente: correggi il file e riprova.</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Riga</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Esito</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Chiave</translation>
    </message>
    <message>
      <source>Why refused</source>
      <translation>Motivo dello scarto</translation>
    </message>
    <message>
      <source>Copy refused rows</source>
      <translation>Copia le righe scartate</translation>
    </message>
    <message>
      <source>{total} rows: {new} new, {upd} to update, {bad} refused.</source>
      <translation>{total} righe: {new} nuove, {upd} da aggiornare, {bad} scartate.</translation>
    </message>
    <message>
      <source>{n} rows take a value from a cell merged over several rows: see Notes.</source>
      <translation>{n} righe prendono il valore da una cella unita su più righe: vedi Note.</translation>
    </message>
    <message>
      <source>Import from a spreadsheet</source>
      <translation>Importa da foglio di calcolo</translation>
    </message>
    <message>
      <source>Imported: {new} new, {upd} updated.</source>
      <translation>Importati: {new} nuovi, {upd} aggiornati.</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Matricole</translation>
    </message>
    <message>
      <source>&amp;Registry</source>
      <translation>&amp;Anagrafiche</translation>
    </message>
    <message>
      <source>Customers &amp;&amp; suppliers</source>
      <translation>Clienti &amp;&amp; fornitori</translation>
    </message>
    <message>
      <source>Import from spreadsheet…</source>
      <translation>Importa da foglio di calcolo…</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nome</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>Partita IVA</translation>
    </message>
    <message>
      <source>Fiscal code</source>
      <translation>Codice fiscale</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Indirizzo</translation>
    </message>
    <message>
      <source>Postal code</source>
      <translation>CAP</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Città</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>Provincia</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Nazione</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>PEC</source>
      <translation>PEC</translation>
    </message>
    <message>
      <source>SDI code</source>
      <translation>Codice SDI</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Tipo</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Ruolo</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>Cellulare</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>sì</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>Avvisi</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>Prodotto</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Ubicazione</translation>
    </message>
    <message>
      <source>Installed</source>
      <translation>Installata</translation>
    </message>
    <message>
      <source>Warranty end</source>
      <translation>Fine garanzia</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Referente</translation>
    </message>
    <message>
      <source>e.g. IT manager, administration</source>
      <translation>es. responsabile IT, amministrazione</translation>
    </message>
    <message>
      <source>Receives maintenance notices</source>
      <translation>Riceve gli avvisi di manutenzione</translation>
    </message>
    <message>
      <source>automatic</source>
      <translation>automatico</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>Fornitore</translation>
    </message>
    <message>
      <source>Postal code, city</source>
      <translation>CAP, città</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Dati</translation>
    </message>
    <message>
      <source>Add contact…</source>
      <translation>Aggiungi referente…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Modifica…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Rimuovi</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Referenti</translation>
    </message>
    <message>
      <source>New customer</source>
      <translation>Nuovo cliente</translation>
    </message>
    <message>
      <source>Remove contact</source>
      <translation>Rimuovi referente</translation>
    </message>
    <message>
      <source>Remove {name} from the contacts? Requests that name the contact keep it.</source>
      <translation>Rimuovere {name} dai referenti? Le richieste che lo citano lo conservano.</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tutti</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>Clienti</translation>
    </message>
    <message>
      <source>Suppliers</source>
      <translation>Fornitori</translation>
    </message>
    <message>
      <source>Archived too</source>
      <translation>Anche archiviati</translation>
    </message>
    <message>
      <source>customer</source>
      <translation>cliente</translation>
    </message>
    <message>
      <source>supplier</source>
      <translation>fornitore</translation>
    </message>
    <message>
      <source>customer, supplier</source>
      <translation>cliente, fornitore</translation>
    </message>
    <message>
      <source>Prov.</source>
      <translation>Prov.</translation>
    </message>
    <message>
      <source>Search name, code, VAT number, city…</source>
      <translation>Cerca nome, codice, partita IVA, città…</translation>
    </message>
    <message>
      <source>Installed on</source>
      <translation>Installata il</translation>
    </message>
    <message>
      <source>Warranty until</source>
      <translation>Garanzia fino al</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Famiglia</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>Produttore</translation>
    </message>
    <message>
      <source>Warranty (months)</source>
      <translation>Garanzia (mesi)</translation>
    </message>
    <message>
      <source>Move unit to another customer</source>
      <translation>Sposta la matricola a un altro cliente</translation>
    </message>
    <message>
      <source>Requests, contracts and plans keep their history; from the date below the unit belongs to the new customer.</source>
      <translation>Richieste, contratti e piani conservano lo storico; dalla data indicata la matricola appartiene al nuovo cliente.</translation>
    </message>
    <message>
      <source>type a name, VAT number or city</source>
      <translation>scrivi nome, partita IVA o città</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Dal</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>gg/mm/aaaa</translation>
    </message>
    <message>
      <source>from the product's warranty</source>
      <translation>dalla garanzia del prodotto</translation>
    </message>
    <message>
      <source>building, floor, room</source>
      <translation>edificio, piano, locale</translation>
    </message>
    <message>
      <source>Move to another customer…</source>
      <translation>Sposta a un altro cliente…</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Aperta</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>this unit</source>
      <translation>questa matricola</translation>
    </message>
    <message>
      <source>the product</source>
      <translation>il prodotto</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Ends</source>
      <translation>Scade</translation>
    </message>
    <message>
      <source>Covers</source>
      <translation>Copre</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>Fino al</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Piano</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>Ogni</translation>
    </message>
    <message>
      <source>Next due</source>
      <translation>Prossima scadenza</translation>
    </message>
    <message>
      <source>Request history</source>
      <translation>Storico richieste</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contratti</translation>
    </message>
    <message>
      <source>Owners</source>
      <translation>Proprietari</translation>
    </message>
    <message>
      <source>Maintenance plans</source>
      <translation>Piani di manutenzione</translation>
    </message>
    <message>
      <source>New unit</source>
      <translation>Nuova matricola</translation>
    </message>
    <message>
      <source>Search serial number, product, customer…</source>
      <translation>Cerca matricola, prodotto, cliente…</translation>
    </message>
    <message>
      <source>months</source>
      <translation>mesi</translation>
    </message>
    <message>
      <source>Warranty</source>
      <translation>Garanzia</translation>
    </message>
    <message>
      <source>Show units</source>
      <translation>Mostra matricole</translation>
    </message>
    <message>
      <source>New product</source>
      <translation>Nuovo prodotto</translation>
    </message>
    <message>
      <source>Search code, name, family, manufacturer…</source>
      <translation>Cerca codice, nome, famiglia, produttore…</translation>
    </message>
  </context>
  <context>
    <name>RenewalReportDialog</name>
    <message>
      <source>Contract renewals</source>
      <translation>Rinnovi dei contratti</translation>
    </message>
    <message>
      <source>renewed</source>
      <translation>rinnovato</translation>
    </message>
    <message>
      <source>proposal created</source>
      <translation>proposta creata</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>scaduto</translation>
    </message>
    <message>
      <source>not processed</source>
      <translation>non elaborato</translation>
    </message>
    <message>
      <source>waiting</source>
      <translation>in attesa</translation>
    </message>
    <message>
      <source>notice given in time</source>
      <translation>disdetta data in tempo</translation>
    </message>
    <message>
      <source>maximum renewals reached</source>
      <translation>raggiunto il numero massimo di rinnovi</translation>
    </message>
    <message>
      <source>not renewable</source>
      <translation>non rinnovabile</translation>
    </message>
    <message>
      <source>notice given late: effective at the next expiry</source>
      <translation>disdetta tardiva: vale dalla scadenza successiva</translation>
    </message>
    <message>
      <source>proposal accepted</source>
      <translation>proposta accettata</translation>
    </message>
    <message>
      <source>proposal rejected</source>
      <translation>proposta rifiutata</translation>
    </message>
    <message>
      <source>proposal unanswered at the end of the term</source>
      <translation>proposta senza risposta alla fine del periodo</translation>
    </message>
    <message>
      <source>no proposal was made before the end of the term</source>
      <translation>nessuna proposta fatta prima della fine del periodo</translation>
    </message>
    <message>
      <source>Run of %1: %2 renewed, %3 proposals created, %4 expired.</source>
      <translation>Esecuzione del %1: %2 rinnovati, %3 proposte create, %4 scaduti.</translation>
    </message>
    <message>
      <source>%1 not processed.</source>
      <translation>%1 non elaborati.</translation>
    </message>
    <message>
      <source>%1 waiting for an ISTAT figure.</source>
      <translation>%1 in attesa di un indice ISTAT.</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Party</source>
      <translation>Nominativo</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Esito</translation>
    </message>
    <message>
      <source>Term ended</source>
      <translation>Periodo terminato il</translation>
    </message>
    <message>
      <source>New term ends</source>
      <translation>Nuovo periodo fino al</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Importo</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Motivo</translation>
    </message>
    <message>
      <source>the contract's data needs fixing (%1)</source>
      <translation>i dati del contratto vanno corretti (%1)</translation>
    </message>
    <message>
      <source>ISTAT FOI figure of %1 missing: add it, or renew without it</source>
      <translation>manca l'indice ISTAT FOI %1: inseriscilo, o rinnova senza</translation>
    </message>
    <message>
      <source>ISTAT FOI figure of %1 not yet published: the amount leaves it out</source>
      <translation>indice ISTAT FOI %1 non ancora pubblicato: l'importo non lo comprende</translation>
    </message>
    <message>
      <source>No contract had a term to renew.</source>
      <translation>Nessun contratto aveva un periodo da rinnovare.</translation>
    </message>
  </context>
  <context>
    <name>RequestEditor</name>
    <message>
      <source>Reload</source>
      <translation>Ricarica</translation>
    </message>
    <message>
      <source>Discard unsaved changes and read the request again</source>
      <translation>Scarta le modifiche non salvate e rileggi la richiesta</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Salva</translation>
    </message>
    <message>
      <source>Save the request (Ctrl+S)</source>
      <translation>Salva la richiesta (Ctrl+S)</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>Richiesta</translation>
    </message>
    <message>
      <source>The request could not be read: %1</source>
      <translation>Non è stato possibile leggere la richiesta: %1</translation>
    </message>
    <message>
      <source>Request %1 saved</source>
      <translation>Richiesta %1 salvata</translation>
    </message>
    <message>
      <source>Discard your unsaved changes and read the request again?</source>
      <translation>Scartare le modifiche non salvate e rileggere la richiesta?</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Modifiche non salvate</translation>
    </message>
    <message>
      <source>The request has unsaved changes. Save them before closing?</source>
      <translation>La richiesta ha modifiche non salvate. Salvarle prima di chiudere?</translation>
    </message>
    <message>
      <source>New request</source>
      <translation>Nuova richiesta</translation>
    </message>
  </context>
  <context>
    <name>RequestForm</name>
    <message>
      <source>A short title, e.g. “Boiler leaking”</source>
      <translation>Un titolo breve, es. «Caldaia che perde»</translation>
    </message>
    <message>
      <source>The problem as the customer describes it</source>
      <translation>Il problema come lo descrive il cliente</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Referente</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Job order</source>
      <translation>Commessa</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Matricole</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Canale</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo problema</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Team</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Descrizione</translation>
    </message>
    <message>
      <source>Final report</source>
      <translation>Rapporto finale</translation>
    </message>
    <message>
      <source>(not classified)</source>
      <translation>(non classificato)</translation>
    </message>
    <message>
      <source>(no team)</source>
      <translation>(nessun team)</translation>
    </message>
    <message>
      <source>(unassigned)</source>
      <translation>(non assegnata)</translation>
    </message>
    <message>
      <source>(no contact)</source>
      <translation>(nessun referente)</translation>
    </message>
    <message>
      <source>(no contract)</source>
      <translation>(nessun contratto)</translation>
    </message>
    <message>
      <source>(no job order)</source>
      <translation>(nessuna commessa)</translation>
    </message>
    <message>
      <source>%1 (no longer active)</source>
      <translation>%1 (non più attivo)</translation>
    </message>
    <message>
      <source>No active contract: the priority's service level applies.</source>
      <translation>Nessun contratto attivo: vale il livello di servizio della priorità.</translation>
    </message>
    <message>
      <source>%1 active contract(s)</source>
      <translation>Contratti attivi: %1</translation>
    </message>
    <message>
      <source>%1 to %2</source>
      <translation>dal %1 al %2</translation>
    </message>
    <message>
      <source>%1 tickets left</source>
      <translation>%1 ticket residui</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
  </context>
  <context>
    <name>RequestHeader</name>
    <message>
      <source>Loading…</source>
      <translation>Caricamento…</translation>
    </message>
    <message>
      <source>Response due</source>
      <translation>Presa in carico entro</translation>
    </message>
    <message>
      <source>Resolution due</source>
      <translation>Risoluzione entro</translation>
    </message>
    <message>
      <source>Resolved on %1</source>
      <translation>Risolta il %1</translation>
    </message>
    <message>
      <source>Closed on %1</source>
      <translation>Chiusa il %1</translation>
    </message>
    <message>
      <source>New request</source>
      <translation>Nuova richiesta</translation>
    </message>
    <message>
      <source>If opened now: response by %1, resolution by %2</source>
      <translation>Se aperta ora: presa in carico entro %1, risoluzione entro %2</translation>
    </message>
    <message>
      <source>This request no longer exists.</source>
      <translation>Questa richiesta non esiste più.</translation>
    </message>
  </context>
  <context>
    <name>RequestLabels</name>
    <message>
      <source>New</source>
      <translation>Nuova</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>Assegnata</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>In lavorazione</translation>
    </message>
    <message>
      <source>Waiting for customer</source>
      <translation>In attesa del cliente</translation>
    </message>
    <message>
      <source>Waiting for supplier</source>
      <translation>In attesa del fornitore</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>Risolta</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Chiusa</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annullata</translation>
    </message>
    <message>
      <source>Waiting: customer</source>
      <translation>Attesa cliente</translation>
    </message>
    <message>
      <source>Waiting: supplier</source>
      <translation>Attesa fornitore</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>bozza</translation>
    </message>
    <message>
      <source>active</source>
      <translation>attivo</translation>
    </message>
    <message>
      <source>suspended</source>
      <translation>sospeso</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>scaduto</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annullato</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>chiuso</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>Ripristina</translation>
    </message>
    <message>
      <source>Start work</source>
      <translation>Inizia lavorazione</translation>
    </message>
    <message>
      <source>Wait for customer</source>
      <translation>Attendi cliente</translation>
    </message>
    <message>
      <source>Wait for supplier</source>
      <translation>Attendi fornitore</translation>
    </message>
    <message>
      <source>Resolve…</source>
      <translation>Risolvi…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Chiudi</translation>
    </message>
    <message>
      <source>Cancel request</source>
      <translation>Annulla richiesta</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefono</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Web</source>
      <translation>Web</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>In sede</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>In ritardo</translation>
    </message>
    <message>
      <source>At risk</source>
      <translation>A rischio</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>Nei tempi</translation>
    </message>
    <message>
      <source>Clock paused</source>
      <translation>SLA in pausa</translation>
    </message>
    <message>
      <source>%1 d</source>
      <translation>%1 g</translation>
    </message>
    <message>
      <source>%1 h</source>
      <translation>%1 h</translation>
    </message>
    <message>
      <source>%1 min</source>
      <translation>%1 min</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>in ritardo</translation>
    </message>
    <message>
      <source>overdue by %1 of working time</source>
      <translation>in ritardo di %1 lavorative</translation>
    </message>
    <message>
      <source>%1 of working time left</source>
      <translation>restano %1 lavorative</translation>
    </message>
  </context>
  <context>
    <name>RequestQueueDock</name>
    <message>
      <source>Open requests: show the whole open queue</source>
      <extracomment>The first answer is painted (rows or "no requests"): the window's first screen is up.</extracomment>
      <translation>Richieste aperte: mostra tutta la coda aperta</translation>
    </message>
    <message>
      <source>Open requests past their SLA deadline: show only these</source>
      <translation>Richieste aperte oltre la scadenza SLA: mostra solo queste</translation>
    </message>
    <message>
      <source>Less than 25% of the SLA window or two working hours left: show only these</source>
      <translation>Resta meno del 25% del tempo SLA o meno di due ore lavorative: mostra solo queste</translation>
    </message>
    <message>
      <source>Open requests without an owner: show only these</source>
      <translation>Richieste aperte senza responsabile: mostra solo queste</translation>
    </message>
    <message>
      <source>Search number, customer, VAT number, serial, description…</source>
      <translation>Cerca numero, cliente, P.IVA, matricola, descrizione…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Aperte</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Chiuse</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Tutte</translation>
    </message>
    <message>
      <source>Most urgent first</source>
      <translation>Prima le più urgenti</translation>
    </message>
    <message>
      <source>Sort by urgency: overdue, then at risk, then by SLA deadline</source>
      <translation>Ordina per urgenza: in ritardo, poi a rischio, poi per scadenza SLA</translation>
    </message>
    <message>
      <source>New request</source>
      <translation>Nuova richiesta</translation>
    </message>
    <message>
      <source>Any priority</source>
      <translation>Ogni priorità</translation>
    </message>
    <message>
      <source>Any team</source>
      <translation>Ogni squadra</translation>
    </message>
    <message>
      <source>Anyone</source>
      <translation>Chiunque</translation>
    </message>
    <message>
      <source>Mine</source>
      <translation>Mie</translation>
    </message>
    <message>
      <source>Unassigned</source>
      <translation>Non assegnate</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>In ritardo</translation>
    </message>
    <message>
      <source>At risk</source>
      <translation>A rischio</translation>
    </message>
    <message>
      <source>%1 requests</source>
      <translation>%1 richieste</translation>
    </message>
    <message>
      <source>1 request</source>
      <translation>1 richiesta</translation>
    </message>
    <message>
      <source>Serial number %1: %2 at %3 — &lt;a href='#'&gt;show the unit&lt;/a&gt;</source>
      <translation>Matricola %1: %2 presso %3 — &lt;a href='#'&gt;mostra la matricola&lt;/a&gt;</translation>
    </message>
    <message>
      <source>1 closed request matches — &lt;a href='#'&gt;show&lt;/a&gt;</source>
      <translation>1 richiesta chiusa corrisponde — &lt;a href='#'&gt;mostra&lt;/a&gt;</translation>
    </message>
    <message>
      <source>%1 closed requests match — &lt;a href='#'&gt;show&lt;/a&gt;</source>
      <translation>%1 richieste chiuse corrispondono — &lt;a href='#'&gt;mostra&lt;/a&gt;</translation>
    </message>
    <message>
      <source>Service requests</source>
      <translation>Richieste di assistenza</translation>
    </message>
  </context>
  <context>
    <name>RequestQueueModel</name>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Request number; the mark shows overdue, at-risk or paused SLA</source>
      <translation>Numero della richiesta; il simbolo indica SLA in ritardo, a rischio o in pausa</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Aperta il</translation>
    </message>
    <message>
      <source>When the request was opened</source>
      <translation>Quando è stata aperta la richiesta</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Cliente</translation>
    </message>
    <message>
      <source>Prov.</source>
      <translation>Prov.</translation>
    </message>
    <message>
      <source>Province of the customer</source>
      <translation>Provincia del cliente</translation>
    </message>
    <message>
      <source>Product / serial</source>
      <translation>Prodotto / matricola</translation>
    </message>
    <message>
      <source>The first unit involved (product and serial number)</source>
      <translation>La prima matricola coinvolta (prodotto e numero di serie)</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problema</translation>
    </message>
    <message>
      <source>Problem type</source>
      <translation>Tipo problema</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priorità</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>Squadra</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Operator in charge</source>
      <translation>Operatore responsabile</translation>
    </message>
    <message>
      <source>SLA due</source>
      <translation>Scad. SLA</translation>
    </message>
    <message>
      <source>The running SLA deadline (response, then resolution), in working time</source>
      <translation>La scadenza SLA in corso (presa in carico, poi risoluzione), in orario lavorativo</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>Età</translation>
    </message>
    <message>
      <source>Time since the request was opened</source>
      <translation>Tempo trascorso dall'apertura</translation>
    </message>
    <message>
      <source>Priority: %1</source>
      <translation>Priorità: %1</translation>
    </message>
    <message>
      <source>%1 units</source>
      <translation>%1 matricole</translation>
    </message>
  </context>
  <context>
    <name>RequestsFeature</name>
    <message>
      <source>&amp;Requests</source>
      <translation>&amp;Richieste</translation>
    </message>
    <message>
      <source>&amp;New request</source>
      <translation>&amp;Nuova richiesta</translation>
    </message>
    <message>
      <source>Find &amp;serial number…</source>
      <translation>Cerca &amp;matricola…</translation>
    </message>
    <message>
      <source>Show the &amp;queue</source>
      <translation>Mostra la &amp;coda</translation>
    </message>
  </context>
  <context>
    <name>Roles</name>
    <message>
      <source>Technician</source>
      <translation>Tecnico</translation>
    </message>
    <message>
      <source>Coordinator</source>
      <translation>Coordinatore</translation>
    </message>
    <message>
      <source>Manager</source>
      <translation>Responsabile</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Amministratore</translation>
    </message>
  </context>
  <context>
    <name>SerialLookupDialog</name>
    <message>
      <source>Find serial number</source>
      <translation>Cerca matricola</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Type the serial number (or its beginning)…</source>
      <translation>Digita la matricola (o il suo inizio)…</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Matricola</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Contratto</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titolo</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Stato</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>Valido fino al</translation>
    </message>
    <message>
      <source>Covers</source>
      <translation>Copre</translation>
    </message>
    <message>
      <source>Contracts</source>
      <translation>Contratti</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numero</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Aperta il</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>Oggetto</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>Richieste</translation>
    </message>
    <message>
      <source>%1 unit(s) found</source>
      <translation>Matricole trovate: %1</translation>
    </message>
    <message>
      <source>No unit with this serial number.</source>
      <translation>Nessuna matricola con questo numero di serie.</translation>
    </message>
    <message>
      <source>Customer: %1</source>
      <translation>Cliente: %1</translation>
    </message>
    <message>
      <source>Installed at: %1</source>
      <translation>Installata presso: %1</translation>
    </message>
    <message>
      <source>Installed on %1</source>
      <translation>Installata il %1</translation>
    </message>
    <message>
      <source>Warranty until %1</source>
      <translation>Garanzia fino al %1</translation>
    </message>
    <message>
      <source>Archived unit</source>
      <translation>Matricola archiviata</translation>
    </message>
    <message>
      <source>this unit</source>
      <translation>questa matricola</translation>
    </message>
    <message>
      <source>the product</source>
      <translation>il prodotto</translation>
    </message>
    <message>
      <source>Requests (%1)</source>
      <translation>Richieste (%1)</translation>
    </message>
  </context>
  <context>
    <name>ServerDialog</name>
    <message>
      <source>Connect to a PostgreSQL server</source>
      <translation>Connettiti a un server PostgreSQL</translation>
    </message>
    <message>
      <source>IT gives you these: the server's name or address, the database and your user. A postgresql:// address can be pasted as the server.</source>
      <translation>Questi dati te li dà l'IT: il nome o l'indirizzo del server, il database e il tuo utente. Come server puoi anche incollare un indirizzo postgresql://.</translation>
    </message>
    <message>
      <source>e.g. dbserver.office.lan</source>
      <translation>es. dbserver.ufficio.lan</translation>
    </message>
    <message>
      <source>empty: from the keyring or .pgpass</source>
      <translation>vuota: dal portachiavi o da .pgpass</translation>
    </message>
    <message>
      <source>Keep the password in this computer's keyring</source>
      <translation>Conserva la password nel portachiavi del computer</translation>
    </message>
    <message>
      <source>When the server offers it</source>
      <translation>Quando il server la offre</translation>
    </message>
    <message>
      <source>Always</source>
      <translation>Sempre</translation>
    </message>
    <message>
      <source>Always, server certificate checked</source>
      <translation>Sempre, con verifica del certificato del server</translation>
    </message>
    <message>
      <source>Server</source>
      <translation>Server</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>Porta</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>Database</translation>
    </message>
    <message>
      <source>User</source>
      <translation>Utente</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Encrypted connection</source>
      <translation>Connessione cifrata</translation>
    </message>
    <message>
      <source>Connect</source>
      <translation>Connetti</translation>
    </message>
    <message>
      <source>server</source>
      <translation>server</translation>
    </message>
    <message>
      <source>database</source>
      <translation>database</translation>
    </message>
    <message>
      <source>user</source>
      <translation>utente</translation>
    </message>
    <message>
      <source>Fill in: %1.</source>
      <translation>Compila: %1.</translation>
    </message>
  </context>
  <context>
    <name>ServerTools</name>
    <message>
      <source>Database busy: waiting for another workstation…</source>
      <translation>Database occupato: attendo un'altra postazione…</translation>
    </message>
    <message>
      <source>Back up the database</source>
      <translation>Backup del database</translation>
    </message>
    <message>
      <source>PostgreSQL dump (*.dump)</source>
      <translation>Dump PostgreSQL (*.dump)</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>Backup del database in corso…</translation>
    </message>
    <message>
      <source>Backup saved: %1</source>
      <translation>Backup salvato: %1</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>&amp;Back up the database…</source>
      <translation>&amp;Backup del database…</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <source>Signed in as %1</source>
      <translation>Accesso eseguito come %1</translation>
    </message>
    <message>
      <source>Sign &amp;out / switch operator…</source>
      <translation>&amp;Esci / cambia operatore…</translation>
    </message>
    <message>
      <source>Change my &amp;password…</source>
      <translation>Cambia la mia &amp;password…</translation>
    </message>
    <message>
      <source>&amp;Operators and teams…</source>
      <translation>&amp;Operatori e team…</translation>
    </message>
    <message>
      <source>Password changed</source>
      <translation>Password cambiata</translation>
    </message>
    <message>
      <source>Your password was changed. Remembered sign-ins were revoked: the next start asks for the new password.</source>
      <translation>La password è stata cambiata. Gli accessi ricordati sono stati revocati: al prossimo avvio verrà chiesta la nuova password.</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Sign in to ServiceDesk</source>
      <translation>Accesso a ServiceDesk</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Accedi</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>Database: %1</translation>
    </message>
    <message>
      <source>user name</source>
      <translation>nome utente</translation>
    </message>
    <message>
      <source>Remember me on this computer</source>
      <translation>Ricordami su questo computer</translation>
    </message>
    <message>
      <source>Only on a personal computer: the next start signs you in without the password, until you sign out.</source>
      <translation>Solo su un computer personale: al prossimo avvio entri senza password, finché non esci.</translation>
    </message>
    <message>
      <source>User:</source>
      <translation>Utente:</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>Password:</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Esci</translation>
    </message>
    <message>
      <source>Too many wrong passwords: this user is locked until %1. An administrator can unlock it by setting a new password.</source>
      <translation>Troppe password errate: l'utente è bloccato fino alle %1. Un amministratore può sbloccarlo impostando una nuova password.</translation>
    </message>
  </context>
  <context>
    <name>SignatureDialog</name>
    <message>
      <source>Customer signature</source>
      <translation>Firma del cliente</translation>
    </message>
    <message>
      <source>%1 · %2 · request %3</source>
      <translation>%1 · %2 · richiesta %3</translation>
    </message>
    <message>
      <source>Name and surname of who signs</source>
      <translation>Nome e cognome di chi firma</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Cancella</translation>
    </message>
    <message>
      <source>By signing, the customer confirms the work described in the intervention report.</source>
      <translation>Firmando, il cliente conferma il lavoro descritto nel rapporto d'intervento.</translation>
    </message>
    <message>
      <source>Save signature</source>
      <translation>Salva la firma</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Firmato da</translation>
    </message>
    <message>
      <source>Signature not saved</source>
      <translation>Firma non salvata</translation>
    </message>
  </context>
  <context>
    <name>SignaturePad</name>
    <message>
      <source>Sign here with a finger, a pen or the mouse</source>
      <translation>Firma qui con il dito, la penna o il mouse</translation>
    </message>
  </context>
  <context>
    <name>StatusButtons</name>
    <message>
      <source>Reopen</source>
      <translation>Riapri</translation>
    </message>
    <message>
      <source>Change the status to “%1”</source>
      <translation>Porta lo stato a «%1»</translation>
    </message>
  </context>
  <context>
    <name>StatusWorkflow</name>
    <message>
      <source>Final report</source>
      <translation>Rapporto finale</translation>
    </message>
    <message>
      <source>What was found and done (the final report):</source>
      <translation>Cosa è stato riscontrato e fatto (rapporto finale):</translation>
    </message>
    <message>
      <source>Cancel request</source>
      <translation>Annulla richiesta</translation>
    </message>
    <message>
      <source>Why is the request cancelled? (optional)</source>
      <translation>Perché la richiesta viene annullata? (facoltativo)</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>Close it anyway? The debit beyond the available tickets is recorded as an override.</source>
      <translation>Chiuderla comunque? L'addebito oltre i ticket disponibili viene registrato come forzatura.</translation>
    </message>
    <message>
      <source>No tickets left</source>
      <translation>Ticket esauriti</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>Forzatura</translation>
    </message>
    <message>
      <source>Reason for the override:</source>
      <translation>Motivo della forzatura:</translation>
    </message>
  </context>
  <context>
    <name>TextCounter</name>
    <message>
      <source>{n} characters too many: at most {max} can be saved.</source>
      <translation>{n} caratteri di troppo: se ne possono salvare al massimo {max}.</translation>
    </message>
    <message>
      <source>At most {max} characters.</source>
      <translation>Al massimo {max} caratteri.</translation>
    </message>
  </context>
  <context>
    <name>TimelinePanel</name>
    <message>
      <source>Write a note for the office or an answer given to the customer…</source>
      <translation>Scrivi una nota per l'ufficio o una risposta data al cliente…</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Aggiungi nota</translation>
    </message>
    <message>
      <source>Record answer to customer</source>
      <translation>Registra risposta al cliente</translation>
    </message>
    <message>
      <source>The history starts when the request is saved.</source>
      <translation>Lo storico inizia quando la richiesta viene salvata.</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Caricamento…</translation>
    </message>
    <message>
      <source>system</source>
      <translation>sistema</translation>
    </message>
    <message>
      <source>Visit of maintenance plan no. %1</source>
      <translation>Visita del piano di manutenzione n. %1</translation>
    </message>
    <message>
      <source>open</source>
      <translation>apri</translation>
    </message>
    <message>
      <source>Request opened</source>
      <translation>Richiesta aperta</translation>
    </message>
    <message>
      <source>Status: %1 → %2</source>
      <translation>Stato: %1 → %2</translation>
    </message>
    <message>
      <source>Answer to the customer</source>
      <translation>Risposta al cliente</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Nota</translation>
    </message>
    <message>
      <source>Closed without tickets left (override)</source>
      <translation>Chiusa senza ticket residui (forzatura)</translation>
    </message>
    <message>
      <source>Knowledge base article applied</source>
      <translation>Articolo della Knowledge Base applicato</translation>
    </message>
    <message>
      <source>Intervention</source>
      <translation>Intervento</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Evento</translation>
    </message>
    <message>
      <source>Intervention scheduled</source>
      <translation>Intervento pianificato</translation>
    </message>
    <message>
      <source>Intervention rescheduled</source>
      <translation>Intervento ripianificato</translation>
    </message>
    <message>
      <source>Intervention completed</source>
      <translation>Intervento completato</translation>
    </message>
    <message>
      <source>Intervention cancelled</source>
      <translation>Intervento annullato</translation>
    </message>
    <message>
      <source>planned</source>
      <translation>pianificato</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>in corso</translation>
    </message>
    <message>
      <source>done</source>
      <translation>eseguito</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>annullato</translation>
    </message>
  </context>
  <context>
    <name>WelcomeDialog</name>
    <message>
      <source>Welcome to ServiceDesk</source>
      <translation>Benvenuto in ServiceDesk</translation>
    </message>
    <message>
      <source>Which database will this workstation use? You choose once; ServiceDesk opens it at every start.</source>
      <translation>Quale database userà questa postazione? Lo scegli una volta sola: ServiceDesk lo apre a ogni avvio.</translation>
    </message>
    <message>
      <source>New office database</source>
      <translation>Nuovo database dell'ufficio</translation>
    </message>
    <message>
      <source>Start from empty. Put the file on the office's network drive if other workstations will use it too.</source>
      <translation>Si parte da zero. Se lo useranno anche altre postazioni, salva il file sul disco di rete dell'ufficio.</translation>
    </message>
    <message>
      <source>Open a shared database</source>
      <translation>Apri un database condiviso</translation>
    </message>
    <message>
      <source>The office already works with ServiceDesk: open its database file, usually on the network drive.</source>
      <translation>L'ufficio usa già ServiceDesk: apri il suo file di database, di solito sul disco di rete.</translation>
    </message>
    <message>
      <source>Connect to a PostgreSQL server</source>
      <translation>Connettiti a un server PostgreSQL</translation>
    </message>
    <message>
      <source>A bigger office keeps its database on a server: IT tells you its address, the database and your user.</source>
      <translation>Un ufficio più grande tiene il database su un server: l'IT ti comunica l'indirizzo, il database e il tuo utente.</translation>
    </message>
    <message>
      <source>Try the demo</source>
      <translation>Prova la demo</translation>
    </message>
    <message>
      <source>An example office full of requests, contracts and interventions. Nothing done there touches real work.</source>
      <translation>Un ufficio di esempio pieno di richieste, contratti e interventi. Quello che fai lì non tocca il lavoro vero.</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>Esci</translation>
    </message>
    <message>
      <source>ServiceDesk database (*.db *.sqlite);;All files (*)</source>
      <translation>Database ServiceDesk (*.db *.sqlite);;Tutti i file (*)</translation>
    </message>
    <message>
      <source>“%1” already exists. To work on it, choose “Open a shared database”; for a new one, choose another name.</source>
      <translation>“%1” esiste già. Per lavorarci scegli “Apri un database condiviso”; per un database nuovo scegli un altro nome.</translation>
    </message>
  </context>
</TS>