import type { PlanDetail } from '@prongsai/shared';
import { useT } from '@/lib/i18n';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { QualityWarnings } from './plan-warnings';

interface StepDialogProps {
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Before submitting: the plan's open quality warnings (with their measure numbers), or a short confirmation. */
export function SubmitPlanDialog({ plan, ...step }: StepDialogProps & { plan: Pick<PlanDetail, 'warnings' | 'measures'> }) {
  const t = useT();
  const positionOf = (sequence: number) => {
    const index = plan.measures.findIndex((measure) => measure.sequence === sequence);
    return index >= 0 ? index + 1 : sequence;
  };
  const count = plan.warnings.length;
  return (
    <ConfirmDialog title={t('lifecycle.submitTitle')} confirmLabel={t('lifecycle.submitConfirm')} {...step}>
      {count > 0 ? (
        <>
          <p>{t('lifecycle.submitWarnings', { count })}</p>
          <QualityWarnings warnings={plan.warnings} title={t('plan.warnings')} positionOf={positionOf} />
        </>
      ) : (
        <p>{t('lifecycle.submitNoWarnings')}</p>
      )}
      <p className="muted">{t('lifecycle.submitHelp')}</p>
    </ConfirmDialog>
  );
}

/** Before withdrawing a submission: what withdrawing does. */
export function WithdrawPlanDialog(step: StepDialogProps) {
  const t = useT();
  return (
    <ConfirmDialog title={t('lifecycle.withdrawTitle')} confirmLabel={t('lifecycle.withdrawConfirm')} {...step}>
      <p>{t('lifecycle.withdrawHelp')}</p>
    </ConfirmDialog>
  );
}
