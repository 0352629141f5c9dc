// The official report and the open-data measure exports, as pure renderers: the routes feed them data.
export {
  AGENCY_TYPE_LABEL_TH,
  buildReportView,
  PLAN_STATUS_LABEL_TH,
  OUTCOME_LABEL_TH,
  type MeasureExportFields,
  type MeasureExportRow,
  type ReportData,
  type ReportView,
} from './report-model';
export { renderReportDocx } from './render-docx';
export { renderReportHtml, sarabunFontFaceCss, type RenderHtmlOptions } from './render-html';
export { findChromiumPath, PdfUnavailableError, renderReportPdf, type RenderPdfOptions } from './render-pdf';
export { MEASURE_EXPORT_COLUMNS, measuresCsvStream, type MeasureExportColumn } from './measures-csv';
export { writeMeasuresXlsx } from './measures-xlsx';
