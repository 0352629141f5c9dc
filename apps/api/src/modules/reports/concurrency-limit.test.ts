import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error';
import { ConcurrencyLimit } from './concurrency-limit';

const options = { running: 2, queued: 1, busyMessage: 'busy', retryAfterSeconds: 3 };

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  it('when more tasks arrive than may run, then the extra ones wait and start in arrival order as slots free up', async () => {
    // Arrange
    const limit = new ConcurrencyLimit({ ...options, queued: 2 });
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];

    // Act
    const runs = gates.map((gate, index) =>
      limit.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await tick();
    const atFirst = { started: [...started], stats: limit.stats };
    gates[1]!.resolve();
    await tick();
    const afterOne = [...started];
    gates.forEach((gate) => gate.resolve());

    // Assert
    expect(atFirst).toEqual({ started: [0, 1], stats: { running: 2, queued: 2 } });
    expect(afterOne).toEqual([0, 1, 2]);
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(limit.stats).toEqual({ running: 0, queued: 0 });
  });

  it('when the slots and the queue are full, then the next task is refused at once with 503 and Retry-After', async () => {
    const limit = new ConcurrencyLimit(options);
    const gate = deferred();
    const held = [1, 2, 3].map(() => limit.run(() => gate.promise));

    const refused = await limit.run(async () => 'ran').catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, details: { retryAfterSeconds: 3 } });
    gate.resolve();
    await Promise.all(held);
    expect(await limit.run(async () => 'ran')).toBe('ran');
  });

  it('when a task fails, then its slot is given back all the same', async () => {
    const limit = new ConcurrencyLimit({ ...options, running: 1, queued: 0 });

    await expect(limit.run(() => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');

    expect(limit.stats).toEqual({ running: 0, queued: 0 });
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});

describe('ConcurrencyLimit per client', () => {
  it('when one client holds its share, then its next task is refused with 429 while another client still runs', async () => {
    const limit = new ConcurrencyLimit({ ...options, running: 3, queued: 3, perClient: 2 });
    const gate = deferred();
    const held = [1, 2].map(() => limit.run(() => gate.promise, '203.0.113.1'));

    const refused = await limit.run(async () => 'ran', '203.0.113.1').catch((error: unknown) => error);
    const other = limit.run(async () => 'other', '203.0.113.2');

    expect(refused).toMatchObject({ code: 'RATE_LIMITED', status: 429, details: { retryAfterSeconds: 3 } });
    expect(await other).toBe('other');
    gate.resolve();
    await Promise.all(held);
    expect(await limit.run(async () => 'again', '203.0.113.1')).toBe('again');
  });
});
