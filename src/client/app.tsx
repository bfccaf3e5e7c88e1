// The app: the sign-in gate (sign-in, PIN set-up, lock screen, or the console for coordinators)
// and, once a THM's database is unlocked, the shell with every screen (shell.tsx).
import { ErrorBoundary, LocationProvider, lazy } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { SignInGate } from './features/session/sign-in-gate';
import { errorName } from '../shared/error-name';

// The shell is a chunk of its own: a start shows the lock screen (or sign-in) without waiting for
// it. Its loading starts right after the first render, so it is there by the time the PIN is
// typed and the key derived; from the service worker's cache either way.
const loadShell = () => import('./shell');
const Shell = lazy(() => loadShell().then((m) => m.GuardedShell));

export function App() {
  useEffect(() => {
    void loadShell().catch(() => undefined);
  }, []);
  return (
    <LocationProvider>
      <SignInGate>
        {/* Waits for the shell's chunk (preact-iso's lazy suspends until it has loaded). */}
        <ErrorBoundary onError={(error) => console.error('Shell failed', errorName(error))}>
          <Shell />
        </ErrorBoundary>
      </SignInGate>
    </LocationProvider>
  );
}
