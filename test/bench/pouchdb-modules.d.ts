// The PouchDB peer bench (peer.ts) uses these untyped devDependencies through this much.
declare module 'pouchdb-node' {
  interface PouchDatabase {
    bulkDocs(docs: object[]): Promise<unknown[]>;
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
  }
  interface PouchConstructor {
    new (name: string, options?: { adapter?: string }): PouchDatabase;
    plugin(plugin: unknown): PouchConstructor;
    defaults(options: { adapter?: string }): PouchConstructor;
  }
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  function expressPouchDB(
    PouchDB: unknown,
    options: { mode?: string; inMemoryConfig?: boolean; logPath?: string },
  ): (request: IncomingMessage, response: ServerResponse) => void;
  export default expressPouchDB;
}
