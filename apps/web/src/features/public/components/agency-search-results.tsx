import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { PUBLIC_SEARCH_PAGE_SIZE, usePublicAgencySearch } from '../api/search-public-agencies';
import { Chip } from '@/components/ui/chip';

/**
 * The national search's answer: agencies matching what was typed (best match first), each linking to
 * its public page, with its province and whether it has published a report.
 */
export function AgencySearchResults({ q, page, onPageChange }: { q: string; page: number; onPageChange: (page: number) => void }) {
  const { t, formatDecimal } = useI18n();
  const search = usePublicAgencySearch(q, page);
  return (
    <section aria-labelledby="agency-search-title" className="section agency-search">
      <h2 id="agency-search-title">{t('public.search.resultsTitle', { q })}</h2>
      {search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : !search.data ? (
        <Loading />
      ) : search.data.items.length === 0 ? (
        <EmptyState title={t('public.search.empty', { q })}>
          <p className="muted small">{t('public.search.hint')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted small" role="status">
            {t('public.search.count', { count: formatDecimal(search.data.total) })}
          </p>
          <ul className="agency-search__list">
            {search.data.items.map((agency) => (
              <li key={agency.id} className="agency-search__item">
                <Link to={paths.publicAgency.getHref(agency.id)} lang="th" className="agency-search__name">
                  {agency.nameTh}
                </Link>
                {agency.nameEn ? (
                  <span lang="en" className="muted small">
                    {' '}
                    {agency.nameEn}
                  </span>
                ) : null}
                <p className="agency-search__meta small">
                  <span lang="th">{[agency.districtNameTh, agency.provinceNameTh].filter(Boolean).join(' · ')}</span>{' '}
                  {agency.hasPublishedPlan ? (
                    <Chip className="chip--status-published">{t('public.search.published')}</Chip>
                  ) : (
                    <Chip className="chip--none">{t('public.search.noReport')}</Chip>
                  )}
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={PUBLIC_SEARCH_PAGE_SIZE} total={search.data.total} onPageChange={onPageChange} />
        </>
      )}
    </section>
  );
}
