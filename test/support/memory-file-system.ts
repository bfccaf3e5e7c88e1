// The origin's private file system (OPFS) in memory, for tests on Node, where there is none: just
// what src/local/crypto/key-file.ts uses (directories, files as text, createWritable, removeEntry).
// `installMemoryFileSystem()` puts it where the browser has it (navigator.storage.getDirectory,
// FileSystemFileHandle) and returns the files, so a test sees what was written and removed.
import { vi } from 'vitest';

class NotFound extends Error {
  override name = 'NotFoundError';
}

class MemoryFileHandle {
  constructor(
    private readonly files: Map<string, string>,
    private readonly path: string,
  ) {}
  getFile() {
    const text = this.files.get(this.path);
    if (text === undefined) return Promise.reject(new NotFound(this.path));
    return Promise.resolve({ text: () => Promise.resolve(text) });
  }
  createWritable() {
    let written = '';
    return Promise.resolve({
      write: (chunk: string) => {
        written += chunk;
        return Promise.resolve();
      },
      close: () => {
        this.files.set(this.path, written);
        return Promise.resolve();
      },
    });
  }
}

class MemoryDirectoryHandle {
  constructor(
    private readonly files: Map<string, string>,
    private readonly dirs: Set<string>,
    private readonly path: string,
  ) {}
  getDirectoryHandle(name: string, options: { create?: boolean } = {}) {
    const path = `${this.path}/${name}`;
    if (!this.dirs.has(path)) {
      if (!options.create) return Promise.reject(new NotFound(path));
      this.dirs.add(path);
    }
    return Promise.resolve(new MemoryDirectoryHandle(this.files, this.dirs, path));
  }
  getFileHandle(name: string, options: { create?: boolean } = {}) {
    const path = `${this.path}/${name}`;
    if (!this.files.has(path)) {
      if (!options.create) return Promise.reject(new NotFound(path));
      this.files.set(path, '');
    }
    return Promise.resolve(new MemoryFileHandle(this.files, path));
  }
  removeEntry(name: string) {
    const path = `${this.path}/${name}`;
    if (!this.files.delete(path)) return Promise.reject(new NotFound(path));
    return Promise.resolve();
  }
}

/** Installs an empty private file system; `vi.unstubAllGlobals()` removes it. Path -> text. */
export function installMemoryFileSystem(): Map<string, string> {
  const files = new Map<string, string>();
  const root = new MemoryDirectoryHandle(files, new Set(), '');
  vi.stubGlobal('FileSystemFileHandle', MemoryFileHandle);
  vi.stubGlobal('navigator', {
    ...(globalThis.navigator ?? {}),
    storage: { getDirectory: () => Promise.resolve(root) },
  });
  return files;
}
