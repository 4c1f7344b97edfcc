/** If no frame comes (a window the system stopped drawing), the task runs anyway after this long. */
const AT_LATEST_MS = 100;

/**
 * Runs `task` right after the next frame has been painted (a frame callback, then a task queued from
 * it), for work that should not hold that frame up: a screen painted from what is at hand first, its
 * reads started after. Answers a function that cancels it.
 */
export function afterNextPaint(task: () => void): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    task();
  };
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
  const fallback = setTimeout(run, AT_LATEST_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}
