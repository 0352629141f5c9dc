// The limit server, run as its own process by the bench (so it does not share an event loop with
// the load generator): node:http, one pooled `pg` query per request, JSON.stringify. No auth.
import http from 'node:http';
import pg from 'pg';
import { OVERVIEW_SQL, PLAN_SQL, PROVINCE_SQL, SEARCH_SQL, SUMMARY_SQL } from './limit-queries';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL_MAX ?? 10) });

type Route = (url: URL, parts: string[]) => Promise<unknown>;

const first = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] ?? null;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const ROUTES: Record<string, Route> = {
  summary: () => first(SUMMARY_SQL, []),
  province: (_url, [id]) => first(PROVINCE_SQL, [Number(id)]),
  overview: (url, [id]) => first(OVERVIEW_SQL, [Number(id), Number(url.searchParams.get('fiscalYear')), url.searchParams.get('type')]),
  plan: async (_url, [agencyId, fiscalYear]) => (await first(PLAN_SQL, [agencyId, Number(fiscalYear)]))?.plan ?? null,
  search: async (url) => {
    const { rows } = await pool.query(SEARCH_SQL, [`%${escapeLike(url.searchParams.get('q') ?? '')}%`]);
    return { items: rows, total: Number(rows[0]?.total ?? 0) };
  },
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://limit');
  const [name, ...parts] = url.pathname.split('/').filter(Boolean);
  const route = name ? ROUTES[name] : undefined;
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  route(url, parts).then(
    (body) => {
      const text = JSON.stringify(body);
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
