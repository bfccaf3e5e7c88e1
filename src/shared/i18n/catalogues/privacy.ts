// The person's rights in the case (issue 12): information and consent texts, access export,
// erasure, history, retention deadlines and the store_data banner.
import { germanCatalogue } from '../catalogue';

export const privacy = germanCatalogue({
  section: {
    title: 'Datenschutz',
    texts: 'Informationen und Einwilligungen in der Sprache der Person',
    export: 'Auskunft (Art. 15 DSGVO)',
    history: 'Verlauf: wer hat was geändert',
    erase: 'Person löschen (Art. 17 DSGVO)',
  },
  banner: {
    title: 'Einwilligung zur Speicherung fehlt',
    body: 'Ihr Team speichert Falldaten nur mit Einwilligung. Bitte die Person informieren und die Einwilligung „Daten speichern“ erfassen.',
    texts: 'Texte zeigen',
  },
  export: {
    title: 'Auskunft',
    heading: 'Auskunft nach Art. 15 DSGVO',
    intro:
      'Alles, was zu dieser Person gespeichert ist. Drucken Sie die Seite für die Person aus (oder speichern Sie sie als PDF) oder laden Sie die Daten als JSON-Datei herunter.',
    print: 'Drucken oder als PDF speichern',
    download: 'JSON-Datei herunterladen',
    downloadZip: 'Mit Dokumenten als ZIP herunterladen',
    zipLoading: 'Dokumente werden geladen und verpackt …',
    zipMissing: 'Nicht im ZIP, weil ohne Verbindung nicht ladbar: {titles}',
    zipFailed: 'Das ZIP konnte nicht erstellt werden. Bitte erneut versuchen.',
    loading: 'Auskunft wird vom Server geladen …',
    offline:
      'Keine Verbindung: gezeigt wird der Stand dieses Geräts. Der Änderungsverlauf fehlt oder ist der zuletzt geladene. Für die vollständige Auskunft bitte mit Verbindung öffnen.',
    notFound: 'Diesen Fall gibt es auf dem Server nicht (mehr).',
    meta: 'Stand {date} · erstellt von {name} · {team}',
    person: 'Angaben zur Person',
    none: 'Keine Einträge.',
    partners: 'Genannte Partner',
    history: 'Änderungsverlauf',
    retention: 'Aufbewahrung',
    retainUntil: 'Wird aufbewahrt bis {date} und danach gelöscht.',
    openCase: 'Der Fall ist offen; eine Löschfrist beginnt mit dem Abschluss.',
    extension: 'Am {at} verlängert bis {until}. Grund: {reason}',
    // issue 27 item 4: stored values in words
    resolution: {
      reapplied: 'Der überschriebene Wert wurde wieder übernommen',
      dismissed: 'Der behaltene Wert blieb',
    },
    settingKey: {
      hygiene_items: 'Hygiene-Checkliste für Termine vor Ort',
    },
  },
  erase: {
    title: 'Person löschen',
    intro:
      'Löscht den Fall und alles, was dazu gehört (Aufenthalt, Bedarfe, Termine, Kontakte, Vermittlungen, Einwilligungen, Aufgaben, Konflikte, Verlauf), auf dem Server und auf allen Geräten des Teams bei ihrer nächsten Synchronisation. Das lässt sich nicht rückgängig machen.',
    exportFirst: 'Wünscht die Person eine Kopie, erstellen Sie vorher die Auskunft.',
    reason: 'Grund der Löschung',
    reasonHint:
      'Wird im Löschprotokoll gespeichert, z. B. „Antrag der Person vom 3.3.“. Bitte ohne Namen oder andere persönliche Angaben.',
    reasonMissing: 'Bitte einen Grund für die Löschung angeben.',
    confirm: 'Zur Bestätigung {word} eingeben',
    confirmWord: 'LÖSCHEN',
    confirmWrong: 'Bitte genau {word} eingeben.',
    submit: 'Endgültig löschen',
    submitting: 'Wird gelöscht …',
    done: 'Die Person wurde gelöscht (gelöschte Einträge: {count}).',
    offline:
      'Keine Verbindung. Löschen geht nur online, damit der Server und alle Geräte davon erfahren.',
    server: 'Der Server hat die Löschung nicht ausgeführt. Bitte später erneut versuchen.',
    // issue 13 item 6 (field)
    localFailed:
      'Auf dem Server gelöscht. Auf diesem Gerät hat das Löschen nicht geklappt; die nächste Synchronisation holt es nach.',
  },
  history: {
    title: 'Verlauf',
    intro:
      'Wer hat wann welche Felder geändert (ohne die Werte), nach dem Änderungsprotokoll des Servers.',
    refresh: 'Neu laden',
    loading: 'Verlauf wird geladen …',
    fetchedAt: 'Stand: {date}',
    offline: 'Keine Verbindung. Gezeigt wird der zuletzt geladene Stand.',
    never: 'Der Verlauf wurde auf diesem Gerät noch nicht geladen. Bitte mit Verbindung öffnen.',
    empty: 'Noch keine Änderungen auf dem Server.',
    created: 'angelegt',
    changed: 'geändert: {fields}',
    deleted: 'gelöscht',
    server: 'Server',
    formerUser: 'ein früheres Konto',
  },
  retention: {
    title: 'Löschfristen',
    intro:
      'Abgeschlossene Fälle, die in den nächsten 30 Tagen gelöscht werden. Ihr Team bewahrt abgeschlossene Fälle {years, plural, one {# Jahr} other {# Jahre}} auf.',
    empty: 'In den nächsten 30 Tagen wird kein Fall gelöscht.',
    due: 'Wird am {date} gelöscht',
    overdue: 'Frist abgelaufen am {date}: wird bei der nächsten Prüfung gelöscht',
    extend: 'Verlängern',
    extendTitle: 'Aufbewahrung verlängern',
    until: 'Aufbewahren bis',
    untilMissing: 'Bitte ein Datum nach der bisherigen Frist wählen.',
    reason: 'Grund (wird protokolliert)',
    reasonMissing: 'Bitte einen Grund angeben.',
    save: 'Frist verlängern',
    saved: 'Aufbewahrung verlängert bis {date}.',
    offline: 'Keine Verbindung. Verlängern geht nur online, weil der Grund protokolliert wird.',
  },
  texts: {
    title: 'Datenschutz-Texte',
    intro:
      'Zeigen Sie der Person den Text auf dem Telefon oder drucken Sie ihn aus. Die gewählte Sprache wird beim Erfassen der Einwilligung gespeichert.',
    language: 'Sprache',
    text: 'Text',
    partner: 'Partner (für die Weitergabe)',
    noPartner: 'Partner wählen …',
    print: 'Drucken',
    loading: 'Text wird geladen …',
    unreviewed: 'Übersetzung ungeprüft: maßgeblich ist der deutsche Text.',
    record: 'Einwilligung mit diesem Text erfassen',
    notOnDevice:
      'Dieser Text ist noch nicht auf dem Gerät. Öffnen Sie die Seite einmal mit Verbindung, dann gibt es alle Sprachen auch offline.',
  },
  // issue 27 item 2
  placeholders: {
    title: 'Die Texte sind noch nicht vollständig',
    explain:
      'Ihr Team hat noch nicht eingetragen: {missing}. Die Texte zeigen dort einen Platzhalter in eckigen Klammern. Bitten Sie die Teamleitung, die Angaben einzutragen, bevor Sie die Texte zeigen, drucken oder eine Einwilligung damit erfassen.',
    controller: 'die verantwortliche Stelle',
    dpo: 'die Datenschutzbeauftragte Person',
  },
});
