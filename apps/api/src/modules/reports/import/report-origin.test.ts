import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkMeasures } from '../../quality-checks/quality-checks';
import { parseReportText } from './parse-report-text';
import { checkReportOrigin, withOriginWarnings } from './report-origin';

const SAMPLE = parseReportText(readFileSync(new URL('./fixtures/report-2566-bangsainoi.txt', import.meta.url), 'utf8'));
const BANGSAINOI = {
  agencyNameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  website: 'www.bangsainoi.go.th',
  districtNameTh: 'หว้านใหญ่',
  fiscalYear: 2566,
};

describe('checkReportOrigin', () => {
  it('when the sample (it says อำเภอห้วยใหญ่) is imported into its agency recorded in หว้านใหญ่, then one warning names both districts', () => {
    // Act
    const warnings = checkReportOrigin(SAMPLE, BANGSAINOI);

    // Assert
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'OTHER_AGENCY_REPORT',
      sequence: null,
      params: { reportDistrict: 'ห้วยใหญ่', agencyDistrict: 'หว้านใหญ่' },
    });
    expect(warnings[0]!.message).toContain('ห้วยใหญ่');
    expect(warnings[0]!.message).toContain('หว้านใหญ่');
  });

  it('when the report is of another agency with its own website, then one warning names the other name and website', () => {
    // Act
    const warnings = checkReportOrigin(SAMPLE, {
      ...BANGSAINOI,
      agencyNameTh: 'เทศบาลตำบลหนองบัวใหญ่',
      website: 'www.nongbuayai.go.th',
      districtNameTh: 'ห้วยใหญ่',
    });

    // Assert
    expect(warnings.map((warning) => warning.code)).toEqual(['OTHER_AGENCY_REPORT']);
    expect(warnings[0]!.params).toMatchObject({ reportAgency: 'องค์การบริหารส่วนตำบลบางทรายน้อย', reportWebsite: 'www.bangsainoi.go.th' });
  });

  it('when the agency, website and district all match, then nothing is said', () => {
    expect(checkReportOrigin(SAMPLE, { ...BANGSAINOI, districtNameTh: 'ห้วยใหญ่' })).toEqual([]);
  });

  it('when a FY2566 report is imported into FY2567, then one OTHER_FISCAL_YEAR warning replaces a date warning per measure', () => {
    // Arrange
    const target = { ...BANGSAINOI, districtNameTh: 'ห้วยใหญ่', fiscalYear: 2567 };
    const perMeasure = checkMeasures({ agencyNameTh: target.agencyNameTh, website: target.website, fiscalYear: 2567 }, SAMPLE.measures);
    expect(perMeasure.filter((warning) => warning.code === 'DATE_OUTSIDE_FISCAL_YEAR').length).toBeGreaterThan(4);

    // Act
    const warnings = withOriginWarnings(perMeasure, checkReportOrigin(SAMPLE, target));

    // Assert
    expect(warnings.filter((warning) => warning.code === 'OTHER_FISCAL_YEAR')).toEqual([
      expect.objectContaining({ sequence: null, params: { reportFiscalYear: 2566, fiscalYear: 2567 } }),
    ]);
    expect(warnings.some((warning) => warning.code === 'DATE_OUTSIDE_FISCAL_YEAR')).toBe(false);
  });
});
