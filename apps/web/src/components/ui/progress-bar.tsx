import type { PlanProgress } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';

/**
 * How far a plan has got: its completion (completed measures over all measures), the same figure,
 * with the same rounding, the reviewer's pages show (shared `planProgress`). The breakdown follows.
 */
export function PlanProgressBar({ progress, label }: { progress: PlanProgress; label?: string }) {
  const { t } = useI18n();
  const percent = progress.completedPercent;
  const summary = t('progress.summary', { done: progress.completed, total: progress.total, percent });
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label ?? t('progress.label')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={summary}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress__text">
        {summary}
        {progress.total > 0 && (
          <span className="progress__detail">
            {' '}
            {t('progress.detail', {
              completed: progress.completed,
              inProgress: progress.inProgress,
              planned: progress.planned,
              notCarriedOut: progress.notCarriedOut,
            })}
          </span>
        )}
      </p>
    </div>
  );
}
