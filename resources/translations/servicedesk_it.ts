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
      <source>The record no longer exists.</source>
      <translation>Il record non esiste più.</translation>
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
      <source>The end is before the start.</source>
      <translation>La fine è precedente all'inizio.</translation>
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
</TS>