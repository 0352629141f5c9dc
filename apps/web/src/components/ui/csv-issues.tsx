import { isApiError } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { useFieldIssueText } from '@/lib/field-issue-text';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { Th } from './table-header';

/** "body.csv.line3.code" → { line: 3, column: "code" }; other paths keep their last part as the column. */
export function csvIssueLocation(path: string): { line?: number; column?: string } {
  const parts = path.split('.');
  const lineIndex = parts.findIndex((part) => /^line\d+$/.test(part));
  if (lineIndex >= 0) return { line: Number(parts[lineIndex]!.slice(4)), column: parts.slice(lineIndex + 1).join('.') || undefined };
  const last = parts[parts.length - 1];
  return { column: last && last !== 'csv' && last !== 'body' ? last : undefined };
}

/** Why an uploaded CSV was refused: the server's message, then each problem with its line and column. */
export function CsvIssues({ error, title }: { error: unknown; title: string }) {
  const { t, formatNumber } = useI18n();
  const message = useApiErrorMessage();
  const issueText = useFieldIssueText();
  if (!error) return null;
  const issues = isApiError(error) ? error.issues : [];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{message(error)}</p>
      {issues.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact table--stack">
            <caption>{title}</caption>
            <thead>
              <tr>
                <Th scope="col">{t('csv.line')}</Th>
                <Th scope="col">{t('csv.column')}</Th>
                <Th scope="col">{t('csv.problem')}</Th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue, index) => {
                const where = csvIssueLocation(issue.path);
                return (
                  <tr key={`${issue.path}-${index}`}>
                    <td data-label={t('csv.line')}>{where.line !== undefined ? formatNumber(where.line) : '—'}</td>
                    <td data-label={t('csv.column')}>
                      <code>{where.column ?? '—'}</code>
                    </td>
                    <td data-label={t('csv.problem')}>{issueText(issue)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
