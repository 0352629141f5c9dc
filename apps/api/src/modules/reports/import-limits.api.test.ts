import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema, ImportPreviewSchema } from '@prongsai/shared';
import { testApp } from '../../../test/app';
import { createTenant, signIn } from '../../../test/factories';
import { closeParsePool, configureParsePool, DEFAULT_PARSE_POOL_OPTIONS } from './import';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const HOSTILE_WORKER = new URL('../../../test/fixtures/hostile-parse-worker.mjs', import.meta.url).href;

afterAll(async () => {
  configureParsePool(DEFAULT_PARSE_POOL_OPTIONS);
  await closeParsePool();
});

async function previewAs() {
  const { agency, editor } = await createTenant();
  const agent = await signIn(app, editor);
  return (content: string) => agent.post(`/api/v1/agencies/${agency.id}/imports/preview`).set(csrf).send({ format: 'text', content });
}

describe('import parsing never holds the server', () => {
  it('when a text of 4 MB of spaces and tabs is previewed, then it is parsed (no quadratic backtracking) and answers 200', async () => {
    configureParsePool({ ...DEFAULT_PARSE_POOL_OPTIONS, timeoutMs: 10_000 });
    const preview = await previewAs();

    const response = await preview(`${' \t'.repeat(2_000_000)}x`);

    expect(response.status).toBe(200);
    expect(ImportPreviewSchema.parse(response.body).report.measures).toEqual([]);
  });

  it('when a parser never finishes, then /health keeps answering meanwhile and the preview ends in a 422 naming the time limit', async () => {
    configureParsePool({ ...DEFAULT_PARSE_POOL_OPTIONS, timeoutMs: 1_500, workerFile: HOSTILE_WORKER });
    const preview = await previewAs();
    // Supertest serves the app in this process: the preview and the health checks share one event loop, as in production.
    const stuck = preview('spin').then((response) => response);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const health = await request(app).get('/api/v1/health');
      delays.push(performance.now() - started);
      expect(health.status).toBe(200);
    }
    const response = await stuck;
    expect(response.status).toBe(422);
    const { error } = ErrorResponseSchema.parse(response.body);
    expect(error.code).toBe('IMPORT_UNPARSABLE');
    expect(error.issues?.[0]?.code).toBe('timeout');
    expect(error).toMatchObject({ reason: 'importTimeout', params: { seconds: 1.5 } });
    // Generous for a shared 2-core machine: a blocked loop would hold every /health for the whole 1.5 s.
    expect(Math.max(...delays)).toBeLessThan(500);
  });

  it('when every parse slot and queue place is taken, then another preview answers 503 with Retry-After', async () => {
    configureParsePool({ threads: 1, queue: 0, timeoutMs: 5_000, workerFile: HOSTILE_WORKER });
    const preview = await previewAs();
    const busy = preview('wait:1500').then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const response = await preview('ok');

    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect((await busy).status).toBe(200);
  });
});
