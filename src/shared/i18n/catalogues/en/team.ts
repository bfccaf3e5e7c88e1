// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { team } from '../team';

export const teamEn: SameShape<typeof team> = {
  scope: {
    label: 'Show',
    mine: 'Mine',
    team: 'Whole team',
  },
  me: 'me',
  unknownMember: 'a colleague',
  formerMember: '{name} (no longer in the team)',
  assigned: 'In charge',
  nobody: 'nobody',
  covered: 'Cover',
  coveredUntil: '{name} until {date}',
  handover: {
    open: 'Hand over or arrange cover',
    title: 'Hand over the case or arrange cover',
    kind: 'What should happen?',
    handover: 'Hand the case over',
    cover: 'Cover during an absence',
    handoverHint: 'Your colleague will be in charge afterwards.',
    coverHint: 'Who is in charge stays the same; the cover sees the case under “Mine”.',
    to: 'To whom?',
    until: 'Cover until (optional)',
    untilHint: 'Without a date the cover lasts until it is ended.',
    noColleagues: 'No colleagues on this device yet. The list arrives with the next sync.',
    chooseMember: 'Please choose a person.',
    self: 'This person is already in charge.',
    past: 'The end of the cover lies in the past.',
    confirmHandover: 'Hand over',
    confirmCover: 'Set cover',
    endCover: 'End cover',
    handedOver: 'Case handed over to {name}',
    coverSet: 'Cover by {name} set',
    coverEnded: 'Cover ended',
  },
};
