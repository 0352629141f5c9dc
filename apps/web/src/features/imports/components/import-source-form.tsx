import { useId, useState, type FormEvent } from 'react';
import type { ImportPreviewInput } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { ImportFileError, MAX_IMPORT_BYTES, formatOfFile, readImportFile } from '../utils/read-file';
import { Button } from '@/components/ui/button';
import '../imports.css';

type Source = 'file' | 'paste';

/**
 * Step 1: a report file (.docx, .pdf, a scan or photo, .txt, .csv) or pasted text, and optionally the fiscal year when the
 * file names none (CSV never does). Shows progress while a large file is read.
 */
export function ImportSourceForm({
  years,
  pending,
  onSubmit,
}: {
  years: number[];
  /** The preview request is on its way. */
  pending: boolean;
  onSubmit: (input: ImportPreviewInput) => void;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [fiscalYear, setFiscalYear] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const year = fiscalYear ? Number(fiscalYear) : undefined;
    if (source === 'paste') {
      if (!text.trim()) return setProblem(t('import.needText'));
      onSubmit({ format: 'text', content: text, fiscalYear: year });
      return;
    }
    if (!file) return setProblem(t('import.needFile'));
    try {
      setProgress(0);
      const read = await readImportFile(file, setProgress);
      setProgress(null);
      onSubmit({ ...read, fiscalYear: year });
    } catch (error) {
      setProgress(null);
      const reason = error instanceof ImportFileError ? error.reason : 'unreadable';
      setProblem(
        reason === 'too-large'
          ? t('import.tooLarge', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })
          : reason === 'unsupported'
            ? t('import.unsupported')
            : t('import.unreadable'),
      );
    }
  };

  const busy = pending || progress !== null;
  return (
    <form className="form card" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <fieldset className="radio-group">
        <legend>{t('import.sourceLegend')}</legend>
        <label className="radio">
          <input type="radio" name={`${id}-source`} checked={source === 'file'} onChange={() => setSource('file')} />
          {t('import.sourceFile')}
        </label>
        <label className="radio">
          <input type="radio" name={`${id}-source`} checked={source === 'paste'} onChange={() => setSource('paste')} />
          {t('import.sourcePaste')}
        </label>
      </fieldset>
      {source === 'file' ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".docx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.csv,text/plain,text/csv,application/pdf,image/png,image/jpeg,image/tiff,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setProblem(chosen && !formatOfFile(chosen) ? t('import.unsupported') : undefined);
            }}
          />
          <p id={`${id}-file-hint`} className="field__hint">
            {t('import.fileHint', { mb: MAX_IMPORT_BYTES / 1024 / 1024 })}
          </p>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('import.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={10}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={`${id}-text-hint`}
            lang="th"
          />
          <p id={`${id}-text-hint`} className="field__hint">
            {t('import.textHint')}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-fy`}>{t('import.yearIfMissing')}</label>
        <select id={`${id}-fy`} value={fiscalYear} onChange={(event) => setFiscalYear(event.target.value)}>
          <option value="">{t('import.yearFromFile')}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {formatNumber(year)}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div role="status" aria-live="polite" className="import-progress">
        {progress !== null ? (
          <>
            <label htmlFor={`${id}-progress`}>{t('import.reading', { percent: Math.round(progress * 100) })}</label>
            <progress id={`${id}-progress`} max={100} value={Math.round(progress * 100)} />
          </>
        ) : pending ? (
          <>
            <span>{t('import.understanding')}</span>
            <progress aria-label={t('import.understanding')} />
          </>
        ) : null}
      </div>
      <div className="form__actions">
        <Button type="submit" className="button button--primary" disabled={busy}>
          {t('import.read')}
        </Button>
      </div>
    </form>
  );
}
