import { PLAN_STATUSES } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import type { OverviewStatusFilter } from '../api/get-province-overview';
import '../review.css';

const ORDER: OverviewStatusFilter[] = [...PLAN_STATUSES, 'none'];

/**
 * How many agencies are in each plan status (across every page). Each count is also a toggle
 * that filters the table by that status.
 */
export function StatusCounts({
  counts,
  active,
  onChange,
}: {
  counts: Record<string, number>;
  active: OverviewStatusFilter | undefined;
  onChange: (status: OverviewStatusFilter | undefined) => void;
}) {
  const { t, formatDecimal } = useI18n();
  return (
    <div className="status-counts" role="group" aria-label={t('overview.statusCounts')}>
      {ORDER.map((status) => {
        const pressed = active === status;
        return (
          <button
            key={status}
            type="button"
            className={`status-count status-count--${status}`}
            aria-pressed={pressed}
            onClick={() => onChange(pressed ? undefined : status)}
          >
            <span className="status-count__label">{t(`planStatus.${status}`)}</span>{' '}
            <span className="status-count__value">{formatDecimal(counts[status] ?? 0)}</span>
          </button>
        );
      })}
    </div>
  );
}
