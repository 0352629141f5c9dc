import { describe, expect, it } from 'vitest';
import { inFlight, trackWork, whenIdle } from './in-flight';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('in-flight request work', () => {
  it('when work is running, then whenIdle waits for it and resolves true once it ends (also when it fails)', async () => {
    const ok = trackWork(async () => later(30));
    const failing = trackWork(async () => {
      await later(10);
      throw new Error('query failed');
    }).catch(() => 'caught');

    expect(inFlight()).toBe(2);
    const idle = await whenIdle(1_000);

    expect(idle).toBe(true);
    expect(inFlight()).toBe(0);
    await Promise.all([ok, failing]);
  });

  it('when work outlives the timeout, then whenIdle gives up with false', async () => {
    const slow = trackWork(async () => later(200));

    expect(await whenIdle(20)).toBe(false);
    await slow;
    expect(await whenIdle(20)).toBe(true);
  });
});
