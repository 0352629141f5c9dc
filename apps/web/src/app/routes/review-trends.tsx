import { useId } from 'react';
import { ProvinceSelect } from '@/features/agencies/components/province-select';
import { useProvinceTrends } from '@/features/review/api/get-province-trends';
import { ReviewHeader } from '@/features/review/components/review-header';
import { TrendsTables } from '@/features/review/components/trends-tables';
import { useReviewSearch } from '@/features/review/hooks/use-review-search';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** The province over the years, and whether completing measures went with a better ITA score. */
export function ReviewTrendsRoute() {
  const { t } = useI18n();
  const id = useId();
  const { update, provinceId, fiscalYear, canPickProvince, provinceName } = useReviewSearch();
  const trends = useProvinceTrends(provinceId);
  useDocumentTitle(t('trends.title'));

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <ReviewHeader
        titleId={`${id}-title`}
        title={t('trends.title')}
        provinceName={provinceName}
        province={canPickProvince ? provinceId : undefined}
        fiscalYear={fiscalYear}
      />
      {canPickProvince && (
        <div className="toolbar">
          <ProvinceSelect label={t('review.province')} value={provinceId} onChange={(value) => update({ province: value })} />
        </div>
      )}
      {provinceId === undefined ? (
        <EmptyState title={canPickProvince ? t('review.pickProvince') : t('review.noProvince')} />
      ) : trends.isPending ? (
        <Loading />
      ) : trends.isError ? (
        <ErrorState error={trends.error} onRetry={() => void trends.refetch()} />
      ) : trends.data.years.length === 0 ? (
        <EmptyState title={t('trends.empty')} />
      ) : (
        <TrendsTables data={trends.data} />
      )}
    </section>
  );
}
