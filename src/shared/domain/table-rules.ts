// What every synced table must tell the client and the server: its schema and the rules a change
// must pass. Both sides run the same rules (the client before it writes, the server before it
// applies), so an invalid record never reaches the team.
import type * as v from 'valibot';
import type { Message } from '../i18n/message';

export type AnyRecord = { id: string } & Record<string, unknown>;

/** Access to other records while checking a change: Dexie on the phone, SQL on the server. */
export interface RuleContext {
  /** Today's date (`YYYY-MM-DD`) where the change is checked. */
  today: string;
  get(table: string, id: string): Promise<AnyRecord | undefined>;
  /** Every live record of `table` whose `caseId` is `caseId`. */
  listByCase(table: string, caseId: string): Promise<AnyRecord[]>;
}

export interface TableRules<T extends AnyRecord = AnyRecord> {
  schema: v.GenericSchema<unknown, T>;
  /**
   * Why `next` may not follow `prev` (a refused status transition, a missing consent) as a message
   * key with parameters, or null when the change is fine. `prev` is undefined for a new record.
   */
  checkChange?(
    prev: T | undefined,
    next: T,
    ctx: RuleContext,
  ): Promise<Message | null> | Message | null;
  /** Fields the app may never change after creation (e.g. `caseId` of a contact). */
  immutable?: readonly (keyof T & string)[];
}

export function defineTable<T extends AnyRecord>(rules: TableRules<T>): TableRules<T> {
  return rules;
}
