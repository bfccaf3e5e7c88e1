import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  mergeFields,
  sameValue,
  type IncomingChange,
  type StoredRecord,
} from '../../src/shared/sync/merge';
import { formatHlc } from '../../src/shared/sync/hlc';

const A = '0190a0b0-0000-7000-8000-00000000000a';
const B = '0190a0b0-0000-7000-8000-00000000000b';
const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const clock = (offsetMs: number, node: string, counter = 0) =>
  formatHlc({ ms: T0 + offsetMs, counter, node });

function change(
  node: string,
  offsetMs: number,
  fields: Record<string, unknown>,
  baseCursor = 0,
): IncomingChange {
  return { fields, hlc: clock(offsetMs, node), clientId: node, baseCursor };
}

/** Applies changes one after another, as the server does, stamping consecutive versions. */
function applyAll(changes: IncomingChange[]): StoredRecord & { conflicts: number } {
  let stored: StoredRecord | undefined;
  let conflicts = 0;
  changes.forEach((incoming, index) => {
    const result = mergeFields(stored, incoming, index + 1);
    stored = { fields: result.fields, stamps: result.stamps };
    conflicts += result.conflicts.length;
  });
  return { fields: {}, stamps: {}, ...stored, conflicts };
}

describe('field merge', () => {
  it('[M1] edits of different fields on two phones both survive, in either order', () => {
    const base = change(A, 0, { givenName: 'Ahmad', familyName: 'Karimi', status: 'active' });
    const fromA = change(A, 1_000, { phone: '0151 1234' }, 1);
    const fromB = change(B, 2_000, { status: 'paused' }, 1);
    const ab = applyAll([base, fromA, fromB]);
    const ba = applyAll([base, fromB, fromA]);
    expect(ab.fields).toEqual({
      givenName: 'Ahmad',
      familyName: 'Karimi',
      status: 'paused',
      phone: '0151 1234',
    });
    expect(ba.fields).toEqual(ab.fields);
    expect(ab.conflicts + ba.conflicts).toBe(0);
  });

  it('[M1][M4] the later clock wins a concurrent same-field edit and the loser becomes a conflict, in either order', () => {
    const base = change(A, 0, { givenName: 'Ahmad' });
    const fromA = change(A, 1_000, { givenName: 'Achmad' }, 1);
    const fromB = change(B, 2_000, { givenName: 'Ahmed' }, 1);

    const stored = mergeFields(undefined, base, 1);
    const aFirst = mergeFields(stored, fromA, 2);
    const thenB = mergeFields(aFirst, fromB, 3);
    expect(thenB.fields.givenName).toBe('Ahmed');
    expect(thenB.conflicts).toEqual([
      {
        field: 'givenName',
        losingValue: 'Achmad',
        losingHlc: fromA.hlc,
        keptValue: 'Ahmed',
        keptHlc: fromB.hlc,
      },
    ]);

    const bFirst = mergeFields(stored, fromB, 2);
    const thenA = mergeFields(bFirst, fromA, 3);
    expect(thenA.fields.givenName).toBe('Ahmed');
    expect(thenA.conflicts).toEqual(thenB.conflicts);
  });

  it('[M3] an edit made after seeing the other is no conflict', () => {
    const base = mergeFields(undefined, change(A, 0, { givenName: 'Ahmad' }), 1);
    const fromB = mergeFields(base, change(B, 1_000, { givenName: 'Ahmed' }, 1), 2);
    const fromA = mergeFields(fromB, change(A, 2_000, { givenName: 'Achmad' }, 2), 3);
    expect(fromA.fields.givenName).toBe('Achmad');
    expect(fromA.conflicts).toEqual([]);
  });

  it('[M3] the same client overwriting itself is no conflict', () => {
    const base = mergeFields(undefined, change(A, 0, { givenName: 'Ahmad' }), 1);
    const again = mergeFields(base, change(A, 1_000, { givenName: 'Ahmed' }, 0), 2);
    expect(again.conflicts).toEqual([]);
  });

  it('[M4] concurrent edits to the same value are no conflict', () => {
    const base = mergeFields(undefined, change(A, 0, { status: 'active' }), 1);
    const fromB = mergeFields(base, change(B, 1_000, { status: 'paused' }, 1), 2);
    const fromA = mergeFields(fromB, change(A, 500, { status: 'paused' }, 1), 3);
    expect(fromA.conflicts).toEqual([]);
  });

  it('[M6] a newer write of the stored value moves the stamp, and a later-arriving older edit loses', () => {
    const C = '0190a0b0-0000-7000-8000-00000000000c';
    const base = mergeFields(undefined, change(A, 0, { status: 'inquiry' }), 1);
    const fromA = mergeFields(base, change(A, 1_000, { status: 'intake' }, 1), 2);
    const fromB = mergeFields(fromA, change(B, 3_000, { status: 'intake' }, 1), 3);
    expect(fromB.changed).toEqual([]);
    expect(fromB.stamped).toEqual(['status']);
    expect(fromB.stamps.status).toEqual({ hlc: clock(3_000, B), version: 3 });

    const fromC = mergeFields(fromB, change(C, 2_000, { status: 'closed' }, 1), 4);
    expect(fromC.fields.status).toBe('intake');
    expect(fromC.stamped).toEqual([]);
    expect(fromC.conflicts).toEqual([
      {
        field: 'status',
        losingValue: 'closed',
        losingHlc: clock(2_000, C),
        keptValue: 'intake',
        keptHlc: clock(3_000, B),
      },
    ]);
  });

  it('[M7] a different value that loses to a newer clock is a conflict even when not concurrent', () => {
    const base = mergeFields(undefined, change(A, 2_000, { givenName: 'Ahmad' }), 1);
    // B had pulled version 1 (baseCursor 1) but wrote with an older clock, ignoring [C2].
    const late = mergeFields(base, change(B, 1_000, { givenName: 'Ahmed' }, 1), 2);
    expect(late.fields.givenName).toBe('Ahmad');
    expect(late.conflicts).toEqual([
      {
        field: 'givenName',
        losingValue: 'Ahmed',
        losingHlc: clock(1_000, B),
        keptValue: 'Ahmad',
        keptHlc: clock(2_000, A),
      },
    ]);
    const sameValue = mergeFields(base, change(B, 1_000, { givenName: 'Ahmad' }, 1), 2);
    expect(sameValue.conflicts).toEqual([]);
  });

  it('[M2] a replayed change changes nothing', () => {
    const first = change(A, 0, { givenName: 'Ahmad' });
    const once = mergeFields(undefined, first, 1);
    const twice = mergeFields(once, first, 2);
    expect(twice.changed).toEqual([]);
    expect(twice.stamped).toEqual([]);
    expect(twice.fields).toEqual(once.fields);
    expect(twice.stamps).toEqual(once.stamps);
  });

  it('[M1] the final record does not depend on the order changes arrive in', () => {
    const fieldNames = ['givenName', 'familyName', 'status', 'phone'];
    const arbitraryChange = fc.record({
      node: fc.constantFrom(A, B, '0190a0b0-0000-7000-8000-00000000000c'),
      offset: fc.integer({ min: 0, max: 50 }),
      counter: fc.integer({ min: 0, max: 3 }),
      field: fc.constantFrom(...fieldNames),
      value: fc.string({ maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryChange, {
          selector: (c) => `${c.node}${c.offset}${c.counter}`,
          maxLength: 12,
        }),
        fc.infiniteStream(fc.nat()),
        (changes, random) => {
          const incoming = changes.map((c) => ({
            fields: { [c.field]: c.value },
            hlc: clock(c.offset, c.node, c.counter),
            clientId: c.node,
            baseCursor: 0,
          }));
          const shuffled = [...incoming];
          const picks = random.take(shuffled.length);
          let i = 0;
          for (const pick of picks) {
            const j = pick % shuffled.length;
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
            i++;
          }
          return (
            JSON.stringify(sorted(applyAll(incoming).fields)) ===
            JSON.stringify(sorted(applyAll(shuffled).fields))
          );
        },
      ),
    );
  });
});

function sorted(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

describe('sameValue', () => {
  it('[M6] an object value is the same whatever order its keys come in (jsonb reorders them)', () => {
    expect(sameValue({ day: '2026-01-01', name: 'A' }, { name: 'A', day: '2026-01-01' })).toBe(
      true,
    );
    expect(sameValue([{ b: 1, a: 2 }], [{ a: 2, b: 1 }])).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
  });
});
