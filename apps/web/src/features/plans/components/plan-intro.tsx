import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { UpdatePlanInputSchema, type PlanDetail } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { InlineError } from '@/components/ui/error-state';
import { planConflictCurrent, useUpdatePlan } from '../api/update-plan';
import { Button } from '@/components/ui/button';
import '@/components/ui/plan-summary.css';
import '@/components/ui/conflict.css';

/** The introduction's length limit, read from the shared request schema (optional → nullable → trimmed string). */
export const INTRO_MAX_LENGTH = UpdatePlanInputSchema.shape.introText.unwrap().unwrap().in.maxLength ?? 5000;

interface Draft {
  /** The plan version the edit started from; a save sends it, and a stale one is a conflict. */
  version: number;
  text: string;
}

/**
 * The plan's introduction (คำนำ), shown under the title as in the official report. While the plan is
 * editable, an editor can turn it into a text box, checked with the shared schema before it is sent
 * with the version it was based on. A VERSION_CONFLICT shows the latest text and lets the editor put
 * theirs on top of it or take the latest; nothing is overwritten silently.
 */
export function PlanIntro({ plan, editable }: { plan: PlanDetail; editable: boolean }) {
  const { t, formatDecimal, formatDateTime } = useI18n();
  const issueText = useZodIssueText();
  const id = useId();
  const update = useUpdatePlan(plan);
  const [draft, setDraft] = useState<Draft>();
  const [conflict, setConflict] = useState<PlanDetail>();
  const [invalid, setInvalid] = useState<string>();
  const [notice, setNotice] = useState('');
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const conflictHeadingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef(false);
  const isEditing = editable && draft !== undefined;
  useUnsavedChangesWarning(isEditing && draft.text !== (plan.introText ?? ''), t('unsaved.confirmLeave'));

  useEffect(() => {
    if (isEditing) {
      const textarea = textareaRef.current;
      textarea?.focus();
      textarea?.setSelectionRange(textarea.value.length, textarea.value.length);
    } else if (returnFocus.current) {
      returnFocus.current = false;
      editButtonRef.current?.focus();
    }
  }, [isEditing]);

  useEffect(() => {
    if (conflict) conflictHeadingRef.current?.focus();
  }, [conflict]);

  // The plan stopped being editable (submitted meanwhile): drop the edit rather than reopen it later.
  useEffect(() => {
    if (!editable) setDraft(undefined);
  }, [editable]);

  const open = () => {
    update.reset();
    setNotice('');
    setInvalid(undefined);
    setConflict(undefined);
    setDraft({ version: plan.version, text: plan.introText ?? '' });
  };

  const close = (message = '') => {
    returnFocus.current = true;
    update.reset();
    setDraft(undefined);
    setConflict(undefined);
    setInvalid(undefined);
    setNotice(message);
  };

  const save = (version: number) => {
    if (!draft || update.isPending) return;
    const parsed = UpdatePlanInputSchema.safeParse({ version, introText: draft.text });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInvalid(issue?.code === 'too_big' ? t('planIntro.tooLong', { max: formatDecimal(INTRO_MAX_LENGTH) }) : issueText(issue));
      textareaRef.current?.focus();
      return;
    }
    setInvalid(undefined);
    setNotice('');
    update.mutate(parsed.data, {
      onSuccess: () => close(t('planIntro.saved')),
      onError: (error) => setConflict(planConflictCurrent(error)),
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(draft?.version ?? plan.version);
  };

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || update.isPending) return;
    event.preventDefault();
    close(conflict ? t('editor.notice.discarded') : '');
  };

  const length = draft?.text.trim().length ?? 0;
  const over = length - INTRO_MAX_LENGTH;
  const error = over > 0 ? t('planIntro.tooLong', { max: formatDecimal(INTRO_MAX_LENGTH) }) : invalid;
  const otherError = update.error && !planConflictCurrent(update.error) ? update.error : null;

  return (
    <>
      {isEditing ? (
        // Escape anywhere in the form (the text box or its buttons) cancels, like closing a dialog.
        <form className="form plan-header__intro" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('planIntro.label')}</label>
            <p id={`${id}-hint`} className="field__hint">
              {t('planIntro.hint')}
            </p>
            <textarea
              id={`${id}-text`}
              ref={textareaRef}
              lang="th"
              rows={6}
              value={draft.text}
              readOnly={update.isPending}
              onChange={(event) => {
                setInvalid(undefined);
                setDraft({ ...draft, text: event.target.value });
              }}
              aria-invalid={Boolean(error) || undefined}
              aria-describedby={[`${id}-hint`, `${id}-count`, error ? `${id}-error` : undefined].filter(Boolean).join(' ')}
            />
            <p id={`${id}-count`} className="field__hint">
              {t('planIntro.count', { count: formatDecimal(length), max: formatDecimal(INTRO_MAX_LENGTH) })}
            </p>
            {error && (
              <p id={`${id}-error`} className="field__error">
                {error}
              </p>
            )}
          </div>
          {conflict ? (
            <section className="conflict card" aria-labelledby={`${id}-conflict`}>
              <h2 id={`${id}-conflict`} tabIndex={-1} ref={conflictHeadingRef}>
                {t('planIntro.conflictTitle')}
              </h2>
              <p>{t('conflict.intro', { date: formatDateTime(conflict.updatedAt) })}</p>
              <p className="muted">{t('conflict.theirs')}</p>
              <blockquote lang="th" className="plan-header__intro">
                {conflict.introText ?? t('conflict.empty')}
              </blockquote>
              <p className="muted">{t('planIntro.conflictExplain')}</p>
              <div className="form__actions">
                <Button type="button" className="button button--primary" disabled={update.isPending} onClick={() => save(conflict.version)}>
                  {t('conflict.reapply')}
                </Button>
                <Button
                  type="button"
                  className="button button--secondary"
                  disabled={update.isPending}
                  onClick={() => close(t('editor.notice.discarded'))}
                >
                  {t('conflict.discard')}
                </Button>
              </div>
            </section>
          ) : (
            <div className="form__actions">
              <Button type="submit" className="button button--primary" disabled={update.isPending}>
                {t('common.save')}
              </Button>
              <Button type="button" className="button button--secondary" disabled={update.isPending} onClick={() => close()}>
                {t('common.cancel')}
              </Button>
            </div>
          )}
          <InlineError error={otherError} />
        </form>
      ) : (
        <>
          {plan.introText ? (
            <p className="plan-header__intro" lang="th">
              {plan.introText}
            </p>
          ) : (
            editable && <p className="plan-header__intro muted">{t('planIntro.empty')}</p>
          )}
          {editable && (
            <Button ref={editButtonRef} type="button" className="button button--secondary button--small" onClick={open}>
              {t('planIntro.edit')}
            </Button>
          )}
          {/* A save the server refused after the plan stopped being editable stays visible. */}
          <InlineError error={otherError} />
        </>
      )}
      <p role="status" className={update.isPending ? 'muted' : notice ? 'notice notice--saved' : 'visually-hidden'}>
        {update.isPending ? t('common.saving') : notice}
      </p>
    </>
  );
}
