// Mutation testing of the API rules where a silent bug costs most (docs/testing.md): who may do what
// (access/policies.ts), the CSRF origin check, the import quality checks (incl. the agency-website
// rule) and the export escaping. Runs the API's pure unit tests (apps/api/vitest.unit.config.ts).
// `pnpm test:mutation` runs this after the shared config; reports: reports/mutation/api.{html,json}.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'apps/api/vitest.unit.config.ts', dir: 'apps/api' },
  mutate: [
    'apps/api/src/access/policies.ts',
    'apps/api/src/http/csrf.ts',
    'apps/api/src/modules/quality-checks/{quality-checks,web-addresses,text-similarity}.ts',
    'apps/api/src/modules/reports/export/measures-csv.ts',
  ],
  ignorePatterns: ['/e2e', '/bench', '/reports', '/prisma/migrations', '/deploy', '/apps/web', '/.data', '/.tmp'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/api.html' },
  jsonReporter: { fileName: 'reports/mutation/api.json' },
  tempDirName: '.tmp/stryker-api',
  cleanTempDir: 'always',
};
