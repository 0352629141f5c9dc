import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { AGENCY_TYPES, AgencyTypeSchema, OVERVIEW_SORTS, PLAN_STATUSES, type ProvinceOverviewRow } from '@prongsai/shared';
import { useDistricts } from '@/features/agencies/api/list-provinces';
import { ProvinceSelect } from '@/features/agencies/components/province-select';
import { COMPARE_MAX, COMPARE_MIN } from '@/features/review/api/get-compare';
import {
  overviewExportUrl,
  useProvinceOverview,
  type OverviewParams,
  type OverviewSort,
  type OverviewStatusFilter,
} from '@/features/review/api/get-province-overview';
import { OverviewTable, defaultOrderFor, type SortOrder } from '@/features/review/components/overview-table';
import { ReviewHeader } from '@/features/review/components/review-header';
import { StatusCounts } from '@/features/review/components/status-counts';
import { ReviewYearSelect } from '@/features/review/components/review-year-select';
import { useReviewSearch } from '@/features/review/hooks/use-review-search';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from '@/components/ui/search-form';
import { Button } from '@/components/ui/button';
import '@/components/ui/downloads.css';
import '@/features/review/review.css';

const PAGE_SIZE = 20;
const STATUS_FILTERS: OverviewStatusFilter[] = [...PLAN_STATUSES, 'none'];

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * ภาพรวมจังหวัด: every agency of the province for a fiscal year, with filters, sortable columns,
 * status counts, exports, and a pick of 2–6 agencies to compare.
 */
export function ReviewRoute() {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const { params, page, update, provinceId, fiscalYear, canPickProvince, provinceName } = useReviewSearch();
  const q = params.get('q') ?? '';
  const typeParam = AgencyTypeSchema.safeParse(params.get('type'));
  const type = typeParam.success ? typeParam.data : undefined;
  const districtId = Number(params.get('district')) || undefined;
  const status = oneOf(STATUS_FILTERS, params.get('status'));
  const sort: OverviewSort = oneOf(OVERVIEW_SORTS, params.get('sort')) ?? 'name';
  const order: SortOrder = oneOf(['asc', 'desc'] as const, params.get('order')) ?? defaultOrderFor(sort);
  const [search, setSearch] = useState(q);
  const [selected, setSelected] = useState<Map<string, string>>(() => new Map());

  const query: OverviewParams = { fiscalYear, type, districtId, status, q: q || undefined, sort, order, page, pageSize: PAGE_SIZE };
  const overview = useProvinceOverview(provinceId, query);
  const districts = useDistricts(provinceId);
  const heading = overview.data?.provinceNameTh ?? provinceName;
  useDocumentTitle(t('review.title'));

  const toggle = (row: ProvinceOverviewRow) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.agencyId)) next.delete(row.agencyId);
      else if (next.size < COMPARE_MAX) next.set(row.agencyId, row.nameTh);
      return next;
    });
  const canCompare = selected.size >= COMPARE_MIN && selected.size <= COMPARE_MAX;
  const filtered = Boolean(q || type || districtId || status);

  return (
    <section aria-labelledby={`${id}-title`} className="page review-page">
      <ReviewHeader
        titleId={`${id}-title`}
        title={t('review.title')}
        provinceName={heading}
        intro={t('review.intro')}
        province={canPickProvince ? provinceId : undefined}
        fiscalYear={fiscalYear}
      />

      <div className="toolbar">
        {canPickProvince && (
          <ProvinceSelect
            label={t('review.province')}
            value={provinceId}
            onChange={(value) => {
              setSelected(new Map());
              update({ province: value, district: undefined, page: undefined });
            }}
          />
        )}
        <ReviewYearSelect value={fiscalYear} onChange={(fy) => update({ fy, page: undefined })} />
        <SearchForm
          label={t('review.search')}
          value={search}
          onChange={setSearch}
          onSearch={(text) => update({ q: text, page: undefined })}
          lang="th"
        />
      </div>
      <div className="toolbar">
        <SelectField
          label={t('review.filterType')}
          value={type}
          emptyLabel={t('review.allTypes')}
          options={AGENCY_TYPES.map((value) => ({ value, label: t(`agencyType.${value}`) }))}
          onChange={(value) => update({ type: value, page: undefined })}
        />
        <SelectField
          label={t('review.filterDistrict')}
          value={districtId}
          emptyLabel={t('review.allDistricts')}
          options={(districts.data ?? []).map((district) => ({ value: district.id, label: district.nameTh }))}
          disabled={!districts.data}
          onChange={(value) => update({ district: value, page: undefined })}
        />
        <SelectField
          label={t('review.filterStatus')}
          value={status}
          emptyLabel={t('review.allStatuses')}
          options={STATUS_FILTERS.map((value) => ({ value, label: t(`planStatus.${value}`) }))}
          onChange={(value) => update({ status: value, page: undefined })}
        />
        {/* On a phone the table's column headers are hidden (rows become cards): sort here instead. */}
        <SelectField
          className="only-narrow"
          label={t('review.sortBy')}
          value={`${sort}:${order}`}
          options={OVERVIEW_SORTS.flatMap((value) =>
            (['asc', 'desc'] as const).map((direction) => ({
              value: `${value}:${direction}`,
              label: t('review.sortOption', { column: t(`review.sort.${value}`), order: t(`review.order.${direction}`) }),
            })),
          )}
          onChange={(value) => {
            const [nextSort, nextOrder] = value.split(':');
            update({ sort: nextSort, order: nextOrder, page: undefined });
          }}
        />
        {filtered && (
          <Button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setSearch('');
              update({ q: undefined, type: undefined, district: undefined, status: undefined, page: undefined });
            }}
          >
            {t('review.clearFilters')}
          </Button>
        )}
      </div>

      {provinceId === undefined ? (
        <EmptyState title={canPickProvince ? t('review.pickProvince') : t('review.noProvince')} />
      ) : overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <StatusCounts
            counts={overview.data.statusCounts}
            active={status}
            onChange={(value) => update({ status: value, page: undefined })}
          />
          <div className="section-head">
            <p className="muted small" aria-live="polite">
              {t('review.count', { total: overview.data.total })}
            </p>
            <div className="downloads__list">
              <a className="button button--ghost button--small" href={overviewExportUrl(provinceId, 'csv', query)} download>
                {t('review.exportCsv')}
              </a>
              <a className="button button--ghost button--small" href={overviewExportUrl(provinceId, 'xlsx', query)} download>
                {t('review.exportXlsx')}
              </a>
            </div>
          </div>
          <div className="compare-bar" role="region" aria-label={t('review.compareRegion')}>
            <p className="compare-bar__text" aria-live="polite">
              {selected.size === 0
                ? t('review.compareHint', { min: COMPARE_MIN, max: COMPARE_MAX })
                : t('review.compareSelected', { count: selected.size, names: [...selected.values()].join(', ') })}
            </p>
            <Button
              type="button"
              className="button button--primary"
              disabled={!canCompare}
              onClick={() =>
                void navigate(paths.reviewCompare.getHref([...selected.keys()], { province: canPickProvince ? provinceId : undefined }))
              }
            >
              {t('review.compare', { count: selected.size })}
            </Button>
            {selected.size > 0 && (
              <Button type="button" className="button button--ghost" onClick={() => setSelected(new Map())}>
                {t('review.clearSelection')}
              </Button>
            )}
          </div>
          {overview.data.items.length === 0 ? (
            <EmptyState title={filtered ? t('review.noMatch') : t('review.empty')} />
          ) : (
            <>
              <OverviewTable
                rows={overview.data.items}
                fiscalYear={overview.data.fiscalYear}
                sort={sort}
                order={order}
                onSort={(nextSort, nextOrder) => update({ sort: nextSort, order: nextOrder, page: undefined })}
                selected={new Set(selected.keys())}
                onToggle={toggle}
                canSelectMore={selected.size < COMPARE_MAX}
              />
              <Pagination
                page={overview.data.page}
                pageSize={overview.data.pageSize}
                total={overview.data.total}
                onPageChange={(next) => update({ page: next })}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
