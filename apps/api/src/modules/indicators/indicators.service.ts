import {
  fieldIssueOf,
  IndicatorCodeSchema,
  IndicatorGroupSchema,
  parseCsv,
  type Codebook,
  type FieldIssue,
  type UploadCodebookInput,
} from '@prongsai/shared';
import { z } from 'zod';
import type { Actor } from '../../access/actor';
import { assertCan } from '../../access/policies';
import { AppError, notFound } from '../../lib/app-error';
import { csvHeaderColumns } from '../../lib/csv-header';
import { transaction } from '../../lib/db';
import { recordAudit } from '../audit/audit.service';
import * as queries from './indicators.queries';

export const listCodebooks = () => queries.listCodebooks();

function codeOrder(code: string): number {
  return Number(code.slice(1));
}

export async function getCodebook(fiscalYear: number): Promise<Codebook> {
  const book = await queries.findCodebook(fiscalYear);
  if (!book) throw notFound(`ยังไม่มีรายการตัวชี้วัด (OIT) ของปี ${fiscalYear}`);
  return { ...book, items: book.items.sort((a, b) => codeOrder(a.code) - codeOrder(b.code)) };
}

const CodebookRowSchema = z.object({
  code: IndicatorCodeSchema,
  title: z.string().trim().min(1, 'กรุณาระบุชื่อรายการ').max(500),
  group: IndicatorGroupSchema,
});

/** Parse an uploaded codebook CSV (header code,title,group in any order); every bad row is named. */
export function parseCodebookCsv(csv: string): { code: string; title: string; group: string }[] {
  const rows = parseCsv(csv);
  const columns = csvHeaderColumns(rows[0], ['code', 'title', 'group']);
  const issues: FieldIssue[] = [];
  const items = new Map<string, { code: string; title: string; group: string }>();
  rows.slice(1).forEach((row, index) => {
    const parsed = CodebookRowSchema.safeParse({
      code: row[columns.code] ?? '',
      title: row[columns.title] ?? '',
      group: row[columns.group] ?? '',
    });
    const line = index + 2;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push(fieldIssueOf(issue, `body.csv.line${line}.${issue.path.join('.')}`));
    } else if (items.has(parsed.data.code)) {
      issues.push({
        path: `body.csv.line${line}.code`,
        message: `รหัส ${parsed.data.code} ซ้ำ`,
        code: 'duplicate',
        params: { value: parsed.data.code },
      });
    } else items.set(parsed.data.code, parsed.data);
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง', { reason: 'csvInvalid', issues: issues.slice(0, 50) });
  }
  if (items.size === 0) {
    const message = 'ไฟล์ CSV ไม่มีรายการ';
    throw new AppError('VALIDATION_FAILED', message, { reason: 'csvEmpty', issues: [{ path: 'body.csv', message, code: 'no_rows' }] });
  }
  return [...items.values()];
}

/** Replace a fiscal year's codebook (national admins). Measures keep their (year, code) references. */
export async function uploadCodebook(actor: Actor, fiscalYear: number, input: UploadCodebookInput): Promise<Codebook> {
  assertCan(actor, 'write:codebook');
  const items = parseCodebookCsv(input.csv);
  await transaction(async (db) => {
    const { before } = await queries.replaceCodebook(db, fiscalYear, input.note ?? null, items);
    await recordAudit(db, actor, {
      action: 'update',
      entityType: 'codebook',
      entityId: String(fiscalYear),
      changes: { items: { from: before, to: items.length } },
    });
  });
  return getCodebook(fiscalYear);
}
