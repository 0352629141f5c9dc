import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** When unset, `main.ts` starts an embedded PostgreSQL and sets it. */
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Origins allowed to send cookie-authenticated writes besides the request's own host. */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Set when served behind a TLS-terminating proxy: cookies get `Secure`, HSTS is sent. */
  TRUST_PROXY: z
    .enum(['true', 'false', '0', '1'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Folder of the built SPA; served on the same port when it exists. */
  WEB_DIST: z.string().optional(),
  /** `pnpm start` seeds demo data into an empty database unless this is false. */
  SEED_DEMO: z
    .enum(['true', 'false', '0', '1'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** Requests per minute one client IP may make to /api/v1/public (counted in PostgreSQL); 0 turns the limit off. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  /** A download (export) whose client reads nothing for this long is cut off, giving back its database connection. */
  EXPORT_STALL_SECONDS: z.coerce.number().int().min(1).default(60),
  /** An import still parsing after this long is stopped and answered 422 (worker pool, ADR 009). */
  IMPORT_PARSE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** PDF and image imports, which may need OCR of every page (ADR 016). */
  IMPORT_OCR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(1800).default(180),
  /** Heap limit of one import-parsing worker thread. */
  IMPORT_PARSE_MEMORY_MB: z.coerce.number().int().min(32).max(4096).default(256),
  /** Import-parsing worker threads (jobs at once); 0 picks one per core less one, at most 2. */
  IMPORT_PARSE_THREADS: z.coerce.number().int().min(0).max(64).default(0),
  /** Where notification e-mails go (`smtp://user:pass@host:587`, `smtps://…`); unset: written as .eml files under MAIL_CAPTURE_DIR. */
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender of notification e-mails. */
  MAIL_FROM: z.string().default('Prongsai <no-reply@prongsai.local>'),
  /** The address people open the app at: links in e-mails point here. */
  APP_URL: z.string().url().default('http://localhost:3000'),
  /** Folder where e-mails are written when SMTP_URL is unset (default .data/mail in the repository). */
  MAIL_CAPTURE_DIR: z.string().optional(),
  /** Run the e-mail worker inside the API process; set false when `pnpm worker` runs it as its own process. */
  MAIL_WORKER: z
    .enum(['true', 'false', '0', '1'])
    .default('true')
    .transform((value) => value === 'true' || value === '1'),
  /** How often the e-mail worker looks for due e-mails. */
  MAIL_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  /** The largest evidence file, in MB (ADR 015). */
  FILE_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** What one agency's evidence files may take in all, in MB. */
  AGENCY_FILE_QUOTA_MB: z.coerce.number().int().min(1).default(2048),
  /**
   * S3-compatible storage for evidence files: `http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix]`.
   * Unset: the files are kept in PostgreSQL (ADR 015).
   */
  S3_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  /** Where uploads are written while they are checked (default: the system's temporary folder). */
  FILE_SPOOL_DIR: z.string().optional(),
  /** The region S3_URL's service expects (most S3-compatible servers accept the default). */
  S3_REGION: z.string().default('us-east-1'),
  /** The hour (Bangkok, 0–23) the daily digest goes out, holding what was written before it. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** How often the worker checks the ITA calendar for deadline reminders to write. */
  REMINDER_CHECK_MINUTES: z.coerce.number().min(0.1).max(1440).default(60),
  /** How long a claimed e-mail stays the claiming worker's: a worker that dies leaves its claims to others after this. */
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** Folder of the embedded PostgreSQL cluster (when DATABASE_URL is unset). */
  PG_DATA_DIR: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parse the environment once; on a bad variable, say which and exit (fail fast at boot). */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    process.stderr.write(`Invalid environment variables:\n${lines.join('\n')}\n`);
    process.exit(1);
  }
  return parsed.data;
}
