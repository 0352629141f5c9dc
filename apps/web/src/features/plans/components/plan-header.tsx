import { Link } from 'react-router';
import { fiscalYearRange, type PlanDetail } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { localIsoDate, useI18n } from '@/lib/i18n';
import { PlanProgressBar } from '@/components/ui/progress-bar';
import { PlanStatusChip } from '@/components/ui/status-chip';
import { PlanIntro } from './plan-intro';
import '@/components/ui/plan-summary.css';
import { ThaiText } from '@/components/ui/thai-text';

/**
 * The top of the plan page, worded like the official report's title page, with the introduction;
 * `canEditIntro` (an editor, and the plan a draft or returned) lets the user edit the introduction.
 */
export function PlanHeader({ plan, canEditIntro = false }: { plan: PlanDetail; canEditIntro?: boolean }) {
  const { t, formatPartial, formatDay } = useI18n();
  const range = fiscalYearRange(plan.fiscalYear);
  const dates: { label: string; at: string | null }[] = [
    { label: t('plan.submittedAtLabel'), at: plan.submittedAt },
    { label: t('plan.reviewedAtLabel'), at: plan.reviewedAt },
    { label: t('plan.publishedAtLabel'), at: plan.publishedAt },
  ];
  return (
    <header className="plan-header">
      <p className="plan-header__agency" lang="th">
        <Link to={paths.agency.getHref(plan.agencyId)}>
          <ThaiText>{plan.agencyNameTh}</ThaiText>
        </Link>
      </p>
      <h1 className="plan-header__title">
        <ThaiText>{t('plan.reportTitle', { fiscalYear: plan.fiscalYear })}</ThaiText>
      </h1>
      <p className="plan-header__period">
        {t('plan.period', {
          months: 12,
          start: formatPartial({ date: range.start.slice(0, 8) + '01', precision: 'month' }),
          end: formatPartial({ date: range.end.slice(0, 8) + '01', precision: 'month' }),
        })}
      </p>
      <div className="plan-header__status">
        <span className="plan-header__status-label">{t('plan.status')}</span>
        <PlanStatusChip status={plan.status} />
      </div>
      <PlanProgressBar progress={plan.progress} />
      {dates.some((entry) => entry.at) && (
        <dl className="plan-header__dates">
          {dates
            .filter((entry) => entry.at)
            .map((entry) => (
              <div key={entry.label}>
                <dt>{entry.label}</dt>
                <dd>{formatDay(localIsoDate(entry.at ?? ''))}</dd>
              </div>
            ))}
        </dl>
      )}
      <PlanIntro plan={plan} editable={canEditIntro} />
    </header>
  );
}
