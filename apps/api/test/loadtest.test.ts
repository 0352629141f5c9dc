import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@prongsai/db-tools';

/**
 * The short form of `pnpm loadtest` in CI: the built API under a fixed rate of 80% reads / 20%
 * writes for 20 s. Asserts only what a shared CI machine can promise — no failed request and RSS
 * within 20% — never timing (docs/loadtest.md has the full run's figures).
 */
describe('load (short CI form)', () => {
  it('when the built API takes 20 s of mixed reads and writes, then no request fails and its memory stays within 20%', () => {
    // Act
    const run = spawnSync('pnpm', ['exec', 'tsx', 'scripts/loadtest.ts', '--ci'], { cwd: repoRoot(), encoding: 'utf8', timeout: 280_000 });

    // Assert
    const output = `${run.stdout}\n${run.stderr}`;
    const figures = JSON.parse(run.stdout.split('\n').find((line) => line.startsWith('{')) ?? '{}') as {
      requests?: number;
      errors?: number;
      rss?: { growthPercent: number };
    };
    expect(figures.requests, output).toBeGreaterThan(100);
    expect(figures.errors, output).toBe(0);
    expect(figures.rss!.growthPercent, output).toBeLessThanOrEqual(20);
    expect(run.status, output).toBe(0);
  }, 300_000);
});
