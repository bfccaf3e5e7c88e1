// The English catalogues, loaded on demand by loadLanguage('en').
import type { SameShape } from './catalogue';
import type { Catalogue } from './messages';
import { commonEn } from './catalogues/en/common';
import { casesEn } from './catalogues/en/cases';
import { appointmentsEn } from './catalogues/en/appointments';
import { networkEn } from './catalogues/en/network';
import { syncEn } from './catalogues/en/sync';
import { teamEn } from './catalogues/en/team';
import { lockEn } from './catalogues/en/lock';
import { privacyEn } from './catalogues/en/privacy';
import { rulesEn } from './catalogues/en/rules';
import { serverEn } from './catalogues/en/server';
import { fieldsEn } from './catalogues/en/fields';

export const en: SameShape<Catalogue> = {
  common: commonEn,
  cases: casesEn,
  appointments: appointmentsEn,
  network: networkEn,
  sync: syncEn,
  team: teamEn,
  lock: lockEn,
  privacy: privacyEn,
  rules: rulesEn,
  server: serverEn,
  fields: fieldsEn,
};
