import { useState, type FormEvent } from 'react';
import { FiscalYearParamSchema, UploadCodebookInputSchema, type Codebook } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { CsvIssues } from '@/components/ui/csv-issues';
import { FormField } from '@/components/ui/form-field';
import { TextFileField } from '@/components/ui/text-file-field';
import { useUploadCodebook } from '../api/codebooks';
import { Button } from '@/components/ui/button';

/** Replace a fiscal year's codebook with a CSV of code,title,group; bad lines come back one by one. */
export function CodebookUploadForm({ defaultYear, onUploaded }: { defaultYear: number; onUploaded: (codebook: Codebook) => void }) {
  const { t } = useI18n();
  const [fiscalYear, setFiscalYear] = useState(String(defaultYear));
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const upload = useUploadCodebook({ onSuccess: onUploaded });
  const issueText = useZodIssueText();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = FiscalYearParamSchema.safeParse(fiscalYear.trim());
    const input = UploadCodebookInputSchema.safeParse({ csv, note: note.trim() || undefined });
    const next: Record<string, string> = {};
    if (!year.success) next.fiscalYear = issueText(year.error.issues[0]) ?? t('validation.required');
    if (!input.success) for (const issue of input.error.issues) next[String(issue.path[0])] ??= issueText(issue) ?? '';
    setErrors(next);
    if (!year.success || !input.success) return;
    upload.mutate({ fiscalYear: year.data, input: input.data });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormField label={t('codebooks.uploadYear')} error={errors.fiscalYear}>
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={fiscalYear}
            onChange={(event) => setFiscalYear(event.target.value)}
            className="input--short"
          />
        )}
      </FormField>
      <TextFileField
        fileLabel={t('codebooks.csvFile')}
        label={t('codebooks.csvText')}
        hint={t('codebooks.csvHint')}
        value={csv}
        onChange={setCsv}
        error={errors.csv}
      />
      <FormField label={t('codebooks.noteLabel')}>
        {(control) => <input {...control} value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} />}
      </FormField>
      <p className="notice notice--info small">{t('codebooks.replaceWarning')}</p>
      <CsvIssues error={upload.error} title={t('codebooks.issuesCaption')} />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" disabled={upload.isPending}>
          {upload.isPending ? t('common.saving') : t('codebooks.upload')}
        </Button>
      </div>
    </form>
  );
}
