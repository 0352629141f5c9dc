import { describe, expect, it } from 'vitest';
import { makeImportPreview } from '@/testing/factories';
import { reportWarnings, rowsFromPreview, toCommitInput } from './import-rows';

describe('import rows', () => {
  it('gives each measure its own warnings and keeps report-wide ones apart', () => {
    const preview = makeImportPreview();
    const rows = rowsFromPreview(preview);
    expect(rows.map((row) => row.warnings.map((warning) => warning.code))).toEqual([['NO_EVIDENCE'], []]);
    expect(reportWarnings(preview).map((warning) => warning.code)).toEqual(['PARSE_PROBLEM']);
  });

  it('when rows are confirmed, then the commit body has no warnings, indicators read in the plan year and only http evidence', () => {
    const rows = rowsFromPreview(makeImportPreview());
    const parsed = toCommitInput(rows, 2568, null);
    expect(parsed.success).toBe(true);
    const [first, second] = parsed.data!.measures;
    expect(first).toMatchObject({
      title: 'เผยแพร่แผนการใช้จ่ายงบประมาณ',
      outcome: 'completed',
      indicators: [{ fiscalYear: 2568, code: 'O11', raw: 'อ้างอิงจาก ๐๑๑' }],
      evidence: [{ url: 'https://www.banshong.go.th/plan', label: 'แผน' }],
      carriedOut: { date: '2025-03-01', precision: 'month' },
    });
    expect(second).toMatchObject({ outcome: 'not_carried_out', outcomeReason: 'ไม่มีงบประมาณ' });
    // The server computes quality warnings when it saves and refuses any a client sends.
    expect(parsed.data!.measures.every((measure) => !('warnings' in measure))).toBe(true);
  });

  it('when a row is not carried out and its reason is emptied, then the editor rule refuses it before anything is sent', () => {
    const rows = rowsFromPreview(makeImportPreview()).map((row, index) => (index === 1 ? { ...row, outcomeReason: null } : row));
    const parsed = toCommitInput(rows, 2568, null);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['measures', 1, 'outcomeReason']);
  });

  it('refuses an emptied title before anything is sent', () => {
    const rows = rowsFromPreview(makeImportPreview()).map((row, index) => (index === 1 ? { ...row, title: '   ' } : row));
    const parsed = toCommitInput(rows, 2568, null);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['measures', 1, 'title']);
  });
});
