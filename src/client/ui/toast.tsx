// The live region for short confirmations (src/client/state/toast.ts holds the message).
import { useToast } from '../state/toast';

export function Toasts() {
  const message = useToast((state) => state.message);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {message && <p class="toast">{message}</p>}
    </div>
  );
}
