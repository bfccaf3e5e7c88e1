// E-mail + password. The first sign-in on a device needs the network; every error is German and
// says what to do. Used for the first sign-in and for signing in again after the session expired.
import { useState } from 'preact/hooks';
import type { SessionUser } from '../../../shared/sync/protocol';
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { actionFailureMessage } from '../../../local/write-failure';
import { signInWithPassword, type SessionOutcome } from './session-api';
import type { SignInSecrets } from './complete-sign-in';

export interface SignInFormProps {
  onSignedIn(user: SessionUser, secrets: SignInSecrets): void | Promise<void>;
  initialEmail?: string;
  /** Shown above the form, e.g. why sign-in is needed. */
  notice?: string | null;
}

export function SignInForm({ onSignedIn, initialEmail = '', notice }: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!email.trim() || !password) {
      setError(t('sync.signIn.errors.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    const outcome = await signInWithPassword(email.trim(), password);
    setBusy(false);
    if (outcome.kind === 'ok') {
      setPassword('');
      const { user, recoverySecret, sealKey } = outcome;
      try {
        await onSignedIn(user, {
          ...(recoverySecret ? { recoverySecret } : {}),
          ...(sealKey ? { sealKey } : {}),
        });
      } catch (error) {
        // Signed in at the server, but the device could not store the account or its key.
        setError(actionFailureMessage(error));
      }
    } else {
      setError(signInError(outcome));
    }
  }

  return (
    <form class="sign-in-form" onSubmit={submit} noValidate autoComplete="off">
      {/* Why the phone is signed out (revoked, wiped, storage failure): the most important thing
          it will say, so not small print (issue 27 item 8). */}
      {notice && (
        <p class="sign-in__notice" role="alert">
          {notice}
        </p>
      )}
      <FormAlert message={error} />
      <TextField
        name="email"
        type="email"
        label={t('sync.signIn.email')}
        autoComplete="username"
        inputMode="email"
        required
        value={email}
        onValue={setEmail}
      />
      <TextField
        name="password"
        type="password"
        label={t('sync.signIn.password')}
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <Button type="submit" variant="primary" block disabled={busy}>
        {busy ? t('sync.signIn.submitting') : t('sync.signIn.submit')}
      </Button>
    </form>
  );
}

function signInError(outcome: Exclude<SessionOutcome, { kind: 'ok' }>): string {
  switch (outcome.kind) {
    case 'unauthorized':
      return t('sync.signIn.errors.wrong');
    case 'revoked':
      return t(`lock.wiped.${outcome.reason}`);
    case 'tooMany':
      return t('sync.signIn.errors.tooMany');
    case 'offline':
      return t('sync.signIn.errors.offline');
    case 'server':
      return t('sync.signIn.errors.server');
  }
}
