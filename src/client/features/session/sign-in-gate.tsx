// Nothing of the app renders before a user is known. The last signed-in user opens at once, offline
// included, with their own database; the server session is checked in the background. An expired
// session keeps the app and its outbox: the person signs in again when it suits them ([S2]).
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/t';
import { useSession } from '../../state/session';
import { registerServiceWorker, useServiceWorker } from '../../sw-bridge';
import { UpdateOffer } from '../settings/update-offer';
import { applyStoredLanguage, useLanguage } from '../settings/language';
import { useSyncScheduler } from '../sync/use-sync-scheduler';
import { fetchSession, endServerSession } from './session-api';
import {
  markServerSignedOut,
  readRememberedUser,
  rememberUser,
  serverSignOutPending,
} from './remembered-user';
import { useAuthUi } from './auth-ui';
import { SignInForm } from './sign-in-form';
import { completeSignIn } from './complete-sign-in';
import { ReauthPrompt } from './reauth-prompt';
import './session.css';

export function SignInGate({ children }: { children: ComponentChildren }) {
  const user = useSession((state) => state.user);
  const db = useSession((state) => state.db);
  const language = useLanguage((state) => state.language);
  const notice = useAuthUi((state) => state.notice);
  const updateAvailable = useServiceWorker((state) => state.updateAvailable);
  const [checking, setChecking] = useState(() => startFromRememberedUser());

  useEffect(() => {
    registerServiceWorker();
    let cancelled = false;
    void checkServerSession().then(() => {
      if (!cancelled) setChecking(false);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useSyncScheduler(db);

  if (user && db) {
    return (
      <Fragment key={language}>
        {updateAvailable && <UpdateOffer />}
        <ReauthPrompt db={db} user={user} />
        {children}
      </Fragment>
    );
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
      <p>{t('sync.signIn.intro')}</p>
      <SignInForm onSignedIn={completeSignIn} notice={notice} />
    </main>
  );
}

/** Opens the remembered user's database before any network; returns whether to wait for the server. */
function startFromRememberedUser(): boolean {
  void applyStoredLanguage();
  const remembered = serverSignOutPending() ? null : readRememberedUser();
  if (remembered) useSession.getState().signIn(remembered);
  return !remembered;
}

async function checkServerSession(): Promise<void> {
  // A sign-out made offline still has to end the server session before anyone is let in.
  if (serverSignOutPending()) {
    if (await endServerSession()) markServerSignedOut();
    return;
  }
  const outcome = await fetchSession();
  if (outcome.kind !== 'ok') return; // offline or expired: the remembered user keeps working
  const current = useSession.getState().user;
  // The cookie decides who is signed in: another account's session switches to that account's db.
  if (!current || current.id !== outcome.user.id) await completeSignIn(outcome.user);
  else {
    await rememberUser(outcome.user);
    useSession.getState().signIn(outcome.user);
  }
}
