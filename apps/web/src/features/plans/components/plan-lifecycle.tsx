import { useState } from 'react';
import {
  CreateReviewCommentInputSchema,
  PLAN_TRANSITIONS,
  PLAN_TRANSITION_NAMES,
  PlanReturnInputSchema,
  ReopenRequestInputSchema,
  hasPermission,
  isEditablePlanStatus,
  isSeriousWarning,
  isTransitionAllowedFrom,
  type PlanTransitionName,
  type PlanDetail,
  type PlanStatus,
  type QualityWarning,
  type Role,
  type WarningAcknowledgement,
} from '@prongsai/shared';
import { isApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { InlineError } from '@/components/ui/error-state';
import { TextPromptDialog } from '@/components/ui/text-prompt-dialog';
import { useCreateReviewComment } from '../api/create-review-comment';
import { useRequestReopen } from '../api/request-reopen';
import { useTransitionPlan, type PlanTransitionAction } from '../api/transition-plan';
import { AcknowledgeWarningsDialog } from './acknowledge-warnings-dialog';
import { SubmitPlanDialog, WithdrawPlanDialog } from './plan-confirm-dialogs';
import { QualityWarnings } from './plan-warnings';
import '../plans.css';
import { ThaiText } from '@/components/ui/thai-text';
import { Button } from '@/components/ui/button';

/** Which lifecycle steps a role may take from a status, read from the shared table (hides the rest; the server decides). */
export function availableTransitions(
  role: Role | undefined,
  status: PlanStatus,
): Record<PlanTransitionName | 'comment' | 'requestReopen', boolean> {
  const steps = Object.fromEntries(
    PLAN_TRANSITION_NAMES.map((name) => [
      name,
      hasPermission(role, PLAN_TRANSITIONS[name].action) && isTransitionAllowedFrom(name, status),
    ]),
  ) as Record<PlanTransitionName, boolean>;
  // Editors ask the province to reopen what only reviewers may reopen.
  const requestReopen =
    hasPermission(role, 'submit:plan') && !hasPermission(role, 'review:plan') && isTransitionAllowedFrom('reopen', status);
  return { ...steps, comment: hasPermission(role, 'review:plan'), requestReopen };
}

/** Editors may change measures only while the plan's status is editable (shared rule). */
export const isPlanEditable = (role: Role | undefined, status: PlanStatus): boolean =>
  hasPermission(role, 'write:plan') && isEditablePlanStatus(status);

type Prompt = 'submit' | 'withdraw' | 'return' | 'reopen' | 'comment' | 'requestReopen' | 'acknowledge';

/** Open serious warnings from an answer of the server (SERIOUS_WARNINGS_UNACKNOWLEDGED), else none. */
const unacknowledgedIn = (error: unknown): QualityWarning[] =>
  isApiError(error) && error.code === 'SERIOUS_WARNINGS_UNACKNOWLEDGED' ? error.warnings : [];

const sameWarning = (a: QualityWarning, b: QualityWarning) => a.code === b.code && a.sequence === b.sequence && a.message === b.message;

export function PlanLifecycle({
  plan,
  role,
  onTransition,
}: {
  plan: PlanDetail;
  role: Role | undefined;
  onTransition?: (action: PlanTransitionAction | 'comment' | 'requestReopen') => void;
}) {
  const t = useT();
  const [prompt, setPrompt] = useState<Prompt>();
  /** The step waiting for acknowledgements of serious warnings, and those warnings (ADR 021). */
  const [approval, setApproval] = useState<{ action: 'accept' | 'publish'; warnings: QualityWarning[] }>();
  const transition = useTransitionPlan(plan, { onSuccess: (_plan, action) => onTransition?.(action) });
  const comment = useCreateReviewComment(plan);
  const reopenRequest = useRequestReopen();
  const allowed = availableTransitions(role, plan.status);
  if (!Object.values(allowed).some(Boolean)) return null;

  const canAcknowledge = hasPermission(role, 'review:plan');
  const positionOf = (sequence: number) => {
    const index = plan.measures.findIndex((measure) => measure.sequence === sequence);
    return index >= 0 ? index + 1 : sequence;
  };
  const acknowledge = (action: 'accept' | 'publish', warnings: QualityWarning[]) => {
    transition.reset();
    setApproval({ action, warnings });
    setPrompt('acknowledge');
  };
  /**
   * Accept or publish. A reviewer accepting a plan with serious warnings acknowledges them first; a
   * publish the server refuses for open serious warnings asks a reviewer (an admin) for them, and
   * shows an editor which they are.
   */
  const approve = (action: 'accept' | 'publish') => {
    transition.reset();
    const serious = plan.warnings.filter(isSeriousWarning);
    if (action === 'accept' && canAcknowledge && serious.length > 0) return acknowledge(action, serious);
    transition.mutate(
      { planId: plan.id, action, input: { version: plan.version } },
      {
        onError: (error) => {
          const open = unacknowledgedIn(error);
          if (canAcknowledge && open.length > 0) acknowledge(action, open);
        },
      },
    );
  };
  const acknowledged = (acknowledgements: WarningAcknowledgement[]) => {
    if (!approval) return;
    transition.mutate(
      { planId: plan.id, action: approval.action, input: { version: plan.version, acknowledgements } },
      {
        onSuccess: () => {
          setPrompt(undefined);
          setApproval(undefined);
        },
        // Warnings that appeared since the page was read (another agency's copy found): ask for them too.
        onError: (error) => {
          const open = unacknowledgedIn(error);
          if (open.length > 0) {
            setApproval(
              (current) =>
                current && {
                  ...current,
                  warnings: [...current.warnings, ...open.filter((w) => !current.warnings.some((c) => sameWarning(c, w)))],
                },
            );
          }
        },
      },
    );
  };
  const editorBlocked = prompt === undefined && !canAcknowledge ? unacknowledgedIn(transition.error) : [];
  /** A confirmed step: the dialog stays open (with the error) until the server agrees. */
  const confirmed = (action: 'submit' | 'withdraw') =>
    transition.mutate({ planId: plan.id, action, input: { version: plan.version } }, { onSuccess: () => setPrompt(undefined) });
  const open = (which: Prompt) => {
    transition.reset();
    comment.reset();
    reopenRequest.reset();
    setPrompt(which);
  };

  return (
    <section className="lifecycle" aria-label={t('lifecycle.label')}>
      <div className="lifecycle__buttons">
        {allowed.submit && (
          <Button type="button" className="button button--primary" disabled={transition.isPending} onClick={() => open('submit')}>
            <ThaiText>{t('lifecycle.submit')}</ThaiText>
          </Button>
        )}
        {allowed.withdraw && (
          <Button type="button" className="button button--secondary" disabled={transition.isPending} onClick={() => open('withdraw')}>
            <ThaiText>{t('lifecycle.withdraw')}</ThaiText>
          </Button>
        )}
        {allowed.accept && (
          <Button type="button" className="button button--primary" disabled={transition.isPending} onClick={() => approve('accept')}>
            <ThaiText>{t('lifecycle.accept')}</ThaiText>
          </Button>
        )}
        {allowed.return && (
          <Button type="button" className="button button--danger" disabled={transition.isPending} onClick={() => open('return')}>
            <ThaiText>{t('lifecycle.return')}</ThaiText>
          </Button>
        )}
        {allowed.publish && (
          <Button type="button" className="button button--primary" disabled={transition.isPending} onClick={() => approve('publish')}>
            <ThaiText>{t('lifecycle.publish')}</ThaiText>
          </Button>
        )}
        {allowed.reopen && (
          <Button type="button" className="button button--secondary" disabled={transition.isPending} onClick={() => open('reopen')}>
            <ThaiText>{t('lifecycle.reopen')}</ThaiText>
          </Button>
        )}
        {allowed.requestReopen && (
          <Button type="button" className="button button--secondary" onClick={() => open('requestReopen')}>
            {t('lifecycle.requestReopen')}
          </Button>
        )}
        {allowed.comment && (
          <Button type="button" className="button button--secondary" onClick={() => open('comment')}>
            <ThaiText>{t('lifecycle.comment')}</ThaiText>
          </Button>
        )}
      </div>
      {prompt === undefined && <InlineError error={transition.error} />}
      {editorBlocked.length > 0 && (
        <>
          <QualityWarnings warnings={editorBlocked} title={t('acknowledge.openTitle')} positionOf={positionOf} />
          <p className="muted">
            <ThaiText>{t('acknowledge.editorHint')}</ThaiText>
          </p>
        </>
      )}
      {prompt === 'acknowledge' && approval && (
        <AcknowledgeWarningsDialog
          title={t(approval.action === 'accept' ? 'acknowledge.acceptTitle' : 'acknowledge.publishTitle')}
          submitLabel={t(approval.action === 'accept' ? 'acknowledge.acceptConfirm' : 'acknowledge.publishConfirm')}
          warnings={approval.warnings}
          positionOf={positionOf}
          pending={transition.isPending}
          error={transition.error}
          onSubmit={acknowledged}
          onClose={() => {
            setPrompt(undefined);
            setApproval(undefined);
            transition.reset();
          }}
        />
      )}
      {prompt === 'submit' && (
        <SubmitPlanDialog
          plan={plan}
          pending={transition.isPending}
          error={transition.error}
          onConfirm={() => confirmed('submit')}
          onClose={() => setPrompt(undefined)}
        />
      )}
      {prompt === 'withdraw' && (
        <WithdrawPlanDialog
          pending={transition.isPending}
          error={transition.error}
          onConfirm={() => confirmed('withdraw')}
          onClose={() => setPrompt(undefined)}
        />
      )}
      {(prompt === 'return' || prompt === 'reopen') && (
        <TextPromptDialog
          title={t(prompt === 'return' ? 'lifecycle.returnTitle' : 'lifecycle.reopenTitle')}
          label={t('lifecycle.reason')}
          description={t(prompt === 'return' ? 'lifecycle.returnHelp' : 'lifecycle.reopenHelp')}
          submitLabel={t(prompt === 'return' ? 'lifecycle.returnConfirm' : 'lifecycle.reopenConfirm')}
          schema={PlanReturnInputSchema.shape.reason}
          pending={transition.isPending}
          error={transition.error}
          onClose={() => setPrompt(undefined)}
          onSubmit={(reason) =>
            transition.mutate(
              { planId: plan.id, action: prompt, input: { version: plan.version, reason } },
              { onSuccess: () => setPrompt(undefined) },
            )
          }
        />
      )}
      {prompt === 'requestReopen' && (
        <TextPromptDialog
          title={t('lifecycle.requestReopenTitle')}
          label={t('lifecycle.reason')}
          description={t('lifecycle.requestReopenHelp')}
          submitLabel={t('lifecycle.requestReopenConfirm')}
          schema={ReopenRequestInputSchema.shape.reason}
          pending={reopenRequest.isPending}
          error={reopenRequest.error}
          onClose={() => setPrompt(undefined)}
          onSubmit={(reason) =>
            reopenRequest.mutate(
              { planId: plan.id, reason },
              {
                onSuccess: () => {
                  setPrompt(undefined);
                  onTransition?.('requestReopen');
                },
              },
            )
          }
        />
      )}
      {prompt === 'comment' && (
        <TextPromptDialog
          title={t('lifecycle.commentTitle')}
          label={t('lifecycle.commentLabel')}
          submitLabel={t('lifecycle.commentConfirm')}
          schema={CreateReviewCommentInputSchema.shape.body}
          pending={comment.isPending}
          error={comment.error}
          onClose={() => setPrompt(undefined)}
          onSubmit={(body) =>
            comment.mutate(
              { body },
              {
                onSuccess: () => {
                  setPrompt(undefined);
                  onTransition?.('comment');
                },
              },
            )
          }
        />
      )}
    </section>
  );
}
