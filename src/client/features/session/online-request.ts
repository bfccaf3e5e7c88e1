// The one helper for the screens' online requests (the privacy pages, the console): the request
// itself is requestJson's (src/local/json-request.ts: same origin, never cached, a timeout over
// the whole answer, a captive portal counts as offline), and every outcome is a value the screen
// can show in German; nothing here throws for a network or server failure. The end of a session is handled
// here once, for every screen: a 401 or a 403 `password_change_required` goes to the session
// handler (the phone's by default; the console sets its own while it is open).
import type { ApiError } from '../../../shared/sync/protocol';
import { openReauth, useAuthUi } from '../../state/auth-ui';
import { useSession } from '../../state/session';
import { wipeThisDevice } from './device-wipe';
import { actionFailureMessage } from '../../../local/write-failure';
import { apiErrorText } from '../../../shared/i18n/message';
import { requestJson } from '../../../local/json-request';

export type OnlineFailureKind =
  /** No connection, a timeout, or an answer that is not our server's (a captive portal). */
  | 'offline'
  /** 401: the session ended; the session handler already acted. */
  | 'signedOut'
  /** 403 password_change_required: the "Neues Passwort festlegen" step is shown. */
  | 'passwordChange'
  | 'notFound'
  /** 400: bad input; `message` (German) and maybe the `field` it is about. */
  | 'invalid'
  /** Any other 4xx (403, 409, ...), with the server's German message. */
  | 'refused'
  | 'server';

export interface OnlineFailure {
  ok: false;
  kind: OnlineFailureKind;
  status?: number;
  /** The server's error code (`ApiError.error`). */
  code?: string;
  message?: string;
  field?: string;
}

export type OnlineOutcome<T> = { ok: true; value: T } | OnlineFailure;

/** Why the server refused the session (ApiError codes of 401, and the one 403). */
export type SessionProblem =
  | 'not_signed_in'
  | 'session_expired'
  | 'device_revoked'
  | 'user_disabled'
  | 'password_change_required';

/** The phone's way: a revoked device or disabled account wipes ([K6]), an ended session asks. */
async function phoneSessionProblem(problem: SessionProblem): Promise<void> {
  if (problem === 'device_revoked' || problem === 'user_disabled') {
    try {
      await wipeThisDevice(problem);
    } catch (error) {
      // The database would not go: said on the sign-in screen (the next start tries again).
      useAuthUi.setState({ notice: actionFailureMessage(error) });
    }
  } else if (problem === 'password_change_required') {
    const user = useSession.getState().user;
    if (user) useAuthUi.setState({ passwordChangeFor: { user } });
  } else {
    openReauth();
  }
}

let sessionHandler: (problem: SessionProblem) => void | Promise<void> = phoneSessionProblem;

/** The console handles the end of its session itself while it is open; returns the undo. */
export function handleSessionProblems(
  handler: (problem: SessionProblem) => void | Promise<void>,
): () => void {
  const before = sessionHandler;
  sessionHandler = handler;
  return () => {
    sessionHandler = before;
  };
}

const refusals = new Set<string>([
  'not_signed_in',
  'session_expired',
  'device_revoked',
  'user_disabled',
]);

export async function onlineRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  { fetch: send = fetch }: { fetch?: typeof fetch } = {},
): Promise<OnlineOutcome<T>> {
  const response = await requestJson({ method, url, body, fetch: send });
  if (response.kind === 'offline') return { ok: false, kind: 'offline' };
  const { payload } = response;
  if (response.ok) return { ok: true, value: payload as T };
  const error = (payload ?? {}) as Partial<ApiError>;
  const failure = {
    ok: false as const,
    status: response.status,
    ...(typeof error.error === 'string' ? { code: error.error } : {}),
    // The refusal in the chosen language (its key), or the German text for a key this app lacks.
    ...(typeof error.message === 'string' ? { message: apiErrorText(error) } : {}),
    ...(typeof error.field === 'string' ? { field: error.field } : {}),
  };
  if (response.status === 401) {
    const problem = refusals.has(error.error ?? '') ? error.error : 'not_signed_in';
    await sessionHandler(problem as SessionProblem);
    return { ...failure, kind: 'signedOut' };
  }
  if (response.status === 403 && error.error === 'password_change_required') {
    await sessionHandler('password_change_required');
    return { ...failure, kind: 'passwordChange' };
  }
  if (response.status === 404) return { ...failure, kind: 'notFound' };
  if (response.status === 400) return { ...failure, kind: 'invalid' };
  if (response.status < 500) return { ...failure, kind: 'refused' };
  return { ...failure, kind: 'server' };
}
