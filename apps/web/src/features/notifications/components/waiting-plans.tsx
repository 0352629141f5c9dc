import { NavLink, Link } from 'react-router';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { useWaitingPlans } from '../api/notifications';
import { Th } from '@/components/ui/table-header';

/** The navigation link to "waiting for me", with the count. */
export function WaitingNavLink() {
  const t = useT();
  const { data } = useWaitingPlans(true);
  return <NavLink to={paths.reviewWaiting.getHref()}>{data ? t('nav.waitingCount', { count: data.total }) : t('nav.waiting')}</NavLink>;
}

/** Submitted plans of the reviewer's province, every fiscal year, oldest submission first. */
export function WaitingPlansList() {
  const t = useT();
  const { data, isLoading } = useWaitingPlans(true);
  if (isLoading || !data) return <p>{t('waiting.loading')}</p>;
  if (data.items.length === 0) return <p>{t('waiting.empty')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('nav.waiting')}</caption>
      <thead>
        <tr>
          <Th scope="col">{t('waiting.agency')}</Th>
          <Th scope="col">{t('waiting.fiscalYear')}</Th>
          <Th scope="col">{t('waiting.submittedAt')}</Th>
          <Th scope="col">{t('waiting.measures')}</Th>
          <Th scope="col">{t('waiting.warnings')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((plan) => (
          <tr key={plan.planId}>
            <td>
              <Link to={paths.plan.getHref(plan.agencyId, plan.fiscalYear)}>{plan.agencyNameTh}</Link>
            </td>
            <td>{plan.fiscalYear}</td>
            <td>{plan.submittedAt ? <time dateTime={plan.submittedAt}>{new Date(plan.submittedAt).toLocaleDateString()}</time> : '–'}</td>
            <td>{plan.measures}</td>
            <td>{plan.warnings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
