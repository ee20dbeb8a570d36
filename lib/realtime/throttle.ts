/**
 * Runs `task` at most once per `intervalMs` however often it is asked for, one run at a time.
 * `settle` runs a pending request now and waits for it (rooms call it before unloading).
 */
export function throttle(task: () => Promise<void>, intervalMs: number) {
  let timer: NodeJS.Timeout | null = null;
  let lastRunAt = -Infinity;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const run = () => {
    timer = null;
    lastRunAt = Date.now();
    // `task` handles its own errors; a failed run must not stop later ones.
    running = running.then(task).catch(() => undefined);
    return running;
  };

  return {
    request() {
      if (timer || stopped) return;
      timer = setTimeout(run, Math.max(0, lastRunAt + intervalMs - Date.now()));
    },
    async settle() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
        await run();
      }
      await running;
    },
  };
}
