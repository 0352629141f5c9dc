import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache';

const body = (size: number, fill = 'x') => fill.repeat(size);

describe('ResponseCache', () => {
  it('when a key is asked twice, then the second answer is the first one, computed once', async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
    let computed = 0;
    const compute = async () => `{"n":${++computed}}`;

    const first = await cache.getOrCompute('k', compute);
    const second = await cache.getOrCompute('k', compute);

    expect(second).toEqual(first);
    expect(computed).toBe(1);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
  });

  it('when 20 requests miss one key at once, then they share one computation', async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
    let computed = 0;
    const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`{"n":${++computed}}`), 10));

    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.getOrCompute('k', compute)));

    expect(computed).toBe(1);
    expect(new Set(answers.map((answer) => answer.body))).toEqual(new Set(['{"n":1}']));
  });

  it('when the bodies outgrow maxBytes, then the least recently used go first', async () => {
    // Each body of 100 characters counts 200 bytes: three fit in 600.
    const cache = new ResponseCache({ maxBytes: 600, ttlMs: 60_000 });
    await cache.getOrCompute('a', async () => body(100, 'a'));
    await cache.getOrCompute('b', async () => body(100, 'b'));
    await cache.getOrCompute('c', async () => body(100, 'c'));
    await cache.getOrCompute('a', async () => 'recomputed'); // a is now the most recent

    await cache.getOrCompute('d', async () => body(100, 'd'));

    expect(cache.stats()).toEqual({ entries: 3, bytes: 600 });
    expect((await cache.getOrCompute('a', async () => 'recomputed')).body).toBe(body(100, 'a'));
    expect((await cache.getOrCompute('b', async () => 'recomputed')).body).toBe('recomputed');
  });

  it('when an entry outlived its ttl, then it is computed again', async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 0 });
    await cache.getOrCompute('k', async () => 'old');

    const again = await cache.getOrCompute('k', async () => 'new');

    expect(again.body).toBe('new');
  });

  it('when a computation fails, then nothing is kept and the next request tries again', async () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });

    await expect(cache.getOrCompute('k', async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    const retry = await cache.getOrCompute('k', async () => 'ok');

    expect(retry.body).toBe('ok');
    expect(cache.stats().entries).toBe(1);
  });

  it('when one body alone is larger than maxBytes, then it is answered but not kept', async () => {
    const cache = new ResponseCache({ maxBytes: 100, ttlMs: 60_000 });

    const answer = await cache.getOrCompute('k', async () => body(500));

    expect(answer.body).toHaveLength(500);
    expect(cache.stats()).toEqual({ entries: 0, bytes: 0 });
  });
});
