// Wire types of the sync protocol (SPEC.md). The server parses requests with these schemas; the
// client builds them. Limits keep one request small enough for a phone on a weak network.
import * as v from 'valibot';
import { HLC_MAX_LENGTH } from './hlc';
import { UUID_PATTERN } from '../domain/common';
import { tableNames } from '../domain/tables';
import type { TeamSettings } from '../domain/team-settings';
import type { Role } from '../domain/account';
import { key } from '../i18n/message';

/** Bump when the shape of records or the protocol changes incompatibly. */
export const SCHEMA_VERSION = 1;
/** The oldest client schema the server still accepts ([S1]). */
export const MIN_SCHEMA_VERSION = 1;

export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_PULL_LIMIT = 2_000;
export const DEFAULT_PULL_LIMIT = 500;
/** Largest request body the server reads (bytes). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

const clientId = v.pipe(v.string(), v.regex(UUID_PATTERN, key('rules.sync.clientId')));
const schemaVersion = v.pipe(v.number(), v.integer(), v.minValue(1));

export const mutationSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(1)),
  table: v.picklist(tableNames, key('rules.sync.unknownTable')),
  recordId: v.pipe(v.string(), v.regex(UUID_PATTERN, key('rules.sync.recordId'))),
  op: v.picklist(['put', 'delete']),
  fields: v.record(v.string(), v.unknown()),
  // Judged per mutation ([C4]): a bad clock rejects that mutation, the rest of the push goes on.
  hlc: v.pipe(v.string(), v.maxLength(HLC_MAX_LENGTH, key('rules.validation.invalidClock'))),
  baseCursor: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  /** [P9] consecutive mutations with one groupId are applied all or nothing. */
  groupId: v.optional(v.pipe(v.string(), v.regex(UUID_PATTERN, key('rules.sync.groupId')))),
});
export type Mutation = v.InferOutput<typeof mutationSchema>;

export const pushRequestSchema = v.object({
  clientId,
  schemaVersion,
  mutations: v.pipe(v.array(mutationSchema), v.maxLength(MAX_MUTATIONS_PER_PUSH)),
});
export type PushRequest = v.InferInput<typeof pushRequestSchema>;

export interface ConflictSummary {
  field: string;
  losingValue: unknown;
  keptValue: unknown;
  /** true when this push's value lost; false when it overwrote someone else's. */
  yoursLost: boolean;
}

export interface MutationResult {
  id: number;
  status: 'applied' | 'rejected';
  /** The German reason, shown by apps that predate `code` (issue 13) or do not know the key. */
  reason?: string;
  /** The reason as a message key (src/shared/i18n) with its parameters; added in issue 13. */
  code?: string;
  params?: Record<string, string | number>;
  conflicts?: ConflictSummary[];
  /** For a rejection: the server's record (null when it has none), to roll back to ([P5]). */
  current?: { fields: Record<string, unknown>; deleted: boolean } | null;
  /** [X3] refused because the person was erased: the device keeps no value of the change. */
  purged?: true;
  /**
   * [G5] the write named a merged case and went to the case it was merged into (this id); the
   * device pulls it there.
   */
  redirectedTo?: string;
}

export interface PushResponse {
  lastMutationId: number;
  results: MutationResult[];
  /** [B1] the server's data epoch (renewed by a restore); absent from servers before issue 24. */
  epoch?: string;
}

export const pullRequestSchema = v.object({
  clientId,
  schemaVersion,
  cursor: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  limit: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PULL_LIMIT)),
    DEFAULT_PULL_LIMIT,
  ),
});
export type PullRequest = v.InferInput<typeof pullRequestSchema>;

export interface Change {
  table: string;
  id: string;
  deleted: boolean;
  fields: Record<string, unknown>;
  version: number;
  hlc: string;
  /** [X2] an erased (purged) tombstone: always `deleted` with no fields. */
  purged?: true;
  /**
   * [B3] the clock of each field whose clock is not `hlc` (the others were written with `hlc`), so
   * the phone can send every field again with its own clock after a restore ([B2]).
   */
  stamps?: Record<string, string>;
}

export interface PullResponse {
  changes: Change[];
  cursor: number;
  hasMore: boolean;
  lastMutationId: number;
  /** [B1] the server's data epoch; absent from servers before issue 24. */
  epoch?: string;
}

/** Records per restore request ([B2]); a phone sends what it holds in batches of this size. */
export const MAX_RESTORE_RECORDS = 500;

/** One record as the phone holds it, each field with the clock that wrote it ([B2], [B3]). */
export const restoredRecordSchema = v.strictObject({
  table: v.picklist(tableNames, key('rules.sync.unknownTable')),
  id: v.pipe(v.string(), v.regex(UUID_PATTERN, key('rules.sync.recordId'))),
  deleted: v.optional(v.boolean(), false),
  fields: v.record(v.string(), v.unknown()),
  hlc: v.pipe(v.string(), v.maxLength(HLC_MAX_LENGTH, key('rules.validation.invalidClock'))),
  stamps: v.optional(
    v.record(
      v.string(),
      v.pipe(v.string(), v.maxLength(HLC_MAX_LENGTH, key('rules.validation.invalidClock'))),
    ),
  ),
});
export type RestoredRecord = v.InferInput<typeof restoredRecordSchema>;

/**
 * `POST /api/sync/restore` ([B2]): after a restore, the phone sends again every record it holds.
 * `epoch` is the epoch it saw (the request is refused with 409 when the server has another one);
 * `acknowledged` the last outbox id the old server had acknowledged, so its outbox goes on after it.
 */
export const restoreRequestSchema = v.object({
  clientId,
  schemaVersion,
  epoch: v.pipe(v.string(), v.maxLength(100)),
  acknowledged: v.pipe(v.number(), v.integer(), v.minValue(0)),
  records: v.pipe(v.array(restoredRecordSchema), v.maxLength(MAX_RESTORE_RECORDS)),
});
export type RestoreRequest = v.InferInput<typeof restoreRequestSchema>;

export interface RestoreResponse {
  epoch: string;
  /** The team version this batch's writes got: the phone's outbox entries were made after it. */
  version: number;
  /** Records that changed something on the server. */
  applied: number;
  /** Records refused: an erased person's ([X3]), or one the rules no longer accept. */
  refused: number;
}

/** Every error body of the API: a German message a person can act on. */
export interface ApiError {
  error: string;
  /** Since issue 13: the message key (src/shared/i18n) the app renders, with its parameters. */
  code?: string;
  params?: Record<string, string | number>;
  /** The German text, for clients that do not know `code` (and for older apps). */
  message: string;
  lastMutationId?: number;
  /** [B1] on a 409: the server's data epoch, so a phone learns of a restore from a refused push. */
  epoch?: string;
  /** The form field the message is about, where one is (a form shows it there). */
  field?: string;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** `settings` came with issue 12; a session remembered from an older app lacks it. */
  team: { id: string; name: string; settings?: TeamSettings };
  /**
   * Only when true: signed in with a one-time password (issue 14). The app asks for a new one
   * ("Neues Passwort festlegen") before anything else; the server refuses every other call with
   * 403 `password_change_required` until `POST /api/session/password` succeeded.
   */
  passwordChangeRequired?: true;
}

/**
 * `GET /api/team`: the caller's team and its case workers, names only, so a phone can name a
 * colleague (conflicts, handover, cover) offline. Disabled colleagues stay listed, `active: false`,
 * because old records still name them.
 */
export interface TeamMember {
  id: string;
  name: string;
  active: boolean;
}
export interface TeamResponse {
  team: { id: string; name: string };
  members: TeamMember[];
}

/**
 * A pull answer also carries its cursor and "more" flag in these headers, so the phone can ask for
 * the next page before this one's body is read ([E5]). The body says the same; it is the record.
 */
export const PULL_CURSOR_HEADER = 'x-feldakte-cursor';
export const PULL_HAS_MORE_HEADER = 'x-feldakte-has-more';

/**
 * One change of a person's record in their history (`GET /api/cases/<id>/history`, the Art. 15
 * export, and the phone's offline copy): who changed which fields when. Field names only, never
 * values.
 */
export interface HistoryEntry {
  at: string;
  /** Null for changes the server made itself (conflict records, retention). */
  userId: string | null;
  userName: string | null;
  table: string;
  recordId: string;
  op: string;
  fields: string[];
}
