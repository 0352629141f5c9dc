import { defineConfig } from 'vitest/config';

/**
 * The API's pure unit tests (no database): what `pnpm test:mutation` runs against the API rules it
 * mutates (stryker.config.mjs). The full suite (vitest.config.ts) runs them too.
 */
export default defineConfig({
  test: {
    include: [
      'src/access/policies.test.ts',
      'src/http/csrf.test.ts',
      'src/modules/quality-checks/quality-checks.test.ts',
      'src/modules/reports/import/text-helpers.test.ts',
      'src/modules/quality-checks/text-similarity.test.ts',
      'src/modules/reports/export/measures-csv.test.ts',
      'src/modules/reports/export/measures-xlsx.test.ts',
    ],
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent' },
  },
});
