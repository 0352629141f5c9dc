import { Link } from 'react-router';
import type { PublicAgencyRow } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { Chip } from '@/components/ui/chip';
import { Th } from '@/components/ui/table-header';

/** A province's agencies: whether each published its report for the year, and how many measures it completed. */
export function PublicAgencyTable({ agencies, fiscalYear }: { agencies: PublicAgencyRow[]; fiscalYear: number }) {
  const { t, formatDecimal } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('public.province.tableCaption', { fiscalYear })}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('public.col.agency')}</Th>
            <Th scope="col">{t('public.col.district')}</Th>
            <Th scope="col">{t('public.col.type')}</Th>
            <Th scope="col">{t('public.col.report', { fiscalYear })}</Th>
            <Th scope="col">{t('public.col.measures')}</Th>
            <Th scope="col">{t('public.col.completed')}</Th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency) => (
            <tr key={agency.id}>
              <th scope="row" data-label={t('public.col.agency')} lang="th">
                <Link to={paths.publicAgency.getHref(agency.id)}>{agency.nameTh}</Link>
              </th>
              <td data-label={t('public.col.district')} lang="th">
                {agency.districtNameTh ?? '—'}
              </td>
              <td data-label={t('public.col.type')}>{t(`agencyType.${agency.type}`)}</td>
              <td data-label={t('public.col.report', { fiscalYear })}>
                {agency.published ? (
                  <Link to={paths.publicPlan.getHref(agency.id, fiscalYear)} className="chip chip--status-published chip--link">
                    {t('public.reportPublished')}
                    <span className="visually-hidden"> {agency.nameTh}</span>
                  </Link>
                ) : (
                  <Chip className="chip--none">{t('public.reportNotPublished')}</Chip>
                )}
              </td>
              <td data-label={t('public.col.measures')}>{agency.published ? formatDecimal(agency.measures) : '—'}</td>
              <td data-label={t('public.col.completed')}>{agency.published ? formatDecimal(agency.measuresCompleted) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
