import { useId } from 'react';
import { ProvinceSelect } from '@/features/agencies/components/province-select';
import { useIndicatorHeatmap } from '@/features/review/api/get-indicator-heatmap';
import { IndicatorHeatmap } from '@/features/review/components/indicator-heatmap';
import { ReviewHeader } from '@/features/review/components/review-header';
import { ReviewYearSelect } from '@/features/review/components/review-year-select';
import { useReviewSearch } from '@/features/review/hooks/use-review-search';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** Agencies × ITA (OIT) items: which items each agency's measures address, for one fiscal year. */
export function ReviewIndicatorsRoute() {
  const { t } = useI18n();
  const id = useId();
  const { update, provinceId, fiscalYear, canPickProvince, provinceName } = useReviewSearch();
  const heatmap = useIndicatorHeatmap(provinceId, fiscalYear);
  useDocumentTitle(t('heatmap.title'));

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <ReviewHeader
        titleId={`${id}-title`}
        title={t('heatmap.title')}
        provinceName={provinceName}
        intro={t('heatmap.intro')}
        province={canPickProvince ? provinceId : undefined}
        fiscalYear={fiscalYear}
      />
      <div className="toolbar">
        {canPickProvince && (
          <ProvinceSelect label={t('review.province')} value={provinceId} onChange={(value) => update({ province: value })} />
        )}
        <ReviewYearSelect value={fiscalYear} onChange={(fy) => update({ fy })} />
      </div>
      {provinceId === undefined ? (
        <EmptyState title={canPickProvince ? t('review.pickProvince') : t('review.noProvince')} />
      ) : heatmap.isPending ? (
        <Loading />
      ) : heatmap.isError ? (
        <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />
      ) : heatmap.data.codes.length === 0 || heatmap.data.agencies.length === 0 ? (
        <EmptyState title={t('heatmap.empty', { fiscalYear })} />
      ) : (
        <IndicatorHeatmap data={heatmap.data} />
      )}
    </section>
  );
}
