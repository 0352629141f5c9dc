import { Link } from 'react-router';
import type { CopyClustersResponse } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { EmptyState } from '@/components/ui/empty-state';
import '../similarity.css';

/** The largest groups of results and summaries several agencies share word for word, largest first. */
export function CopyClusters({ data }: { data: CopyClustersResponse }) {
  const { t } = useI18n();
  if (data.clusters.length === 0) return <EmptyState title={t('clusters.none', { fiscalYear: data.fiscalYear })} />;
  return (
    <ol className="copy-clusters">
      {data.clusters.map((cluster, index) => (
        <li key={index} className="copy-cluster">
          <p className="copy-cluster__head">
            <strong>{t('clusters.agencies', { count: cluster.agencyCount })}</strong> · {t(`similar.field.${cluster.field}`)}
          </p>
          {cluster.text !== null && <blockquote className="copy-cluster__text">{cluster.text}</blockquote>}
          <ul className="copy-cluster__members">
            {cluster.members.map((member) => (
              <li key={`${member.planId}-${member.sequence}`}>
                <Link to={paths.plan.getHref(member.agencyId, member.fiscalYear)}>{member.agencyNameTh}</Link>{' '}
                {t('similar.where', { province: member.provinceNameTh, fiscalYear: member.fiscalYear, sequence: member.sequence })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
