// Deutsch: der maßgebliche Text. Änderungen am Sinn: PERSON_TEXT_VERSION erhöhen und die
// Übersetzungen wieder auf `ungeprüft` setzen.
import type { PersonTexts } from './person-texts';

export const texts: PersonTexts = {
  language: 'de',
  name: 'Deutsch',
  review: 'original',
  version: '2026-11',
  labels: {
    controllerMissing: '[Verantwortliche Stelle: vom Team noch nicht eingetragen]',
    dpoMissing: '[Datenschutzbeauftragte Person: vom Team noch nicht eingetragen]',
    placeDate: 'Ort, Datum',
    signaturePerson: 'Unterschrift der Person',
    signatureStaff: 'Unterschrift Teilhabemanagement',
    interpreter: 'Gedolmetscht von (Name, Sprache)',
    version: 'Textfassung',
  },
  info: {
    title: 'Informationen zum Datenschutz',
    sections: [
      {
        heading: 'Wer ist verantwortlich?',
        paragraphs: [
          'Verantwortlich für Ihre Daten ist: {controller}.',
          'Sie erreichen die Datenschutzbeauftragte Person hier: {dpo}.',
        ],
      },
      {
        heading: 'Wofür speichern wir Ihre Daten?',
        paragraphs: [
          'Das Teilhabemanagement berät und begleitet Sie auf dem Weg in Sprachkurs, Schule, Ausbildung und Arbeit. Dafür speichern wir, was wir für diese Beratung brauchen: Name und Kontaktdaten, Geburtsdatum, Herkunft und Sprachen, Aufenthaltsstatus, Schule, Ausbildung und Arbeit, Ihre Ziele und Bedarfe, Termine, Notizen zu Gesprächen und Ihre Einwilligungen.',
          'Nur wenn Sie ausdrücklich einwilligen, geben wir Daten an eine Partnerstelle weiter, besprechen Ihre Situation in einer Fallkonferenz, schreiben Ihnen über einen Messenger oder zählen Ihre Angaben ohne Namen in Statistiken.',
        ],
      },
      {
        heading: 'Auf welcher Rechtsgrundlage?',
        legalBasis: true,
        paragraphs: [
          'Angaben zu Ihrer Gesundheit speichern wir nur mit Ihrer ausdrücklichen Einwilligung (Art. 9 Abs. 2 Buchst. a DSGVO).',
        ],
      },
      {
        heading: 'Wer bekommt Ihre Daten?',
        paragraphs: [
          'Ihre Daten sehen nur die Fachkräfte des Teilhabemanagements in Ihrem Team. Sie werden auf einem Server der verantwortlichen Stelle in der Europäischen Union gespeichert.',
          'An andere Stellen (zum Beispiel Jobcenter, Ausländerbehörde, Schule oder Kursanbieter) geben wir Daten nur weiter, wenn Sie für diese Stelle eingewilligt haben oder ein Gesetz es verlangt.',
        ],
      },
      {
        heading: 'Wie lange speichern wir Ihre Daten?',
        paragraphs: [
          'Solange wir Sie begleiten. Nach dem Ende der Begleitung bewahren wir Ihre Akte {years} Jahre auf, damit wir Sie bei Bedarf wieder unterstützen können. Danach wird sie gelöscht. Auf Ihren Wunsch löschen wir früher, wenn kein Gesetz eine Aufbewahrung verlangt.',
        ],
      },
      {
        heading: 'Ihre Rechte',
        paragraphs: [
          'Sie können jederzeit fragen, welche Daten wir über Sie speichern, und eine Kopie bekommen (Art. 15 DSGVO). Sie können falsche Daten berichtigen (Art. 16), Daten löschen (Art. 17) oder ihre Verarbeitung einschränken lassen (Art. 18). Sie können Ihre Daten in einem üblichen Format mitnehmen (Art. 20) und einer Verarbeitung widersprechen (Art. 21).',
          'Eine Einwilligung können Sie jederzeit widerrufen, mündlich oder schriftlich. Was bis dahin geschehen ist, bleibt rechtmäßig.',
          'Es gibt keine automatisierten Entscheidungen: Über Ihre Unterstützung entscheiden Menschen.',
        ],
      },
      {
        heading: 'Beschwerde',
        paragraphs: [
          'Wenn Sie meinen, dass wir mit Ihren Daten falsch umgehen, können Sie sich beschweren bei: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW), Kavalleriestraße 2–4, 40213 Düsseldorf, Telefon 0211 38424-0, E-Mail poststelle@ldi.nrw.de.',
        ],
      },
    ],
    legalBasisConsent:
      'Wir speichern Ihre Daten nur mit Ihrer Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO). Die Einwilligung ist freiwillig.',
    legalBasisPublicTask:
      'Wir speichern Ihre Daten, weil die Beratung eine Aufgabe im öffentlichen Interesse ist (Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit §\u00a03 Datenschutzgesetz NRW). Für die Weitergabe an andere Stellen, Fallkonferenzen, Messenger und Statistiken fragen wir Sie trotzdem um Ihre Einwilligung.',
  },
  consents: {
    store_data: {
      title: 'Einwilligung: Speicherung meiner Daten',
      paragraphs: [
        'Ich bin damit einverstanden, dass das Teilhabemanagement ({controller}) meine Angaben speichert und nutzt, um mich zu beraten und zu begleiten: Kontaktdaten, Herkunft und Sprachen, Aufenthaltsstatus, Schule, Ausbildung und Arbeit, Ziele und Bedarfe, Termine und Gesprächsnotizen.',
        'Meine Daten werden bis {years} Jahre nach dem Ende der Begleitung aufbewahrt und dann gelöscht.',
      ],
    },
    share_with_partner: {
      title: 'Einwilligung: Weitergabe an eine Partnerstelle',
      paragraphs: [
        'Ich bin damit einverstanden, dass das Teilhabemanagement die angekreuzten Angaben an folgende Stelle weitergibt: {partner}.',
        'Zweck: Die Stelle soll mich in ein Angebot aufnehmen oder mich dabei unterstützen. Die Stelle ist selbst für den Schutz der Daten verantwortlich, die sie bekommt.',
        'Angaben: ☐ Name ☐ Geburtsdatum ☐ Kontaktdaten ☐ Sprachen ☐ Deutschkenntnisse ☐ Aufenthalt ☐ Schule und Abschlüsse ☐ Bedarf ☐ Grund der Vermittlung',
      ],
    },
    case_conference: {
      title: 'Einwilligung: Fallkonferenz',
      paragraphs: [
        'Ich bin damit einverstanden, dass meine Situation in einer Fallkonferenz mit folgenden Stellen besprochen wird: {partner}.',
        'Es wird nur besprochen, was für meine Unterstützung nötig ist. Ich darf an der Fallkonferenz teilnehmen.',
      ],
    },
    messenger: {
      title: 'Einwilligung: Kontakt über Messenger',
      paragraphs: [
        'Ich bin damit einverstanden, dass das Teilhabemanagement mich über einen Messenger-Dienst (zum Beispiel WhatsApp oder Signal) kontaktiert, etwa um Termine abzustimmen.',
        'Hinweis: Der Anbieter des Messengers kann sehen, wer wann mit wem schreibt, und diese Daten auch außerhalb der EU verarbeiten. Bitte schreiben Sie über den Messenger keine Gesundheitsdaten oder Ausweisnummern.',
      ],
    },
    reporting: {
      title: 'Einwilligung: Statistik ohne Namen',
      paragraphs: [
        'Ich bin damit einverstanden, dass meine Angaben ohne Namen in Berichten und Statistiken des Teilhabemanagements gezählt werden (zum Beispiel wie viele Menschen einen Sprachkurs begonnen haben).',
        'Kleine Gruppen, in denen man einzelne Personen erkennen könnte, werden nicht ausgewiesen.',
      ],
    },
  },
  consentFooter: [
    'Die Einwilligung ist freiwillig. Wenn ich nicht einwillige, entstehen mir keine Nachteile bei Leistungen, auf die ich einen Anspruch habe.',
    'Ich kann die Einwilligung jederzeit widerrufen, mündlich oder schriftlich beim Teilhabemanagement. Was bis zum Widerruf geschehen ist, bleibt rechtmäßig.',
    'Ich habe die Informationen zum Datenschutz bekommen.',
  ],
};
