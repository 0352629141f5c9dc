import { repoRoot } from '@prongsai/db-tools';
import { loadEnv } from './config/env';
import { logger } from './lib/logger';
import { disconnectPrisma } from './lib/prisma';
import { startMailWorker } from './mail-runtime';

/**
 * `pnpm worker`: the e-mail worker as its own process, for a scaled-out deployment (run the API
 * replicas with MAIL_WORKER=false). Needs DATABASE_URL; the API applies migrations.
 */
const env = loadEnv();
if (!env.DATABASE_URL) {
  process.stderr.write('pnpm worker needs DATABASE_URL (the API process runs the worker itself when it starts an embedded PostgreSQL)\n');
  process.exit(1);
}
const worker = startMailWorker(env, repoRoot());
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'e-mail worker stopping');
  setTimeout(() => process.exit(1), 20_000).unref();
  void worker
    .stop()
    .then(() => disconnectPrisma())
    .then(() => process.exit(0));
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// Keep the process alive between polls (the worker's own timer is unref'd so the API can exit).
setInterval(() => undefined, 1 << 30);
