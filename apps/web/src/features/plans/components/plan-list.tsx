import { Link } from 'react-router';
import type { PlanSummary } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { PlanProgressBar } from '@/components/ui/progress-bar';
import { PlanStatusChip } from '@/components/ui/status-chip';
import '@/components/ui/plan-summary.css';

/** An agency's plans, newest fiscal year first. */
export function PlanList({ plans }: { plans: PlanSummary[] }) {
  const { t, formatDateTime } = useI18n();
  const sorted = [...plans].sort((a, b) => b.fiscalYear - a.fiscalYear);
  return (
    <ul className="plan-list">
      {sorted.map((plan) => (
        <li key={plan.id} className="card plan-card">
          <div className="plan-card__head">
            <h3 className="plan-card__title">
              <Link to={paths.plan.getHref(plan.agencyId, plan.fiscalYear)}>
                {t('plan.fiscalYearTitle', { fiscalYear: plan.fiscalYear })}
              </Link>
            </h3>
            <PlanStatusChip status={plan.status} />
          </div>
          <PlanProgressBar progress={plan.progress} label={t('plan.progressOf', { fiscalYear: plan.fiscalYear })} />
          <p className="muted small">
            {plan.publishedAt
              ? t('plan.publishedAt', { date: formatDateTime(plan.publishedAt) })
              : t('plan.updatedAt', { date: formatDateTime(plan.updatedAt) })}
          </p>
        </li>
      ))}
    </ul>
  );
}
