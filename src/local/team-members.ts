// The team's case workers (names only), kept on the device so a colleague can be named and chosen
// offline: conflicts, handover, cover. Fetched after a successful sync, at most every few minutes.
import type { TeamMember, TeamResponse } from '../shared/sync/protocol';
import type { FeldakteDb } from './db';
import { getMeta, setMeta } from './meta';

export const TEAM_REFRESH_MS = 10 * 60_000;

/**
 * Fetches `GET /api/team` when the stored list is older than TEAM_REFRESH_MS (or `force`). A failed
 * fetch keeps the stored list: it is only names, an older list is better than none.
 */
export async function refreshTeamMembers(
  db: FeldakteDb,
  { force = false, now = new Date(), fetchTeam = fetchTeamFromServer } = {},
): Promise<void> {
  const stored = await getMeta(db, 'team');
  if (!force && stored && now.getTime() - Date.parse(stored.fetchedAt) < TEAM_REFRESH_MS) return;
  const team = await fetchTeam();
  if (team) await setMeta(db, 'team', { ...team, fetchedAt: now.toISOString() });
}

async function fetchTeamFromServer(): Promise<TeamResponse | null> {
  try {
    const response = await fetch('/api/team', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<TeamResponse>;
    return Array.isArray(body.members) && body.team ? (body as TeamResponse) : null;
  } catch {
    return null;
  }
}

/** The stored members; empty before the first fetch. */
export async function teamMembers(db: FeldakteDb): Promise<TeamMember[]> {
  return (await getMeta(db, 'team'))?.members ?? [];
}
