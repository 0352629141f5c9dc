// The limit server, run as its own process by the bench (so it does not share an event loop with
// the load generator): node:http, one pooled `pg` query per request, JSON.stringify (or, where the API
// sends what its statement serialised, the statement's text as it is: ADR 036). No auth.
// Reads are GETs; the one write (scenario 6) is PATCH /measure/:id with { version, summary }.
import http from 'node:http';
import pg from 'pg';
import { OVERVIEW_SQL, PLAN_SQL, PROVINCE_SQL, SAVE_SQL, SEARCH_SQL, SUMMARY_SQL } from './limit-queries';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });

type Route = (url: URL, parts: string[], body: string) => Promise<unknown>;

/** An answer the statement serialised: sent as it is. */
class Serialised {
  constructor(readonly text: string) {}
}

const first = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] ?? null;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const ROUTES: Record<string, Route> = {
  summary: () => first(SUMMARY_SQL, []),
  province: (_url, [id]) => first(PROVINCE_SQL, [Number(id)]),
  overview: async (url, [id]) => {
    const row = await first(OVERVIEW_SQL, [Number(id), Number(url.searchParams.get('fiscalYear')), url.searchParams.get('type')]);
    return row ? new Serialised(row.body as string) : null;
  },
  plan: async (_url, [agencyId, fiscalYear]) => (await first(PLAN_SQL, [agencyId, Number(fiscalYear)]))?.plan ?? null,
  search: async (url) => {
    const { rows } = await pool.query(SEARCH_SQL, [`%${escapeLike(url.searchParams.get('q') ?? '')}%`]);
    return { items: rows, total: Number(rows[0]?.total ?? 0) };
  },
  measure: async (_url, [id], body) => {
    const { version, summary } = JSON.parse(body) as { version: number; summary: string };
    return (await first(SAVE_SQL, [id, version, summary]))?.measure ?? null;
  },
};

/** The request's body (the write's JSON; empty for reads). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://limit');
  const [name, ...parts] = url.pathname.split('/').filter(Boolean);
  const route = name ? ROUTES[name] : undefined;
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  readBody(req)
    .then((body) => route(url, parts, body))
    .then(
      (body) => {
        const text = body instanceof Serialised ? body.text : JSON.stringify(body);
        res.writeHead(body === null ? 404 : 200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message);
      },
    );
});
server.keepAliveTimeout = 65_000;

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('limit server ready\n'));

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop).on('SIGINT', stop);
