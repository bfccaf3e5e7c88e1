// The shared rules' view of the device database (for rules that look at other records, such as
// "a referral may be sent only with a valid consent").
import type { FeldakteDb } from './db';
import type { AnyRecord, RuleContext } from '../shared/domain/table-rules';

export function localRuleContext(db: FeldakteDb, today: string): RuleContext {
  return {
    today,
    get: async (table, id) => (await db.table(table).get(id)) as AnyRecord | undefined,
    listByCase: async (table, caseId) =>
      (await db.table(table).where('caseId').equals(caseId).toArray()) as AnyRecord[],
  };
}
