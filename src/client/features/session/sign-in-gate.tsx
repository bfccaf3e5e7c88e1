// Nothing of the app renders before a user is known AND the device is unlocked. The last signed-in
// user's database opens locked at once, offline included; the PIN opens it ([K2]). A first sign-in
// on a device sets the PIN. The server session is checked in the background: an expired session
// keeps the app and its outbox ([S2]); a revoked device or disabled account deletes the local data
// and says why ([K6]).
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { ErrorBoundary, lazy } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { useSession, worksWithCases } from '../../state/session';
import { registerServiceWorker, useServiceWorker } from '../../sw-bridge';
import { isLegacyDatabase } from '../../../local/crypto/legacy-database';
import { canUnlockOnDevice } from '../../../local/crypto/vault';
import { setMeta } from '../../../local/meta';
import { isUnlocked } from '../../../local/crypto/keyring';
import { UpdateOffer } from '../settings/update-offer';
import { applyStoredLanguage, useLanguage } from '../../state/language';
import { useSyncScheduler } from '../sync/use-sync-scheduler';
import { fetchSession, endServerSession } from './session-api';
import { markServerSignedOut, readRememberedUserId, serverSignOutPending } from './remembered-user';
import { useAuthUi } from '../../state/auth-ui';
import { SignInForm } from './sign-in-form';
import { completeSignIn } from './complete-sign-in';
import { ReauthPrompt } from './reauth-prompt';
import { QuietBoundary } from '../../ui/screen-boundary';
import { LockScreen } from './lock-screen';
import { PinSetup } from './pin-setup';
import { ForeignData } from './foreign-data';
import { showPendingWipe, wipeThisDevice } from './device-wipe';
import { useAutoLock } from './use-auto-lock';
import { ConsoleLoader } from './console-loader';
import { actionFailureMessage } from '../../../local/write-failure';
import './session.css';

// Online only and rare (a one-time password): a chunk of its own, not on the first screen.
const NewPasswordStep = lazy(() =>
  import('./new-password-step').then((module) => module.NewPasswordStep),
);

export function SignInGate({ children }: { children: ComponentChildren }) {
  const user = useSession((state) => state.user);
  const db = useSession((state) => state.db);
  const lockedUserId = useSession((state) => state.lockedUserId);
  const language = useLanguage((state) => state.language);
  const { notice, pinSetupFor, foreignDataFor, forgotPin, passwordChangeFor } = useAuthUi();
  const updateAvailable = useServiceWorker((state) => state.updateAvailable);
  const [checking, setChecking] = useState(true);

  useEffect(() => {
    registerServiceWorker();
    let cancelled = false;
    void start()
      // A storage error at start (the database would not open): said on the sign-in screen.
      .catch((error: unknown) => useAuthUi.setState({ notice: actionFailureMessage(error) }))
      .then(() => {
        if (!cancelled) setChecking(false);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // Locked or not: a locked page still pushes the sealed outbox ([K5]).
  useSyncScheduler(db);
  useAutoLock(Boolean(user && db));

  // A one-time password (issue 14): its own password first, before the app or the console.
  if (passwordChangeFor) {
    return (
      <main class="sign-in">
        <h1 class="sign-in__title">{t('common.appName')}</h1>
        <ErrorBoundary
          onError={() =>
            useAuthUi.setState({ passwordChangeFor: null, notice: t('common.shell.loadFailed') })
          }
        >
          <NewPasswordStep
            user={passwordChangeFor.user}
            onDone={async (fresh, secrets) => {
              useAuthUi.setState({ passwordChangeFor: null });
              try {
                await completeSignIn(fresh, secrets ?? passwordChangeFor.secrets ?? {});
              } catch (error) {
                // The password is set; the device could not store the account: said here.
                useAuthUi.setState({ notice: actionFailureMessage(error) });
              }
            }}
            onCancel={() => void cancelPasswordChange()}
            onSignedOut={(message) =>
              useAuthUi.setState({ passwordChangeFor: null, notice: message })
            }
          />
        </ErrorBoundary>
      </main>
    );
  }

  // Coordinators and admins: the online console, a lazy chunk; no device database is opened.
  if (user && !worksWithCases(user)) {
    return (
      <Fragment key={language}>
        {updateAvailable && <UpdateOffer />}
        <ConsoleLoader user={user} />
      </Fragment>
    );
  }
  if (user && db) {
    return (
      <Fragment key={language}>
        {updateAvailable && <UpdateOffer />}
        <QuietBoundary>
          <ReauthPrompt db={db} user={user} />
        </QuietBoundary>
        {children}
      </Fragment>
    );
  }
  if (db && foreignDataFor) return <ForeignData db={db} />;
  if (db && pinSetupFor && isUnlocked(db.name)) return <PinSetup db={db} user={pinSetupFor} />;
  if (db && lockedUserId && !forgotPin) {
    return <LockScreen db={db} onForgot={() => useAuthUi.setState({ forgotPin: true })} />;
  }
  if (checking) {
    return (
      <main class="sign-in" aria-busy="true">
        <p role="status">{t('sync.signIn.checking')}</p>
      </main>
    );
  }
  return (
    <main class="sign-in">
      <h1 class="sign-in__title">{t('common.appName')}</h1>
      <h2>{t('sync.signIn.title')}</h2>
      <p>{forgotPin ? t('lock.screen.forgotIntro') : t('sync.signIn.intro')}</p>
      <SignInForm onSignedIn={completeSignIn} notice={notice} />
      {forgotPin && lockedUserId && (
        <button
          type="button"
          class="button button--ghost button--block"
          onClick={() => useAuthUi.setState({ forgotPin: false })}
        >
          {t('lock.screen.back')}
        </button>
      )}
    </main>
  );
}

/** App start: a wipe done meanwhile, the remembered user's database locked, then the server. */
async function start(): Promise<void> {
  void applyStoredLanguage();
  await showPendingWipe();
  const userId = serverSignOutPending() ? null : readRememberedUserId();
  // A database from before encryption is moved over at the next password sign-in, never opened here.
  if (userId && !(await isLegacyDatabase(userId))) {
    const db = useSession.getState().openLocked(userId);
    // No PIN yet (set-up broken off): only a password sign-in opens the key.
    if (!(await canUnlockOnDevice(db))) useSession.getState().signOut();
  }
  await checkServerSession();
}

async function checkServerSession(): Promise<void> {
  // A sign-out made offline still has to end the server session before anyone is let in.
  if (serverSignOutPending()) {
    if (await endServerSession()) markServerSignedOut();
    return;
  }
  const outcome = await fetchSession();
  try {
    if (outcome.kind === 'revoked') {
      await wipeThisDevice(outcome.reason);
      return;
    }
    if (outcome.kind !== 'ok') return; // offline or expired: the remembered user keeps working
    // A session started with a one-time password whose step was left (app closed): the step first.
    if (outcome.user.passwordChangeRequired) {
      useAuthUi.setState({ passwordChangeFor: { user: outcome.user } });
      return;
    }
    const { db, lockedUserId, user } = useSession.getState();
    const current = user?.id ?? lockedUserId;
    // The cookie decides who is signed in: another account's session switches to that account's db.
    if (current !== outcome.user.id) {
      await completeSignIn(outcome.user, outcome.sealKey ? { sealKey: outcome.sealKey } : {});
    } else if (db && outcome.sealKey) {
      // Best effort: the seal key comes again with the next session answer.
      await setMeta(db, 'sealKey', outcome.sealKey).catch(() => undefined);
    }
  } catch (error) {
    // The device could not store what the server answered: said on the sign-in screen.
    useAuthUi.setState({ notice: actionFailureMessage(error) });
  }
}

/** "Abbrechen und abmelden" in the password step: the session ends; nothing was stored yet. */
async function cancelPasswordChange(): Promise<void> {
  await endServerSession();
  const { user } = useSession.getState();
  // Only an account that was already open here (the console, a re-sign-in) is signed out.
  if (user?.passwordChangeRequired || (user && !worksWithCases(user)))
    useSession.getState().signOut();
  useAuthUi.setState({ passwordChangeFor: null });
}
