import { useId } from 'react';
import { ProvinceSelect } from '@/features/agencies/components/province-select';
import { ReviewHeader } from '@/features/review/components/review-header';
import { ReviewYearSelect } from '@/features/review/components/review-year-select';
import { useReviewSearch } from '@/features/review/hooks/use-review-search';
import { useCopyClusters } from '@/features/similarity/api/get-copy-clusters';
import { CopyClusters } from '@/features/similarity/components/copy-clusters';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** Copied reports: the largest groups of identical results and summaries, in the province or the country. */
export function ReviewCopiesRoute() {
  const { t } = useI18n();
  const id = useId();
  const { update, provinceId, fiscalYear, canPickProvince, provinceName } = useReviewSearch();
  const clusters = useCopyClusters(fiscalYear, provinceId);
  useDocumentTitle(t('clusters.title'));

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <ReviewHeader
        titleId={`${id}-title`}
        title={t('clusters.title')}
        intro={t('clusters.intro')}
        provinceName={provinceName}
        province={canPickProvince ? provinceId : undefined}
        fiscalYear={fiscalYear}
      />
      <div className="toolbar">
        <ReviewYearSelect value={fiscalYear} onChange={(value) => update({ fy: value })} />
        {canPickProvince && (
          <ProvinceSelect label={t('clusters.province')} value={provinceId} onChange={(value) => update({ province: value })} />
        )}
      </div>
      {clusters.isPending ? (
        <Loading />
      ) : clusters.isError ? (
        <ErrorState error={clusters.error} onRetry={() => void clusters.refetch()} />
      ) : (
        <CopyClusters data={clusters.data} />
      )}
    </section>
  );
}
