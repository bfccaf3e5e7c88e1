// One-tap actions (a status button, a done tick, "Rückgängig") write through src/local like forms
// do, and like forms they show every failure where the THM acted: a refusal of the rules and a
// storage error that throws. Forms use use-draft-form.ts; everything else uses this module
// (test/house/write-failures.test.ts fails on a write call that uses neither).
import { useState } from 'preact/hooks';
import { actionFailureMessage } from '../../local/write-failure';
import { t } from '../../shared/i18n/t';
import { showActionToast } from '../state/toast';

type Refusal = { ok: false; message: string };
type Outcome = { ok: true } | Refusal;

/** Runs `write`; a storage error that throws comes back as a refusal with a German message. */
export async function attemptWrite<R extends Outcome>(
  write: () => Promise<R>,
): Promise<R | Refusal> {
  try {
    return await write();
  } catch (error) {
    return { ok: false, message: actionFailureMessage(error) };
  }
}

export interface WriteAction {
  /** The last failure, for a FormAlert at the action; null after a success. */
  message: string | null;
  busy: boolean;
  /** Runs `write`; answers the success (or null after showing the failure). */
  run<R extends Outcome>(write: () => Promise<R>): Promise<Extract<R, { ok: true }> | null>;
  /** Shows a failure found before writing (a rule checked at the action). */
  refuse(message: string | null): void;
}

export function useWriteAction(): WriteAction {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    message,
    busy,
    refuse: setMessage,
    run: async <R extends Outcome>(write: () => Promise<R>) => {
      setBusy(true);
      const result = await attemptWrite(write);
      setBusy(false);
      if (!result.ok) {
        setMessage(result.message);
        return null;
      }
      setMessage(null);
      return result as Extract<R, { ok: true }>;
    },
  };
}

/**
 * Confirms a done action with "Rückgängig" for 10 s. `undo` writes the previous values back
 * through src/local (an ordinary change: offline, synced); its failure shows in the toast.
 */
export function offerUndo(message: string, undo: () => Promise<Outcome>, undoneMessage: string) {
  showActionToast(message, {
    label: t('common.undo.action'),
    name: t('common.undo.label', { what: message }),
    run: async () => {
      const result = await attemptWrite(undo);
      return result.ok ? { message: undoneMessage } : { message: result.message, failed: true };
    },
  });
}
