import { createApp, type AppOptions } from '../src/app';

/**
 * The app as tests drive it: no request logs; behind a (pretend) proxy, so a test can give each
 * client its own IP with X-Forwarded-For and throttling tests do not disturb each other.
 */
export const testApp = (options: AppOptions = {}) => createApp({ logRequests: false, trustProxy: true, ...options });
