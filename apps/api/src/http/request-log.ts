import type { RequestHandler } from 'express';
import type { Logger } from '../lib/logger';

export type RequestLogLevel = 'error' | 'warn' | 'info';

/** The level a finished request is logged at: a 5xx is an error, a 4xx a warning, the rest information. */
export const requestLogLevel = (statusCode: number): RequestLogLevel => (statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info');

/**
 * One log line per request when its response ends (ADR 031): our request id, the client's own id when it
 * sent a sane one, method, URL, status and milliseconds; "request aborted" at `info` when the client left
 * first. The line is built only when its level is enabled, so a server logging at `warn` pays one
 * listener per successful request. Headers are never logged (cookies and tokens stay out of the log).
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const level = aborted ? 'info' : requestLogLevel(res.statusCode);
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id: req.requestId, method: req.method, url: req.originalUrl, remoteAddress: req.ip },
          res: { statusCode: res.statusCode },
          clientRequestId: req.clientRequestId,
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    });
    next();
  };
}
