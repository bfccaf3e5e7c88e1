// The one storage interface of the server. PostgreSQL (pg) and embedded PGlite implement it with
// the same SQL, so every route and the contract tests run unchanged on both.

export interface Row {
  [column: string]: unknown;
}

/** A connection (or a transaction on one) that runs SQL. */
export interface Queryable {
  /** One statement with `$n` parameters. */
  query<R extends object = Row>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Store extends Queryable {
  /**
   * Runs `fn` in one READ COMMITTED transaction on one connection: it commits when `fn` resolves
   * and rolls back when it throws. Team-scoped writers serialise on the team row lock ([V1]).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotice` with the payload of every NOTIFY on `channel` that a committed transaction of
   * any connection sent (another instance, the admin CLI). `onResume` runs when the listening
   * connection is back after a loss, during which notices may have been missed. Resolves once
   * listening; the function it resolves to stops.
   */
  listen(
    channel: string,
    onNotice: (payload: string) => void,
    onResume?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * PGlite only: the data directory as one tar (gzip) file, taken between two statements, so it
   * is what a crash at that moment would leave, which PostgreSQL recovers from (ops/backup.ts).
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /** PostgreSQL only: the pool's connections, for /metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** Which backend this is, for the start-up line. */
  readonly kind: 'pglite' | 'postgres';
}
