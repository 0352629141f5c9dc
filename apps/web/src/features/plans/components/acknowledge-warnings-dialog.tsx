import { useId, useState, type FormEvent } from 'react';
import {
  ACKNOWLEDGEMENT_REASON_MAX,
  ACKNOWLEDGEMENT_REASON_MIN,
  WarningAcknowledgementSchema,
  seriousWarningGroups,
  type QualityWarning,
  type WarningAcknowledgement,
} from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { warningCodeLabel, warningText } from '@/lib/warning-text';
import { DialogForm } from '@/components/ui/dialog-form';
import { FormField } from '@/components/ui/form-field';
import { ThaiText } from '@/components/ui/thai-text';
import { WarningIcon } from '@/components/ui/icons';

const keyOf = (target: { code: string; sequence: number | null }) => `${target.code}:${target.sequence ?? ''}`;

/**
 * Before accepting or publishing a plan with open serious warnings (ADR 021): each warning (one per
 * code and measure), written from the catalogue, with a required reason. Submitting checks every
 * reason with the shared schema, marks each one that fails and moves focus to the first; only when
 * all pass does `onSubmit` get the acknowledgements.
 */
export function AcknowledgeWarningsDialog({
  title,
  submitLabel,
  warnings,
  positionOf = (sequence) => sequence,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  submitLabel: string;
  warnings: readonly QualityWarning[];
  /** The row position of a measure sequence number (sequences may have gaps). */
  positionOf?: (sequence: number) => number;
  pending: boolean;
  error: unknown;
  onSubmit: (acknowledgements: WarningAcknowledgement[]) => void;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const groups = seriousWarningGroups(warnings);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const fieldId = (index: number) => `${id}-reason-${index}`;
  const lengthMessage = t('acknowledge.reasonLength', { min: ACKNOWLEDGEMENT_REASON_MIN, max: ACKNOWLEDGEMENT_REASON_MAX });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = groups.map((group) =>
      WarningAcknowledgementSchema.safeParse({ code: group.code, sequence: group.sequence, reason: reasons[keyOf(group)] ?? '' }),
    );
    const failed = Object.fromEntries(groups.map((group, index) => [keyOf(group), !parsed[index]!.success]));
    setInvalid(failed);
    const first = parsed.findIndex((result) => !result.success);
    if (first >= 0) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    onSubmit(parsed.flatMap((result) => (result.success ? [result.data] : [])));
  };

  return (
    <DialogForm title={title} onClose={onClose} onSubmit={submit} submitLabel={submitLabel} pending={pending} error={error} wide>
      <p id={`${id}-intro`}>
        <ThaiText>{t('acknowledge.intro', { count: groups.length })}</ThaiText>
      </p>
      <ol className="acknowledgements">
        {groups.map((group, index) => {
          const key = keyOf(group);
          const warningId = `${id}-warning-${index}`;
          const where =
            group.sequence === null
              ? t('acknowledge.onPlan', { warning: warningCodeLabel(group.code, t) })
              : t('acknowledge.onMeasure', { sequence: positionOf(group.sequence), warning: warningCodeLabel(group.code, t) });
          return (
            <li key={key} className="acknowledgements__item">
              <ul id={warningId} className="plain-list acknowledgements__warnings">
                {group.warnings.map((warning, position) => {
                  const { text, lang } = warningText(warning, i18n, positionOf);
                  return (
                    <li key={position} lang={lang}>
                      <WarningIcon /> {text}
                    </li>
                  );
                })}
              </ul>
              <FormField
                id={fieldId(index)}
                label={t('acknowledge.reasonFor', { where })}
                hint={t('acknowledge.reasonHint', { min: ACKNOWLEDGEMENT_REASON_MIN, max: ACKNOWLEDGEMENT_REASON_MAX })}
                error={invalid[key] ? lengthMessage : undefined}
                describedBy={warningId}
              >
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    required
                    maxLength={ACKNOWLEDGEMENT_REASON_MAX}
                    value={reasons[key] ?? ''}
                    onChange={(event) => setReasons((current) => ({ ...current, [key]: event.target.value }))}
                  />
                )}
              </FormField>
            </li>
          );
        })}
      </ol>
    </DialogForm>
  );
}
