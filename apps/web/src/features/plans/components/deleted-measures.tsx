import type { PlanDetail } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { InlineError } from '@/components/ui/error-state';
import { useRestoreMeasure } from '../api/delete-measure';
import { Button } from '@/components/ui/button';
import '../plans.css';

/** Soft-deleted measures, each restorable while the plan is editable. */
export function DeletedMeasures({ plan, editable }: { plan: PlanDetail; editable: boolean }) {
  const { t, formatDateTime } = useI18n();
  const restore = useRestoreMeasure(plan);
  if (plan.deletedMeasures.length === 0) return null;
  return (
    <details className="deleted-measures">
      <summary>{t('deleted.title', { count: plan.deletedMeasures.length })}</summary>
      <InlineError error={restore.error} />
      <ul>
        {plan.deletedMeasures.map((measure) => (
          <li key={measure.id}>
            <span className="deleted-measures__title" lang="th">
              {measure.title}
            </span>
            {measure.deletedAt && <span className="muted small"> · {t('deleted.at', { date: formatDateTime(measure.deletedAt) })}</span>}
            {editable && (
              <Button
                type="button"
                className="button button--secondary button--small"
                disabled={restore.isPending && restore.variables === measure.id}
                onClick={() => restore.mutate(measure.id)}
              >
                {t('deleted.restore')} <span className="visually-hidden">{measure.title.slice(0, 80)}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
