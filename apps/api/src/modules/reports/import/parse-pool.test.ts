import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { closeParsePool, configureParsePool, DEFAULT_PARSE_POOL_OPTIONS, parseInWorker } from './parse-pool';

const HOSTILE_WORKER = new URL('../../../../test/fixtures/hostile-parse-worker.mjs', import.meta.url).href;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterEach(async () => {
  configureParsePool(DEFAULT_PARSE_POOL_OPTIONS);
  await closeParsePool();
});

describe('the import parse pool', () => {
  it('when a text report is parsed, then the real parser answers from a worker thread', async () => {
    const report = await parseInWorker({ format: 'text', content: 'ลำดับ\tมาตรการ\tผลลัพธ์\n1\tเผยแพร่ข้อมูล\tเผยแพร่แล้ว' });
    expect(report.measures.map((measure) => measure.title)).toEqual(['เผยแพร่ข้อมูล']);
  });

  it('when the bytes of a Windows-874 text file arrive, then the worker decodes them before parsing', async () => {
    const text = 'ลำดับ\tมาตรการ\tผลลัพธ์\n1\tเผยแพร่ข้อมูล\tเผยแพร่แล้ว';
    // Windows-874 puts Thai U+0E01…U+0E5B at 0xA1…0xFB; ASCII stays ASCII.
    const bytes = Uint8Array.from(
      [...text].map((char) => (char.charCodeAt(0) >= 0x0e01 ? char.charCodeAt(0) - 0x0d60 : char.charCodeAt(0))),
    );
    const report = await parseInWorker({ format: 'text', content: bytes });
    expect(report.measures.map((measure) => measure.title)).toEqual(['เผยแพร่ข้อมูล']);
  });

  it('when a line of 200,000 spaces or tabs is parsed, then it finishes well inside a 5 s limit (was quadratic: 47 s)', async () => {
    configureParsePool({ timeoutMs: 5_000 });
    for (const filler of [' ', '\t', '| ', '1\t', '1 ']) {
      const report = await parseInWorker({ format: 'text', content: `${filler.repeat(200_000 / filler.length)}x` });
      expect(report.measures.length + report.warnings.length).toBeGreaterThanOrEqual(0);
    }
  });

  it('when a parser never returns, then the job is stopped at its time limit with a 422 naming the reason', async () => {
    configureParsePool({ timeoutMs: 300, workerFile: HOSTILE_WORKER });
    const error = await refusal(parseInWorker({ format: 'text', content: 'spin' }));
    expect(error).toMatchObject({ code: 'IMPORT_UNPARSABLE', status: 422, details: { issues: [{ code: 'timeout' }] } });
    expect(error.message).toContain('0.3');
    // The pool is still usable: the stopped worker was replaced.
    await expect(parseInWorker({ format: 'text', content: 'ok' })).resolves.toMatchObject({ introText: 'ok' });
  });

  it('when a parser needs more memory than its limit, then the job is stopped with a 422 naming memory', async () => {
    configureParsePool({ memoryMb: 64, timeoutMs: 30_000, workerFile: HOSTILE_WORKER });
    const error = await refusal(parseInWorker({ format: 'text', content: 'hog' }));
    expect(error).toMatchObject({ code: 'IMPORT_UNPARSABLE', details: { issues: [{ code: 'memory' }] } });
    expect(error.message).toContain('64 MB');
  });

  it('when a parser throws, then the caller gets a 422, not a crash', async () => {
    configureParsePool({ workerFile: HOSTILE_WORKER });
    const error = await refusal(parseInWorker({ format: 'text', content: 'throw' }));
    expect(error).toMatchObject({ code: 'IMPORT_UNPARSABLE', details: { issues: [{ code: 'crashed' }] } });
  });

  it('when every thread and queue place is taken, then one more job is refused at once with 503 and Retry-After', async () => {
    configureParsePool({ threads: 1, queue: 1, timeoutMs: 5_000, workerFile: HOSTILE_WORKER });
    await parseInWorker({ format: 'text', content: 'warm' }); // the thread is up: one job runs, one waits
    const running = [parseInWorker({ format: 'text', content: 'wait:1500' }), parseInWorker({ format: 'text', content: 'wait:1500' })];
    const error = await refusal(parseInWorker({ format: 'text', content: 'ok' }));
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, details: { retryAfterSeconds: 5 } });
    await expect(Promise.all(running)).resolves.toHaveLength(2);
  });
});
