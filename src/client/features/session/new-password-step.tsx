// "Neues Passwort festlegen" (issue 14): after a sign-in with a one-time password (an admin's
// reset, a new account) this comes before anything else, on the phone and in the console. The
// server refuses every other call of that session until it is done (403 password_change_required).
import type { SessionUser } from '../../../shared/sync/protocol';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/password';
import { t } from '../../../shared/i18n/t';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { refused, useDraftForm } from '../../ui/use-draft-form';
import { onlineRequest } from './online-request';
import { signInWithPassword } from './session-api';
import type { SignInSecrets } from './complete-sign-in';
import { worksWithCases } from '../../state/session';

interface Draft {
  password: string;
  repeat: string;
}

export interface NewPasswordStepProps {
  user: SessionUser;
  /**
   * The new password is stored; `user` is the session's account without the mark. `secrets`: a
   * THM's phone signed in again with the new password, since the server hands the recovery secret
   * only to a sign-in with the account's own password ([S5]); none when that sign-in failed.
   */
  onDone(user: SessionUser, secrets?: SignInSecrets): void | Promise<void>;
  /** "Abbrechen und abmelden". */
  onCancel(): void;
  /** The session ended meanwhile: back to the sign-in with this message. */
  onSignedOut(message: string): void;
}

export function NewPasswordStep({ user, onDone, onCancel, onSignedOut }: NewPasswordStepProps) {
  const min = MIN_PASSWORD_LENGTH;
  const form = useDraftForm({
    initial: { password: '', repeat: '' } as Draft,
    savedMessage: t('sync.newPassword.saved'),
    async save(draft) {
      if (draft.password.length < min)
        return refused(null, { password: t('sync.newPassword.errors.tooShort', { min }) });
      if (draft.password !== draft.repeat)
        return refused(null, { repeat: t('sync.newPassword.errors.mismatch') });
      const outcome = await onlineRequest<{ user: SessionUser }>('POST', '/api/session/password', {
        password: draft.password,
      });
      if (outcome.ok) {
        const changed = outcome.value.user;
        if (!worksWithCases(changed)) return { ok: true as const, user: changed };
        const again = await signInWithPassword(changed.email, draft.password);
        if (again.kind !== 'ok') return { ok: true as const, user: changed };
        const { recoverySecret, sealKey } = again;
        return {
          ok: true as const,
          user: again.user,
          secrets: {
            ...(recoverySecret ? { recoverySecret } : {}),
            ...(sealKey ? { sealKey } : {}),
          },
        };
      }
      if (outcome.kind === 'invalid')
        return refused(null, { password: outcome.message ?? t('sync.newPassword.errors.server') });
      if (outcome.kind === 'signedOut') {
        onSignedOut(t('sync.newPassword.errors.signedOut'));
        return refused(t('sync.newPassword.errors.signedOut'));
      }
      return refused(
        outcome.kind === 'offline'
          ? t('sync.newPassword.errors.offline')
          : (outcome.message ?? t('sync.newPassword.errors.server')),
      );
    },
    onSaved: (result) => void onDone(result.user, 'secrets' in result ? result.secrets : undefined),
  });

  return (
    <form class="sign-in-form" {...form.formProps}>
      <h2>{t('sync.newPassword.title')}</h2>
      <p>{t('sync.newPassword.intro')}</p>
      <p class="hint">{user.email}</p>
      <FormAlert message={form.message} />
      {/* For the browser's password manager: the account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={user.email} />
      <TextField
        {...form.field('password')}
        type="password"
        label={t('sync.newPassword.password')}
        hint={t('sync.newPassword.passwordHint', { min })}
        autoComplete="new-password"
        required
      />
      <TextField
        {...form.field('repeat')}
        type="password"
        label={t('sync.newPassword.repeat')}
        autoComplete="new-password"
        required
      />
      <Button type="submit" variant="primary" block disabled={form.saving}>
        {form.saving ? t('sync.newPassword.submitting') : t('sync.newPassword.submit')}
      </Button>
      <Button variant="ghost" block onClick={onCancel}>
        {t('sync.newPassword.signOut')}
      </Button>
    </form>
  );
}
