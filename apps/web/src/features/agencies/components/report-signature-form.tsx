import { useEffect, useState } from 'react';
import { UpdateReportSignatureInputSchema, reportSignatureLines, type ReportSignature } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { Button } from '@/components/ui/button';
import { DateInput } from '@/components/ui/date-input';
import { ErrorState, InlineError } from '@/components/ui/error-state';
import { FormField } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { ThaiText } from '@/components/ui/thai-text';
import { useReportSignature, useSaveReportSignature } from '../api/report-signature';
import '../agencies.css';

type Draft = { name: string; position: string; signedOn: string | null };
type Field = keyof Draft;
/** The lengths UpdateReportSignatureInputSchema allows, for the messages and the inputs. */
const MAX_LENGTH: Record<Field, number> = { name: 120, position: 200, signedOn: 10 };

const draftOf = (signature: ReportSignature | null | undefined): Draft => ({
  name: signature?.name ?? '',
  position: signature?.position ?? '',
  signedOn: signature?.signedOn ?? null,
});

/**
 * The signature block that ends every official report of the agency (issue 16, ADR 022): who signs, their
 * position, and the day or none (signed by hand). Its editors and national admins set it; the preview shows
 * the lines as the report prints them. `onSaved` lets the page refresh what else shows the change.
 */
export function ReportSignatureForm({ agencyId, onSaved }: { agencyId: string; onSaved?: () => void }) {
  const { t, effectiveDigits } = useI18n();
  const current = useReportSignature(agencyId);
  const save = useSaveReportSignature(agencyId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current.data?.signature));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<'saved' | 'removed'>();
  const saved = current.data?.signature ?? null;
  useEffect(() => setDraft(draftOf(saved)), [saved]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(saved));
  useUnsavedChangesWarning(dirty, t('unsaved.confirmLeave'));

  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;

  const set = (field: Field) => (value: string | null) => {
    setStatus(undefined);
    setDraft((before) => ({ ...before, [field]: value }));
  };
  const done = (next: 'saved' | 'removed') => () => {
    setStatus(next);
    onSaved?.();
  };
  const preview = UpdateReportSignatureInputSchema.safeParse(draft);

  return (
    <form
      className="form signature-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setStatus(undefined);
        const parsed = UpdateReportSignatureInputSchema.safeParse(draft);
        if (!parsed.success) {
          const found: Partial<Record<Field, string>> = {};
          for (const issue of parsed.error.issues) {
            const field = issue.path[0] as Field;
            found[field] ??= t(`signature.invalid.${field}`, { max: MAX_LENGTH[field] });
          }
          setErrors(found);
          return;
        }
        setErrors({});
        save.mutate(parsed.data, { onSuccess: done('saved') });
      }}
    >
      <p className="small">{t('signature.intro')}</p>
      <FormField label={t('signature.name')} hint={t('signature.nameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="name"
            maxLength={MAX_LENGTH.name}
            value={draft.name}
            onChange={(event) => set('name')(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('signature.position')} hint={t('signature.positionHint')} error={errors.position}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={MAX_LENGTH.position}
            value={draft.position}
            onChange={(event) => set('position')(event.target.value)}
          />
        )}
      </FormField>
      <DateInput label={t('signature.date')} value={draft.signedOn} onChange={set('signedOn')} invalid={Boolean(errors.signedOn)} />
      <p className="field__hint">{errors.signedOn ?? t('signature.dateHint')}</p>
      <figure className="signature-preview">
        <figcaption className="small muted">{t('signature.preview')}</figcaption>
        {preview.success ? (
          reportSignatureLines(preview.data, effectiveDigits).map((line) => (
            <p key={line}>
              <ThaiText>{line}</ThaiText>
            </p>
          ))
        ) : (
          <p className="muted">{t('signature.none')}</p>
        )}
      </figure>
      <InlineError error={save.error} />
      <div className="form-actions">
        <Button type="submit" className="button button--primary" disabled={save.isPending || !dirty}>
          {t('signature.save')}
        </Button>
        {saved && (
          <Button
            type="button"
            className="button button--secondary"
            disabled={save.isPending}
            onClick={() => save.mutate(null, { onSuccess: done('removed') })}
          >
            {t('signature.remove')}
          </Button>
        )}
      </div>
      {status && <p role="status">{t(status === 'saved' ? 'signature.saved' : 'signature.removed')}</p>}
    </form>
  );
}
