import { fiscalYearRange, type EvidenceFile, type Measure, type PlanDetail } from '@prongsai/shared';
import { localIsoDate, useI18n } from '@/lib/i18n';
import '@/components/ui/plan-summary.css';
import '../public.css';
import { ThaiText } from '@/components/ui/thai-text';
import { Chip } from '@/components/ui/chip';
import { Th } from '@/components/ui/table-header';
import { CheckIcon } from '@/components/ui/icons';
import { useFileSize } from '@/lib/use-file-size';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * A published report laid out like the official one: title page text, the introduction, then one
 * row per measure (ลำดับที่ · มาตรการ · ผลลัพธ์ in the column of its outcome · สรุปผล · ระยะเวลา).
 * Quality warnings and reviewers' comments are working notes and are not shown to the public.
 * `files` are the public evidence files (none listed while they load or when there are none).
 */
export function PublicReport({ plan, files = [] }: { plan: PlanDetail; files?: readonly EvidenceFile[] }) {
  const { t, formatPartial, formatDay } = useI18n();
  const range = fiscalYearRange(plan.fiscalYear);
  return (
    <article className="public-report" aria-labelledby="report-title">
      <header className="plan-header public-report__header">
        <p className="plan-header__agency" lang="th">
          <ThaiText>{plan.agencyNameTh}</ThaiText>
        </p>
        <h1 id="report-title" className="plan-header__title">
          <ThaiText>{t('public.report.title', { fiscalYear: plan.fiscalYear })}</ThaiText>
        </h1>
        <p className="plan-header__period">
          {t('plan.period', {
            months: 12,
            start: formatPartial({ date: range.start.slice(0, 8) + '01', precision: 'month' }),
            end: formatPartial({ date: range.end.slice(0, 8) + '01', precision: 'month' }),
          })}
        </p>
        {plan.publishedAt && <p className="muted">{t('public.report.publishedAt', { date: formatDay(localIsoDate(plan.publishedAt)) })}</p>}
        {plan.introText && (
          <p className="plan-header__intro" lang="th">
            {plan.introText}
          </p>
        )}
      </header>
      <ReportSummary plan={plan} />
      <div className="table-wrap">
        <table className="table table--report table--official table--stack">
          <caption className="visually-hidden">{t('measures.caption', { fiscalYear: plan.fiscalYear })}</caption>
          <thead>
            <tr>
              <Th scope="col" rowSpan={2} className="col-seq">
                {t('measures.colSequence')}
              </Th>
              <Th scope="col" rowSpan={2}>
                {t('public.report.colMeasure')}
              </Th>
              <Th scope="colgroup" colSpan={2}>
                {t('measures.colOutcome')}
              </Th>
              <Th scope="col" rowSpan={2}>
                {t('public.report.colSummary')}
              </Th>
              <Th scope="col" rowSpan={2}>
                {t('measures.colPeriod')}
              </Th>
            </tr>
            <tr>
              <Th scope="col">{t('outcome.not_carried_out')}</Th>
              <Th scope="col">{t('outcome.completed')}</Th>
            </tr>
          </thead>
          <tbody>
            {plan.measures.map((measure, index) => (
              <ReportRow
                key={measure.id}
                measure={measure}
                position={index + 1}
                files={files.filter((file) => file.measureId === measure.id)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function ReportSummary({ plan }: { plan: PlanDetail }) {
  const { t, formatDecimal } = useI18n();
  const { progress } = plan;
  return (
    <p className="public-report__summary">
      {t('public.report.summary', {
        total: formatDecimal(progress.total),
        completed: formatDecimal(progress.completed),
        notCarriedOut: formatDecimal(progress.notCarriedOut),
        other: formatDecimal(progress.planned + progress.inProgress),
      })}
    </p>
  );
}

function ReportRow({ measure, position, files }: { measure: Measure; position: number; files: readonly EvidenceFile[] }) {
  const { t, formatNumber, formatPartial } = useI18n();
  const result = (
    <>
      {measure.outcome === 'not_carried_out' && measure.outcomeReason && <p>{measure.outcomeReason}</p>}
      {measure.resultText && <p>{measure.resultText}</p>}
    </>
  );
  const hasResult = Boolean(measure.resultText || (measure.outcome === 'not_carried_out' && measure.outcomeReason));
  const mark = (
    <span className="public-report__mark">
      <CheckIcon />{' '}
    </span>
  );
  return (
    <tr>
      <Th scope="row" className="col-seq" data-label={t('measures.colSequence')}>
        {formatNumber(position)}
      </Th>
      <td data-label={t('public.report.colMeasure')} lang="th">
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
              <li key={`${indicator.fiscalYear}-${indicator.code}`} className="chip chip--indicator">
                {indicator.titleTh ? `${indicator.code} · ${indicator.titleTh}` : indicator.code}
              </li>
            ))}
          </ul>
        )}
        {measure.evidence.length > 0 && (
          <div className="small">
            <span className="muted">{t('measure.evidence')}: </span>
            <ul className="evidence-list">
              {measure.evidence.map((link, index) => (
                <li key={`${link.url}-${index}`}>
                  {isHttpUrl(link.url) ? (
                    <a href={link.url} target="_blank" rel="noopener noreferrer nofollow">
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
        {files.length > 0 && <ReportFiles files={files} />}
      </td>
      {measure.outcome === 'not_carried_out' || measure.outcome === 'completed' ? (
        <>
          <td
            data-label={t('outcome.not_carried_out')}
            lang="th"
            className={measure.outcome === 'not_carried_out' ? '' : 'public-report__empty'}
          >
            {measure.outcome === 'not_carried_out' && (
              <>
                {mark}
                {hasResult ? result : <span className="visually-hidden">{t('outcome.not_carried_out')}</span>}
              </>
            )}
          </td>
          <td data-label={t('outcome.completed')} lang="th" className={measure.outcome === 'completed' ? '' : 'public-report__empty'}>
            {measure.outcome === 'completed' && (
              <>
                {mark}
                {hasResult ? result : <span className="visually-hidden">{t('outcome.completed')}</span>}
              </>
            )}
          </td>
        </>
      ) : (
        <td colSpan={2} data-label={t('measures.colOutcome')} lang="th">
          <Chip className={`chip--outcome-${measure.outcome}`}>{t(`outcome.${measure.outcome}`)}</Chip>
          {result}
        </td>
      )}
      <td data-label={t('public.report.colSummary')} lang="th">
        {measure.summary ?? <span className="muted">—</span>}
      </td>
      <td data-label={t('measures.colPeriod')}>
        {measure.carriedOut ? (
          t(measure.carriedOut.precision === 'day' ? 'period.carriedOutDay' : 'period.carriedOutMonth', {
            date: formatPartial(measure.carriedOut),
          })
        ) : measure.carriedOutRaw ? (
          <span lang="th">{measure.carriedOutRaw}</span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

/** A measure's evidence files, each a download link with its type and size. */
function ReportFiles({ files }: { files: readonly EvidenceFile[] }) {
  const { t } = useI18n();
  const size = useFileSize();
  return (
    <div className="small">
      <span className="muted">{t('public.report.files')}: </span>
      <ul className="evidence-list">
        {files.map((file) => (
          <li key={file.id}>
            <a href={file.url} download={file.name}>
              {file.name}
            </a>{' '}
            <span className="muted">
              ({file.name.split('.').pop()?.toUpperCase()}, {size(file.size)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
