import { useRef, useState } from 'react';
import type { Measure } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { InlineError } from '@/components/ui/error-state';
import { useCodebook } from '../api/get-codebook';
import { conflictCurrent, useUpdateMeasure } from '../api/update-measure';
import { changedFields, pickFields, rebase, toFormValues, type MeasureFormValues } from '../utils/measure-form-values';
import { ConflictView } from './conflict-view';
import { MeasureForm } from './measure-form';

type Notice = 'saved' | 'unchanged' | 'discarded' | 'rebased';

/**
 * Edits one measure with optimistic concurrency: a save sends only the changed fields with the
 * version they were based on; a 409 VERSION_CONFLICT opens the conflict view instead of
 * overwriting anyone's work.
 */
export function MeasureEditor({
  measure,
  fiscalYear,
  readOnly,
  onSaved,
  onCancel,
}: {
  measure: Measure;
  fiscalYear: number;
  readOnly: boolean;
  onSaved?: (measure: Measure) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const codebook = useCodebook(fiscalYear);
  const update = useUpdateMeasure();
  const [base, setBase] = useState<Measure>(measure);
  const [draft, setDraft] = useState<MeasureFormValues>(() => toFormValues(measure));
  const [formKey, setFormKey] = useState(0);
  const [conflict, setConflict] = useState<{ yours: MeasureFormValues; current: Measure }>();
  const [notice, setNotice] = useState<Notice>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const knownIndicatorTitles = Object.fromEntries(
    base.indicators.flatMap((indicator) => (indicator.titleTh ? [[`${indicator.fiscalYear}:${indicator.code}`, indicator.titleTh]] : [])),
  );

  /** Save `values`' changes relative to `from` onto version `version`. */
  const saveChanges = async (from: MeasureFormValues, values: MeasureFormValues, version: number) => {
    const fields = changedFields(from, values);
    if (fields.length === 0) {
      setNotice('unchanged');
      return undefined;
    }
    const updated = await update.mutateAsync({ measureId: measure.id, input: { version, ...pickFields(values, fields) } });
    setBase(updated);
    setNotice('saved');
    onSaved?.(updated);
    return updated;
  };

  const submit = async (values: MeasureFormValues) => {
    setNotice(undefined);
    try {
      await saveChanges(toFormValues(base), values, base.version);
    } catch (error) {
      const current = conflictCurrent(error);
      if (!current) throw error;
      setConflict({ yours: values, current });
    }
  };

  const restart = (nextBase: Measure, values: MeasureFormValues, nextNotice: Notice) => {
    setBase(nextBase);
    setDraft(values);
    setFormKey((key) => key + 1);
    setConflict(undefined);
    setNotice(nextNotice);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  if (conflict) {
    const baseValues = toFormValues(base);
    return (
      <>
        <ConflictView
          base={baseValues}
          yours={conflict.yours}
          current={conflict.current}
          pending={update.isPending}
          onReapply={async () => {
            try {
              const updated = await saveChanges(baseValues, conflict.yours, conflict.current.version);
              restart(updated ?? conflict.current, toFormValues(updated ?? conflict.current), 'saved');
            } catch (error) {
              const current = conflictCurrent(error);
              if (current) setConflict({ yours: conflict.yours, current });
            }
          }}
          onEdit={() => restart(conflict.current, rebase(baseValues, conflict.yours, toFormValues(conflict.current)), 'rebased')}
          onDiscard={() => restart(conflict.current, toFormValues(conflict.current), 'discarded')}
        />
        <InlineError error={update.error && !conflictCurrent(update.error) ? update.error : null} />
      </>
    );
  }

  return (
    <>
      <p ref={noticeRef} tabIndex={-1} role="status" className={notice ? `notice notice--${notice}` : 'visually-hidden'}>
        {notice ? t(`editor.notice.${notice}`) : ''}
      </p>
      <MeasureForm
        key={formKey}
        defaultValues={draft}
        mode={{ kind: 'edit', version: base.version }}
        fiscalYear={fiscalYear}
        codebook={codebook.data}
        codebookLoading={codebook.isPending}
        knownIndicatorTitles={knownIndicatorTitles}
        readOnly={readOnly}
        submitLabel={t('common.save')}
        onSubmit={submit}
        onCancel={onCancel}
        draftKey={measure.id}
      />
    </>
  );
}
