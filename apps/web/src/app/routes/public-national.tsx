import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePublicSummary } from '@/features/public/api/get-public-summary';
import { AgencySearchResults } from '@/features/public/components/agency-search-results';
import { FiscalYearSelect } from '@/features/public/components/fiscal-year-select';
import { OpenDataLinks } from '@/features/public/components/open-data-links';
import { HeadlineFigures } from '@/features/public/components/headline-figures';
import { ProvinceFigures } from '@/features/public/components/province-figures';
import { TypeFigures } from '@/features/public/components/type-figures';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { SearchForm } from '@/components/ui/search-form';
import '@/features/public/public.css';
import { ThaiText } from '@/components/ui/thai-text';
import { Button } from '@/components/ui/button';

/** ภาพรวมประเทศ: what agencies published, nationally, by type and by province (no login). */
export function PublicNationalRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('fy')) || undefined;
  const q = params.get('q') ?? '';
  const searchPage = Number(params.get('page')) || 1;
  const [search, setSearch] = useState(q);
  const summary = usePublicSummary(requested);
  // The figures render as a transition, which React splits into short slices: a few hundred
  // elements (77 provinces) in one go would block the main thread of a mid-range phone for ~100 ms.
  const data = useDeferredValue(summary.data);
  useDocumentTitle(t('public.national.title'));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const chooseYear = (year: number) => {
    const next = new URLSearchParams(params);
    next.set('fy', String(year));
    setParams(next);
  };

  return (
    <div className="page public-page">
      <header className="page-header">
        <h1>
          <ThaiText>{t('public.national.title')}</ThaiText>
        </h1>
        <p className="lead">{t('public.national.intro')}</p>
      </header>
      <div className="toolbar">
        <SearchForm
          label={t('public.search.label')}
          value={search}
          onChange={setSearch}
          onSearch={(text) => update({ q: text, page: undefined })}
          lang="th"
        />
        {q ? (
          <Button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setSearch('');
              update({ q: undefined, page: undefined });
            }}
          >
            {t('public.search.clear')}
          </Button>
        ) : null}
      </div>
      {q ? <AgencySearchResults q={q} page={searchPage} onPageChange={(next) => update({ page: String(next) })} /> : null}
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <div className="toolbar">
            <FiscalYearSelect years={data.fiscalYears} value={data.fiscalYear} onChange={chooseYear} />
            <p className="muted small">{t('public.national.yearNote', { fiscalYear: data.fiscalYear })}</p>
          </div>
          {data.totals.agenciesPublished === 0 ? (
            <EmptyState title={t('public.national.emptyYear', { fiscalYear: data.fiscalYear })} />
          ) : (
            <HeadlineFigures figures={data.totals} label={t('public.national.figuresLabel', { fiscalYear: data.fiscalYear })} />
          )}
          <section aria-labelledby="by-type-title" className="section">
            <h2 id="by-type-title">{t('public.byType.title')}</h2>
            <TypeFigures rows={data.byType} fiscalYear={data.fiscalYear} />
          </section>
          <section aria-labelledby="by-province-title" className="section">
            <h2 id="by-province-title">{t('public.byProvince.title')}</h2>
            <ProvinceFigures rows={data.byProvince} fiscalYear={data.fiscalYear} />
          </section>
          <OpenDataLinks title={t('public.openData.national', { fiscalYear: data.fiscalYear })} filter={{ fiscalYear: data.fiscalYear }} />
        </>
      )}
    </div>
  );
}
