import type { Measure, ReviewComment } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { QualityWarnings } from './plan-warnings';
import { ReviewComments } from './review-comments';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/** The "มาตรการ / โครงการ / กิจกรรม" column: title, numbered sub-actions, cited ITA items, evidence. */
export function MeasureDescription({
  measure,
  comments,
  positionOf,
}: {
  measure: Measure;
  comments: ReviewComment[];
  positionOf?: (sequence: number) => number;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="measure-desc" lang="th">
      <p className="measure-desc__title">{measure.title}</p>
      {measure.actions.length > 0 && (
        <ol className="measure-desc__actions">
          {measure.actions.map((action, index) => (
            <li key={index}>
              <span className="measure-desc__action-no" aria-hidden="true">
                {formatNumber(index + 1)}.
              </span>{' '}
              {action}
            </li>
          ))}
        </ol>
      )}
      {measure.indicators.length > 0 && (
        <ul className="chip-list" aria-label={t('measure.indicators')}>
          {measure.indicators.map((indicator) => (
            <li
              key={`${indicator.fiscalYear}-${indicator.code}`}
              className="chip chip--indicator"
              title={t('indicator.codebookYear', { fiscalYear: indicator.fiscalYear })}
            >
              {indicator.titleTh ? `${indicator.code} · ${indicator.titleTh}` : indicator.code}
            </li>
          ))}
        </ul>
      )}
      {measure.responsible && (
        <p className="small">
          <span className="muted">{t('measure.responsible')}: </span>
          {measure.responsible}
        </p>
      )}
      {measure.evidence.length > 0 && (
        <div className="small">
          <span className="muted">{t('measure.evidence')}: </span>
          <ul className="evidence-list">
            {measure.evidence.map((link, index) => (
              <li key={`${link.url}-${index}`}>
                {isHttpUrl(link.url) ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.label} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
                  </a>
                ) : (
                  link.label
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <QualityWarnings warnings={measure.warnings} title={t('measure.warnings')} positionOf={positionOf} />
      <ReviewComments comments={comments} title={t('measure.reviewComments')} compact />
    </div>
  );
}

/** The result column: the outcome, the reason when it could not be carried out, and the result text. */
export function MeasureResult({ measure }: { measure: Measure }) {
  const { t } = useI18n();
  return (
    <div className="measure-result" lang="th">
      {measure.outcome === 'not_carried_out' && measure.outcomeReason && (
        <p className="small">
          <span className="muted">{t('measure.outcomeReason')}: </span>
          {measure.outcomeReason}
        </p>
      )}
      {measure.resultText && <p>{measure.resultText}</p>}
    </div>
  );
}

/** The "ระยะเวลาในการดำเนินการ" column. A month-only date is shown as a month: no day is made up. */
export function MeasurePeriod({ measure }: { measure: Measure }) {
  const { t, formatPartial, formatDay } = useI18n();
  const planned =
    measure.plannedStart || measure.plannedEnd
      ? t('period.planned', {
          start: measure.plannedStart ? formatDay(measure.plannedStart) : '…',
          end: measure.plannedEnd ? formatDay(measure.plannedEnd) : '…',
        })
      : undefined;
  return (
    <div className="measure-period">
      {measure.carriedOut ? (
        <p>
          {t(measure.carriedOut.precision === 'day' ? 'period.carriedOutDay' : 'period.carriedOutMonth', {
            date: formatPartial(measure.carriedOut),
          })}
        </p>
      ) : measure.carriedOutRaw ? (
        <p>
          {measure.carriedOutRaw} <span className="muted small">{t('period.asWritten')}</span>
        </p>
      ) : null}
      {planned && <p className="small muted">{planned}</p>}
      {!measure.carriedOut && !measure.carriedOutRaw && !planned && <p className="muted">—</p>}
    </div>
  );
}
