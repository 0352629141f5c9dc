import { Link, useParams } from 'react-router';
import { usePublicAgency } from '@/features/public/api/get-public-agency';
import { usePublicPlan } from '@/features/public/api/get-public-plan';
import { PublicReport } from '@/features/public/components/public-report';
import { ReportDownloads } from '@/features/public/components/report-downloads';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { usePublicPlanFiles } from '@/features/public/api/get-public-plan-files';

/** A published report, readable like the official document, with its permalinks. */
export function PublicPlanRoute() {
  const { t } = useI18n();
  const { agencyId = '', fiscalYear: fiscalYearParam = '' } = useParams();
  const fiscalYear = Number(fiscalYearParam);
  const plan = usePublicPlan(agencyId, fiscalYear);
  // Asked once the report is known to be published (an unpublished one is 404 for both).
  const files = usePublicPlanFiles(agencyId, fiscalYear, plan.isSuccess);
  // The agency page's data (often cached already): which province the breadcrumb goes through.
  const agency = usePublicAgency(agencyId).data?.agency;
  useDocumentTitle(
    plan.data ? `${t('public.agency.reportOf', { fiscalYear })} · ${plan.data.agencyNameTh}` : t('public.agency.reportOf', { fiscalYear }),
  );

  const breadcrumb = (current: string, agencyName?: string) => (
    <Breadcrumb
      trail={[
        { to: paths.publicHome.getHref(), label: t('nav.publicHome') },
        ...(agency
          ? [{ to: paths.publicProvince.getHref(agency.provinceId), label: t('layout.province', { name: agency.provinceNameTh }) }]
          : []),
        { to: paths.publicAgency.getHref(agencyId), label: agencyName ?? t('agency.title'), lang: 'th' },
      ]}
      current={current}
    />
  );

  if (!Number.isInteger(fiscalYear)) return <EmptyState title={t('public.report.notFound', { fiscalYear: fiscalYearParam })} />;
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.status === 400)) {
      return (
        <div className="page public-page">
          {breadcrumb(t('plan.fiscalYearTitle', { fiscalYear }))}
          <h1>{t('public.report.notFound', { fiscalYear })}</h1>
          <p>{t('public.report.notFoundHelp')}</p>
          <p>
            <Link to={paths.publicAgency.getHref(agencyId)}>{t('public.report.backToAgency')}</Link>
          </p>
        </div>
      );
    }
    return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  }

  return (
    <div className="page public-page">
      {breadcrumb(t('plan.fiscalYearTitle', { fiscalYear }), plan.data.agencyNameTh)}
      <ReportDownloads agencyId={agencyId} fiscalYear={fiscalYear} />
      <PublicReport plan={plan.data} files={files.data} />
    </div>
  );
}
