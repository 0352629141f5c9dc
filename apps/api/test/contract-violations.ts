/**
 * Responses that broke the OpenAPI contract during the current test (test/contract.ts records them,
 * test/setup-env.ts fails the test in `afterEach`).
 */
export const contractViolations: string[] = [];
