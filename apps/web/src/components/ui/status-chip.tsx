import type { Outcome, PlanStatus } from '@prongsai/shared';
import { useT } from '@/lib/i18n';

export function PlanStatusChip({ status }: { status: PlanStatus | null }) {
  const t = useT();
  if (status === null) return <span className="chip chip--none">{t('planStatus.none')}</span>;
  return <span className={`chip chip--status-${status}`}>{t(`planStatus.${status}`)}</span>;
}

export function OutcomeChip({ outcome }: { outcome: Outcome }) {
  const t = useT();
  return <span className={`chip chip--outcome-${outcome}`}>{t(`outcome.${outcome}`)}</span>;
}
