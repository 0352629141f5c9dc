import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { authenticate } from './http/authenticate';
import { assertUtf8Body } from './http/body-encoding';
import { rejectUnreadableBody } from './http/body-type';
import { csrfGuard } from './http/csrf';
import { publicRateLimit } from './http/public-rate-limit';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { requestId } from './http/request-id';
import { requestLog } from './http/request-log';
import { routeGate } from './http/route-gate';
import { logger } from './lib/logger';
import { docsRouter } from './http/api-docs';
import { apiRoutes } from './routes';

export interface AppOptions {
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  allowedOrigins?: string[];
  trustProxy?: boolean;
  /** Folder of the built SPA to serve on the same port. */
  webDist?: string;
  /** Request logging (off in tests). */
  logRequests?: boolean;
  /**
   * Requests per minute per client IP on /api/v1/public (PUBLIC_RATE_LIMIT_PER_MINUTE, 300 by
   * default in main.ts); 0 or unset turns the limit off (tests opt in).
   */
  publicRateLimitPerMinute?: number;
  /**
   * How long an export may wait for a client that reads nothing before the connection is cut
   * (EXPORT_STALL_SECONDS; 60 s by default). Kept in `app.locals` for the streaming services.
   */
  exportStallMs?: number;
  /**
   * Runs first for every request (tests install the OpenAPI response check here: test/contract.ts).
   */
  observe?: express.RequestHandler;
}

/** Builds the Express app without listening: server.ts listens, tests use it with supertest. */
export function createApp(options: AppOptions = {}): Express {
  const settings = { idleMinutes: options.sessionIdleMinutes ?? 120, absoluteHours: options.sessionAbsoluteHours ?? 12 };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ? 1 : false);
  app.set('etag', 'strong');
  app.set('query parser', 'simple');
  app.locals.exportStallMs = options.exportStallMs ?? 60_000;

  if (options.observe) app.use(options.observe);
  app.use(requestId);
  if (options.logRequests) app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'", 'data:'],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': options.trustProxy ? [] : null,
        },
      },
      hsts: options.trustProxy ? { maxAge: 15552000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // gzip for clients that ask (the SPA's JavaScript is ~440 KB raw, ~136 KB gzip: on a phone
  // that is most of the first paint); streams stay streams. Lighthouse: docs/performance.md.
  app.use(compression());
  // Unknown /api/v1 paths answer 404 and unsupported methods 405 (with Allow), before anything else.
  app.use('/api/v1', routeGate);
  if (options.publicRateLimitPerMinute) app.use('/api/v1/public', publicRateLimit(options.publicRateLimitPerMinute));
  // 8 MB: a .docx report arrives as base64 in JSON; anything larger is a 413.
  // Bytes that are not UTF-8 are a 400 INVALID_ENCODING, never stored as U+FFFD (http/body-encoding.ts).
  app.use('/api', express.json({ limit: '8mb', strict: true, verify: assertUtf8Body }));
  app.use('/api', express.text({ type: ['text/plain', 'text/csv'], limit: '5mb', verify: assertUtf8Body }));
  app.use('/api', rejectUnreadableBody);
  // Only API requests resolve the session (static files of the SPA never touch the database).
  app.use('/api', authenticate(settings));
  app.use('/api', csrfGuard(options.allowedOrigins ?? []));
  app.use('/api/v1', apiRoutes(settings));
  app.use('/api', docsRouter);
  app.use('/api', notFoundHandler);

  const webDist = options.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
    const prerendered = prerenderedPages(webDist);
    app.get('/{*path}', (req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      // `root` keeps a web folder below a dot-folder (.tmp/…) servable: send refuses dot segments only below the root.
      res.sendFile(prerendered.get(req.path) ?? 'index.html', { root: webDist });
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/**
 * The SPA's pages whose first screen the web build wrote into an HTML file of their own (ADR 028):
 * `prerendered/public.html` is sent for `/public` exactly, `prerendered/index.html` for `/`; every other
 * path gets index.html. Read once at start, like the rest of the build.
 */
function prerenderedPages(webDist: string): Map<string, string> {
  const folder = path.join(webDist, 'prerendered');
  if (!fs.existsSync(folder)) return new Map();
  return new Map(
    fs
      .readdirSync(folder)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file === 'index.html' ? '/' : `/${file.slice(0, -'.html'.length)}`, `prerendered/${file}`]),
  );
}

function immutableAssets(res: express.Response, filePath: string) {
  if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
