// The quick form of `pnpm test:mutation` that `npm run validate` runs (docs/testing.md): the shared
// rules where a silent bug costs most — the fiscal year, CSV/formula escaping, permissions — and a
// score below 80 % fails the run. The full run (`pnpm test:mutation`) covers more files.
import full from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  mutate: ['packages/shared/src/{fiscal-year,csv,permissions}.ts'],
  reporters: ['clear-text', 'json'],
  jsonReporter: { fileName: 'reports/mutation/quick.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.tmp/stryker-quick',
};
