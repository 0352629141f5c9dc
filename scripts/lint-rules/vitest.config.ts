import { defineConfig } from 'vitest/config';

/** The lint-rule tests (`pnpm lint` runs them after ESLint): kept apart from every package's suite. */
export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
