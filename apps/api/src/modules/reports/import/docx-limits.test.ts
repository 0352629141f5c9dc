import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/app-error';
import { buildPaddedDocx, buildZip } from '../../../../test/zip-files';
import { parseReportDocx } from './parse-docx';

const MB = 1024 * 1024;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('.docx unpacking limits', () => {
  it('when a .docx inflates to 100 MB of spaces, then the parser refuses it with ARCHIVE_LIMIT_EXCEEDED naming 50 MB', async () => {
    const bomb = await buildPaddedDocx(100 * MB);
    expect(bomb.length).toBeLessThan(1 * MB);

    const started = Date.now();
    const error = await refusal(parseReportDocx(bomb));

    expect(error.code).toBe('ARCHIVE_LIMIT_EXCEEDED');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^ไฟล์ \.docx .*50 MB/);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'body.content', code: 'inflated_too_large' })]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('when the headers declare small sizes but the entry inflates past the limit, then it is refused while inflating', async () => {
    const liar = await buildPaddedDocx(60 * MB, { lie: true });

    const error = await refusal(parseReportDocx(liar));

    expect(error.code).toBe('ARCHIVE_LIMIT_EXCEEDED');
    expect(error.details.issues?.[0]?.code).toBe('inflated_too_large');
  });

  it('when a header understates a size that stays under the limit, then the file is reported unreadable, not parsed', async () => {
    const liar = await buildPaddedDocx(1_000, { lie: true });

    const report = await parseReportDocx(liar);

    expect(report.measures).toEqual([]);
    expect(report.warnings).toEqual([expect.objectContaining({ code: 'PARSE_PROBLEM' })]);
  });

  it('when the archive has more than 2,000 entries, then the parser refuses it naming the limit', async () => {
    const entries = Array.from({ length: 2_001 }, (_, index) => ({ name: `word/media/${index}.xml`, data: Buffer.from('<x/>') }));

    const error = await refusal(parseReportDocx(buildZip(entries)));

    expect(error.code).toBe('ARCHIVE_LIMIT_EXCEEDED');
    expect(error.message).toContain('2,000');
    expect(error.details.issues?.[0]?.code).toBe('too_many_entries');
  });

  it('when an ordinary .docx is under the limits, then it is read (its fiscal year comes back)', async () => {
    const report = await parseReportDocx(await buildPaddedDocx(1_000));

    expect(report.fiscalYear).toBe(2566);
    expect(report.warnings.map((warning) => warning.message)).not.toContainEqual(expect.stringContaining('อ่านไฟล์ .docx ไม่ได้'));
  });
});
