import { Link, useSearchParams } from 'react-router';
import { COMPARE_MAX, COMPARE_MIN, useCompare } from '@/features/review/api/get-compare';
import { CompareTable } from '@/features/review/components/compare-table';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** เปรียบเทียบ: 2–6 agencies side by side across fiscal years (`?agencyIds=a,b,c`, shareable). */
export function ReviewCompareRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const agencyIds = [
    ...new Set(
      (params.get('agencyIds') ?? '')
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ];
  const province = Number(params.get('province')) || undefined;
  const compare = useCompare(agencyIds);
  useDocumentTitle(t('compare.title'));
  const validCount = agencyIds.length >= COMPARE_MIN && agencyIds.length <= COMPARE_MAX;

  return (
    <section aria-labelledby="compare-title" className="page">
      <Breadcrumb trail={[{ to: paths.review.getHref({ province }), label: t('review.title') }]} current={t('compare.title')} />
      <h1 id="compare-title">{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      {!validCount ? (
        <EmptyState title={t('compare.needCount', { min: COMPARE_MIN, max: COMPARE_MAX })}>
          <p>
            <Link to={paths.review.getHref({ province })}>{t('compare.back')}</Link>
          </p>
        </EmptyState>
      ) : compare.isPending ? (
        <Loading />
      ) : compare.isError ? (
        <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
      ) : (
        <CompareTable data={compare.data} />
      )}
    </section>
  );
}
