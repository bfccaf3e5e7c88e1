// [P9] the locked sync ([K5]) pushes sealed copies in batches that never end inside a group, so
// the server can apply every group all or nothing even while the phone is locked.
import { describe, expect, it } from 'vitest';
import { sealedBatchSize } from '../../../src/local/sync/push-sealed';
import type { SealedEnvelope } from '../../../src/shared/sync/sealed-envelope';

const envelope = { kid: 'k', epk: 'e', iv: 'i', data: 'x'.repeat(40) } as unknown as SealedEnvelope;
const rows = (...groups: (string | undefined)[]) =>
  groups.map((groupId) => (groupId ? { envelope, groupId } : { envelope }));

describe('[P9][K5] a locked push never splits a group', () => {
  const cases: [string, ReturnType<typeof rows>, number, number][] = [
    ['no groups: the count limit', rows(undefined, undefined, undefined, undefined), 3, 3],
    [
      'a group across the limit waits for the next push',
      rows(undefined, 'g', 'g', undefined),
      2,
      1,
    ],
    ['a group ending at the limit goes', rows(undefined, 'g', 'g', undefined), 3, 3],
    ['a group at the head goes whole, past the limit', rows('g', 'g', 'g', undefined), 2, 3],
    ['two groups back to back: the cut one waits', rows('a', 'a', 'b', 'b', 'b'), 4, 2],
    ['fewer rows than the limit: all of them', rows('a', 'a'), 5, 2],
  ];
  it.each(cases)('%s', (_name, input, limit, expected) => {
    expect(sealedBatchSize(input, limit, 1_000_000)).toBe(expected);
  });

  it('the byte budget cuts before a group too, never inside it', () => {
    const size = JSON.stringify(envelope).length + 32;
    expect(sealedBatchSize(rows(undefined, 'g', 'g'), 10, size * 2)).toBe(1);
    expect(sealedBatchSize(rows(undefined, undefined, 'g'), 10, size * 2)).toBe(2);
  });
});
