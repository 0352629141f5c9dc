import { Link } from 'react-router';
import type { PlanSummary } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { localIsoDate, useI18n } from '@/lib/i18n';
import { PlanProgressBar } from '@/components/ui/progress-bar';
import { publicReportUrl } from '../api/public-downloads';
import '@/components/ui/plan-summary.css';

/** An agency's published reports, newest fiscal year first, each with its permalinks. */
export function PublishedPlanList({ plans }: { plans: PlanSummary[] }) {
  const { t, formatDay } = useI18n();
  const sorted = [...plans].sort((a, b) => b.fiscalYear - a.fiscalYear);
  return (
    <ul className="plan-list">
      {sorted.map((plan) => (
        <li key={plan.id} className="card plan-card">
          <div className="plan-card__head">
            <h3 className="plan-card__title">
              <Link to={paths.publicPlan.getHref(plan.agencyId, plan.fiscalYear)}>
                {t('public.agency.reportOf', { fiscalYear: plan.fiscalYear })}
              </Link>
            </h3>
            {plan.publishedAt && (
              <span className="muted small">{t('public.report.publishedAt', { date: formatDay(localIsoDate(plan.publishedAt)) })}</span>
            )}
          </div>
          <PlanProgressBar progress={plan.progress} label={t('plan.progressOf', { fiscalYear: plan.fiscalYear })} />
          <p className="plan-card__links small">
            <a href={publicReportUrl(plan.agencyId, plan.fiscalYear, 'docx')} download>
              {t('downloads.docx')}
              <span className="visually-hidden"> {t('plan.fiscalYearTitle', { fiscalYear: plan.fiscalYear })}</span>
            </a>
            {' · '}
            <a href={publicReportUrl(plan.agencyId, plan.fiscalYear, 'pdf')} download>
              {t('downloads.pdf')}
              <span className="visually-hidden"> {t('plan.fiscalYearTitle', { fiscalYear: plan.fiscalYear })}</span>
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
