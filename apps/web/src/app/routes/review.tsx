import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { currentFiscalYear } from '@prongsai/shared';
import { AgencyTable } from '@/features/agencies/components/agency-table';
import { useAgencies } from '@/features/agencies/api/list-agencies';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';

const PAGE_SIZE = 20;

/** ภาพรวมจังหวัด: the reviewer's province, each agency with its plan status for a fiscal year. */
export function ReviewRoute() {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const thisYear = currentFiscalYear();
  const fiscalYear = Number(params.get('fy')) || thisYear;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const provinceId = user?.provinceId ?? undefined;
  const agencies = useAgencies({ provinceId, fiscalYear, page, pageSize: PAGE_SIZE, q: q || undefined });
  useDocumentTitle(t('review.title'));

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() || undefined, page: undefined });
  };
  const years: number[] = [];
  for (let year = thisYear + 1; year >= 2565; year -= 1) years.push(year);

  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>
        {t('review.title')}
        {user?.provinceName && <span className="heading-sub"> {t('layout.province', { name: user.provinceName })}</span>}
      </h1>
      <p className="muted">{t('review.intro')}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-fy`}>{t('review.fiscalYear')}</label>
          <select id={`${id}-fy`} value={fiscalYear} onChange={(event) => update({ fy: event.target.value, page: undefined })}>
            {years.map((year) => (
              <option key={year} value={year}>
                {formatNumber(year)}
              </option>
            ))}
          </select>
        </div>
        <form className="toolbar__search" role="search" onSubmit={onSearch}>
          <div className="field">
            <label htmlFor={`${id}-q`}>{t('review.search')}</label>
            <input id={`${id}-q`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          </div>
          <button type="submit" className="button button--secondary">
            {t('review.searchButton')}
          </button>
        </form>
      </div>
      {agencies.isPending ? (
        <Loading />
      ) : agencies.isError ? (
        <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : agencies.data.items.length === 0 ? (
        <EmptyState title={q ? t('review.noMatch') : t('review.empty')} />
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {t('review.count', { total: agencies.data.total })}
          </p>
          <AgencyTable agencies={agencies.data.items} fiscalYear={fiscalYear} />
          <Pagination
            page={agencies.data.page}
            pageSize={agencies.data.pageSize}
            total={agencies.data.total}
            onPageChange={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </section>
  );
}
