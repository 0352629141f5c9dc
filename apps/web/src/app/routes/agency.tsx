import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { hasPermission } from '@prongsai/shared';
import { useAgency } from '@/features/agencies/api/get-agency';
import { AgencyTypeLabel } from '@/features/agencies/components/agency-type-label';
import { ReportSignatureForm } from '@/features/agencies/components/report-signature-form';
import { auditKeys } from '@/features/audit/api/get-audit';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { useAgencyPlans } from '@/features/plans/api/get-agency-plans';
import { DeadlinesPanel } from '@/features/calendar/components/deadlines-panel';
import { CreatePlanForm } from '@/features/plans/components/create-plan-form';
import { PlanList } from '@/features/plans/components/plan-list';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { ThaiText } from '@/components/ui/thai-text';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { useAgencyTrail } from './agency-trail';

/** One agency: its plans per fiscal year, and (for its editors) starting the next one. */
export function AgencyRoute() {
  const { t } = useI18n();
  const { agencyId = '' } = useParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const agency = useAgency(agencyId);
  const plans = useAgencyPlans(agencyId);
  const canWrite = hasPermission(user?.role, 'write:plan');
  const canImport = hasPermission(user?.role, 'import:report');
  // Editors sign for their own agency, national admins for any (the server decides; this only hides the form).
  const canSign = hasPermission(user?.role, 'write:report-signature') && (user?.role === 'national_admin' || user?.agencyId === agencyId);
  const queryClient = useQueryClient();
  const name =
    agency.data?.nameTh ?? plans.data?.[0]?.agencyNameTh ?? (user?.agencyId === agencyId ? user.agencyName : null) ?? t('agency.title');
  useDocumentTitle(name);
  const trail = useAgencyTrail(agencyId, name);

  return (
    <div className="page">
      <Breadcrumb trail={trail.slice(0, -1)} current={name} currentLang={agency.data || plans.data?.[0] ? 'th' : undefined} />
      <header className="page-header">
        <h1>
          <ThaiText>{name}</ThaiText>
        </h1>
        {agency.data && (
          <p className="muted">
            <AgencyTypeLabel type={agency.data.type} municipalityClass={agency.data.municipalityClass} />
            {agency.data.districtNameTh && ` · ${t('agency.district', { name: agency.data.districtNameTh })}`}
            {` · ${t('layout.province', { name: agency.data.provinceNameTh })}`}
          </p>
        )}
      </header>
      <div className="page-grid">
        <section aria-labelledby="plans-title" className="page-grid__main">
          <h2 id="plans-title">{t('agency.plans')}</h2>
          {plans.isPending ? (
            <Loading />
          ) : plans.isError ? (
            <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
          ) : plans.data.length === 0 ? (
            <EmptyState title={t('agency.emptyTitle')}>
              {canWrite ? (
                <ol className="steps">
                  <li>{t('agency.emptyStep1')}</li>
                  <li>{t('agency.emptyStep2')}</li>
                  <li>{t('agency.emptyStep3')}</li>
                </ol>
              ) : (
                <p>{t('agency.emptyReadOnly')}</p>
              )}
            </EmptyState>
          ) : (
            <PlanList plans={plans.data} />
          )}
        </section>
        {canWrite && plans.data && (
          <aside className="page-grid__side">
            {user?.role === 'agency_editor' && user.agencyId === agencyId && <DeadlinesPanel />}
            <CreatePlanForm
              agencyId={agencyId}
              plans={plans.data}
              onCreated={(plan) => void navigate(paths.plan.getHref(plan.agencyId, plan.fiscalYear))}
            />
            {canSign && (
              <section className="panel" aria-labelledby="signature-title">
                <h2 id="signature-title" className="h3">
                  <ThaiText>{t('signature.title')}</ThaiText>
                </h2>
                <ReportSignatureForm agencyId={agencyId} onSaved={() => void queryClient.invalidateQueries({ queryKey: auditKeys.all })} />
                <details>
                  <summary>{t('signature.history')}</summary>
                  <EntityHistory entityType="agency" entityId={agencyId} title={t('signature.history')} />
                </details>
              </section>
            )}
            {canImport && (
              <section className="panel" aria-labelledby="import-title">
                <h2 id="import-title" className="h3">
                  {t('import.panelTitle')}
                </h2>
                <p className="small">{t('import.panelBody')}</p>
                <Link className="button button--secondary" to={paths.agencyImport.getHref(agencyId)}>
                  {t('import.link')}
                </Link>
              </section>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
