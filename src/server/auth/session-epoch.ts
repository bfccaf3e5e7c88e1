// The session epoch (migration 080): a counter the database moves on, in the same transaction, with
// every change that alters a session check. A session check reads it with the session; a sync
// statement reads it with its data. When they differ, something changed since the check (maybe on
// another instance, whose notification has not arrived yet): the request is checked again before
// anything it read is sent or anything it wrote is kept.

/** The epoch as a column of any statement. */
export const SESSION_EPOCH_SQL = '(SELECT epoch FROM session_epoch)';

/** A sync statement read another epoch than the session check: check the session again. */
export class SessionChanged extends Error {
  constructor() {
    super('Die Sitzung hat sich seit ihrer Prüfung geändert.');
    this.name = 'SessionChanged';
  }
}

/** Throws SessionChanged unless the epoch a statement read is the one read with the session. */
export function assertSessionEpoch(
  expected: number | undefined,
  read: number | string | null,
): void {
  if (expected !== undefined && Number(read) !== expected) throw new SessionChanged();
}
