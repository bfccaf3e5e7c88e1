// [K9] The key wraps that open the data key on the device alone (the PIN wrap, the hardware wrap)
// live in a file of the origin's private file system (OPFS), one per user database, not in
// IndexedDB. Why: Chromium's IndexedDB is a LevelDB that keeps deleted entries in its log and table
// files until it compacts them, which a page cannot force; a wrap left there after a wipe could be
// guessed offline (a 6-digit PIN in about a minute on one GPU, docs/threat-model.md). A file of
// the private file system is a file of its own on disk: removing it unlinks it, and nothing of it
// stays in the profile's files. A browser without the private file system keeps the wraps in the
// `vault` table as before (and the threat model says what that leaves).
// Files hold JSON with the byte fields in base64; no record value, no name.

const DIRECTORY = 'feldakte-keys';

type Stored = Record<string, unknown>;

export interface KeyFiles {
  read(name: string): Promise<Stored | null>;
  write(name: string, value: Stored): Promise<void>;
  /** Removes the file; a missing file is fine. */
  remove(name: string): Promise<void>;
}

interface StorageWithDirectory {
  getDirectory?(): Promise<FileSystemDirectoryHandle>;
}

/** The private file system's key files, or null where the browser has none (then: the vault table). */
export function keyFiles(): KeyFiles | null {
  const storage = (globalThis.navigator as { storage?: StorageWithDirectory } | undefined)?.storage;
  if (!storage?.getDirectory || typeof FileSystemFileHandle === 'undefined') return null;
  if (!('createWritable' in FileSystemFileHandle.prototype)) return null;
  const getDirectory = () => storage.getDirectory!.call(storage);
  return directoryKeyFiles(async (create) =>
    (await getDirectory()).getDirectoryHandle(DIRECTORY, { create }),
  );
}

const isNotFound = (error: unknown) =>
  error instanceof Error && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');

/** Key files in a directory handle (exported for the tests, which give an in-memory one). */
export function directoryKeyFiles(
  directory: (create: boolean) => Promise<FileSystemDirectoryHandle>,
): KeyFiles {
  return {
    async read(name) {
      try {
        const file = await (await (await directory(false)).getFileHandle(name)).getFile();
        return decode(await file.text());
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async write(name, value) {
      const handle = await (await directory(true)).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(encode(value));
      await writable.close();
    },
    async remove(name) {
      try {
        await (await directory(false)).removeEntry(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

function encode(value: Stored): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { bytes: toBase64(item) } : item,
  );
}

function decode(text: string): Stored {
  return JSON.parse(text, (_key, item: unknown) =>
    item && typeof item === 'object' && 'bytes' in item && typeof item.bytes === 'string'
      ? fromBase64(item.bytes)
      : item,
  ) as Stored;
}
