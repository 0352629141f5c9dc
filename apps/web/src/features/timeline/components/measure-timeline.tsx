import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { CreateTimelineEntryInputSchema, todayInBangkok, type CreateTimelineEntryInput, type TimelineEntry } from '@prongsai/shared';
import type { z } from 'zod';
import { useI18n } from '@/lib/i18n';
import { useLocalisedZodResolver } from '@/lib/field-issue-text';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { DateInput } from '@/components/ui/date-input';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useCreateTimelineEntry } from '../api/create-timeline-entry';
import { useTimeline } from '../api/get-timeline';
import '../timeline.css';
import '@/components/ui/entry-list.css';
import { Button } from '@/components/ui/button';
import { Chip } from '@/components/ui/chip';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/** Newest first: by the day it happened, then by when it was written down. */
export const sortTimeline = (entries: TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.createdAt.localeCompare(a.createdAt));

function EntryText({ entry }: { entry: TimelineEntry }) {
  const { t } = useI18n();
  switch (entry.kind) {
    case 'status_change':
      return (
        <p>
          {entry.fromOutcome && entry.toOutcome
            ? t('timeline.statusChange', { from: t(`outcome.${entry.fromOutcome}`), to: t(`outcome.${entry.toOutcome}`) })
            : entry.toOutcome
              ? t('timeline.statusSet', { to: t(`outcome.${entry.toOutcome}`) })
              : t('timeline.kind.status_change')}
          {entry.note && <span className="pre-wrap"> — {entry.note}</span>}
        </p>
      );
    case 'evidence_added':
      return (
        <p>
          {t('timeline.evidenceAdded')}
          {entry.note && <span> — {entry.note}</span>}
        </p>
      );
    default:
      return <p className="pre-wrap">{entry.note}</p>;
  }
}

type NoteFormValues = z.input<typeof CreateTimelineEntryInputSchema>;

function AddNoteForm({ measureId }: { measureId: string }) {
  const { t } = useI18n();
  const id = useId();
  const errorMessage = useApiErrorMessage();
  const create = useCreateTimelineEntry(measureId);
  const [added, setAdded] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    control,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<NoteFormValues, unknown, CreateTimelineEntryInput>({
    resolver: useLocalisedZodResolver(CreateTimelineEntryInputSchema),
    defaultValues: { note: '', occurredOn: todayInBangkok(), evidenceUrl: null },
  });
  useUnsavedChangesWarning(isDirty, t('unsaved.confirmLeave'));
  const submit = handleSubmit(async (input) => {
    setAdded(false);
    await create.mutateAsync(input).then(
      () => {
        reset({ note: '', occurredOn: input.occurredOn, evidenceUrl: null });
        setAdded(true);
      },
      () => undefined,
    );
  });
  const field = (name: keyof NoteFormValues) => ({
    id: `${id}-${name}`,
    'aria-invalid': Boolean(errors[name]) || undefined,
    'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
  });
  const error = (name: keyof NoteFormValues) =>
    errors[name]?.message && (
      <p id={`${id}-${name}-error`} className="field__error">
        {errors[name]?.message}
      </p>
    );

  return (
    <form className="form timeline__form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="h4">
        {t('timeline.addTitle')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('timeline.note')}</label>
        <textarea rows={3} {...field('note')} {...register('note')} />
        {error('note')}
      </div>
      <div className="inline-fields">
        <Controller
          control={control}
          name="occurredOn"
          render={({ field: date, fieldState }) => (
            <div className="field">
              <DateInput
                label={t('timeline.occurredOn')}
                value={date.value}
                onChange={(value) => date.onChange(value ?? '')}
                onBlur={date.onBlur}
                invalid={Boolean(fieldState.error)}
                describedBy={fieldState.error ? `${id}-occurredOn-error` : undefined}
              />
              {error('occurredOn')}
            </div>
          )}
        />
        <div className="field field--grow">
          <label htmlFor={`${id}-evidenceUrl`}>{t('timeline.evidenceUrl')}</label>
          <input
            type="url"
            inputMode="url"
            placeholder="https://"
            {...field('evidenceUrl')}
            {...register('evidenceUrl', { setValueAs: (value: unknown) => (value === '' ? null : value) })}
          />
          {error('evidenceUrl')}
        </div>
      </div>
      {create.error && (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <p role="status" className={added ? 'notice notice--saved' : 'visually-hidden'}>
        {added ? t('timeline.added') : ''}
      </p>
      <Button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('timeline.add')}
      </Button>
    </form>
  );
}

/** What happened to a measure over the year: notes, outcome changes and evidence, newest first. */
export function MeasureTimeline({ measureId, canAdd }: { measureId: string; canAdd: boolean }) {
  const { t, formatDay, formatDateTime } = useI18n();
  const timeline = useTimeline(measureId);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {canAdd && <AddNoteForm measureId={measureId} />}
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.length === 0 ? (
        <EmptyState title={t('timeline.empty')}>
          <p>{t('timeline.emptyHelp')}</p>
        </EmptyState>
      ) : (
        <ol className="timeline">
          {sortTimeline(timeline.data).map((entry) => (
            <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind}`}>
              <p className="timeline__date">
                <time dateTime={entry.occurredOn}>{formatDay(entry.occurredOn)}</time>
                <Chip className="chip--timeline">{t(`timeline.kind.${entry.kind}`)}</Chip>
              </p>
              <EntryText entry={entry} />
              {entry.evidenceUrl && isHttpUrl(entry.evidenceUrl) && (
                <p className="small">
                  <a href={entry.evidenceUrl} target="_blank" rel="noopener noreferrer">
                    {t('timeline.evidenceLink')} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
                  </a>
                </p>
              )}
              <p className="muted small">
                {t('timeline.recordedBy', { name: entry.authorName ?? t('common.unknownPerson'), date: formatDateTime(entry.createdAt) })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
