// Messages of the shared rules (schemas, table rules, status machines, consent checks): the phone
// shows them in forms and sync rejections, the server sends the key with the German text
// (src/shared/i18n/message.ts). Parameters such as {max} come from the rule; {date} is an ISO day.
import { germanCatalogue } from '../catalogue';

export const rules = germanCatalogue({
  validation: {
    required: 'Bitte ausfüllen.',
    invalid: 'Ungültiger Eintrag.',
    invalidId: 'Ungültige ID',
    text: 'Bitte Text eingeben',
    invalidCharacter: 'Der Text enthält ein ungültiges Zeichen. Bitte neu eingeben.',
    date: 'Bitte ein gültiges Datum eingeben',
    dateTime: 'Bitte Datum und Uhrzeit eingeben',
    count: 'Bitte eine ganze Zahl ab 0 eingeben',
    flag: 'Ja oder Nein erwartet',
    chooseFromList: 'Bitte aus der Liste wählen',
    email: 'Bitte eine gültige E-Mail-Adresse eingeben',
    phone: 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden',
    statusFromList: 'Bitte einen Status aus der Liste wählen',
    statusChange: 'Dieser Statuswechsel ist nicht möglich.',
    endBeforeStart: 'Das Ende liegt vor dem Beginn.',
    chooseCase: 'Bitte einen Fall wählen',
    choosePartner: 'Bitte einen Partner wählen',
    invalidCase: 'Ungültiger Fall',
    invalidPartner: 'Ungültiger Partner',
    categoryFromList: 'Bitte einen Bereich aus der Liste wählen',
    kindFromList: 'Bitte eine Art aus der Liste wählen',
    dateInFuture: 'Das Datum liegt in der Zukunft.',
    invalidClock: 'Ungültige Uhrzeit (hlc)',
    maxLength: 'Bitte höchstens {max} Zeichen eingeben',
    requiredField: 'Das Pflichtfeld „{field}“ fehlt.',
    invalidField: 'Ungültiger Wert im Feld „{field}“.',
  },
  cases: {
    givenName: 'Bitte den Vornamen eingeben',
    familyName: 'Bitte den Nachnamen eingeben',
    otherNamesMax: 'Höchstens {max, plural, one {# Schreibweise} other {# Schreibweisen}}',
    birthDate: 'Bitte ein gültiges Geburtsdatum eingeben',
    gender: 'Bitte ein Geschlecht aus der Liste wählen',
    germanLevel: 'Bitte ein Sprachniveau aus der Liste wählen',
    messenger: 'Bitte einen Messenger aus der Liste wählen',
    schooling: 'Bitte einen Schulabschluss aus der Liste wählen',
    coveredUntil: 'Bitte ein gültiges Datum für das Ende der Vertretung eingeben',
    closingReasonFromList: 'Bitte einen Abschlussgrund aus der Liste wählen',
    closingReasonMissing: 'Bitte einen Abschlussgrund wählen.',
    retentionExpired:
      'Die Aufbewahrungsfrist ist abgelaufen; der Fall kann nicht wieder geöffnet werden.',
    coverNeedsPerson: 'Eine Vertretung braucht eine Person.',
    openWithClosingReason: 'Ein offener Fall hat keinen Abschlussgrund.',
    closingNoteMissing: 'Bitte den Abschlussgrund kurz beschreiben.',
    birthDateInFuture: 'Das Geburtsdatum liegt in der Zukunft.',
  },
  statuses: {
    kind: 'Bitte eine Statusart aus der Liste wählen',
    issuedOn: 'Bitte ein gültiges Ausstellungsdatum eingeben',
    validUntil: 'Bitte ein gültiges Ablaufdatum eingeben',
    otherCase: 'Ein Aufenthaltsstatus kann nicht in einen anderen Fall verschoben werden.',
    expiryBeforeIssue: 'Das Ablaufdatum liegt vor dem Ausstellungsdatum.',
  },
  needs: {
    priority: 'Bitte eine Priorität wählen',
    source: 'Bitte wählen, wer den Bedarf benannt hat',
    reviewOn: 'Bitte ein gültiges Datum für die Überprüfung eingeben',
    nextStepRequired: 'Bitte den nächsten Schritt eintragen.',
    otherCase: 'Ein Bedarf kann nicht in einen anderen Fall verschoben werden.',
  },
  appointments: {
    httpsLink: 'Bitte einen Link eingeben, der mit https:// beginnt',
    startsAt: 'Bitte Datum und Beginn eingeben',
    endsAt: 'Bitte das Ende eingeben',
    mode: 'Bitte eine Form aus der Liste wählen',
    purpose: 'Bitte einen Anlass aus der Liste wählen',
    placeKind: 'Bitte einen Ort aus der Liste wählen',
    participantsMax: 'Höchstens {max, plural, one {# beteiligte Person} other {# Beteiligte}}',
    reminderMax: 'Höchstens eine Woche vorher erinnern',
    headCount: 'Bitte eine realistische Zahl eingeben',
    invalidNext: 'Ungültiger Folgetermin',
    invalidPrevious: 'Ungültiger früherer Termin',
    groupTitle: 'Bitte einen Titel für den Gruppentermin eingeben.',
    rescheduledNeedsNext: 'Ein verschobener Termin braucht den neuen Termin.',
    newStatus: 'Ein neuer Termin ist vorgeschlagen oder bestätigt.',
    statusChange: 'Dieser Statuswechsel ist für den Termin nicht möglich.',
    cannotReschedule: 'Dieser Termin kann nicht mehr verschoben werden.',
    hygieneTooMany: 'Zu viele Punkte in der Hygiene-Checkliste',
  },
  contacts: {
    at: 'Bitte Datum und Uhrzeit des Kontakts eingeben',
    channel: 'Bitte einen Kontaktweg wählen',
    minutes: 'Bitte die Dauer in ganzen Minuten eingeben',
    minutesMax: 'Bitte höchstens {max, plural, one {# Minute} other {# Minuten}} eingeben',
    invalidAppointment: 'Ungültiger Termin',
    immutable:
      'Ein Kontakt im Verlauf kann nicht nachträglich verschoben oder umgeschrieben werden.',
    inFuture: 'Ein Kontakt kann nicht in der Zukunft liegen.',
  },
  referrals: {
    closedOnFixed: 'Das Abschlussdatum einer beendeten Vermittlung lässt sich nicht ändern.',
    direction: 'Bitte eine Richtung wählen',
    offer: 'Bitte ein Angebot aus der Liste wählen',
    need: 'Bitte einen Bedarf aus der Liste wählen',
    invalidConsent: 'Ungültige Einwilligung',
    followUpOn: 'Bitte ein gültiges Datum zum Nachhalten eingeben',
    newStatus:
      'Eine neue Vermittlung beginnt als Entwurf (ausgehend) oder als eingegangen (eingehend).',
    otherCase: 'Eine Vermittlung kann nicht in einen anderen Fall verschoben werden.',
    directionFixed: 'Die Richtung einer Vermittlung lässt sich nicht ändern.',
    partnerFixed:
      'Nach dem Versand lässt sich der Partner nicht mehr ändern; bitte eine neue Vermittlung anlegen.',
    offerOtherPartner: 'Das Angebot gehört zu einem anderen Partner.',
    needOtherCase: 'Der Bedarf gehört zu einem anderen Fall.',
    noConsent:
      'Keine gültige Einwilligung zur Weitergabe an diesen Partner: keine weiteren Daten weitergeben.',
    statusForDirection: 'Dieser Status passt nicht zur Richtung der Vermittlung.',
    consentWithdrawn:
      'Einwilligung am {date} widerrufen: keine weiteren Daten an diesen Partner weitergeben.',
    consentExpired:
      'Einwilligung am {date} abgelaufen: keine weiteren Daten an diesen Partner weitergeben.',
  },
  partners: {
    name: 'Bitte den Namen des Partners eingeben',
    agreement: 'Bitte den Stand der Kooperationsvereinbarung wählen',
    agreementOn: 'Bitte ein gültiges Datum der Vereinbarung eingeben',
    agreementOnMissing: 'Bitte das Datum der Kooperationsvereinbarung eingeben.',
    agreementOnWithoutAgreement:
      'Ohne Kooperationsvereinbarung gibt es kein Datum der Vereinbarung.',
  },
  offers: {
    title: 'Bitte einen Titel für das Angebot eingeben',
    category: 'Bitte eine Angebotsart aus der Liste wählen',
    statusOnce: 'Jeder Status höchstens einmal',
    places: 'Bitte die freien Plätze als ganze Zahl ab 0 eingeben',
    waitlist: 'Bitte die Warteliste als ganze Zahl ab 0 eingeben',
    otherPartner: 'Ein Angebot kann nicht zu einem anderen Partner verschoben werden.',
    unknownStatus: 'Unbekannter Aufenthaltsstatus',
  },
  consents: {
    purpose: 'Bitte einen Zweck aus der Liste wählen',
    partner: 'Bitte einen Partner aus der Liste wählen',
    givenOn: 'Bitte das Datum der Einwilligung eingeben',
    withdrawnOn: 'Bitte ein gültiges Datum des Widerrufs eingeben',
    itemOnce: 'Jede Angabe höchstens einmal',
    partnerMissing: 'Bitte den Partner wählen, an den Daten weitergegeben werden dürfen.',
    partnerNotAllowed:
      'Nur eine Einwilligung zur Weitergabe oder zur Fallkonferenz nennt einen Partner.',
    validUntilBeforeGiven: 'Das Ende der Gültigkeit liegt vor dem Datum der Einwilligung.',
    withdrawnBeforeGiven: 'Der Widerruf liegt vor dem Datum der Einwilligung.',
    fixed:
      'Fall, Zweck und Partner einer Einwilligung lassen sich nicht ändern; bitte eine neue Einwilligung erfassen.',
    withdrawalFinal:
      'Ein Widerruf lässt sich nicht zurücknehmen; bitte eine neue Einwilligung erfassen.',
    withdrawalRecordedOn:
      'Der Tag, an dem der Widerruf erfasst wurde, liegt nicht zwischen dem Widerruf und heute.',
    unknownItem: 'Unbekannte Angabe',
  },
  tasks: {
    title: 'Bitte beschreiben, was zu tun ist',
    dueOn: 'Bitte ein gültiges Fälligkeitsdatum eingeben',
    invalidSource: 'Ungültige Quelle',
    titleKey: 'Ungültiger Textbaustein der Aufgabe',
    otherCase: 'Eine Aufgabe kann nicht in einen anderen Fall verschoben werden.',
    doneInFuture: 'Eine Aufgabe kann nicht in der Zukunft erledigt werden.',
  },
  documents: {
    kind: 'Bitte die Art des Dokuments wählen',
    title: 'Bitte einen Titel eingeben',
    date: 'Bitte ein gültiges Datum eingeben',
    pages: 'Ein Dokument hat 1 bis 30 Seiten.',
    file: 'Die Datei des Dokuments fehlt oder ist ungültig.',
    tooLarge: 'Das Dokument ist zu groß.',
    otherCase: 'Ein Dokument kann nicht in einen anderen Fall verschoben werden.',
    link: 'Der verknüpfte Eintrag gehört nicht zu diesem Fall.',
  },
  gaps: {
    description: 'Bitte die Lücke kurz beschreiben',
  },
  settings: {
    itemText: 'Bitte einen Text für den Punkt eingeben',
    itemList: 'Bitte eine Liste von Punkten angeben',
    itemsMax: 'Höchstens {max, plural, one {# Punkt} other {# Punkte}}',
    itemOnce: 'Jeder Punkt nur einmal',
    keyFixed: 'Der Schlüssel einer Einstellung bleibt gleich.',
    unknownKey: 'Unbekannte Einstellung',
  },
  conflicts: {
    recordMissing: 'Eintrag fehlt',
    resolution: 'Ungültige Auflösung',
    onlyResolution: 'An einem Konflikt lässt sich nur die Auflösung ändern.',
    table: 'Tabelle fehlt',
    field: 'Feld fehlt',
    clock: 'Zeitstempel fehlt',
    serverOnly: 'Konflikte werden nur vom Server angelegt.',
  },
  merges: {
    invalidMerged: 'Der zusammenzuführende Fall fehlt oder ist nicht mehr da.',
    sameCase: 'Ein Fall kann nicht mit sich selbst zusammengeführt werden.',
    fieldNotChoosable: 'Dieses Feld lässt sich beim Zusammenführen nicht wählen.',
    undoWithoutMerge:
      'Eine Zusammenführung, die es nicht gibt, kann nicht rückgängig gemacht werden.',
    alreadyUndone: 'Diese Zusammenführung ist schon rückgängig gemacht.',
    onlyUndo: 'An einer Zusammenführung lässt sich nur das Rückgängigmachen ändern.',
    keptGone: 'Der behaltene Fall ist nicht mehr da; die Zusammenführung bleibt.',
    mergedGone: 'Der zusammengeführte Fall lässt sich nicht wiederherstellen.',
    keptProfile: 'Das zusammengeführte Profil ist ungültig: {why}',
  },
  teamSettings: {
    years: 'Bitte eine Zahl von Jahren eingeben',
    wholeYears: 'Bitte ganze Jahre eingeben',
    legalBasis: 'Rechtsgrundlage: bitte „consent“ oder „public_task“ wählen',
    retentionMin:
      'Die Aufbewahrungsfrist beträgt mindestens {min, plural, one {# Jahr} other {# Jahre}}',
    retentionMax:
      'Die Aufbewahrungsfrist beträgt höchstens {max, plural, one {# Jahr} other {# Jahre}}',
  },
  import: {
    nameMissing: 'Vor- und Nachname fehlen: die Zeile nennt keine Person.',
    unknownMember: '„{value}“ ist keine THM-Fachkraft dieses Teams (E-Mail oder Name).',
    notYesNo: '„{value}“ ist weder ja noch nein.',
    unknownNeed: '„{value}“ ist kein Bedarfsbereich der Liste.',
    duplicateInFile: 'Dieselbe Person wie in Zeile {row}.',
  },
  sync: {
    clientId: 'clientId muss eine UUID sein',
    unknownTable: 'Unbekannte Tabelle',
    recordId: 'recordId muss eine UUID sein',
    groupId: 'groupId muss eine UUID sein',
  },
  consentGate: {
    share: {
      withdrawn:
        'Die Einwilligung zur Weitergabe an diesen Partner wurde am {date} widerrufen. Ohne gültige Einwilligung dürfen keine Daten weitergegeben werden.',
      expired:
        'Die Einwilligung zur Weitergabe an diesen Partner ist am {date} abgelaufen. Bitte eine neue Einwilligung erfassen.',
      notYet: 'Die Einwilligung zur Weitergabe an diesen Partner gilt erst ab {date}.',
      otherPartner:
        'Es liegt nur eine Einwilligung zur Weitergabe an einen anderen Partner vor. Bitte eine Einwilligung zur Weitergabe an diesen Partner erfassen.',
      missing:
        'Es liegt keine gültige Einwilligung zur Weitergabe an diesen Partner vor. Bitte zuerst die Einwilligung erfassen.',
    },
    conference: {
      withdrawn:
        'Die Einwilligung zur Fallkonferenz wurde am {date} widerrufen. Ohne gültige Einwilligung dürfen keine Daten weitergegeben werden.',
      expired:
        'Die Einwilligung zur Fallkonferenz ist am {date} abgelaufen. Bitte eine neue Einwilligung erfassen.',
      notYet: 'Die Einwilligung zur Fallkonferenz gilt erst ab {date}.',
      otherPartner:
        'Die Einwilligung zur Fallkonferenz nennt einen anderen Partner. Bitte eine Einwilligung erfassen, die diesen Partner einschließt.',
      missing:
        'Es liegt keine gültige Einwilligung zur Fallkonferenz vor. Bitte zuerst die Einwilligung erfassen.',
    },
    other: {
      withdrawn:
        'Die Einwilligung für diesen Zweck wurde am {date} widerrufen. Ohne gültige Einwilligung dürfen keine Daten weitergegeben werden.',
      expired:
        'Die Einwilligung für diesen Zweck ist am {date} abgelaufen. Bitte eine neue Einwilligung erfassen.',
      notYet: 'Die Einwilligung für diesen Zweck gilt erst ab {date}.',
      otherPartner:
        'Es liegt nur eine Einwilligung zur Weitergabe an einen anderen Partner vor. Bitte eine Einwilligung für diesen Zweck erfassen.',
      missing:
        'Es liegt keine gültige Einwilligung für diesen Zweck vor. Bitte zuerst die Einwilligung erfassen.',
    },
  },
});
