import { buildUrl } from '@/lib/api-client';

export type ReportFormat = 'docx' | 'pdf' | 'html';
export type OpenDataFormat = 'csv' | 'xlsx';

/** The permalink of a published report file (cite it as ITA evidence). */
export const publicReportUrl = (agencyId: string, fiscalYear: number, format: ReportFormat): string =>
  buildUrl(`/public/agencies/${encodeURIComponent(agencyId)}/plans/${fiscalYear}/report.${format}`);

/** Open data: published measures as CSV or Excel, for one agency (and optionally one year) or a province. */
export const openDataUrl = (format: OpenDataFormat, filter: { agencyId?: string; fiscalYear?: number; provinceId?: number }): string =>
  buildUrl(`/public/exports/measures.${format}`, filter);
