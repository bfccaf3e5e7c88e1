// Binds auto-lock to the page while the app is unlocked: touches, keys and scrolls count as
// interaction; visibilitychange tells background time. Locking drops the key ([K2]).
import { useEffect } from 'preact/hooks';
import { createAutoLock, readAutoLockMinutes } from '../../state/auto-lock';
import { useSession } from '../../state/session';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export function useAutoLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const autoLock = createAutoLock({
      minutes: readAutoLockMinutes,
      onLock: () => useSession.getState().lock(),
    });
    const onActivity = () => autoLock.activity();
    const onVisibility = () =>
      document.visibilityState === 'hidden' ? autoLock.hidden() : autoLock.visible();
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    }
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      autoLock.stop();
      for (const name of ACTIVITY_EVENTS) {
        window.removeEventListener(name, onActivity, { capture: true });
      }
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active]);
}
