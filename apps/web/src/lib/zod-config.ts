import { config } from 'zod';

/**
 * The API's Content-Security-Policy forbids eval (`script-src 'self'`). Zod compiles its faster
 * object parsers with `new Function`, and merely probing for it makes the browser log a CSP
 * violation on every page load (Lighthouse: "Issues were logged in the Issues panel"). Jitless Zod
 * never probes. Zod probes when an object schema is built, so this must run before any is:
 * `app/main.tsx` imports it first, and `lib/i18n.tsx` imports it too so that the bundler puts it in
 * the chunk every page shares, next to Zod (a module only the entry imports would run after that
 * chunk has built its schemas).
 */
config({ jitless: true });
