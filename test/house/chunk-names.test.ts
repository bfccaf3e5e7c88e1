// Chunks are named after what they hold (issue 29 item 3), not after whichever module rolldown
// picked: the first screen's database layer is `store`, a person text `texts-<language>`.
import { describe, expect, it } from 'vitest';
import { chunkFileName } from '../../build/chunking';

const root = '/app';

describe('chunk file names', () => {
  it('names the chunk with Dexie and the device database `store`', () => {
    const chunk = {
      name: 'write-failure',
      moduleIds: [
        `${root}/node_modules/dexie/dist/modern/dexie.mjs`,
        `${root}/src/local/db.ts`,
        `${root}/src/local/write-failure.ts`,
      ],
    };
    expect(chunkFileName(chunk)).toBe('assets/store-[hash].js');
  });

  it('names a person text by its language', () => {
    expect(chunkFileName({ name: 'en', moduleIds: [`${root}/src/shared/texts/en.ts`] })).toBe(
      'assets/texts-en-[hash].js',
    );
  });

  it('keeps a group name', () => {
    expect(chunkFileName({ name: 'shell', moduleIds: [`${root}/src/client/shell.tsx`] })).toBe(
      'assets/shell-[hash].js',
    );
  });
});
