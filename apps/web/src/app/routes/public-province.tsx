import { useId, useState } from 'react';
import { useParams } from 'react-router';
import { AGENCY_TYPES, AgencyTypeSchema } from '@prongsai/shared';
import { usePublicProvince } from '@/features/public/api/get-public-province';
import { usePublicSummary } from '@/features/public/api/get-public-summary';
import { FiscalYearSelect } from '@/features/public/components/fiscal-year-select';
import { HeadlineFigures } from '@/features/public/components/headline-figures';
import { OpenDataLinks } from '@/features/public/components/open-data-links';
import { PublicAgencyTable } from '@/features/public/components/public-agency-table';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from '@/components/ui/search-form';
import { usePageParams } from '@/components/ui/use-page-params';
import { ThaiText } from '@/components/ui/thai-text';

const PAGE_SIZE = 25;

/** One province: its figures and its agencies, searchable by Thai name and filterable by type. */
export function PublicProvinceRoute() {
  const { t, lang } = useI18n();
  const id = useId();
  const { provinceId: provinceParam = '' } = useParams();
  const provinceId = Number(provinceParam);
  const { params, page, update } = usePageParams();
  const fiscalYear = Number(params.get('fy')) || undefined;
  const q = params.get('q') ?? '';
  const typeParam = AgencyTypeSchema.safeParse(params.get('type'));
  const type = typeParam.success ? typeParam.data : undefined;
  const [search, setSearch] = useState(q);
  // Without a year the API answers for the latest one with published data; the summary lists the
  // years there are (for the year picker).
  const summary = usePublicSummary(undefined);
  const province = usePublicProvince(provinceId, { fiscalYear, q: q || undefined, type, page, pageSize: PAGE_SIZE });
  const year = province.data?.fiscalYear ?? fiscalYear;
  const name = province.data ? (lang === 'en' ? province.data.nameEn : t('layout.province', { name: province.data.nameTh })) : undefined;
  useDocumentTitle(name ?? t('public.province.title'));

  if (!Number.isInteger(provinceId) || provinceId < 10 || provinceId > 99) {
    return <EmptyState title={t('public.province.notFound')} />;
  }

  return (
    <div className="page public-page">
      <Breadcrumb
        trail={[{ to: paths.publicHome.getHref(year), label: t('nav.publicHome') }]}
        current={name ?? t('public.province.title')}
      />
      <header className="page-header">
        <h1>
          <ThaiText>{name ?? t('public.province.title')}</ThaiText>
        </h1>
      </header>
      {province.isPending && !province.data ? (
        <Loading />
      ) : province.isError ? (
        isApiError(province.error) && province.error.status === 404 ? (
          <EmptyState title={t('public.province.notFound')} />
        ) : (
          <ErrorState error={province.error} onRetry={() => void province.refetch()} />
        )
      ) : province.data ? (
        <>
          <div className="toolbar">
            <FiscalYearSelect
              years={summary.data?.fiscalYears ?? []}
              value={province.data.fiscalYear}
              onChange={(value) => update({ fy: value, page: undefined })}
            />
          </div>
          <HeadlineFigures
            figures={province.data.totals}
            label={t('public.province.figuresLabel', { name: name ?? '', fiscalYear: province.data.fiscalYear })}
          />
          <section aria-labelledby={`${id}-agencies`} className="section">
            <h2 id={`${id}-agencies`}>{t('public.province.agencies')}</h2>
            <div className="toolbar">
              <SearchForm
                label={t('public.province.search')}
                value={search}
                onChange={setSearch}
                onSearch={(text) => update({ q: text, page: undefined })}
                lang="th"
              />
              <SelectField
                label={t('public.province.type')}
                value={type}
                emptyLabel={t('public.province.allTypes')}
                options={AGENCY_TYPES.map((value) => ({ value, label: t(`agencyType.${value}`) }))}
                onChange={(value) => update({ type: value, page: undefined })}
              />
            </div>
            <p className="muted small" aria-live="polite">
              {t('review.count', { total: province.data.agencies.total })}
            </p>
            {province.data.agencies.items.length === 0 ? (
              <EmptyState title={q || type ? t('review.noMatch') : t('public.province.noAgencies')} />
            ) : (
              <>
                <PublicAgencyTable agencies={province.data.agencies.items} fiscalYear={province.data.fiscalYear} />
                <Pagination
                  page={province.data.agencies.page}
                  pageSize={province.data.agencies.pageSize}
                  total={province.data.agencies.total}
                  onPageChange={(next) => update({ page: next })}
                />
              </>
            )}
          </section>
          <OpenDataLinks
            title={t('public.openData.province', { name: name ?? '', fiscalYear: province.data.fiscalYear })}
            filter={{ provinceId, fiscalYear: province.data.fiscalYear }}
          />
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
