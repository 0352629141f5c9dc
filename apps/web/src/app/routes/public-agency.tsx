import { useParams } from 'react-router';
import { usePublicAgency } from '@/features/public/api/get-public-agency';
import { OpenDataLinks } from '@/features/public/components/open-data-links';
import { PublicAgencyInfo } from '@/features/public/components/public-agency-info';
import { PublishedPlanList } from '@/features/public/components/published-plan-list';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { ThaiText } from '@/components/ui/thai-text';

/** One agency as the public sees it: who it is and the reports it has published. */
export function PublicAgencyRoute() {
  const { t } = useI18n();
  const { agencyId = '' } = useParams();
  const agency = usePublicAgency(agencyId);
  useDocumentTitle(agency.data?.agency.nameTh ?? t('agency.title'));

  if (agency.isPending) return <Loading />;
  if (agency.isError) {
    if (isApiError(agency.error) && (agency.error.status === 404 || agency.error.status === 400)) {
      return <EmptyState title={t('public.agency.notFound')} />;
    }
    return <ErrorState error={agency.error} onRetry={() => void agency.refetch()} />;
  }
  const { agency: info, plans } = agency.data;
  const published = plans.filter((plan) => plan.status === 'published');

  return (
    <div className="page public-page">
      <Breadcrumb
        trail={[
          { to: paths.publicHome.getHref(), label: t('nav.publicHome') },
          { to: paths.publicProvince.getHref(info.provinceId), label: t('layout.province', { name: info.provinceNameTh }) },
        ]}
        current={info.nameTh}
        currentLang="th"
      />
      <header className="page-header">
        <h1 lang="th">
          <ThaiText>{info.nameTh}</ThaiText>
        </h1>
        {info.nameEn && (
          <p className="muted" lang="en">
            {info.nameEn}
          </p>
        )}
      </header>
      <div className="page-grid">
        <section aria-labelledby="reports-title" className="page-grid__main">
          <h2 id="reports-title">{t('public.agency.reports')}</h2>
          {published.length === 0 ? (
            <EmptyState title={t('public.agency.noReports')}>
              <p>{t('public.agency.noReportsHelp')}</p>
            </EmptyState>
          ) : (
            <PublishedPlanList plans={published} />
          )}
        </section>
        <aside className="page-grid__side">
          <section className="panel" aria-labelledby="agency-info-title">
            <h2 id="agency-info-title" className="h3">
              {t('public.agency.info')}
            </h2>
            <PublicAgencyInfo agency={info} />
          </section>
          {published.length > 0 && <OpenDataLinks title={t('public.openData.agency')} filter={{ agencyId: info.id }} />}
        </aside>
      </div>
    </div>
  );
}
