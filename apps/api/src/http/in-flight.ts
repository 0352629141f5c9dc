/**
 * Request work still running, whether or not its client is still there. A client that goes away
 * mid-request closes its socket, so `server.close()` can complete while that request's handler
 * still queries the database; shutdown waits for this count to reach zero before it closes the
 * pool (docs/performance.md F10).
 */
let running = 0;
const waiters = new Set<() => void>();

export async function trackWork<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    running--;
    if (running === 0) for (const wake of [...waiters]) wake();
  }
}

export const inFlight = (): number => running;

/** Resolves true once no tracked work runs, or false after `timeoutMs`. */
export function whenIdle(timeoutMs: number): Promise<boolean> {
  if (running === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve(true);
    };
    const timer = setTimeout(() => {
      waiters.delete(wake);
      resolve(false);
    }, timeoutMs);
    timer.unref();
    waiters.add(wake);
  });
}
