// The session endpoints (GET/POST/DELETE /api/session). Credentials travel only in the body; every
// outcome is a value the sign-in screen can show in German.
import type { SessionUser } from '../../../shared/sync/protocol';
import type { SealKey } from '../../../shared/sync/sealed-envelope';
import type { WipeReason } from '../../../local/active-user';
import { deviceId, deviceName } from './device-identity';
import { requestJson, type JsonAnswer } from '../../../local/json-request';

export type SessionOutcome =
  | {
      kind: 'ok';
      user: SessionUser;
      /** Only in the answer to a password sign-in: unwraps the data key (forgotten PIN). */
      recoverySecret?: string;
      /** The server's key for the sealed outbox ([K3]). */
      sealKey?: SealKey;
    }
  | { kind: 'unauthorized'; message?: string }
  /** 401 device_revoked / user_disabled: the device deletes its data ([K6]). */
  | { kind: 'revoked'; reason: Extract<WipeReason, 'device_revoked' | 'user_disabled'> }
  | { kind: 'tooMany' }
  | { kind: 'offline' }
  | { kind: 'server' };

export function fetchSession(): Promise<SessionOutcome> {
  return request('GET');
}

export function signInWithPassword(email: string, password: string): Promise<SessionOutcome> {
  return request('POST', { email, password, deviceId: deviceId(), deviceName: deviceName() });
}

/**
 * Names this device in the team's device list (PIN set-up). Best effort: offline, the name goes
 * with the next sign-in (deviceName()). Resolves whether the server took it.
 */
export async function renameThisDevice(name: string): Promise<boolean> {
  const answer = await requestJson({ method: 'PATCH', url: '/api/session/device', body: { name } });
  return answer.kind === 'answer' && answer.ok;
}

/** Ends the server session; resolves false when the server could not be reached. */
export async function endServerSession(): Promise<boolean> {
  const answer = await send('DELETE');
  // 401: the session had already ended, which is what we want.
  return answer.kind === 'answer' && (answer.ok || answer.status === 401);
}

async function request(method: 'GET' | 'POST', body?: unknown): Promise<SessionOutcome> {
  const response = await send(method, body);
  if (response.kind === 'offline') return { kind: 'offline' };
  if (response.status === 401) {
    const code = (response.payload as { error?: unknown } | null)?.error;
    if (code === 'device_revoked' || code === 'user_disabled')
      return { kind: 'revoked', reason: code };
    return { kind: 'unauthorized' };
  }
  if (response.status === 403) return { kind: 'unauthorized' };
  if (response.status === 429) return { kind: 'tooMany' };
  if (!response.ok) return { kind: 'server' };
  const payload = response.payload as
    { user?: SessionUser; recoverySecret?: string; sealKey?: SealKey } | SessionUser | null;
  const user =
    payload && 'user' in payload && payload.user ? payload.user : (payload as SessionUser | null);
  // Anything else is a captive portal's page, not our server: for the person, no connection.
  if (!user || typeof user.id !== 'string' || typeof user.team?.id !== 'string')
    return { kind: 'offline' };
  const extra = payload && 'user' in payload ? payload : {};
  return {
    kind: 'ok',
    user,
    ...(typeof extra.recoverySecret === 'string' ? { recoverySecret: extra.recoverySecret } : {}),
    ...(isSealKey(extra.sealKey) ? { sealKey: extra.sealKey } : {}),
  };
}

function isSealKey(value: unknown): value is SealKey {
  const key = value as SealKey | undefined;
  return typeof key?.kid === 'string' && typeof key.publicKey === 'string';
}

function send(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<JsonAnswer> {
  return requestJson({ method, url: '/api/session', body });
}
