import { afterEach, describe, expect, it, vi } from 'vitest';
import { inFlight, trackWork, whenIdle } from './in-flight';

/** Work that ends exactly when the test says so (no timer decides the order). */
function controllable() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('in-flight request work', () => {
  it('when work is running, then whenIdle waits for it and resolves true once it ends (also when it fails)', async () => {
    // Arrange
    const ok = controllable();
    const failing = controllable();
    const okRun = trackWork(ok.work);
    const failingRun = trackWork(failing.work).catch(() => 'caught');
    let settled: boolean | undefined;
    const idle = whenIdle(1_000).then((value) => (settled = value));

    // Act + Assert: still busy after the first ends, idle once the failing one ends too.
    expect(inFlight()).toBe(2);
    failing.fail(new Error('query failed'));
    await failingRun;
    expect(inFlight()).toBe(1);
    expect(settled).toBeUndefined();
    ok.finish();
    await okRun;

    expect(await idle).toBe(true);
    expect(inFlight()).toBe(0);
  });

  it('when work outlives the timeout, then whenIdle gives up with false, and true once the work ends', async () => {
    // Arrange: a clock the test moves by hand.
    vi.useFakeTimers();
    const slow = controllable();
    const run = trackWork(slow.work);

    // Act + Assert: not given up at 19 ms, given up at 20 ms while the work still runs.
    let result: boolean | undefined;
    const gaveUp = whenIdle(20).then((value) => (result = value));
    await vi.advanceTimersByTimeAsync(19);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(await gaveUp).toBe(false);
    expect(inFlight()).toBe(1);
    const waiting = whenIdle(20);
    slow.finish();
    await run;
    expect(await waiting).toBe(true);
  });
});
