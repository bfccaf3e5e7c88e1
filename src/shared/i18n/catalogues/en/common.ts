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
  },
};
