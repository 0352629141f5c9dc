import { afterEach, inject } from 'vitest';
import { contractViolations } from './contract-violations';

process.env.DATABASE_URL = inject('databaseUrl');

// A response that broke the OpenAPI contract (test/contract.ts) fails the test that received it.
afterEach(() => {
  const violations = contractViolations.splice(0);
  if (violations.length > 0) throw new Error(`responses broke the OpenAPI contract:\n${violations.join('\n')}`);
});
