// The case list's search: every word of the query must be the start of a name part (given, family
// or another spelling), case- and accent-insensitive, plus filters by status, assigned THM and open
// tasks. Fast for 10,000 cases: it runs over a slim in-memory index (terms, status, assignee, sort
// key; built with one read of the table, kept sorted) and reads full records only for the page it
// returns. Writes to `cases` (this tab, another tab, the service worker, a pull) are seen through
// Dexie's storage-mutation event: a few changed ids are patched in, anything larger (a bulk pull, a
// clear) drops the index for a rebuild on the next search. The records themselves stay in Dexie.
// The index holds names, so it exists only while the device is unlocked ([K1]): built from the
// decrypted records after unlock (warmCaseIndex), dropped when the key is dropped.
import Dexie, { RangeSet, type IntervalTree } from 'dexie';
import type { FeldakteDb, StoredRecord } from './db';
import { normalizeForSearch, searchTerms } from '../shared/domain/search-terms';
import {
  forgetNames,
  nameToken,
  personProfile,
  probableMatches,
  soundsLike,
  type NameToken,
  type PersonFacts,
  type PersonMatch,
  type PersonProfile,
} from '../shared/domain/person-match';
import { isOpenCase, type CaseStatus } from '../shared/domain/case';
import { onKeyChange } from './crypto/keyring';
import { readAllRows, readRowsById } from './crypto/bulk-cipher';

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

interface CaseEntry {
  id: string;
  key: string;
  terms: readonly string[];
  /** The person matcher's view (person-match.ts): name tokens with their sound keys, birth date. */
  profile: PersonProfile;

  status: CaseStatus;
  assignedTo: string | null | undefined;
}

const indexes = new Map<FeldakteDb, Promise<CaseEntry[]>>();
/** Ids written since the index was built, to patch in before the next search. */
const changedIds = new Map<FeldakteDb, Set<string>>();
/** More changed ids than this at once: rebuilding is simpler than patching. */
const MAX_PATCH = 200;
let listening = false;

/** The single keys of a mutated range set (read with Dexie's public RangeSet), or null when it
 * holds a real range (bulk write, clear). */
function singleKeys(tree: IntervalTree | undefined): string[] | null {
  const ids: string[] = [];
  if (!tree) return ids;
  for (const range of RangeSet(tree)) {
    if (typeof range.from !== 'string' || range.from !== range.to) return null;
    ids.push(range.from);
    if (ids.length > MAX_PATCH) return null;
  }
  return ids;
}

function listenForCaseWrites(): void {
  if (listening) return;
  listening = true;
  onKeyChange((dbName, unlocked) => {
    if (unlocked) return;
    for (const db of [...indexes.keys()]) if (db.name === dbName) dropCaseIndex(db);
  });
  Dexie.on('storagemutated', (parts) => {
    for (const db of [...indexes.keys()]) {
      const prefix = `idb://${db.name}/cases/`;
      if (!Object.keys(parts).some((part) => part.startsWith(prefix))) continue;
      const ids = singleKeys(parts[prefix]);
      const pending = changedIds.get(db) ?? new Set<string>();
      for (const id of ids ?? []) pending.add(id);
      if (ids === null || pending.size > MAX_PATCH) {
        indexes.delete(db);
        changedIds.delete(db);
      } else {
        changedIds.set(db, pending);
      }
    }
  });
}

/** Family name, then given name, case- and accent-insensitive ("Özdemir" sorts with "O"). */
function sortKey(row: StoredCase): string {
  return `${normalizeForSearch(row.familyName)}\u0000${normalizeForSearch(row.givenName)}\u0000${row.id}`;
}

function toEntry(row: StoredCase): CaseEntry {
  // Computed from the decrypted names: no search keys are stored (they would be names in clear).
  const terms = searchTerms(row.givenName, row.familyName, row.otherNames);
  const profile = personProfile(row);
  return {
    id: row.id,
    key: sortKey(row),
    terms,
    profile,
    status: row.status,
    assignedTo: row.assignedTo,
  };
}

const byKey = (a: CaseEntry, b: CaseEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function buildIndex(db: FeldakteDb): Promise<CaseEntry[]> {
  // Decrypted in bulk through WebCrypto (bulk-cipher.ts), outside any transaction.
  return ((await readAllRows(db, 'cases')) as StoredCase[]).map(toEntry).sort(byKey);
}

/** A new sorted index with the changed cases re-read (deleted ones drop out). */
async function patchIndex(db: FeldakteDb, entries: CaseEntry[], ids: Set<string>) {
  const rows = await db.cases.bulkGet([...ids]);
  const next = entries.filter((entry) => !ids.has(entry.id));
  for (const row of rows) {
    if (!row) continue;
    const entry = toEntry(row);
    let low = 0;
    let high = next.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (next[mid]!.key < entry.key) low = mid + 1;
      else high = mid;
    }
    next.splice(low, 0, entry);
  }
  return next;
}

/**
 * The index, checked against the table's row count (read just before): a count that differs means
 * a write the index never heard of (a purge of an erased person applied by another context, issue
 * 27 item 7), so it is built again rather than listing a case that is gone ("1 Fall", no card).
 */
async function checkedCaseIndex(db: FeldakteDb, count: number): Promise<CaseEntry[]> {
  const entries = await caseIndex(db);
  if (entries.length === count) return entries;
  indexes.delete(db);
  changedIds.delete(db);
  return caseIndex(db);
}

function caseIndex(db: FeldakteDb): Promise<CaseEntry[]> {
  listenForCaseWrites();
  let index = indexes.get(db);
  const ids = changedIds.get(db);
  if (index && ids) index = index.then((entries) => patchIndex(db, entries, ids));
  if (!index) index = buildIndex(db);
  if (index !== indexes.get(db)) {
    indexes.set(db, index);
    changedIds.delete(db);
    // A failed read must not stay cached.
    index.catch(() => indexes.delete(db));
  }
  return index;
}

/** Builds the index now (after unlock), so the first search does not wait for it. */
export async function warmCaseIndex(db: FeldakteDb): Promise<void> {
  await caseIndex(db);
}

/** Forgets the index (on lock): names leave memory with the key. */
export function dropCaseIndex(db: FeldakteDb): void {
  indexes.delete(db);
  changedIds.delete(db);
  forgetNames();
}

export async function searchCases(
  db: FeldakteDb,
  filter: CaseFilter = {},
): Promise<CaseSearchResult> {
  const status = filter.status ?? 'open';
  const { words, keys } = queryWords(filter.query);
  // count() makes a live query depend on the whole table, also when the index came from the cache.
  // It is awaited before the index is taken: a live query runs again from inside Dexie's
  // 'storagemutated' event, whose later listeners run first, so the index's own listener has not
  // yet heard of the write when this starts; by the time a read is answered it has.
  const [withTasks, count] = await Promise.all([
    filter.withOpenTasks ? caseIdsWithOpenTasks(db) : undefined,
    db.cases.count(),
  ]);
  const entries = await checkedCaseIndex(db, count);
  // Each query word matches a name part by its spelling, or (from 3 letters) by its sound key
  // (person-match.ts): "Zulaika" finds "Zuleikha". Spelling matches come first, each group in
  // name order.
  const spelled: CaseEntry[] = [];
  const sounding: CaseEntry[] = [];
  for (const entry of entries) {
    if (!(
      status === 'all' || (status === 'open' ? isOpenCase(entry.status) : entry.status === status)
    ))
      continue;
    if (filter.assignedTo !== undefined && entry.assignedTo !== filter.assignedTo) continue;
    if (withTasks && !withTasks.has(entry.id)) continue;
    let exact = true;
    const found = words.every((word, i) => {
      if (entry.terms.some((term) => term.startsWith(word))) return true;
      exact = false;
      const typed = keys[i];
      return !!typed && entry.profile.words.some((name) => soundsLike(typed, name));
    });
    if (found) (exact ? spelled : sounding).push(entry);
  }
  const matches = spelled.concat(sounding);
  const page = filter.limit === undefined ? matches : matches.slice(0, filter.limit);
  const rows = (await readRowsById(
    db,
    'cases',
    page.map((entry) => entry.id),
  )) as StoredCase[];
  return {
    cases: rows,
    total: matches.length,
  };
}

/** A query word shorter than this matches by spelling only: "Mo" would otherwise find every M. */
const MIN_SOUND_QUERY_LENGTH = 3;

/** The query's words (normalised, once each) and the token of each (none: by spelling only). */
function queryWords(query: string | undefined): {
  words: string[];
  keys: (NameToken | undefined)[];
} {
  const words: string[] = [];
  const keys: (NameToken | undefined)[] = [];
  for (const raw of (query ?? '').split(/[^\p{L}\p{N}]+/u)) {
    const [word] = searchTerms(raw);
    if (!word || words.includes(word)) continue;
    words.push(word);
    keys.push(word.length >= MIN_SOUND_QUERY_LENGTH ? nameToken(raw) : undefined);
  }
  return { words, keys };
}

export interface ProbableDuplicate {
  case: StoredCase;
  match: PersonMatch;
}

/**
 * The cases that are probably the person being typed (new-case form, issue 26): the matcher over
 * the in-memory index, best first. `excludeId`: the case being edited.
 */
export async function findProbableDuplicates(
  db: FeldakteDb,
  person: PersonFacts,
  options: { excludeId?: string; limit?: number } = {},
): Promise<ProbableDuplicate[]> {
  const profile = personProfile(person);
  if (profile.core.length === 0) return [];
  // As in searchCases: the count first, so a live query sees the index after the write it reran for.
  const entries = await checkedCaseIndex(db, await db.cases.count());
  const found = probableMatches(
    profile,
    entries
      .filter((entry) => entry.id !== options.excludeId)
      .map((entry) => ({ item: entry.id, profile: entry.profile })),
    options.limit ?? 5,
  );
  const rows = (await readRowsById(
    db,
    'cases',
    found.map((match) => match.item),
  )) as StoredCase[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return found.flatMap(({ item, ...match }) => {
    const row = byId.get(item);
    return row ? [{ case: row, match }] : [];
  });
}

async function caseIdsWithOpenTasks(db: FeldakteDb): Promise<Set<string>> {
  const ids = new Set<string>();
  await db.tasks.each((task) => {
    if (task.caseId && !task.doneOn) ids.add(task.caseId);
  });
  return ids;
}
