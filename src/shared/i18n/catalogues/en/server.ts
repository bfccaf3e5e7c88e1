// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { server } from '../server';
import type { serverConsole } from '../server-console';

export const serverEn: SameShape<typeof server & typeof serverConsole> = {
  api: {
    badJson: 'The request is not valid JSON.',
    badRequest: 'The request is invalid.',
    badRequestField: 'The request is invalid. {why} ({field}).',
    badRequestWhy: 'The request is invalid. {why}.',
    tooDeep: 'The request is invalid. Nested too deeply.',
    tooLarge: 'The request is too large. Please sync in smaller parts.',
    unsupportedMedia: 'The request must be JSON.',
    unsupportedEncoding: 'The request is compressed with an unknown method.',
    invalidEncoding: 'The compressed request is damaged.',
    crossSite: 'This request came from another website and was refused.',
    notFound: 'This address does not exist.',
    internal: 'An error occurred on the server. Your changes stay saved on the device.',
    fieldTooLong:
      'A field is too long (at most {max, plural, one {# character} other {# characters}}).',
  },
  session: {
    wrongPassword: 'The current password is wrong.',
    samePassword: 'Please choose a new password, not the current one.',
    newPasswordMissing: 'Please enter a new password.',
    newPasswordTooShort:
      'The new password must be at least {min, plural, one {# character} other {# characters}} long.',
    newPasswordTooLong:
      'The new password may be at most {max, plural, one {# character} other {# characters}} long.',
    currentPasswordInvalid: 'The current password is invalid.',
    passwordChangeRequired:
      'You signed in with a one-time password. Please set a new password first.',
    loginFailed: 'E-mail address or password is wrong.',
    tooManyLogins: 'Too many failed sign-ins. Please try again in a few minutes.',
    notSignedIn: 'Please sign in.',
    // issue 27 item 8: the THM names the device
    deviceNameMissing: 'Please give the device a name.',
    noDevice: 'This sign-in belongs to no device.',
    sessionExpired: 'Your sign-in has expired. Please sign in again.',
    deviceRevoked:
      'This device has been blocked. The data on the device will be deleted; please contact the administration.',
    userDisabled:
      'Your account has been disabled. The data on the device will be deleted; please contact the administration.',
    invalidDevice: 'The device ID is invalid.',
    credentialsMissing: 'Please enter e-mail address and password.',
    noCaseAccess: 'Your role has no access to case data.',
    otherUsersDevice: 'This device is linked to another account. Please reset the app data.',
  },
  sync: {
    invalidSealed:
      'A sealed change could not be opened. Nothing was saved; please unlock the app and sync again.',
    schemaTooOld: 'This app version is out of date. Please update the app; your changes are kept.',
    gap: 'Earlier changes from this device are missing. Please sync again.',
    epochChanged:
      'The server has been restored from a backup meanwhile. Please sync again; your data are kept.',
    refused: 'The server refused the change.',
    invalidClock: 'The time of the change is invalid.',
    foreignClock: 'The time of the change comes from another device.',
    conflictDelete: 'A conflict cannot be deleted, only resolved.',
    deleted: 'This entry has been deleted in the meantime.',
    controlCharacter: 'The text contains an invalid control character.',
    frozenField: 'The field “{field}” cannot be changed after it was created.',
    unknownReference: 'The linked entry (“{field}”) is unknown or deleted.',
    groupRefused: 'Belongs to a change that is only saved as a whole: {why}',
    storeRefused: 'The server cannot store this change (invalid content).',
    erased:
      'This person has been erased (erasure under Art. 17 GDPR or end of the retention period). The change was not saved.',
  },
  files: {
    notFound: 'This document does not exist (any more) in your team.',
    invalidId: 'Invalid file ID: 32 hexadecimal characters are expected.',
    invalidCase: 'Invalid case ID of the document.',
    caseErased: 'The case of this document has been erased. The file is not accepted.',
    lengthMissing: 'The size of the file is missing (Upload-Length).',
    tooLarge: 'The file is too large: up to {max} MB is allowed.',
    otherTeam: 'This file ID is already taken.',
    notDocument: 'The file is not an encrypted document of the app and was discarded.',
    incomplete: 'The file has not been fully uploaded yet.',
    notAllowed: 'This request is not allowed for files.',
  },
  privacy: {
    caseNotFound: 'This case does not exist (any more) in your team.',
    invalidCaseId: 'Invalid case ID: a UUID is expected.',
    notClosed: 'Only a closed case has an erasure date.',
    notLater: 'The new date must be after the current erasure date.',
    tooLate:
      'An extension reaches at most {years, plural, one {# year} other {# years}} into the future.',
    dateMissing: 'Please enter a date.',
    dateInvalid: 'Please enter a valid date.',
    extensionReasonMissing: 'Please give a reason for the extension.',
    erasureReasonMissing: 'Please give a reason for the erasure.',
    reasonTooLong:
      'The reason may be at most {max, plural, one {# character} other {# characters}} long.',
  },
  import: {
    unknownJob: 'This import does not exist.',
    notChecked: 'This import has already run or was dropped; please upload the file again.',
    notDone: 'Only a finished import can be undone.',
    editedSince:
      'The import can no longer be undone: {count, plural, one {# of its records was} other {# of its records were}} edited or added to since.',
    notAllowed: 'Only administration and coordination may import.',
    unreadable: 'The file cannot be read: {why}',
    noFile: 'Please send a file (.csv or .xlsx).',
  },
  reports: {
    otherTeam: 'You only see the figures of your own team.',
    unknownTeam: 'This team does not exist.',
    periodMissing: 'Please give a period with start and end (from, to).',
    fromInvalid: 'The start date “{value}” is not a valid date (YYYY-MM-DD).',
    toInvalid: 'The end date “{value}” is not a valid date (YYYY-MM-DD).',
    fromAfterTo: 'The start of the period is after its end.',
    notFixedPeriod:
      'Reports exist only for fixed periods: a calendar month, a quarter, a half-year or a calendar year. {from} to {to} is none of these.',
  },
  account: {
    teamNameMissing: 'Please enter a team name.',
    teamExists: 'The team “{team}” already exists.',
    teamMissing: 'The team “{team}” does not exist.',
    emailInvalid: 'Please enter a valid e-mail address.',
    nameMissing: 'Please enter a name.',
    userExists: 'An account with {email} already exists.',
    userMissing: 'There is no account with {email}.',
    passwordTooShort:
      'The password must be at least {min, plural, one {# character} other {# characters}} long.',
    deviceMissing: 'There is no device {device} for {email}.',
  },
  admin: {
    notAdmin: 'Only the administration may change teams and accounts.',
    unknownUser: 'This account does not exist.',
    ownAccount: 'Your own account cannot be disabled or downgraded here.',
    unknownTeam: 'Please choose an existing team.',
    teamName: 'Please enter a team name.',
    team: 'Please choose a team.',
    email: 'Please enter an e-mail address.',
    name: 'Please enter a name.',
    role: 'The role must be {roles}.',
    invalidCharacters: 'Invalid characters.',
  },
};
