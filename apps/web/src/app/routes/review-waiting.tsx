import { DeadlinesPanel } from '@/features/calendar/components/deadlines-panel';
import { WaitingPlansList } from '@/features/notifications/components/waiting-plans';
import { useT } from '@/lib/i18n';

/** A reviewer's home: the plans waiting for them. */
export function ReviewWaitingRoute() {
  const t = useT();
  return (
    <section>
      <h1>{t('nav.waiting')}</h1>
      <WaitingPlansList />
      <DeadlinesPanel showMissing />
    </section>
  );
}
