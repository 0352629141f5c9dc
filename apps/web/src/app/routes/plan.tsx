import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { hasPermission, type Measure } from '@prongsai/shared';
import { agencyKeys } from '@/features/agencies/api/agency-keys';
import { auditKeys } from '@/features/audit/api/get-audit';
import { EntityHistory } from '@/features/audit/components/entity-history';
import { CreateMeasureDialog } from '@/features/measures/components/create-measure-dialog';
import { useRestoreMeasure } from '@/features/plans/api/delete-measure';
import { invalidatePlan, usePlan } from '@/features/plans/api/get-plan';
import { DeletedMeasures } from '@/features/plans/components/deleted-measures';
import { MeasuresTable } from '@/features/plans/components/measures-table';
import { PlanDownloads } from '@/features/plans/components/plan-downloads';
import { PlanHeader } from '@/features/plans/components/plan-header';
import { PlanLifecycle, availableTransitions, isPlanEditable } from '@/features/plans/components/plan-lifecycle';
import { QualityWarnings } from '@/features/plans/components/plan-warnings';
import { ReviewComments } from '@/features/plans/components/review-comments';
import { SimilarMeasures } from '@/features/similarity/components/similar-measures';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState, InlineError } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Button } from '@/components/ui/button';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { useAgencyTrail } from './agency-trail';

/** One agency's plan for one fiscal year, laid out like the official report. */
export function PlanRoute() {
  const { t } = useI18n();
  const errorMessage = useApiErrorMessage();
  const { agencyId = '', fiscalYear: fiscalYearParam = '' } = useParams();
  const fiscalYear = Number(fiscalYearParam);
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const location = useLocation();
  const plan = usePlan(agencyId, fiscalYear);
  const [adding, setAdding] = useState(false);
  // A page that sent the user here may leave a message (e.g. the import: "นำเข้า 2 มาตรการแล้ว").
  const [status, setStatus] = useState(() => {
    const state: unknown = location.state;
    return state && typeof state === 'object' && 'notice' in state && typeof state.notice === 'string' ? state.notice : '';
  });
  const [lastDeleted, setLastDeleted] = useState<Pick<Measure, 'id' | 'sequence' | 'title'>>();
  const undoRef = useRef<HTMLDivElement>(null);
  const restore = useRestoreMeasure({ id: plan.data?.id ?? '', agencyId, fiscalYear });
  useDocumentTitle(t('plan.pageTitle', { fiscalYear }));
  const trail = useAgencyTrail(agencyId, plan.data?.agencyNameTh);

  useEffect(() => {
    if (lastDeleted) undoRef.current?.focus();
  }, [lastDeleted]);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    // No plan of that year yet (the agency exists): the way on is to create one. Any other 404 (an agency
    // out of reach) is not worth a retry.
    if (isApiError(plan.error) && plan.error.reason === 'planYearNotFound') {
      return (
        <EmptyState title={errorMessage(plan.error)}>
          <p>
            <Link to={paths.agency.getHref(agencyId)}>{t('plan.backToAgency')}</Link>
          </p>
        </EmptyState>
      );
    }
    const isMissing = isApiError(plan.error) && plan.error.status === 404;
    return <ErrorState error={plan.error} onRetry={isMissing ? undefined : () => void plan.refetch()} />;
  }

  const data = plan.data;
  const role = user?.role;
  const editable = isPlanEditable(role, data.status);
  const canWrite = hasPermission(role, 'write:plan');
  const canComment = availableTransitions(role, data.status).comment;
  const canImport = editable && hasPermission(role, 'import:report');
  const isReviewer = hasPermission(role, 'review:plan');
  const planLevelComments = data.comments.filter((comment) => comment.measureId === null);
  const positionOf = (sequence: number) => {
    const index = data.measures.findIndex((measure) => measure.sequence === sequence);
    return index >= 0 ? index + 1 : sequence;
  };

  return (
    <div className="page plan-page">
      <Breadcrumb trail={trail} current={t('plan.fiscalYearTitle', { fiscalYear })} />
      <PlanHeader plan={data} canEditIntro={editable} />
      <PlanLifecycle
        plan={data}
        role={role}
        onTransition={(action) => {
          setStatus(t(`lifecycle.done.${action}`));
          void queryClient.invalidateQueries({ queryKey: agencyKeys.lists() });
          void queryClient.invalidateQueries({ queryKey: auditKeys.all });
        }}
      />
      <p role="status" className={status ? 'notice notice--saved' : 'visually-hidden'}>
        {status}
      </p>
      {canWrite && !editable && <p className="notice notice--info">{t('plan.readOnly', { status: t(`planStatus.${data.status}`) })}</p>}
      <PlanDownloads plan={data} />
      <QualityWarnings warnings={data.warnings} title={t('plan.warnings')} positionOf={positionOf} />
      <ReviewComments comments={planLevelComments} title={t('plan.reviewComments')} />

      <section aria-labelledby="measures-title" className="plan-measures">
        <div className="section-head">
          <h2 id="measures-title">{t('plan.measuresTitle', { count: data.measures.length })}</h2>
          {editable && (
            <div className="section-head__actions">
              <Button type="button" className="button button--primary" onClick={() => setAdding(true)}>
                {t('measures.add')}
              </Button>
              {canImport && (
                <Link className="button button--secondary" to={paths.agencyImport.getHref(agencyId)}>
                  {t('import.link')}
                </Link>
              )}
            </div>
          )}
        </div>
        {lastDeleted && (
          <div className="notice notice--undo" role="status" tabIndex={-1} ref={undoRef}>
            <span>{t('measures.deleted', { title: lastDeleted.title.slice(0, 80) })}</span>{' '}
            {editable && (
              <Button
                type="button"
                className="button button--secondary button--small"
                disabled={restore.isPending}
                onClick={() => restore.mutate(lastDeleted.id, { onSuccess: () => setLastDeleted(undefined) })}
              >
                {t('measures.undo')}
              </Button>
            )}
            <Button type="button" className="button button--ghost button--small" onClick={() => setLastDeleted(undefined)}>
              {t('common.dismiss')}
            </Button>
            <InlineError error={restore.error} />
          </div>
        )}
        {data.measures.length === 0 ? (
          <EmptyState title={t('plan.noMeasures')}>
            <p>{editable ? t('plan.noMeasuresHelp') : t('plan.noMeasuresReadOnly')}</p>
          </EmptyState>
        ) : (
          <MeasuresTable plan={data} editable={editable} canComment={canComment} onDeleted={setLastDeleted} />
        )}
        {canWrite && <DeletedMeasures plan={data} editable={editable} />}
      </section>
      {isReviewer && <SimilarMeasures planId={data.id} positionOf={positionOf} />}
      {hasPermission(role, 'read:audit') && <EntityHistory entityType="plan" entityId={data.id} title={t('history.planTitle')} />}

      {adding && (
        <CreateMeasureDialog
          planId={data.id}
          fiscalYear={data.fiscalYear}
          onClose={() => setAdding(false)}
          onCreated={(measure) => {
            setAdding(false);
            setStatus(t('measures.created', { title: measure.title.slice(0, 80) }));
            void invalidatePlan(queryClient, data);
          }}
        />
      )}
    </div>
  );
}
