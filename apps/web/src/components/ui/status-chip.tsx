import type { Outcome, PlanStatus } from '@prongsai/shared';
import { useT } from '@/lib/i18n';
import { Chip } from './chip';

export function PlanStatusChip({ status }: { status: PlanStatus | null }) {
  const t = useT();
  if (status === null) return <Chip className="chip--none">{t('planStatus.none')}</Chip>;
  return <Chip className={`chip--status-${status}`}>{t(`planStatus.${status}`)}</Chip>;
}

export function OutcomeChip({ outcome }: { outcome: Outcome }) {
  const t = useT();
  return <Chip className={`chip--outcome-${outcome}`}>{t(`outcome.${outcome}`)}</Chip>;
}
