import { createApp, type AppOptions } from '../src/app';
import { checkContract } from './contract';

/**
 * The app as tests drive it: no request logs; behind a (pretend) proxy, so a test can give each
 * client its own IP with X-Forwarded-For and throttling tests do not disturb each other. Every
 * response is checked against the OpenAPI document (test/contract.ts); a mismatch fails the test.
 */
export const testApp = (options: AppOptions = {}) =>
  createApp({ logRequests: false, trustProxy: true, observe: checkContract, ...options });
