// The synced tables, in one place: the server validates pushes with these rules, the phone checks
// before it writes. Adding a table = one entity file + one line here + its Dexie indexes.
import type { TableRules } from './table-rules';
import { caseTable } from './case';
import { residenceStatusTable } from './residence-status';
import { needTable } from './need';
import { appointmentTable } from './appointment';
import { contactTable } from './contact';
import { referralTable } from './referral';
import { partnerTable } from './partner';
import { offerTable } from './offer';
import { consentTable } from './consent';
import { taskTable } from './task';
import { gapTable } from './gap';
import { settingTable } from './setting';
import { conflictTable } from './conflict';
import { documentTable } from './document';
import { caseMergeTable } from './case-merge';

export const tables = {
  cases: caseTable,
  statuses: residenceStatusTable,
  needs: needTable,
  appointments: appointmentTable,
  contacts: contactTable,
  referrals: referralTable,
  partners: partnerTable,
  offers: offerTable,
  consents: consentTable,
  tasks: taskTable,
  gaps: gapTable,
  documents: documentTable,
  settings: settingTable,
  conflicts: conflictTable,
  merges: caseMergeTable,
} as const;

export type TableName = keyof typeof tables;
export const tableNames = Object.keys(tables) as TableName[];

export type RecordOf<T extends TableName> =
  (typeof tables)[T] extends TableRules<infer R> ? R : never;

export function isTableName(name: unknown): name is TableName {
  return typeof name === 'string' && Object.hasOwn(tables, name);
}
