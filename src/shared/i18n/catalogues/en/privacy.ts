// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { privacy } from '../privacy';

export const privacyEn: SameShape<typeof privacy> = {
  section: {
    title: 'Data protection',
    texts: "Information and consents in the person's language",
    export: 'Access (Art. 15 GDPR)',
    history: 'History: who changed what',
    erase: 'Erase person (Art. 17 GDPR)',
  },
  banner: {
    title: 'Consent to store data is missing',
    body: 'Your team stores case data only with consent. Please inform the person and record the "store data" consent.',
    texts: 'Show texts',
  },
  export: {
    title: 'Access',
    heading: 'Access under Art. 15 GDPR',
    intro:
      'Everything stored about this person. Print the page for the person (or save it as PDF) or download the data as a JSON file.',
    print: 'Print or save as PDF',
    download: 'Download JSON file',
    downloadZip: 'Download as ZIP with documents',
    zipLoading: 'Loading and packing the documents …',
    zipMissing: 'Not in the ZIP, as they cannot be loaded without a connection: {titles}',
    zipFailed: 'The ZIP could not be made. Please try again.',
    loading: 'Loading the access export from the server …',
    offline:
      "No connection: showing this device's data. The change history is missing or the last one loaded. Open it online for the complete export.",
    notFound: 'This case does not exist on the server (any more).',
    meta: 'As of {date} · made by {name} · {team}',
    person: 'About the person',
    none: 'No entries.',
    partners: 'Partners named',
    history: 'Change history',
    retention: 'Retention',
    retainUntil: 'Kept until {date}, then erased.',
    openCase: 'The case is open; a retention period starts when it is closed.',
    // issue 27 item 4: stored values in words
    resolution: {
      reapplied: 'The overwritten value was applied again',
      dismissed: 'The kept value stayed',
    },
    settingKey: {
      hygiene_items: 'Hygiene checklist for in-person appointments',
    },
    extension: 'Extended on {at} until {until}. Reason: {reason}',
  },
  erase: {
    title: 'Erase person',
    intro:
      'Erases the case and everything that belongs to it (residence, needs, appointments, contacts, referrals, consents, tasks, conflicts, history) on the server and on every team device at its next sync. This cannot be undone.',
    exportFirst: 'If the person wants a copy, make the access export first.',
    reason: 'Reason for erasure',
    reasonHint:
      'Kept in the erasure log, e.g. "request of the person of 3 March". Please no names or other personal details.',
    reasonMissing: 'Please give a reason for the erasure.',
    confirm: 'Type {word} to confirm',
    confirmWord: 'DELETE',
    confirmWrong: 'Please type exactly {word}.',
    submit: 'Erase for good',
    submitting: 'Erasing …',
    done: 'The person was erased (entries erased: {count}).',
    offline:
      'No connection. Erasing works online only, so the server and every device learn of it.',
    server: 'The server did not erase. Please try again later.',
    // issue 13 item 6 (field)
    localFailed:
      'Erased on the server. Erasing on this device did not work; the next sync does it.',
  },
  history: {
    title: 'History',
    intro: "Who changed which fields when (without the values), from the server's change log.",
    refresh: 'Reload',
    loading: 'Loading history …',
    fetchedAt: 'As of {date}',
    offline: 'No connection. Showing the last loaded state.',
    never: 'The history has not been loaded on this device yet. Please open it online.',
    empty: 'No changes on the server yet.',
    created: 'created',
    changed: 'changed: {fields}',
    deleted: 'deleted',
    server: 'Server',
    formerUser: 'a former account',
  },
  retention: {
    title: 'Erasure deadlines',
    intro:
      'Closed cases that will be erased within the next 30 days. Your team keeps closed cases for {years, plural, one {# year} other {# years}}.',
    empty: 'No case will be erased within the next 30 days.',
    due: 'Will be erased on {date}',
    overdue: 'Deadline passed on {date}: will be erased at the next check',
    extend: 'Extend',
    extendTitle: 'Extend retention',
    until: 'Keep until',
    untilMissing: 'Please choose a date after the current deadline.',
    reason: 'Reason (logged)',
    reasonMissing: 'Please give a reason.',
    save: 'Extend deadline',
    saved: 'Retention extended until {date}.',
    offline: 'No connection. Extending works online only, because the reason is logged.',
  },
  texts: {
    title: 'Data protection texts',
    intro:
      'Show the person the text on the phone or print it. The language chosen is stored when the consent is recorded.',
    language: 'Language',
    text: 'Text',
    partner: 'Partner (for sharing)',
    noPartner: 'Choose partner …',
    print: 'Print',
    loading: 'Loading text …',
    unreviewed: 'Translation not reviewed: the German text is authoritative.',
    record: 'Record consent with this text',
    notOnDevice:
      'This text is not on the device yet. Open this page once while online; then every language works offline too.',
  },
  // issue 27 item 2
  placeholders: {
    title: 'The texts are not complete yet',
    explain:
      'Your team has not entered {missing} yet. The texts show a placeholder in square brackets there. Ask your team lead to enter them before you show or print the texts or record a consent with them.',
    controller: 'the controller',
    dpo: 'the data protection officer',
  },
};
