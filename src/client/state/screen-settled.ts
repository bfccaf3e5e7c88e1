// When the screen on show has what it reads: every live query (ui/use-live-query.ts) has answered
// once and no new one started for a frame. Work that can wait (the case index after the PIN, the
// reminder scheduler, the start sync) waits for that moment, so it does not compete with Heute's
// lists on a slow phone; a screen that never settles is given `maxWaitMs`.

let pending = 0;
let started = 0;
const listeners = new Set<() => void>();

/** A live query starts; call the function it returns when it first answered (or ended). */
export function liveQueryStarted(): () => void {
  pending += 1;
  started += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending -= 1;
    if (pending === 0) for (const listener of [...listeners]) listener();
  };
}

export const SETTLE_MAX_WAIT_MS = 3_000;

/**
 * Runs `task` once a screen rendered after this call has settled (a live query started since,
 * all answered, one frame drawn with none new), or after `maxWaitMs`. Returns a cancel function.
 */
export function afterScreenSettled(task: () => void, maxWaitMs = SETTLE_MAX_WAIT_MS): () => void {
  const since = started;
  let finished = false;
  let frame: number | undefined;
  let check: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    finished = true;
    listeners.delete(onChange);
    clearTimeout(timer);
    clearTimeout(check);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
  const run = () => {
    if (finished) return;
    stop();
    task();
  };
  function onChange(): void {
    if (pending > 0 || started === since) return;
    if (frame !== undefined) cancelAnimationFrame(frame);
    // After the next frame is drawn, and only if nothing new started meanwhile.
    const seen = started;
    frame = requestAnimationFrame(() => {
      check = setTimeout(() => {
        if (pending === 0 && started === seen) run();
      }, 0);
    });
  }
  const timer = setTimeout(run, maxWaitMs);
  listeners.add(onChange);
  return stop;
}
