// Mutation testing of the shared domain rules (`pnpm test:mutation`, docs/testing.md): Stryker
// changes one thing at a time in these files and runs packages/shared's Vitest tests; a mutant no
// test notices ("survived") is a rule nothing checks. Reports: reports/mutation/shared.{html,json}.
// Run from the repository root so the sandbox keeps tsconfig.base.json; only what the shared
// package needs is copied into it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { dir: 'packages/shared' },
  mutate: ['packages/shared/src/{fiscal-year,dates,thai,csv,permissions}.ts'],
  ignorePatterns: ['/apps', '/e2e', '/bench', '/docs', '/reports', '/scripts', '/prisma', '/deploy', '/packages/db-tools'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/shared.html' },
  jsonReporter: { fileName: 'reports/mutation/shared.json' },
  tempDirName: '.tmp/stryker',
  cleanTempDir: 'always',
};
