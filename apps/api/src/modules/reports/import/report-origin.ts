import type { ParsedReport, QualityWarning } from '@prongsai/shared';
import { readCoreName } from '../../quality-checks/local-government-names';
import { isSameSite, readHost } from '../../quality-checks/web-addresses';

/** The agency and year a report is being imported into. */
export interface ImportTarget {
  agencyNameTh: string;
  website: string | null;
  /** The district recorded for the agency (Thai name without "อำเภอ"), when known. */
  districtNameTh: string | null;
  /** The fiscal year the plan is for (BE). */
  fiscalYear: number | null;
}

const compact = (text: string) => text.replace(/\s+/g, '');
const stripDistrict = (name: string) => compact(name).replace(/^(?:อำเภอ|อ\.|เขต)/, '');

/**
 * Report-wide warnings about where a report comes from, each said once: another agency's name, website
 * or district in its header (OTHER_AGENCY_REPORT), or another fiscal year (OTHER_FISCAL_YEAR, which then
 * stands for the per-measure "date outside the fiscal year" warnings it explains). Codes and params are
 * for catalogues; the message is Thai with the English after it.
 */
export function checkReportOrigin(report: Pick<ParsedReport, 'agency' | 'fiscalYear'>, target: ImportTarget): QualityWarning[] {
  const warnings: QualityWarning[] = [];
  const differences: string[] = [];
  const params: Record<string, string | number> = {};
  const { name, website, district } = report.agency;
  const ownCore = readCoreName(target.agencyNameTh);
  if (name && ownCore && !compact(name).includes(ownCore) && readCoreName(name) !== ownCore) {
    differences.push(`ชื่อ "${name}"`);
    params.reportAgency = name;
  }
  if (website && target.website && !isSameSite(readHost(website), readHost(target.website))) {
    differences.push(`เว็บไซต์ ${website}`);
    params.reportWebsite = website;
  }
  if (district && target.districtNameTh && stripDistrict(district) !== stripDistrict(target.districtNameTh)) {
    differences.push(`อำเภอ${stripDistrict(district)} (หน่วยงานนี้อยู่อำเภอ${stripDistrict(target.districtNameTh)})`);
    params.reportDistrict = stripDistrict(district);
    params.agencyDistrict = stripDistrict(target.districtNameTh);
  }
  if (differences.length > 0) {
    warnings.push({
      code: 'OTHER_AGENCY_REPORT',
      sequence: null,
      message:
        `หัวรายงานระบุ${differences.join(', ')} ซึ่งไม่ตรงกับ${target.agencyNameTh} อาจเป็นรายงานของหน่วยงานอื่น กรุณาตรวจก่อนนำเข้า ` +
        `(the report's header names another agency, website or district than ${target.agencyNameTh})`,
      params: { agency: target.agencyNameTh, ...params },
    });
  }
  if (report.fiscalYear !== null && target.fiscalYear !== null && report.fiscalYear !== target.fiscalYear) {
    warnings.push({
      code: 'OTHER_FISCAL_YEAR',
      sequence: null,
      message:
        `รายงานนี้เป็นของปีงบประมาณ พ.ศ. ${report.fiscalYear} แต่กำลังนำเข้าเป็นแผนปี ${target.fiscalYear} วันที่ดำเนินการจึงอยู่นอกปีงบประมาณ ` +
        `(a report of fiscal year ${report.fiscalYear} imported into ${target.fiscalYear})`,
      params: { reportFiscalYear: report.fiscalYear, fiscalYear: target.fiscalYear },
    });
  }
  return warnings;
}

/** With another fiscal year said once, the per-measure date warnings it causes are left out. */
export function withOriginWarnings(warnings: QualityWarning[], origin: QualityWarning[]): QualityWarning[] {
  const otherYear = origin.some((warning) => warning.code === 'OTHER_FISCAL_YEAR');
  return [...origin, ...warnings.filter((warning) => !(otherYear && warning.code === 'DATE_OUTSIDE_FISCAL_YEAR'))];
}
