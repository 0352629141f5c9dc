import { OUTCOMES, type Outcome, type PartialDate } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { warningCodeLabel, warningText } from '@/lib/warning-text';
import { PartialDateInput } from '@/components/ui/partial-date-input';
import { storableEvidence, type ImportRow } from '../utils/import-rows';
import '../imports.css';
import { Button } from '@/components/ui/button';
import { Chip } from '@/components/ui/chip';
import { Th } from '@/components/ui/table-header';

/**
 * Step 2: what was understood, one row per measure, with its quality warnings. The editor can fix
 * the title, the outcome and the date (and whether it is known to the day or only the month), or
 * drop a row, before anything is saved.
 */
export function ImportPreviewTable({
  rows,
  fiscalYear,
  onChange,
  onRemove,
}: {
  rows: ImportRow[];
  fiscalYear: number | undefined;
  onChange: (key: string, patch: Partial<ImportRow>) => void;
  onRemove: (row: ImportRow) => void;
}) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  /** Every field read by OCR from a scan is marked, so that the editor checks each one. */
  const ocrMark = (row: ImportRow) =>
    row.readByOcr ? (
      <span className="chip chip--warning import-ocr" title={t('import.readByOcrHint')}>
        {t('import.readByOcr')}
      </span>
    ) : null;
  return (
    <div className="table-wrap">
      <table className="table table--import table--stack">
        <caption className="visually-hidden">{t('import.previewCaption')}</caption>
        <thead>
          <tr>
            <Th scope="col" className="col-seq">
              {t('measures.colSequence')}
            </Th>
            <Th scope="col">{t('measures.colMeasure')}</Th>
            <Th scope="col">{t('measures.colOutcome')}</Th>
            <Th scope="col">{t('measures.colSummary')}</Th>
            <Th scope="col">{t('measures.colPeriod')}</Th>
            <Th scope="col">{t('import.colWarnings')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const position = index + 1;
            const label = t('import.rowLabel', { number: position });
            const droppedEvidence = row.evidence.length - storableEvidence(row).length;
            return (
              <tr key={row.key}>
                <th scope="row" className="col-seq" data-label={t('measures.colSequence')}>
                  {formatNumber(position)}
                  {row.sequence !== position && <span className="cell-sub">{t('import.sourceSequence', { sequence: row.sequence })}</span>}
                </th>
                <td data-label={t('measures.colMeasure')}>
                  {ocrMark(row)}
                  <div className="field">
                    <label htmlFor={`${row.key}-title`}>{t('import.titleOf', { label })}</label>
                    <textarea
                      id={`${row.key}-title`}
                      rows={3}
                      value={row.title}
                      lang="th"
                      aria-invalid={row.title.trim() === '' || undefined}
                      onChange={(event) => onChange(row.key, { title: event.target.value })}
                    />
                  </div>
                  {row.actions.length > 0 && (
                    <ol className="measure-desc__actions small" aria-label={t('field.actions')} lang="th">
                      {row.actions.map((action, actionIndex) => (
                        <li key={actionIndex}>
                          <span className="measure-desc__action-no" aria-hidden="true">
                            {formatNumber(actionIndex + 1)}.
                          </span>{' '}
                          {action}
                        </li>
                      ))}
                    </ol>
                  )}
                  {row.indicators.length > 0 && (
                    <ul className="chip-list" aria-label={t('measure.indicators')}>
                      {row.indicators.map((indicator) => (
                        <li key={`${indicator.fiscalYear ?? ''}-${indicator.code}`} className="chip chip--indicator">
                          {indicator.code}
                          {indicator.raw && <span className="muted"> ({indicator.raw})</span>}
                          <span className="muted">
                            {' '}
                            · {t('indicator.codebookYear', { fiscalYear: indicator.fiscalYear ?? fiscalYear ?? 0 })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <Button type="button" className="button button--danger-ghost button--small import-remove" onClick={() => onRemove(row)}>
                    {t('import.remove')} <span className="visually-hidden">{label}</span>
                  </Button>
                  {row.evidence.length > 0 && (
                    <p className="small">
                      {t('import.evidenceCount', { count: storableEvidence(row).length })}
                      {droppedEvidence > 0 && <span className="muted"> {t('import.evidenceDropped', { count: droppedEvidence })}</span>}
                    </p>
                  )}
                </td>
                <td data-label={t('measures.colOutcome')}>
                  {ocrMark(row)}
                  <div className="field">
                    <label htmlFor={`${row.key}-outcome`}>{t('import.outcomeOf', { label })}</label>
                    <select
                      id={`${row.key}-outcome`}
                      value={row.outcome}
                      onChange={(event) => onChange(row.key, { outcome: event.target.value as Outcome })}
                    >
                      {OUTCOMES.map((outcome) => (
                        <option key={outcome} value={outcome}>
                          {t(`outcome.${outcome}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {row.outcome === 'not_carried_out' && row.outcomeReason && (
                    <p className="small" lang="th">
                      <span className="muted">{t('measure.outcomeReason')}: </span>
                      {row.outcomeReason}
                    </p>
                  )}
                  {row.resultText && (
                    <p className="small" lang="th">
                      {row.resultText}
                    </p>
                  )}
                </td>
                <td data-label={t('measures.colSummary')} lang="th">
                  {ocrMark(row)}
                  {row.summary ?? <span className="muted">—</span>}
                </td>
                <td data-label={t('measures.colPeriod')}>
                  {ocrMark(row)}
                  <PartialDateInput
                    legend={t('import.dateOf', { label })}
                    value={row.carriedOut}
                    onChange={(value: PartialDate | null) => onChange(row.key, { carriedOut: value })}
                  />
                  {row.carriedOutRaw && (
                    <p className="small muted" lang="th">
                      {t('import.asWritten', { text: row.carriedOutRaw })}
                    </p>
                  )}
                </td>
                <td data-label={t('import.colWarnings')}>
                  {row.warnings.length === 0 ? (
                    <span className="muted">{t('import.noWarnings')}</span>
                  ) : (
                    <ul className="import-warnings">
                      {row.warnings.map((warning, warningIndex) => (
                        <li key={`${warning.code}-${warningIndex}`}>
                          <Chip className="chip--warning">{warningCodeLabel(warning.code, t)}</Chip>{' '}
                          <span lang={warningText(warning, i18n).lang}>{warningText(warning, i18n).text}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
