// Field-level last-writer-wins by hybrid logical clock (SPEC [M1]-[M5]). Pure: the server runs it
// inside its write transaction; tests run it from tables in both directions.
import { hlcNode } from './hlc';

export type Fields = Record<string, unknown>;

/** Who last wrote a field: its clock and the team version the write got on the server. */
export interface FieldStamp {
  hlc: string;
  version: number;
}

export interface StoredRecord {
  fields: Fields;
  stamps: Record<string, FieldStamp>;
}

export interface IncomingChange {
  fields: Fields;
  hlc: string;
  clientId: string;
  /** The team cursor the client had pulled up to when it made the change (SPEC [M3]). */
  baseCursor: number;
}

/** A value that lost a concurrent edit of the same field: kept for review, never dropped. */
export interface FieldConflict {
  field: string;
  losingValue: unknown;
  losingHlc: string;
  keptValue: unknown;
  keptHlc: string;
}

export interface MergeResult {
  fields: Fields;
  stamps: Record<string, FieldStamp>;
  /** Fields whose stored value changed (what the change log records). */
  changed: string[];
  /**
   * Fields whose stamp moved, with or without a value change ([M6]): the row must be stored even
   * when `changed` is empty, or a newer clock is forgotten and an older write can win later.
   */
  stamped: string[];
  conflicts: FieldConflict[];
}

/**
 * Merge one incoming change into the stored record. `version` is the team version this write gets.
 * [M1] per field, the higher clock wins; [M2] equal clocks cannot happen across clients (the clock
 * carries the clientId) and an equal clock from the same client is a replay: no change;
 * [M3] edits are concurrent when the stored stamp is newer than the writer's base cursor and came
 * from another client; [M4] the losing value of a concurrent edit with a different value becomes a
 * conflict, whichever side lost; [M7] an incoming different value that loses is always one;
 * [M6] a newer write of the value already stored still moves the
 * field's stamp, so the stamp always names the newest write the server has accepted.
 */
export function mergeFields(
  stored: StoredRecord | undefined,
  incoming: IncomingChange,
  version: number,
): MergeResult {
  const fields: Fields = { ...stored?.fields };
  const stamps: Record<string, FieldStamp> = { ...stored?.stamps };
  const changed: string[] = [];
  const stamped: string[] = [];
  const conflicts: FieldConflict[] = [];

  for (const [field, value] of Object.entries(incoming.fields)) {
    const stamp = stamps[field];
    const current = fields[field];
    const concurrent =
      stamp !== undefined &&
      stamp.version > incoming.baseCursor &&
      hlcNode(stamp.hlc) !== incoming.clientId &&
      !sameValue(current, value);

    if (stamp === undefined || incoming.hlc > stamp.hlc) {
      if (concurrent) {
        conflicts.push({
          field,
          losingValue: current,
          losingHlc: stamp.hlc,
          keptValue: value,
          keptHlc: incoming.hlc,
        });
      }
      if (!sameValue(current, value) || stamp === undefined) changed.push(field);
      stamped.push(field);
      fields[field] = value;
      stamps[field] = { hlc: incoming.hlc, version };
    } else if (incoming.hlc < stamp.hlc && !sameValue(current, value)) {
      // [M7] a different value that loses to a newer clock is always a conflict, concurrent or
      // not (a phone that ignored [C2]): its writer is told, never answered a plain `applied`.
      conflicts.push({
        field,
        losingValue: value,
        losingHlc: incoming.hlc,
        keptValue: current,
        keptHlc: stamp.hlc,
      });
    }
  }
  return { fields, stamps, changed, stamped, conflicts };
}

/** Structural equality for JSON values (records hold only JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  return canonical(a) === canonical(b);
}

/**
 * JSON with object keys sorted: PostgreSQL's jsonb stores an object's keys in its own order, so
 * `{day, name}` comes back as `{name, day}` and must still be the same value.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : item,
  );
}
