import { z } from 'zod';

const EnvSchema = z.object({
  /** Where the API lives, relative to the SPA's origin (the API serves the built SPA itself). */
  VITE_API_BASE_URL: z.string().startsWith('/').default('/api/v1'),
});

/** Parsed once at start: a bad value fails loudly instead of producing odd requests. */
export const env = EnvSchema.parse({
  VITE_API_BASE_URL: import.meta.env.VITE_API_BASE_URL as string | undefined,
});
