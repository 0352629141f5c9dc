import type { Server } from 'node:http';
import type { Express } from 'express';
import { inFlight, whenIdle } from './http/in-flight';
import { logger } from './lib/logger';

/** Listen, and close gracefully: stop accepting, let in-flight requests finish (even those whose client left), then run `onClose`. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    server.keepAliveTimeout = 65_000;
  });
}

export function installShutdown(server: Server, onClose: () => Promise<void>): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('forcing shutdown after 10 s');
      server.closeAllConnections();
    }, 10_000);
    force.unref();
    // Never hang: whatever still holds the process 20 s after the signal, exit anyway (PostgreSQL's
    // own fast shutdown rolls back what was in flight).
    setTimeout(() => {
      logger.error('shutdown did not finish in 20 s: exiting');
      process.exit(1);
    }, 20_000).unref();
    server.close(async () => {
      try {
        // Sockets are gone, but handlers of clients that left mid-request may still be querying:
        // let them finish before the pool closes (within the force timer's budget).
        if (!(await whenIdle(8_000))) logger.warn({ inFlight: inFlight() }, 'requests still running at shutdown');
        await onClose();
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
      }
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
