// The case list's search: every word of the query must be the start of a name part (given, family
// or another spelling), case- and accent-insensitive, via the `_terms` multiEntry index; then the
// filters. Reads only index keys for the words, so it stays fast with 10,000 cases on the phone.
import type { FeldakteDb, StoredRecord } from './db';
import { searchTerms } from '../shared/domain/search-terms';
import { caseStatuses, isOpenCase, type CaseStatus } from '../shared/domain/case';

export type StoredCase = StoredRecord<'cases'>;

export interface CaseFilter {
  query?: string;
  /** `open` = every status but closed. */
  status?: CaseStatus | 'open' | 'all';
  /** Only cases assigned to this user; undefined = everyone's. */
  assignedTo?: string;
  /** Only cases with at least one task not done. */
  withOpenTasks?: boolean;
  /** Most rows returned (the list renders more on demand); `total` counts all matches. */
  limit?: number;
}

export interface CaseSearchResult {
  cases: StoredCase[];
  total: number;
}

const collator = new Intl.Collator('de', { sensitivity: 'base' });

export async function searchCases(
  db: FeldakteDb,
  filter: CaseFilter = {},
): Promise<CaseSearchResult> {
  const status = filter.status ?? 'open';
  const words = searchTerms(filter.query);
  let rows: StoredCase[];
  if (words.length > 0) {
    rows = await casesMatchingAll(db, words);
  } else if (status === 'open') {
    const open = caseStatuses.filter(isOpenCase);
    rows = await db.cases.where('status').anyOf(open).toArray();
  } else if (status !== 'all') {
    rows = await db.cases.where('status').equals(status).toArray();
  } else if (filter.assignedTo !== undefined) {
    rows = await db.cases.where('assignedTo').equals(filter.assignedTo).toArray();
  } else {
    rows = await db.cases.toArray();
  }

  const withTasks = filter.withOpenTasks ? await caseIdsWithOpenTasks(db) : undefined;
  const matches = rows.filter(
    (row) =>
      (status === 'all' || (status === 'open' ? isOpenCase(row.status) : row.status === status)) &&
      (filter.assignedTo === undefined || row.assignedTo === filter.assignedTo) &&
      (!withTasks || withTasks.has(row.id)),
  );
  matches.sort(
    (a, b) =>
      collator.compare(a.familyName, b.familyName) ||
      collator.compare(a.givenName, b.givenName) ||
      a.id.localeCompare(b.id),
  );
  return {
    cases: filter.limit === undefined ? matches : matches.slice(0, filter.limit),
    total: matches.length,
  };
}

/** Ids of cases where every word starts some term: one index range per word, intersected. */
async function casesMatchingAll(db: FeldakteDb, words: string[]): Promise<StoredCase[]> {
  // Longest words first: their ranges are the narrowest, so the intersection shrinks fastest.
  const ordered = [...new Set(words)].sort((a, b) => b.length - a.length);
  let ids: Set<string> | undefined;
  for (const word of ordered) {
    const keys = await db.cases.where('_terms').startsWith(word).primaryKeys();
    const next = new Set<string>();
    for (const key of keys) if (!ids || ids.has(key)) next.add(key);
    ids = next;
    if (ids.size === 0) return [];
  }
  const found = await db.cases.bulkGet([...(ids ?? [])]);
  return found.filter((row): row is StoredCase => row !== undefined);
}

async function caseIdsWithOpenTasks(db: FeldakteDb): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.tasks.each((task) => {
    if (task.caseId && !task.doneOn) ids.add(task.caseId);
  });
  return ids;
}
