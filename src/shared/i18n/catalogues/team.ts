// Mine and the team: who is in charge, handover, cover (Vertretung), "mine" filters.
import { germanCatalogue } from '../catalogue';

export const team = germanCatalogue({
  scope: {
    label: 'Anzeigen',
    mine: 'Meine',
    team: 'Ganzes Team',
  },
  me: 'ich',
  unknownMember: 'eine Kollegin / ein Kollege',
  formerMember: '{name} (nicht mehr im Team)',
  assigned: 'Zuständig',
  nobody: 'niemand',
  covered: 'Vertretung',
  coveredUntil: '{name} bis {date}',
  handover: {
    open: 'Übergeben oder vertreten',
    title: 'Fall übergeben oder vertreten lassen',
    kind: 'Was soll geschehen?',
    handover: 'Fall übergeben',
    cover: 'Vertretung während einer Abwesenheit',
    handoverHint: 'Die Kollegin oder der Kollege ist danach zuständig.',
    coverHint: 'Die Zuständigkeit bleibt; die Vertretung sieht den Fall bei „Meine“.',
    to: 'An wen?',
    until: 'Vertretung bis (optional)',
    untilHint: 'Ohne Datum gilt die Vertretung, bis sie beendet wird.',
    noColleagues:
      'Noch keine Kolleginnen und Kollegen auf dem Gerät. Die Liste kommt mit der nächsten Synchronisierung.',
    chooseMember: 'Bitte eine Person wählen.',
    self: 'Diese Person ist schon zuständig.',
    past: 'Das Ende der Vertretung liegt in der Vergangenheit.',
    confirmHandover: 'Fall übergeben',
    confirmCover: 'Vertretung eintragen',
    endCover: 'Vertretung beenden',
    handedOver: 'Fall an {name} übergeben',
    coverSet: 'Vertretung durch {name} eingetragen',
    coverEnded: 'Vertretung beendet',
  },
});
