// English half of the catalogue of the same name; loaded only when English is chosen.
import type { SameShape } from '../../catalogue';
import type { common } from '../common';

export const commonEn: SameShape<typeof common> = {
  appName: 'Feldakte',
  nav: {
    today: 'Today',
    cases: 'Cases',
    appointments: 'Appointments',
    network: 'Network',
    more: 'More',
  },
  shell: {
    mainNav: 'Main navigation',
    skipToContent: 'Skip to content',
    pageNotFound: 'This page does not exist.',
    toStart: 'To the start page',
    loadFailed: 'This part could not be loaded. Please reload the app.',
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    add: 'Add',
    back: 'Back',
    close: 'Close',
    search: 'Search',
  },
  form: {
    required: 'Required',
    fixErrors: 'Please correct the marked fields.',
    saved: 'Saved',
    yes: 'Yes',
    no: 'No',
    none: '–',
    choose: 'Please choose',
  },
  errors: {
    quota:
      'The device storage is full. Data already saved is kept; please free up space and save again.',
    unknown: 'Something went wrong. The data on the device is kept.',
    storage:
      'Saving on the device did not work. Your input is still here; please save again. If that does not help, reload the app.',
    notFound: 'Not found.',
    // issue 13 item 6 (field)
    action:
      'That did not work on the device. Nothing was changed; please try again. If that does not help, reload the app.',
  },
  // issue 13 items 2 and 6 (field)
  undo: {
    action: 'Undo',
    label: 'Undo: {what}',
  },
  failure: {
    screenTitle: 'This view ran into an error',
    screenText: 'Your data on the device is kept, including changes not yet synchronised.',
    toOverview: 'To the overview',
    reload: 'Reload',
    readFailed: 'The data could not be read on the device. Nothing is lost; please try again.',
    retry: 'Try again',
  },
};
