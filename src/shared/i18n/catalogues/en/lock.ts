// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { lock } from '../lock';

export const lockEn: SameShape<typeof lock> = {
  screen: {
    title: 'Feldakte is locked',
    introPin: "Please enter this device's PIN. This also works without a network.",
    introPassphrase: "Please enter this device's passphrase. This also works without a network.",
    pin: 'PIN',
    passphrase: 'Passphrase',
    unlock: 'Unlock',
    unlocking: 'Unlocking …',
    empty: 'Please enter the PIN.',
    wrong: 'Wrong PIN. {count, plural, one {# try} other {# tries}} left.',
    warning:
      'After {count, plural, one {# more failed try} other {# more failed tries}} all data on this device will be deleted.',
    unsynced:
      '{count, plural, one {# change is} other {# changes are}} not synced yet and would be lost.',
    allSynced: 'All changes are synced; after deletion the app loads them again.',
    forgot: 'Forgot the PIN? Sign in online',
    forgotIntro:
      'Sign in with your password (this needs a connection). Then set a new PIN; the data on the device are kept.',
    back: 'Back to the PIN',
    storageError:
      'The stored data cannot be opened: they are damaged or were changed. Please sign in online.',
    lockNow: 'Lock now',
    wait: 'Too many wrong entries. The next try is possible from {time}.',
    waitButton: 'Please wait ({time})',
    waitSeconds: '{count} s',
    waitMinutes: '{time} min',
    waitOver: 'You can try again now.',
  },
  setup: {
    title: 'Set a PIN for this device',
    intro:
      'The case data on this device are encrypted. The PIN opens them, also without a network. Whoever finds the device cannot read anything without it.',
    // issue 27 items 8 and 11: the heading follows the choice; what the lock promises
    titlePassphrase: 'Set a passphrase for this device',
    deviceName: 'Name of this device',
    deviceNameHint:
      'For your team’s device list, e.g. “Work phone 2”. Please no name of a person you support.',
    introPassphrase:
      'The case data on this device are encrypted. The passphrase opens them, also without a network. Whoever finds the device cannot read anything without it.',
    autoLock:
      'After {count, plural, one {# minute} other {# minutes}} without use the app locks itself (change it under “More”).',
    wipe: 'After {count, plural, one {# wrong entry} other {# wrong entries}} in a row the app deletes all data on this device.',
    pin: 'New PIN (at least 6 digits)',
    passphrase: 'New passphrase (at least 8 characters)',
    repeat: 'Repeat',
    usePassphrase: 'Use a passphrase instead',
    usePin: 'Use a PIN of digits instead',
    save: 'Set and open',
    saving: 'Encrypting …',
    errors: {
      tooShort: 'The PIN needs at least 6 digits.',
      tooSimple: 'This PIN is too easy to guess. Please no sequence and no repeated digits.',
      passphraseTooShort: 'The passphrase needs at least 8 characters.',
      mismatch: 'The two entries do not match.',
      notDigits: 'A PIN consists of digits only.',
    },
  },
  foreign: {
    title: 'The data on this device cannot be opened',
    text: 'They belong to another account or were changed. You can delete them and start again with your account; the data then come from the server.',
    action: 'Delete the data on the device and start again',
    again: 'The data were deleted. Please sign in to start again.',
    cancel: 'Sign out',
  },
  autoLock: {
    title: 'Lock automatically',
    label: 'Lock after this many minutes without use',
    hint: 'Also when the app was in the background that long. The PIN is needed afterwards.',
    minutes: '{count, plural, one {# minute} other {# minutes}}',
  },
  wiped: {
    device_revoked:
      'This device was revoked. All case data on the device were deleted. Please contact the administration.',
    user_disabled:
      'Your account was disabled. All case data on the device were deleted. Please contact the administration.',
    pin_failures:
      'The PIN was entered wrongly 10 times. All data on this device were deleted. After signing in the app loads the data from the server again.',
  },
  upgrade: {
    signIn:
      'Feldakte now encrypts the data on this device. Please sign in once with your password for this; changes not yet synced are kept.',
  },
  hardware: {
    intro: 'Unlock with fingerprint or face. This also works without a network.',
    unlock: 'Unlock with fingerprint or face',
    cancelled: 'Not unlocked. Please try again.',
    failed: 'The device did not open the key. Please sign in online with your password.',
    forgot: 'Unlock another way? Sign in online with your password',
    title: 'Unlock with fingerprint or face',
    offer:
      'Instead of the PIN, your fingerprint or face opens the data. The key is then bound to this phone’s security hardware, and no PIN copy stays on the device. Without fingerprint or face only a sign-in with your password (online) opens the data.',
    enable: 'Set up',
    enabling: 'Setting up …',
    enabled: 'On: this device opens the data with fingerprint or face.',
    done: 'Set up. The PIN was deleted from this device.',
    unsupported: 'This device cannot bind the key to fingerprint or face. The PIN stays.',
    setupCancelled: 'Not set up. The PIN stays.',
    usePin: 'Use a PIN again',
    pinSaved: 'The PIN applies again; fingerprint or face no longer open the data.',
  },
};
