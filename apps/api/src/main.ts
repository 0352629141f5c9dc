import path from 'node:path';
import {
  applyMigrations,
  defaultDataDir,
  ensureDatabase,
  migrationsDir,
  repoRoot,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@prongsai/db-tools';
import { createApp } from './app';
import { configureFileStore } from './lib/file-store/file-store';
import { sweepSpool } from './lib/file-store/spool';
import { loadEnv } from './config/env';
import { seedIfEmpty } from './db/seed';
import { logger } from './lib/logger';
import { disconnectPrisma } from './lib/prisma';
import { startMailWorker } from './mail-runtime';
import { closeParsePool, configureParsePool } from './modules/reports/import';
import { installShutdown, listen } from './server';

/**
 * `pnpm start`: use DATABASE_URL, or start the embedded PostgreSQL in .data/postgres; apply
 * pending migrations; seed demo data into an empty database; serve API + SPA on one port.
 */
async function main() {
  const env = loadEnv();
  const root = repoRoot();
  let embedded: EmbeddedPostgres | undefined;
  const stopEmbedded = async () => {
    await embedded?.stop();
    embedded = undefined;
  };

  if (!env.DATABASE_URL) {
    const dataDir = env.PG_DATA_DIR ?? defaultDataDir(root);
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir, onLog: (line) => logger.debug({ pg: line }) });
    // Until the HTTP server takes over signal handling, a signal must still stop PostgreSQL.
    const early = () => void stopEmbedded().finally(() => process.exit(1));
    process.once('SIGINT', early).once('SIGTERM', early);
    await ensureDatabase(embedded.url('postgres'), 'prongsai');
    process.env.DATABASE_URL = embedded.url('prongsai');
    process.removeListener('SIGINT', early).removeListener('SIGTERM', early);
    logger.info({ dataDir, port: embedded.port, ms: Date.now() - started }, 'embedded PostgreSQL started');
  }
  const databaseUrl = process.env.DATABASE_URL!;

  try {
    const result = await applyMigrations(databaseUrl, migrationsDir(root), (line) => logger.info(line));
    logger.info({ applied: result.applied.length, alreadyApplied: result.alreadyApplied }, 'migrations up to date');
    if (env.SEED_DEMO) await seedIfEmpty((line) => logger.info(line));

    configureParsePool({
      timeoutMs: env.IMPORT_PARSE_TIMEOUT_SECONDS * 1000,
      ocrTimeoutMs: env.IMPORT_OCR_TIMEOUT_SECONDS * 1000,
      memoryMb: env.IMPORT_PARSE_MEMORY_MB,
      ...(env.IMPORT_PARSE_THREADS > 0 ? { threads: env.IMPORT_PARSE_THREADS } : {}),
    });
    // Evidence files: PostgreSQL unless S3_URL names an S3-compatible bucket (ADR 015).
    const files = configureFileStore({
      ...(env.S3_URL ? { s3: { url: env.S3_URL, region: env.S3_REGION } } : {}),
      maxBytes: env.FILE_MAX_MB * 1024 * 1024,
      agencyQuotaBytes: env.AGENCY_FILE_QUOTA_MB * 1024 * 1024,
      appUrl: env.APP_URL,
      ...(env.FILE_SPOOL_DIR ? { spoolDir: env.FILE_SPOOL_DIR } : {}),
    });
    logger.info({ store: files.kind, removedSpooled: await sweepSpool(env.FILE_SPOOL_DIR) }, 'evidence file store ready');
    const app = createApp({
      sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
      allowedOrigins: env.ALLOWED_ORIGINS,
      trustProxy: env.TRUST_PROXY,
      publicRateLimitPerMinute: env.PUBLIC_RATE_LIMIT_PER_MINUTE,
      exportStallMs: env.EXPORT_STALL_SECONDS * 1000,
      webDist: env.WEB_DIST ?? path.join(root, 'apps', 'web', 'dist'),
      logRequests: env.NODE_ENV !== 'test',
    });
    const server = await listen(app, env.PORT, env.HOST);
    // The e-mail worker runs here unless a separate `pnpm worker` does (MAIL_WORKER=false).
    const mailWorker = env.MAIL_WORKER ? startMailWorker(env, root) : undefined;
    installShutdown(server, async () => {
      await mailWorker?.stop();
      await closeParsePool();
      await disconnectPrisma();
      await stopEmbedded();
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    logger.info({ url: `http://localhost:${port}` }, `Prongsai is ready at http://localhost:${port}`);
  } catch (error) {
    await disconnectPrisma().catch(() => undefined);
    await stopEmbedded();
    throw error;
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'start-up failed');
  process.stderr.write(`Prongsai could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
