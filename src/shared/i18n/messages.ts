// All catalogues, one per feature. Each helper file is owned by its feature; add a feature here.
import { common } from './catalogues/common';
import { cases } from './catalogues/cases';
import { appointments } from './catalogues/appointments';
import { network } from './catalogues/network';
import { sync } from './catalogues/sync';

export const messages = {
  de: {
    common: common.de,
    cases: cases.de,
    appointments: appointments.de,
    network: network.de,
    sync: sync.de,
  },
  en: {
    common: common.en,
    cases: cases.en,
    appointments: appointments.en,
    network: network.en,
    sync: sync.en,
  },
};
