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

/**
 * What a listener hears: a notification with its payload, or `gap`: notifications may have been
 * missed (the PostgreSQL LISTEN connection was lost, and again when it is back), so whatever the
 * listener keeps must be treated as "everything may have changed".
 */
export type BusEvent = { kind: 'message'; payload: string } | { kind: 'gap' };
export type BusHandler = (event: BusEvent) => void;

export interface Store extends Queryable {
  /**
   * Runs `fn` in one READ COMMITTED transaction on one connection: it commits when `fn` resolves
   * and rolls back when it throws. Team-scoped writers serialise on the team row lock ([V1]).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The notification bus (store/notification-bus.ts): `handler` hears every notification on
   * `channel` made by any process on this database (this one included) after its transaction
   * committed. Resolves once listening; the returned function stops it.
   */
  listen(channel: string, handler: BusHandler): Promise<() => void>;
  /** Notifies `channel` (autocommit; inside a transaction use `notifyIn` instead). */
  notify(channel: string, payload?: string): Promise<void>;
  /**
   * Whether notifications are heard right now. False on PostgreSQL while the LISTEN connection is
   * down or before the first `listen`: a cache that relies on the bus must not be trusted then.
   */
  listening(): boolean;
  close(): Promise<void>;
  /** Which backend this is, for the start-up line. */
  readonly kind: 'pglite' | 'postgres';
}
