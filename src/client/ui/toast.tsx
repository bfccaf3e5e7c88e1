// The live region for short confirmations (src/client/state/toast.ts holds the message). A toast
// with an action ("Rückgängig") shows its button here; pointing at it or focusing the button
// pauses its clock, and the outcome of the action (done or failed) replaces the message.
import {
  hideToast,
  pauseToast,
  resumeToast,
  showToast,
  showToastFailure,
  useToast,
} from '../state/toast';

export function Toasts() {
  const { message, action, failed, seq } = useToast();
  const run = async () => {
    if (!action) return;
    hideToast();
    // The button goes away: focus goes to the page title instead of getting lost on the body.
    document.querySelector<HTMLElement>('.app-header__title')?.focus();
    const outcome = await action.run();
    if (outcome.failed) showToastFailure(outcome.message);
    else showToast(outcome.message);
  };
  return (
    <>
      <div class="toast-region" role="status" aria-live="polite">
        {message && !failed && (
          <div
            key={seq}
            class={action ? 'toast toast--action' : 'toast'}
            onMouseEnter={pauseToast}
            onMouseLeave={resumeToast}
          >
            <p class="toast__text">{message}</p>
            {action && (
              <button
                type="button"
                class="toast__action"
                aria-label={action.name}
                onClick={() => void run()}
                onFocus={pauseToast}
                onBlur={resumeToast}
              >
                {action.label}
              </button>
            )}
          </div>
        )}
      </div>
      {message && failed && (
        <div key={seq} class="toast-region" role="alert">
          <div class="toast toast--failed">
            <p class="toast__text">{message}</p>
          </div>
        </div>
      )}
    </>
  );
}
