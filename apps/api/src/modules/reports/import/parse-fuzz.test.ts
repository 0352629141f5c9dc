import fs from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error';
import type { ParseJob } from './parse-job';
import { closeParsePool, configureParsePool, DEFAULT_PARSE_POOL_OPTIONS, parseInWorker } from './parse-pool';

/**
 * Parser fuzzing (issue 12): any input up to 1 MB, in every import format (text, CSV, .docx built
 * from random entries and from mutated bytes of a real one), is parsed or refused with a 422 within
 * 2 s, through the real worker pool. A parser exception ("crashed") is a bug, not a refusal.
 */

const LIMIT_MS = 2_000;
/** Starting a job and terminating a timed-out worker take a little longer than the limit itself. */
const SLACK_MS = 750;
const MAX_BYTES = 1024 * 1024;
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const REPORT_TEXT = fs.readFileSync(new URL('./fixtures/report-2566-bangsainoi.txt', import.meta.url), 'utf8');
let reportDocx: Uint8Array;

async function buildDocx(rows: string[][]): Promise<Uint8Array> {
  const table = new Table({
    rows: rows.map((cells) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) })),
  });
  const document = new Document({ sections: [{ children: [new Paragraph('รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖'), table] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

interface Outcome {
  ms: number;
  result: 'parsed' | string;
}

/** Parse one job; anything but a report or a 422 refusal (other than a parser crash) fails the property. */
async function parseOrRefuse(job: ParseJob): Promise<Outcome> {
  const started = performance.now();
  try {
    await parseInWorker(job);
    return { ms: performance.now() - started, result: 'parsed' };
  } catch (error) {
    const ms = performance.now() - started;
    if (!(error instanceof AppError) || error.status !== 422) throw new Error(`not a 422 refusal: ${String(error)}`, { cause: error });
    const reason = error.details.issues?.[0]?.code ?? error.code;
    if (reason === 'crashed') throw new Error(`the parser crashed: ${error.message}`);
    return { ms, result: `${error.code}:${reason}` };
  }
}

/** Outcomes by format, so that the suite can show it exercised both answers. */
const seen = new Map<string, Set<string>>();

async function check(job: ParseJob) {
  const size = typeof job.content === 'string' ? Buffer.byteLength(job.content) : job.content.byteLength;
  expect(size).toBeLessThanOrEqual(MAX_BYTES);
  const outcome = await parseOrRefuse(job);
  expect(outcome.ms, `${job.format} of ${size} bytes → ${outcome.result}`).toBeLessThan(LIMIT_MS + SLACK_MS);
  seen.set(job.format, (seen.get(job.format) ?? new Set()).add(outcome.result === 'parsed' ? 'parsed' : 'refused'));
  return outcome;
}

/** Random text biased towards what the parsers look for: Thai digits, tabs, table words, dates. */
const reportish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        'ลำดับ',
        'มาตรการ',
        'ผลลัพธ์',
        '\t',
        '\n',
        '\r\n',
        '|',
        '๑',
        '๒',
        '๒๕๖๖',
        'มีนาคม',
        '(อ้างอิงจาก ๐๑๑)',
        'O12',
        ' ',
        '"',
        ',',
        '.',
        '-',
        'https://x.go.th',
        'ดำเนินการเมื่อวันที่',
      ),
      { maxLength: 400 },
    )
    .map((parts) => parts.join('')),
);

/** The real report with random edits: slices removed, text inserted, lines duplicated. */
const mutatedReport = fc
  .array(fc.tuple(fc.nat({ max: REPORT_TEXT.length }), fc.nat({ max: 200 }), reportish), { minLength: 1, maxLength: 8 })
  .map((edits) => edits.reduce((text, [at, remove, insert]) => text.slice(0, at) + insert + text.slice(at + remove), REPORT_TEXT));

/** Large inputs (64 kB to 1 MB) as file bytes: a random chunk repeated, cut at the size (mid-character too). */
const large = fc
  .tuple(
    reportish.filter((chunk) => chunk.length > 0),
    fc.integer({ min: 64 * 1024, max: MAX_BYTES }),
  )
  .map(([chunk, bytes]) => {
    const once = Buffer.from(chunk);
    return new Uint8Array(Buffer.from(once.toString('utf8').repeat(Math.ceil(bytes / once.length))).subarray(0, bytes));
  });

const csvCell = fc.oneof(
  reportish,
  fc.string({ maxLength: 30 }).map((text) => `"${text.replaceAll('"', '""')}"`),
);
const csvText = fc
  .tuple(fc.array(fc.array(csvCell, { maxLength: 12 }), { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([rows, newline]) => rows.map((cells) => cells.join(',')).join(newline));
const csvHeader = 'sequence,title,actions,indicators,outcome,result_text,summary,carried_out,evidence\n';

describe('import parser fuzzing: every format, parsed or refused (422) within 2 s', () => {
  beforeAll(async () => {
    configureParsePool({ timeoutMs: LIMIT_MS });
    reportDocx = await buildDocx([
      ['ลำดับที่', 'มาตรการ', 'ไม่สามารถดำเนินการได้', 'ดำเนินการแล้วเสร็จ', 'สรุปผล', 'ระยะเวลา'],
      ['๑', '๑. เผยแพร่แผน (อ้างอิงจาก ๐๑๑)', '', 'เผยแพร่แล้ว', 'ที่ www.x.go.th', 'ดำเนินการเมื่อวันที่ ๗ มีนาคม ๒๕๖๖'],
    ]);
  });
  afterAll(async () => {
    // Every format produced reports too (the inputs reached the parsers' logic, not only their guards).
    for (const format of ['text', 'csv', 'docx']) expect(seen.get(format), format).toContain('parsed');
    configureParsePool(DEFAULT_PARSE_POOL_OPTIONS);
    await closeParsePool();
  });

  it('when text reports are random or mutated, then each is parsed or refused in time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(reportish, mutatedReport), async (content) => {
        await check({ format: 'text', content });
      }),
      { numRuns: 400, seed: SEED },
    );
  }, 60_000);

  it('when text and CSV files arrive as random bytes (any encoding), then each is parsed or refused in time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, asCsv) => {
        await check(asCsv ? { format: 'csv', content: bytes, fiscalYear: 2568 } : { format: 'text', content: bytes });
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 60_000);

  it('when CSV is random, with or without the export header, then each is parsed or refused in time', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.boolean(), fc.integer({ min: 2400, max: 2700 }), async (csv, withHeader, fiscalYear) => {
        await check({ format: 'csv', content: withHeader ? csvHeader + csv : csv, fiscalYear });
      }),
      { numRuns: 300, seed: SEED },
    );
  }, 60_000);

  it('when inputs are large (64 kB to 1 MB), then each is parsed or refused in time', async () => {
    await fc.assert(
      fc.asyncProperty(large, fc.constantFrom('text', 'csv'), async (content, format) => {
        await check(format === 'csv' ? { format, content, fiscalYear: 2568 } : { format: 'text', content });
      }),
      { numRuns: 20, seed: SEED },
    );
  }, 60_000);

  it('when a .docx has its bytes flipped, cut or spliced, then each is parsed or refused in time', async () => {
    const mutation = fc.oneof(
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
        .map((flips) => (bytes: Uint8Array) => {
          const copy = new Uint8Array(bytes);
          for (const [at, value] of flips) copy[at % copy.length] = value;
          return copy;
        }),
      fc.nat().map((at) => (bytes: Uint8Array) => bytes.subarray(0, at % bytes.length)),
      fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 2048 })).map(([at, insert]) => (bytes: Uint8Array) => {
        const cut = at % bytes.length;
        return new Uint8Array([...bytes.subarray(0, cut), ...insert, ...bytes.subarray(cut)]);
      }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (mutate) => {
        await check({ format: 'docx', content: mutate(reportDocx) });
      }),
      { numRuns: 300, seed: SEED },
    );
  }, 60_000);

  it('when a .docx is a random zip (random entries, random XML in word/document.xml), then each is parsed or refused in time', async () => {
    const xmlish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '<w:t>',
            '</w:t>',
            '<w:tc>',
            '</w:tc>',
            '<w:tr>',
            '</w:tr>',
            '<w:tbl>',
            '</w:tbl>',
            '<w:p>',
            '</w:p>',
            '&amp;',
            '<!DOCTYPE x [<!ENTITY a "b">]>',
            ']]>',
          ),
          reportish,
        ),
        { maxLength: 200 },
      )
      .map(
        (parts) =>
          `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join('')}</w:body></w:document>`,
      );
    const entries = fc.array(
      fc.tuple(
        fc.constantFrom(
          'word/document.xml',
          '[Content_Types].xml',
          'word/_rels/document.xml.rels',
          '_rels/.rels',
          'word/styles.xml',
          'x/../../evil',
        ),
        fc.oneof(xmlish, reportish),
      ),
      { minLength: 0, maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(entries, async (files) => {
        const zip = new JSZip();
        for (const [name, content] of files) zip.file(name, content);
        await check({ format: 'docx', content: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) });
      }),
      { numRuns: 200, seed: SEED },
    );
  }, 60_000);
});
