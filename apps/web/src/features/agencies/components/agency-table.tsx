import { Link } from 'react-router';
import type { AgencyListResponse } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { PlanStatusChip } from '@/components/ui/status-chip';
import { AgencyTypeLabel } from './agency-type-label';
import { Th } from '@/components/ui/table-header';

/** Agencies with the status of their plan for the chosen fiscal year. */
export function AgencyTable({ agencies, fiscalYear }: { agencies: AgencyListResponse['items']; fiscalYear: number }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('agencies.tableCaption', { fiscalYear })}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('agencies.name')}</Th>
            <Th scope="col">{t('agencies.district')}</Th>
            <Th scope="col">{t('agencies.type')}</Th>
            <Th scope="col">{t('agencies.planStatus', { fiscalYear })}</Th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row" data-label={t('agencies.name')} lang="th">
                <Link to={agency.planStatus ? paths.plan.getHref(agency.id, fiscalYear) : paths.agency.getHref(agency.id)}>
                  {agency.nameTh}
                </Link>
              </th>
              <td data-label={t('agencies.district')}>{agency.districtNameTh ?? '—'}</td>
              <td data-label={t('agencies.type')}>
                <AgencyTypeLabel type={agency.type} municipalityClass={agency.municipalityClass} />
              </td>
              <td data-label={t('agencies.planStatus', { fiscalYear })}>
                <PlanStatusChip status={agency.planStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
