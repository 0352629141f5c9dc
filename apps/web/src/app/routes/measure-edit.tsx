import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { hasPermission } from '@prongsai/shared';
import { auditKeys } from '@/features/audit/api/get-audit';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { EvidenceFilesPanel } from '@/features/evidence-files/components/evidence-files-panel';
import { useMeasure } from '@/features/measures/api/get-measure';
import { MeasureEditor } from '@/features/measures/components/measure-editor';
import { invalidatePlan, usePlanById } from '@/features/plans/api/get-plan';
import { isPlanEditable } from '@/features/plans/components/plan-lifecycle';
import { timelineKeys } from '@/features/timeline/api/get-timeline';
import { MeasureTimeline } from '@/features/timeline/components/measure-timeline';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { ThaiText } from '@/components/ui/thai-text';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { useAgencyTrail } from './agency-trail';

/** Edit one measure, with its progress timeline and change history alongside. */
export function MeasureEditRoute() {
  const { t } = useI18n();
  const { measureId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const measure = useMeasure(measureId);
  const plan = usePlanById(measure.data?.planId);
  const index = plan.data && measure.data ? plan.data.measures.findIndex((entry) => entry.id === measure.data.id) : -1;
  // The row position on the plan page (the stored sequence may have gaps after deletions).
  const position = index >= 0 ? index + 1 : measure.data?.sequence;
  const title = position !== undefined ? t('editor.title', { sequence: position }) : t('editor.titlePlain');
  useDocumentTitle(title);
  const trail = useAgencyTrail(plan.data?.agencyId, plan.data?.agencyNameTh);

  if (measure.isPending || (measure.isSuccess && plan.isPending)) return <Loading />;
  if (measure.isError) return <ErrorState error={measure.error} onRetry={() => void measure.refetch()} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Loading />;

  const planData = plan.data;
  const planHref = paths.plan.getHref(planData.agencyId, planData.fiscalYear);
  const editable = isPlanEditable(user?.role, planData.status);
  const canWrite = hasPermission(user?.role, 'write:plan');

  return (
    <div className="page">
      <Breadcrumb
        trail={[...trail, { to: planHref, label: t('plan.fiscalYearTitle', { fiscalYear: planData.fiscalYear }) }]}
        current={title}
      />
      <h1>
        <ThaiText>{title}</ThaiText>
      </h1>
      {!editable && (
        <p className="notice notice--info">
          {canWrite ? t('plan.readOnly', { status: t(`planStatus.${planData.status}`) }) : t('editor.readOnlyRole')}
        </p>
      )}
      <div className="page-grid page-grid--editor">
        <div className="page-grid__main">
          <MeasureEditor
            key={measure.data.id}
            measure={measure.data}
            fiscalYear={planData.fiscalYear}
            readOnly={!editable}
            onCancel={() => void navigate(planHref)}
            onSaved={() => {
              void invalidatePlan(queryClient, planData);
              void queryClient.invalidateQueries({ queryKey: timelineKeys.measure(measureId) });
              void queryClient.invalidateQueries({ queryKey: auditKeys.all });
            }}
          />
          <EvidenceFilesPanel measureId={measureId} canEdit={editable && canWrite} />
        </div>
        <div className="page-grid__side">
          <MeasureTimeline measureId={measureId} canAdd={canWrite} />
          <EntityHistory entityType="measure" entityId={measureId} title={t('history.title')} />
        </div>
      </div>
    </div>
  );
}
