import { describe, expect, it } from 'vitest';
import { PlanApprovalInputSchema } from './schemas/plan';
import type { QualityWarning } from './schemas/measure';
import { isSeriousWarning, seriousWarningGroups, unacknowledgedWarnings } from './serious-warnings';

const warning = (code: string, sequence: number | null, params: QualityWarning['params'] = {}): QualityWarning => ({
  code,
  sequence,
  message: code,
  params,
});

describe('serious warnings', () => {
  it('are another agency, another website, a date outside the year, and a copy that names its source', () => {
    expect(isSeriousWarning(warning('OTHER_AGENCY_MENTION', 1))).toBe(true);
    expect(isSeriousWarning(warning('OTHER_WEBSITE', 1))).toBe(true);
    expect(isSeriousWarning(warning('DATE_OUTSIDE_FISCAL_YEAR', 1))).toBe(true);
    expect(isSeriousWarning(warning('COPIED_FROM_OTHER_AGENCY', 1, { kind: 'named' }))).toBe(true);
    expect(isSeriousWarning(warning('COPIED_FROM_OTHER_AGENCY', 1, { kind: 'first' }))).toBe(false);
    expect(isSeriousWarning(warning('COPIED_FROM_OTHER_AGENCY', 1))).toBe(false);
    expect(isSeriousWarning(warning('NO_EVIDENCE', 1))).toBe(false);
    expect(isSeriousWarning(warning('DAY_LEFT_BLANK', 1))).toBe(false);
  });

  it('group by code and measure (two agencies named in one measure are one acknowledgement), and acknowledged groups drop out', () => {
    const warnings = [
      warning('OTHER_AGENCY_MENTION', 1, { name: 'ก' }),
      warning('NO_EVIDENCE', 1),
      warning('OTHER_AGENCY_MENTION', 1, { name: 'ข' }),
      warning('OTHER_AGENCY_MENTION', 2, { name: 'ก' }),
    ];
    expect(seriousWarningGroups(warnings).map((group) => [group.code, group.sequence, group.warnings.length])).toEqual([
      ['OTHER_AGENCY_MENTION', 1, 2],
      ['OTHER_AGENCY_MENTION', 2, 1],
    ]);
    expect(unacknowledgedWarnings(warnings, [{ code: 'OTHER_AGENCY_MENTION', sequence: 1 }]).map((w) => w.sequence)).toEqual([2]);
  });

  it('are acknowledged with a trimmed reason of 10–500 characters, once each', () => {
    const ok = PlanApprovalInputSchema.parse({
      version: 1,
      acknowledgements: [{ code: 'OTHER_WEBSITE', sequence: 2, reason: '  เหตุผลที่ยาวพอสมควร  ' }],
    });
    expect(ok.acknowledgements?.[0]?.reason).toBe('เหตุผลที่ยาวพอสมควร');
    expect(
      PlanApprovalInputSchema.safeParse({ version: 1, acknowledgements: [{ code: 'OTHER_WEBSITE', sequence: 2, reason: 'สั้น' }] }).success,
    ).toBe(false);
    expect(
      PlanApprovalInputSchema.safeParse({ version: 1, acknowledgements: [{ code: 'OTHER_WEBSITE', sequence: 2, reason: 'ก'.repeat(501) }] })
        .success,
    ).toBe(false);
    const twice = { code: 'OTHER_WEBSITE', sequence: 2, reason: 'เหตุผลที่ยาวพอสมควร' };
    expect(PlanApprovalInputSchema.safeParse({ version: 1, acknowledgements: [twice, twice] }).success).toBe(false);
    expect(PlanApprovalInputSchema.safeParse({ version: 1, acknowledgements: [{ ...twice, code: 'NO_EVIDENCE' }] }).success).toBe(false);
  });
});
