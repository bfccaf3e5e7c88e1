// Auto-lock (issue 11): after N minutes without interaction, or when the app comes back after more
// than N minutes in the background, the key is dropped and the lock screen shows. N is a device
// setting (1 to 30, default 5), stored in localStorage: it names no one. The clock and timers are
// injected so a test drives it with a fake clock.

export const DEFAULT_AUTO_LOCK_MINUTES = 5;
export const MIN_AUTO_LOCK_MINUTES = 1;
export const MAX_AUTO_LOCK_MINUTES = 30;
const STORAGE_KEY = 'feldakte.autoLockMinutes';

export function readAutoLockMinutes(): number {
  const value = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
  return Number.isInteger(value) && value >= MIN_AUTO_LOCK_MINUTES && value <= MAX_AUTO_LOCK_MINUTES
    ? value
    : DEFAULT_AUTO_LOCK_MINUTES;
}

export function writeAutoLockMinutes(minutes: number): void {
  const clamped = Math.min(
    MAX_AUTO_LOCK_MINUTES,
    Math.max(MIN_AUTO_LOCK_MINUTES, Math.round(minutes)),
  );
  localStorage.setItem(STORAGE_KEY, String(clamped));
}

export interface AutoLockOptions {
  minutes: () => number;
  onLock: () => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface AutoLock {
  /** Any interaction: the idle time starts again. */
  activity(): void;
  /** The page went to the background. */
  hidden(): void;
  /** The page is back: locks at once when it was away too long. */
  visible(): void;
  stop(): void;
}

export function createAutoLock(options: AutoLockOptions): AutoLock {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let lastActivity = now();
  let hiddenAt: number | null = null;
  let timer: unknown;
  let stopped = false;

  const limitMs = () => options.minutes() * 60_000;

  function lock(): void {
    if (stopped) return;
    stopped = true;
    clearTimer(timer);
    options.onLock();
  }

  function arm(): void {
    clearTimer(timer);
    if (stopped) return;
    const left = lastActivity + limitMs() - now();
    if (left <= 0) lock();
    // Re-checked when it fires: a throttled background timer may fire late, never early.
    else timer = setTimer(check, left);
  }

  function check(): void {
    if (now() - lastActivity >= limitMs()) lock();
    else arm();
  }

  arm();
  return {
    activity() {
      if (stopped) return;
      lastActivity = now();
      arm();
    },
    hidden() {
      hiddenAt = now();
    },
    visible() {
      if (hiddenAt !== null && now() - hiddenAt >= limitMs()) lock();
      else check();
      hiddenAt = null;
    },
    stop() {
      stopped = true;
      clearTimer(timer);
    },
  };
}
