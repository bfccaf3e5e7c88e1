// Short confirmations ("Gespeichert"): UI state; src/client/ui/toast.tsx shows them in a polite
// live region and they disappear by themselves. A toast may carry one action ("Rückgängig"): it
// stays 10 s, and its timer pauses while the THM points at it or has the button focused (a screen
// reader user reaching it needs the time; WCAG 2.2.1).
import { create } from './create-store';

/** What the toast's button does; answers the message to show next (a failure stays readable). */
export interface ToastAction {
  /** Visible text ("Rückgängig"). */
  label: string;
  /** Accessible name that starts with the visible text ("Rückgängig: Einwilligung widerrufen"). */
  name: string;
  run(): Promise<{ message: string; failed?: boolean }>;
}

interface ToastState {
  message: string | null;
  seq: number;
  action: ToastAction | null;
  /** A failed action's message is an alert, not a polite status. */
  failed: boolean;
}

export const useToast = create<ToastState>(() => ({
  message: null,
  seq: 0,
  action: null,
  failed: false,
}));

export const UNDO_MS = 10_000;

let timer: ReturnType<typeof setTimeout> | undefined;
let remaining = 0;
let startedAt = 0;
let paused = false;

function startTimer(ms: number): void {
  clearTimeout(timer);
  remaining = ms;
  startedAt = Date.now();
  if (!paused) timer = setTimeout(hideToast, ms);
}

export function showToast(message: string, ms = 3000): void {
  useToast.setState((state) => ({ message, seq: state.seq + 1, action: null, failed: false }));
  startTimer(ms);
}

/** A toast with one action (undo), shown `ms` (10 s) while not paused. */
export function showActionToast(message: string, action: ToastAction, ms = UNDO_MS): void {
  paused = false;
  useToast.setState((state) => ({ message, seq: state.seq + 1, action, failed: false }));
  startTimer(ms);
}

/** A failure in the toast (its action did not work): an alert, readable for longer. */
export function showToastFailure(message: string, ms = UNDO_MS): void {
  useToast.setState((state) => ({ message, seq: state.seq + 1, action: null, failed: true }));
  startTimer(ms);
}

export function hideToast(): void {
  clearTimeout(timer);
  paused = false;
  useToast.setState({ message: null, action: null, failed: false });
}

/** Stops the clock (pointer over the toast, its button focused). */
export function pauseToast(): void {
  if (paused) return;
  paused = true;
  clearTimeout(timer);
  remaining = Math.max(0, remaining - (Date.now() - startedAt));
}

/** Lets the clock run on with what was left, never less than 2 s to read the rest. */
export function resumeToast(): void {
  if (!paused) return;
  paused = false;
  if (useToast.getState().message === null) return;
  startTimer(Math.max(remaining, 2000));
}
