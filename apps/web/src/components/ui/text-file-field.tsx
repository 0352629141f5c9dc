import { useId, useState } from 'react';
import { useI18n } from '@/lib/i18n';

/**
 * CSV (or other text) from a chosen file or typed/pasted into the box; the box always shows what
 * will be sent. Files are read as UTF-8 (a byte-order mark is dropped).
 */
export function TextFileField({
  label,
  fileLabel,
  hint,
  accept = '.csv,text/csv,text/plain',
  value,
  onChange,
  error,
  rows = 8,
}: {
  label: string;
  fileLabel: string;
  hint?: string;
  accept?: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  rows?: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const [readError, setReadError] = useState(false);
  const describedBy = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="text-file-field">
      <div className="field">
        <label htmlFor={`${id}-file`}>{fileLabel}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            setReadError(false);
            file.text().then(
              (text) => onChange(text.replace(/^\uFEFF/, '')),
              () => setReadError(true),
            );
          }}
        />
        {readError && (
          <p className="field__error" role="alert">
            {t('import.unreadable')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <textarea
          id={`${id}-text`}
          rows={rows}
          value={value}
          spellCheck={false}
          className="monospace"
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy}
        />
        {hint && (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
