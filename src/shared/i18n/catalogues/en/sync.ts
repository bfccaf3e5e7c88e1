// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { sync } from '../sync';

export const syncEn: SameShape<typeof sync> = {
  signIn: {
    title: 'Sign in',
    intro: "Sign in with your team's account. Afterwards the app also works without a network.",
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    checking: 'Checking sign-in …',
    errors: {
      missing: 'Please enter e-mail and password.',
      wrong: 'E-mail or password is wrong.',
      offline:
        'No connection. The first sign-in on this device needs the internet; please connect to a network.',
      server: 'The server is not answering right now. Please try again in a few minutes.',
      tooMany: 'Too many attempts. Please wait a little and sign in again.',
    },
    again: {
      title: 'Please sign in again',
      text: 'Your sign-in has expired. You can keep working; changes stay on the device and are synced after you sign in.',
      action: 'Sign in now',
      later: 'Later',
    },
  },
  signOut: {
    action: 'Sign out',
    title: 'Sign out',
    question: 'What should happen to the data on this device?',
    keep: 'Keep data on this device',
    keepHint: 'Encrypted; at the next sign-in the PIN opens them at once, also without a network.',
    remove: 'Remove data from this device',
    removeHint:
      'Recommended: the case data leave the device; at the next sign-in they come from the server.',
    unsynced:
      '{count, plural, one {# change is} other {# changes are}} not synced yet. If you remove the data, {count, plural, one {it is} other {they are}} lost.',
    allSynced: 'All changes are synced.',
    confirmRemoveUnsynced: 'Yes, delete unsynced changes too',
    syncFirst: 'Sync first',
    confirm: 'Sign out',
    removeFailed:
      'The data could not be removed because the app is still open in another window. Please close other windows and try again.',
  },
  status: {
    synced: 'Synced',
    syncing: 'Syncing …',
    pending: '{count, plural, one {# change} other {# changes}} pending',
    never: 'Not synced yet',
    lastSync: 'Last synced: {time}',
    lastSyncNever: 'Never synced',
    signInAgain: 'Please sign in again',
    problem: 'Sync problem',
    syncNow: 'Sync now',
    // issue 27 item 10: one line while offline, with what waits
    offlineBanner:
      'Offline: {count, plural, =0 {everything is saved on the device} one {# change is waiting for a connection} other {# changes are waiting for a connection}}.',
    chipLabel: 'Sync: {state}',
    nextTry: 'Next attempt at {time}',
    conflicts: 'Review {count, plural, one {# conflict} other {# conflicts}}',
    rejections: '{count, plural, one {# change} other {# changes}} rejected',
    short: {
      offline: 'No connection',
      unauthorized: 'Please sign in again',
      revoked: 'Device revoked',
      forbidden: 'No access',
      outdated: 'Update needed',
      gap: 'Sync problem',
      invalid: 'Sync problem',
      server: 'Server unreachable',
      storage: 'Storage full',
      internal: 'Sync error',
    },
    errors: {
      offline: 'No connection. Changes stay saved on the device.',
      revoked:
        'This device was revoked or the account disabled. The data on the device are being deleted.',
      unauthorized:
        'Your sign-in has expired. Please sign in again; changes stay saved on the device.',
      forbidden:
        'This account may not sync with this device. Changes stay saved on the device; please contact the administration.',
      outdated: 'Please update the app to sync again. Changes stay saved on the device.',
      gap: 'The server is missing older changes from this device. Nothing was deleted; please contact the administration.',
      invalid:
        'The server did not accept the changes. They stay saved on the device; please contact the administration.',
      server:
        'The server cannot be reached right now. Changes stay saved on the device; it will try again later.',
      storage:
        'The device storage is full. Changes stay saved on the device; please free up space.',
      internal: 'Sync failed unexpectedly. Changes stay saved on the device.',
    },
  },
  badge: { pending: 'not synced' },
  conflicts: {
    title: 'Conflicts',
    intro:
      'Two devices changed the same field without knowing about each other. The newer value was kept; here you can apply your value again.',
    empty: 'No open conflicts.',
    field: 'Field',
    record: 'Record',
    yours: 'Your value',
    kept: 'Kept value',
    theirs: 'Overwritten value',
    by: 'Changed by {who} on {time}',
    someone: 'someone else',
    you: 'you',
    emptyValue: '(empty)',
    reapply: 'Apply my value',
    dismiss: 'Keep the kept value',
    gone: 'The record no longer exists.',
    openRecord: 'Open record',
    // issue 27 item 10: the phone whose value was kept learns it quietly
    keptNote:
      '{count, plural, one {Your value was kept in # simultaneous change} other {Your value was kept in # simultaneous changes}}',
    keptTitle: 'Your value was kept',
    keptIntro:
      'Someone changed the same field differently at the same time. Your value stands; whether the other value should apply again is up to the person whose value was overwritten. You need not do anything.',
    overwrittenBy: 'Entered by {who} on {time}',
  },
  rejections: {
    title: 'Rejected changes',
    intro: "The server did not accept these changes. The device shows the server's state again.",
    empty: 'No rejected changes.',
    reason: 'Reason',
    fields: 'Changed fields',
    deleted: 'Deletion',
    dismiss: 'Noted',
  },
  tables: {
    cases: 'Case',
    statuses: 'Residence status',
    needs: 'Need',
    appointments: 'Appointment',
    contacts: 'Contact',
    referrals: 'Referral',
    partners: 'Partner',
    offers: 'Offer',
    consents: 'Consent',
    tasks: 'Follow-up',
    gaps: 'Gap',
    documents: 'Document',
    settings: 'Setting',
    conflicts: 'Conflict',
    merges: 'Merge',
  },
  settings: {
    title: 'More',
    account: 'Account',
    team: 'Team: {team}',
    language: 'Language',
    languages: { de: 'Deutsch', en: 'English' },
    sync: 'Sync',
    pendingCount: 'Pending changes: {count}',
    conflictsLink: 'Conflicts ({count})',
    rejectionsLink: 'Rejected changes ({count})',
    storage: {
      title: 'Storage on this device',
      used: '{used} used, {quota} available',
      unknown: 'This browser does not report storage use.',
      persisted: 'Stored persistently: the browser will not delete the data on its own.',
      notPersisted:
        'Not stored persistently: when space runs low the browser may delete the data, unsynced changes included.',
      request: 'Store persistently',
      denied:
        'The browser refused persistent storage. Install the app on the home screen and try again.',
      unsupported: 'This browser cannot protect the data persistently.',
    },
    app: 'App',
    version: 'Version {version}',
    update: {
      available: 'New version available',
      hint: 'Please save open input first; the app reloads afterwards.',
      action: 'Update now',
      check: 'Check for a new version',
      current: 'The app is up to date.',
      offline: 'No service worker (development mode or unsupported browser).',
    },
  },
  newPassword: {
    title: 'Set a new password',
    intro:
      'You signed in with a one-time password. Please set your own password now; only then can you go on.',
    password: 'New password',
    passwordHint:
      'At least {min, plural, one {# character} other {# characters}}. Only you know it.',
    repeat: 'Repeat the new password',
    submit: 'Save password',
    submitting: 'Saving …',
    signOut: 'Cancel and sign out',
    saved: 'Your new password is saved.',
    errors: {
      tooShort:
        'The new password must be at least {min, plural, one {# character} other {# characters}} long.',
      mismatch: 'The two entries do not match.',
      offline: 'No connection. The new password can only be saved online.',
      server: 'The server is not answering right now. Please try again in a few minutes.',
      signedOut: 'The sign-in has expired. Please sign in again with the one-time password.',
    },
  },
};
