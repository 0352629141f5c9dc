import { useEffect, useId, useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, useFormContext, useWatch, type FieldErrors, type Path, type Resolver } from 'react-hook-form';
import { CreateMeasureInputSchema, OUTCOMES, UpdateMeasureInputSchema, type Codebook } from '@prongsai/shared';
import { isApiError } from '@/lib/api-client';
import { localisedZodResolver, useFieldIssueText, type IssueLike } from '@/lib/field-issue-text';
import { useI18n } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { DateInput } from '@/components/ui/date-input';
import { PartialDateInput } from '@/components/ui/partial-date-input';
import { clearDraft, readDraft, writeDraft, type LocalDraft } from '../utils/local-draft';
import { issueFieldPath, type MeasureFormValues } from '../utils/measure-form-values';
import { ActionsField } from './actions-field';
import { EvidenceField } from './evidence-field';
import { IndicatorsField } from './indicators-field';
import { Button } from '@/components/ui/button';

type Mode = { kind: 'create' } | { kind: 'edit'; version: number };

/**
 * Checks the form with the shared request schema: CreateMeasureInput for a new measure,
 * UpdateMeasureInput (with the version being edited) for an existing one. `text` writes each issue
 * in the reader's language (lib/field-issue-text.ts).
 */
export function measureResolver(mode: Mode, text: (issue: IssueLike) => string): Resolver<MeasureFormValues> {
  const create = localisedZodResolver(CreateMeasureInputSchema, text);
  const update = localisedZodResolver(UpdateMeasureInputSchema, text);
  return async (values, context, options) => {
    // The schema input types differ from the form's only in optionality; the schemas check the values.
    const result =
      mode.kind === 'create'
        ? await create(values as never, context, options as never)
        : await update({ ...values, version: mode.version } as never, context, options as never);
    if (Object.keys(result.errors).length > 0) return { values: {}, errors: result.errors as FieldErrors<MeasureFormValues> };
    return { values, errors: {} };
  };
}

export interface MeasureFormProps {
  defaultValues: MeasureFormValues;
  mode: Mode;
  fiscalYear: number;
  codebook: Codebook | null | undefined;
  codebookLoading: boolean;
  knownIndicatorTitles?: Record<string, string>;
  readOnly?: boolean;
  submitLabel: string;
  /** Throw to report failure: 400 issues are put on their fields, anything else above the form. */
  onSubmit: (values: MeasureFormValues) => Promise<void>;
  onCancel?: () => void;
  /** Shown above the buttons (e.g. a saved notice). */
  footer?: ReactNode;
  /** Keep unsaved changes in localStorage under this key (the measure's id) and offer them back. */
  draftKey?: string;
}

export function MeasureForm({
  defaultValues,
  mode,
  fiscalYear,
  codebook,
  codebookLoading,
  knownIndicatorTitles,
  readOnly = false,
  submitLabel,
  onSubmit,
  onCancel,
  footer,
  draftKey,
}: MeasureFormProps) {
  const { t } = useI18n();
  const errorMessage = useApiErrorMessage();
  const id = useId();
  const [formError, setFormError] = useState<string[]>([]);
  const issueText = useFieldIssueText();
  const methods = useForm<MeasureFormValues>({
    defaultValues,
    resolver: measureResolver(mode, issueText),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = methods;
  const outcome = useWatch({ control, name: 'outcome' });
  const version = mode.kind === 'edit' ? mode.version : 0;
  // A draft left by a closed tab or an expired session, offered back once.
  const [storedDraft, setStoredDraft] = useState<LocalDraft | null>(() => (draftKey && !readOnly ? readDraft(draftKey) : null));
  useUnsavedChangesWarning(isDirty && !readOnly, t('unsaved.confirmLeave'));

  const submit = handleSubmit(async (values) => {
    setFormError([]);
    try {
      await onSubmit(values);
      // Saved: these values are the form's new starting point, and the local draft is done with.
      methods.reset(values);
      if (draftKey) clearDraft(draftKey);
      setStoredDraft(null);
    } catch (error) {
      if (isApiError(error) && error.issues.length > 0) {
        const unplaced: string[] = [];
        let focused = false;
        for (const issue of error.issues) {
          const path = issueFieldPath(issue.path);
          if (path) {
            setError(path as Path<MeasureFormValues>, { type: 'server', message: issueText(issue) }, { shouldFocus: !focused });
            focused = true;
          } else {
            unplaced.push(issueText(issue));
          }
        }
        setFormError([errorMessage(error), ...unplaced]);
      } else {
        setFormError([errorMessage(error)]);
      }
    }
  });

  const textField = (
    name: 'title' | 'responsible' | 'outcomeReason' | 'resultText' | 'summary',
    label: string,
    options: { multiline?: boolean; hint?: string; rows?: number } = {},
  ) => {
    const fieldId = `${id}-${name}`;
    const message = errors[name]?.message;
    const describedBy = [options.hint ? `${fieldId}-hint` : undefined, message ? `${fieldId}-error` : undefined].filter(Boolean).join(' ');
    const common = {
      id: fieldId,
      'aria-invalid': Boolean(message) || undefined,
      'aria-describedby': describedBy || undefined,
      ...register(name),
    };
    return (
      <div className="field">
        <label htmlFor={fieldId}>{label}</label>
        {options.hint && (
          <p id={`${fieldId}-hint`} className="field__hint">
            {options.hint}
          </p>
        )}
        {options.multiline ? <textarea rows={options.rows ?? 3} {...common} /> : <input {...common} />}
        {message && (
          <p id={`${fieldId}-error`} className="field__error">
            {message}
          </p>
        )}
      </div>
    );
  };

  return (
    <FormProvider {...methods}>
      {draftKey && !readOnly && <DraftKeeper draftKey={draftKey} version={version} />}
      <form className="form measure-form" onSubmit={submit} noValidate aria-describedby={formError.length ? `${id}-form-error` : undefined}>
        {storedDraft && (
          <div className="alert alert--warning" role="region" aria-label={t('draft.title')}>
            <p>{t('draft.found', { date: new Date(storedDraft.savedAt).toLocaleString() })}</p>
            <Button
              type="button"
              className="button button--primary button--small"
              onClick={() => {
                methods.reset(storedDraft.values, { keepDefaultValues: true });
                setStoredDraft(null);
              }}
            >
              {t('draft.restore')}
            </Button>{' '}
            <Button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                if (draftKey) clearDraft(draftKey);
                setStoredDraft(null);
              }}
            >
              {t('draft.discard')}
            </Button>
          </div>
        )}
        {formError.length > 0 && (
          <div id={`${id}-form-error`} className="alert alert--error" role="alert">
            {formError.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </div>
        )}
        <fieldset className="fieldset fieldset--plain" disabled={readOnly}>
          <legend className="visually-hidden">{t('form.measureLegend')}</legend>
          {textField('title', t('form.title'), { multiline: true, rows: 3, hint: t('form.titleHint') })}
        </fieldset>
        <ActionsField disabled={readOnly} />
        <IndicatorsField
          codebook={codebook}
          codebookLoading={codebookLoading}
          fiscalYear={fiscalYear}
          disabled={readOnly}
          knownTitles={knownIndicatorTitles}
        />
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>{t('form.planning')}</legend>
          {textField('responsible', t('form.responsible'))}
          <div className="inline-fields">
            <Controller
              control={control}
              name="plannedStart"
              render={({ field, fieldState }) => (
                <div className="field">
                  <DateInput
                    label={t('form.plannedStart')}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    invalid={Boolean(fieldState.error)}
                    describedBy={fieldState.error ? `${id}-plannedStart-error` : undefined}
                  />
                  {fieldState.error?.message && (
                    <p id={`${id}-plannedStart-error`} className="field__error">
                      {fieldState.error.message}
                    </p>
                  )}
                </div>
              )}
            />
            <Controller
              control={control}
              name="plannedEnd"
              render={({ field, fieldState }) => (
                <div className="field">
                  <DateInput
                    label={t('form.plannedEnd')}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    invalid={Boolean(fieldState.error)}
                    describedBy={fieldState.error ? `${id}-plannedEnd-error` : undefined}
                  />
                  {fieldState.error?.message && (
                    <p id={`${id}-plannedEnd-error`} className="field__error">
                      {fieldState.error.message}
                    </p>
                  )}
                </div>
              )}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset" disabled={readOnly}>
          <legend>{t('form.result')}</legend>
          <fieldset className="radio-group">
            <legend>{t('form.outcome')}</legend>
            {OUTCOMES.map((value) => (
              <label key={value} className="radio">
                <input type="radio" value={value} {...register('outcome')} />
                {t(`outcome.${value}`)}
              </label>
            ))}
            {errors.outcome?.message && <p className="field__error">{errors.outcome.message}</p>}
          </fieldset>
          {outcome === 'not_carried_out' && textField('outcomeReason', t('form.outcomeReason'), { multiline: true })}
          {textField('resultText', t('form.resultText'), { multiline: true, hint: t('form.resultTextHint') })}
          {textField('summary', t('form.summary'), { multiline: true, rows: 4 })}
          <Controller
            control={control}
            name="carriedOut"
            render={({ field, fieldState }) => (
              <PartialDateInput
                legend={t('form.carriedOut')}
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message ?? (fieldState.error as { date?: { message?: string } } | undefined)?.date?.message}
                yearFrom={fiscalYear - 2}
                yearTo={fiscalYear + 1}
              />
            )}
          />
        </fieldset>
        <EvidenceField disabled={readOnly} />
        {footer}
        {!readOnly && (
          <div className="form__actions form__actions--sticky">
            <Button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t('common.saving') : submitLabel}
            </Button>
            {onCancel && (
              <Button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  if (draftKey) clearDraft(draftKey);
                  methods.reset();
                  onCancel();
                }}
              >
                {t('common.cancel')}
              </Button>
            )}
          </div>
        )}
      </form>
    </FormProvider>
  );
}

/** Writes the form's values to the local draft while it has unsaved changes (its own component: only it re-renders per keystroke). */
function DraftKeeper({ draftKey, version }: { draftKey: string; version: number }) {
  const { control, formState } = useFormContext<MeasureFormValues>();
  const values = useWatch({ control });
  const { isDirty } = formState;
  useEffect(() => {
    if (!isDirty) return;
    const timer = setTimeout(
      () => writeDraft(draftKey, { values: values as MeasureFormValues, version, savedAt: new Date().toISOString() }),
      300,
    );
    return () => clearTimeout(timer);
  }, [draftKey, isDirty, values, version]);
  return null;
}
