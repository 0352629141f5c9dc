import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestId } from './request-id';
import { requestLog, requestLogLevel } from './request-log';

/** An app with the request log over a real pino logger at `level`, and the lines it wrote. */
function loggedApp(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = express();
  app.use(requestId);
  app.use(requestLog(pino({ level }, sink)));
  app.get('/ok', (_req, res) => res.json({ ok: true }));
  app.get('/missing', (_req, res) => res.status(404).json({ error: 'NOT_FOUND' }));
  app.get('/slow', (_req, res) => void setTimeout(() => res.json({ late: true }), 300));
  app.get('/broken', (_req, res) => res.status(500).json({ error: 'INTERNAL' }));
  // Lets the log's 'close' listener run (it fires after the client has its answer).
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { app, lines, settled };
}

describe('requestLog', () => {
  it('when a request succeeds at level info, then one line names our id, the client id, method, URL, status and time', async () => {
    const { app, lines, settled } = loggedApp('info');
    const response = await request(app).get('/ok?q=1').set('X-Request-Id', 'client-7').set('Cookie', 'prongsai_session=secret');
    await settled();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: response.headers['x-request-id'], method: 'GET', url: '/ok?q=1' },
      res: { statusCode: 200 },
      clientRequestId: 'client-7',
    });
    expect(typeof lines[0]!.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('when the level is warn, then a success writes nothing and a 404 writes a warning', async () => {
    const { app, lines, settled } = loggedApp('warn');
    await request(app).get('/ok');
    await request(app).get('/missing');
    await settled();
    expect(lines.map((line) => [line.level, (line.res as { statusCode: number }).statusCode])).toEqual([[40, 404]]);
  });

  it('when a response is a 5xx, then it is logged as an error even at level error', async () => {
    const { app, lines, settled } = loggedApp('error');
    await request(app).get('/missing');
    await request(app).get('/broken');
    await settled();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[50, 'request completed']]);
  });

  it('when the client leaves before the answer, then an information line says the request was aborted', async () => {
    const { app, lines } = loggedApp('info');
    await expect(request(app).get('/slow').timeout(50)).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(lines.map((line) => [line.level, line.msg, (line.req as { url: string }).url])).toEqual([[30, 'request aborted', '/slow']]);
  });

  it('gives each status its level', () => {
    expect([200, 304, 399, 400, 404, 499, 500, 503].map(requestLogLevel)).toEqual([
      'info',
      'info',
      'info',
      'warn',
      'warn',
      'warn',
      'error',
      'error',
    ]);
  });
});
