import { useState, type FormEvent } from 'react';
import { UploadItaResultsInputSchema } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { CsvIssues } from '@/components/ui/csv-issues';
import { TextFileField } from '@/components/ui/text-file-field';
import { useUploadItaResults, type UploadItaResultsResponse } from '../api/upload-ita-results';
import { Button } from '@/components/ui/button';
import '../ita-results.css';

/** Load the NACC's published scores; shows how many rows were stored and which agency codes are unknown. */
export function ItaUploadForm({ onUploaded }: { onUploaded?: (result: UploadItaResultsResponse) => void }) {
  const { t, formatDecimal } = useI18n();
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<string>();
  const upload = useUploadItaResults();
  const issueText = useZodIssueText();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UploadItaResultsInputSchema.safeParse({ csv });
    if (!parsed.success) return setError(issueText(parsed.error.issues[0]));
    setError(undefined);
    upload.mutate(parsed.data.csv, { onSuccess: onUploaded });
  };

  return (
    <>
      <form className="form" onSubmit={submit} noValidate>
        <TextFileField
          fileLabel={t('ita.csvFile')}
          label={t('ita.csvText')}
          hint={t('ita.csvHint')}
          value={csv}
          onChange={setCsv}
          error={error}
        />
        <CsvIssues error={upload.error} title={t('ita.issuesCaption')} />
        <div className="form__actions">
          <Button type="submit" className="button button--primary" disabled={upload.isPending}>
            {upload.isPending ? t('common.saving') : t('ita.upload')}
          </Button>
        </div>
      </form>
      {upload.data && (
        <section className="notice notice--saved" role="status" aria-labelledby="ita-result-title">
          <p id="ita-result-title" className="alert__title">
            {t('ita.imported', { count: formatDecimal(upload.data.imported) })}
          </p>
          {upload.data.unknownAgencyCodes.length > 0 ? (
            <>
              <p>{t('ita.unknown', { count: formatDecimal(upload.data.unknownAgencyCodes.length) })}</p>
              <ul className="code-list">
                {upload.data.unknownAgencyCodes.map((code) => (
                  <li key={code}>
                    <code>{code}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('ita.allKnown')}</p>
          )}
        </section>
      )}
    </>
  );
}
