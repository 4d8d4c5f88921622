<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="it_IT" sourcelanguage="en">
  <context>
    <name>App</name>
    <message>
      <source>Cannot open the database</source>
      <translation>Impossibile aprire il database</translation>
    </message>
  </context>
  <context>
    <name>Board</name>
    <message>
      <source>Absences</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save absence</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From – to</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete this absence?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule intervention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit intervention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What the technician must know or bring: access, parts, contact on site…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inherited from the request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(all teams)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Activity type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Instructions</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why the conflict is accepted (recorded)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next free slots for this duration:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(team, assign later)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{h} h {m:02d} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose an operator or a team to see free slots.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No free slot of this length in the next 14 days.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Agenda of {day}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Complete intervention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What was found and what was done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also log this time in the work log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Actual start</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Actual end</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Complete</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work log</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This time overlaps other work-log entries of the operator. Log it anyway?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The intervention was completed, but the work log was not written:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Working hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Use the office default (Monday–Friday)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Works</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Morning</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Afternoon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>2nd period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work log entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit work log entry</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Billable</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(none)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time worked</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Travel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Intervention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overlapping entries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This entry overlaps other entries of the same operator on that day:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save it anyway?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Move intervention #{id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot undo: the intervention was changed on another workstation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>undo/redo on the board</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Week</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Previous</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jump to date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All teams</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Undo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Redo</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed on another workstation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The board is reloaded with the current data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team board</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Address</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>until {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contract</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tickets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{remaining} remaining of {available} ({used} used)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none (billable intervention)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Intervention sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export schedule (.ics)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Calendar files (*.ics)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cannot write the file: {error}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule exported to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save intervention sheet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Intervention sheet saved to {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Double booking: overlaps intervention #{id}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The operator is absent ({kind}):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Outside the operator's working hours</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Scheduling conflict</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The chosen time has conflicts:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule anyway? The override is recorded on the intervention.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule anyway</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Edit…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Complete…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel intervention</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Print sheet…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Print…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Compose final report…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the request first to schedule interventions.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason (optional):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Final report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drafted from the reports of the completed interventions; edit before saving.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>yes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Logged: {total} h · billable {billable} h · not billable {other} h · travel {travel} h, {km} km</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Delete this work-log entry?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unassigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tuesday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wednesday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Thursday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Friday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saturday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sunday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Holiday</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sick leave</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Training</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Absent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ContractListModel</name>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Party</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Term ends</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notice by</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tickets left</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Contracts</name>
    <message>
      <source>draft</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>active</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>suspended</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>expired</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The notice deadline is near</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The current term ends soon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A renewal proposal awaits a decision</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>CustomerPicker</name>
    <message>
      <source>Type name, VAT number or city…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No customer chosen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>VAT %1</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>InstalmentDialog</name>
    <message>
      <source>Instalment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Due date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount (€)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
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
      <source>Article changed elsewhere</source>
      <translation>Articolo modificato altrove</translation>
    </message>
    <message>
      <source>Reload (discard my changes)</source>
      <translation>Ricarica (scarta le mie modifiche)</translation>
    </message>
    <message>
      <source>Keep editing</source>
      <translation>Continua a modificare</translation>
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
    <message>
      <source>Knowledge base search index rebuilt.</source>
      <translation>Indice di ricerca della Knowledge Base ricostruito.</translation>
    </message>
  </context>
  <context>
    <name>KbSearchPanel</name>
    <message>
      <source>Describe the problem: e.g. boiler E01 no flame</source>
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
    <name>MainWindow</name>
    <message>
      <source>ServiceDesk</source>
      <translation>ServiceDesk</translation>
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
      <source>Panels</source>
      <translation>Pannelli</translation>
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation>&amp;Ripristina disposizione</translation>
    </message>
    <message>
      <source>shared file</source>
      <translation>file condiviso</translation>
    </message>
    <message>
      <source>local file</source>
      <translation>file locale</translation>
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
    <name>Messages</name>
    <message>
      <source>The end is before the start.</source>
      <translation>La fine è precedente all'inizio.</translation>
    </message>
    <message>
      <source>The record no longer exists.</source>
      <translation>Il record non esiste più.</translation>
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
      <source>“{path}” is a folder, not a database file.</source>
      <translation>“{path}” è una cartella, non un file di database.</translation>
    </message>
    <message>
      <source>The database “{path}” does not exist.</source>
      <translation>Il database “{path}” non esiste.</translation>
    </message>
    <message>
      <source>The folder for “{path}” does not exist.</source>
      <translation>La cartella di “{path}” non esiste.</translation>
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
      <source>The database is busy: another workstation is writing. Try again in a moment.</source>
      <translation>Il database è occupato: un'altra postazione sta scrivendo. Riprova tra poco.</translation>
    </message>
    <message>
      <source>Your role does not allow this action.</source>
      <translation>Il tuo ruolo non consente questa operazione.</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>Campo obbligatorio.</translation>
    </message>
    <message>
      <source>Too long: at most {max} characters.</source>
      <translation>Troppo lungo: al massimo {max} caratteri.</translation>
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
      <source>Overdue (resolution SLA passed)</source>
      <translation>In ritardo (SLA di risoluzione superato)</translation>
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
      <source>Active contracts ending within 60 days</source>
      <translation>Contratti attivi in scadenza entro 60 giorni</translation>
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
  </context>
  <context>
    <name>PaidDialog</name>
    <message>
      <source>Instalment paid</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid on</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequestEditor</name>
    <message>
      <source>Reload</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard unsaved changes and read the request again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Save the request (Ctrl+S)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>History</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This panel could not be opened: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A short title, e.g. “Boiler leaking”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The problem as the customer describes it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contact</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contract</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job order</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Channel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Owner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Subject</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Description</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Final report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Write a note for the office or an answer given to the customer…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Add note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Record answer to customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(not classified)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no team)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(unassigned)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This request no longer exists.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no contact)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no contract)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no job order)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 (no longer active)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No active contract: the priority's service level applies.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 active contract(s)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 to %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 tickets left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reopen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Change the status to “%1”</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Response due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resolution due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resolved on %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed on %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>If opened now: response by %1, resolution by %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request %1 saved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Saved by someone else</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reload (my changes are lost)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keep my changes on screen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Discard your unsaved changes and read the request again?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The request has unsaved changes. Save them before closing?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>What was found and done (the final report):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Why is the request cancelled? (optional)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1: %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close it anyway? The debit beyond the available tickets is recorded as an override.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No tickets left</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Override</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reason for the override:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The history starts when the request is saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>system</source>
      <translation>sistema</translation>
    </message>
    <message>
      <source>Status: %1 → %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request opened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Answer to the customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed without tickets left (override)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Intervention: %1 (%2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>in progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>done</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequestLabels</name>
    <message>
      <source>New</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Assigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In progress</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waiting for supplier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resolved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Restore</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start work</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wait for customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wait for supplier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Resolve…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Close</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancel request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-mail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Web</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>On site</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>On time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Clock paused</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 d</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 h</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>overdue by %1 working time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 of working time left</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequestQueueDock</name>
    <message>
      <source>Open requests: show the whole open queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open requests past their SLA deadline: show only these</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Less than 25% of the SLA window or two working hours left: show only these</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open requests without an owner: show only these</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Search number, customer, VAT number, serial, description…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Closed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Most urgent first</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sort by urgency: overdue, then at risk, then by SLA deadline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Any team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anyone</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unassigned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>At risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 request</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Serial number %1: %2 at %3 — &lt;a href='#'&gt;show the unit&lt;/a&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service requests</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>RequestQueueModel</name>
    <message>
      <source>%1 units</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Request number; the mark shows overdue, at-risk or paused SLA</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Opened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>When the request was opened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Prov.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Province of the customer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Product / serial</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The first unit involved (product and serial number)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Problem type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Priority</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Team</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Owner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Operator in charge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SLA due</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The running SLA deadline (response, then resolution), in working time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Age</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time since the request was opened</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SerialLookupDialog</name>
    <message>
      <source>Find serial number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Serial number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type the serial number (or its beginning)…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contract</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Title</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Valid until</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Covers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Contracts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Number</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Opened</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Subject</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requests</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>%1 unit(s) found</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No unit with this serial number.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Customer: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installed at: %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installed on %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Warranty until %1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archived unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>this unit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the product</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Requests (%1)</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>