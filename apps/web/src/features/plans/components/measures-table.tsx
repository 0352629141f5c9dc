import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { CreateReviewCommentInputSchema, OUTCOMES, text, type Measure, type Outcome, type PlanDetail } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { InlineError } from '@/components/ui/error-state';
import { OutcomeChip } from '@/components/ui/status-chip';
import { TextPromptDialog } from '@/components/ui/text-prompt-dialog';
import { useChangeMeasureOutcome } from '../api/change-measure-outcome';
import { useCreateReviewComment } from '../api/create-review-comment';
import { useDeleteMeasure } from '../api/delete-measure';
import { useReorderMeasures } from '../api/reorder-measures';
import { moveId } from '../utils/plan-cache';
import { MeasureDescription, MeasurePeriod, MeasureResult } from './measure-cells';
import { ThaiText } from '@/components/ui/thai-text';
import { Button } from '@/components/ui/button';
import { Th } from '@/components/ui/table-header';
import { ArrowDownIcon, ArrowUpIcon } from '@/components/ui/icons';

type Direction = -1 | 1;

/** The same rule as the measure schema: a reason is required when it could not be carried out. */
const OUTCOME_REASON_SCHEMA = text(5000);

/**
 * The plan's measures as a table shaped like the official report (ลำดับที่ · มาตรการ · ผลลัพธ์ ·
 * สรุปผล · ระยะเวลา). Editors get outcome, order, edit and delete controls while the plan is
 * editable; reviewers can comment on a measure. On narrow screens each row becomes a card.
 */
export function MeasuresTable({
  plan,
  editable,
  canComment,
  onDeleted,
}: {
  plan: PlanDetail;
  editable: boolean;
  canComment: boolean;
  onDeleted: (measure: Pick<Measure, 'id' | 'sequence' | 'title'>) => void;
}) {
  const { t, formatNumber } = useI18n();
  const reorder = useReorderMeasures(plan);
  const changeOutcome = useChangeMeasureOutcome(plan);
  const remove = useDeleteMeasure(plan);
  const comment = useCreateReviewComment(plan);
  const [announcement, setAnnouncement] = useState('');
  const [reasonFor, setReasonFor] = useState<Measure>();
  const [commentFor, setCommentFor] = useState<Measure>();
  const tableRef = useRef<HTMLTableElement>(null);
  const focusAfterMove = useRef<{ measureId: string; direction: Direction; index: number }>(undefined);

  // After a move has been drawn, keep focus on the moved row's button (or its other move button
  // at an edge): the row's DOM node moves, which would otherwise drop focus.
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending || !tableRef.current) return;
    const rows = [...tableRef.current.querySelectorAll<HTMLElement>('[data-measure-id]')];
    const row = rows[pending.index];
    if (!row || row.dataset.measureId !== pending.measureId) return;
    focusAfterMove.current = undefined;
    const same = row.querySelector<HTMLButtonElement>(`[data-move="${pending.direction}"]`);
    const other = row.querySelector<HTMLButtonElement>(`[data-move="${-pending.direction}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });

  const ids = plan.measures.map((measure) => measure.id);
  const move = (measure: Measure, direction: Direction) => {
    const next = moveId(ids, measure.id, direction);
    if (!next) return;
    focusAfterMove.current = { measureId: measure.id, direction, index: next.indexOf(measure.id) };
    setAnnouncement(t('measures.moved', { title: measure.title.slice(0, 80), position: next.indexOf(measure.id) + 1 }));
    changeOutcome.reset();
    remove.reset();
    reorder.mutate(next);
  };

  const labelOf = (measure: Measure) => t('measure.numbered', { sequence: ids.indexOf(measure.id) + 1 });

  const setOutcome = (measure: Measure, outcome: Outcome) => {
    reorder.reset();
    remove.reset();
    if (outcome === 'not_carried_out' && !measure.outcomeReason) {
      setReasonFor(measure);
      return;
    }
    changeOutcome.mutate({ measureId: measure.id, version: measure.version, outcome });
  };

  const error = reorder.error ?? changeOutcome.error ?? remove.error;
  const positionOf = (sequence: number) => {
    const index = plan.measures.findIndex((measure) => measure.sequence === sequence);
    return index >= 0 ? index + 1 : sequence;
  };
  const commentsFor = (measureId: string) => plan.comments.filter((entry) => entry.measureId === measureId);
  const showActions = editable || canComment;

  return (
    <div className="measures">
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {error !== null && <InlineError error={error} />}
      <div className="table-wrap">
        <table className="table table--report table--stack" ref={tableRef}>
          <caption className="visually-hidden">{t('measures.caption', { fiscalYear: plan.fiscalYear })}</caption>
          <thead>
            <tr>
              <Th scope="col" className="col-seq">
                {t('measures.colSequence')}
              </Th>
              <Th scope="col">{t('measures.colMeasure')}</Th>
              <Th scope="col">{t('measures.colOutcome')}</Th>
              <Th scope="col">{t('measures.colSummary')}</Th>
              <Th scope="col">{t('measures.colPeriod')}</Th>
              {showActions && <Th scope="col">{t('measures.colActions')}</Th>}
            </tr>
          </thead>
          <tbody>
            {plan.measures.map((measure, index) => {
              // ลำดับที่ is the row's position: the server's sequence may have gaps after deletions.
              const position = index + 1;
              const label = t('measure.numbered', { sequence: position });
              return (
                <tr key={measure.id} data-measure-id={measure.id}>
                  <Th scope="row" className="col-seq" data-label={t('measures.colSequence')}>
                    {formatNumber(position)}
                  </Th>
                  <td data-label={t('measures.colMeasure')}>
                    <MeasureDescription measure={measure} comments={commentsFor(measure.id)} positionOf={positionOf} />
                  </td>
                  <td data-label={t('measures.colOutcome')}>
                    {editable ? (
                      <label className="outcome-select">
                        <span className="visually-hidden">{t('measures.outcomeOf', { label })}</span>
                        <select
                          className={`outcome-select__input outcome-select__input--${measure.outcome}`}
                          value={measure.outcome}
                          onChange={(event) => setOutcome(measure, event.target.value as Outcome)}
                        >
                          {OUTCOMES.map((outcome) => (
                            <option key={outcome} value={outcome}>
                              {t(`outcome.${outcome}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : (
                      <OutcomeChip outcome={measure.outcome} />
                    )}
                    <MeasureResult measure={measure} />
                  </td>
                  <td data-label={t('measures.colSummary')} lang="th">
                    {measure.summary ?? <span className="muted">—</span>}
                  </td>
                  <td data-label={t('measures.colPeriod')}>
                    <MeasurePeriod measure={measure} />
                  </td>
                  {showActions && (
                    <td data-label={t('measures.colActions')} className="row-actions">
                      {editable && (
                        <>
                          <Link className="button button--secondary button--small" to={paths.measureEdit.getHref(measure.id)}>
                            {t('measures.edit')} <span className="visually-hidden">{label}</span>
                          </Link>
                          <Button
                            type="button"
                            className="button button--ghost button--small"
                            data-move="-1"
                            disabled={index === 0}
                            onClick={() => move(measure, -1)}
                          >
                            <ArrowUpIcon /> {t('measures.moveUp')} <span className="visually-hidden">{label}</span>
                          </Button>
                          <Button
                            type="button"
                            className="button button--ghost button--small"
                            data-move="1"
                            disabled={index === plan.measures.length - 1}
                            onClick={() => move(measure, 1)}
                          >
                            <ArrowDownIcon /> {t('measures.moveDown')} <span className="visually-hidden">{label}</span>
                          </Button>
                          <Button
                            type="button"
                            className="button button--danger-ghost button--small"
                            onClick={() => {
                              reorder.reset();
                              changeOutcome.reset();
                              remove.mutate({ measureId: measure.id, version: measure.version }, { onSuccess: () => onDeleted(measure) });
                            }}
                          >
                            {t('measures.delete')} <span className="visually-hidden">{label}</span>
                          </Button>
                        </>
                      )}
                      {canComment && (
                        <Button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => {
                            comment.reset();
                            setCommentFor(measure);
                          }}
                        >
                          <ThaiText>{t('measures.comment')}</ThaiText> <span className="visually-hidden">{label}</span>
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {reasonFor && (
        <TextPromptDialog
          title={t('measures.reasonTitle', { label: labelOf(reasonFor) })}
          label={t('measure.outcomeReason')}
          description={t('measures.reasonHelp')}
          submitLabel={t('common.save')}
          schema={OUTCOME_REASON_SCHEMA}
          pending={false}
          error={null}
          onClose={() => setReasonFor(undefined)}
          onSubmit={(outcomeReason) => {
            changeOutcome.mutate({ measureId: reasonFor.id, version: reasonFor.version, outcome: 'not_carried_out', outcomeReason });
            setReasonFor(undefined);
          }}
        />
      )}
      {commentFor && (
        <TextPromptDialog
          title={t('measures.commentTitle', { label: labelOf(commentFor) })}
          label={t('lifecycle.commentLabel')}
          submitLabel={t('lifecycle.commentConfirm')}
          schema={CreateReviewCommentInputSchema.shape.body}
          pending={comment.isPending}
          error={comment.error}
          onClose={() => setCommentFor(undefined)}
          onSubmit={(body) => comment.mutate({ body, measureId: commentFor.id }, { onSuccess: () => setCommentFor(undefined) })}
        />
      )}
    </div>
  );
}
