import { useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { FormField } from './form-field';

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
  const [readError, setReadError] = useState(false);
  return (
    <div className="text-file-field">
      <FormField label={fileLabel}>
        {(control) => (
          <>
            <input
              {...control}
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
          </>
        )}
      </FormField>
      <FormField label={label} hint={hint} error={error}>
        {(control) => (
          <textarea
            {...control}
            rows={rows}
            value={value}
            spellCheck={false}
            className="monospace"
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </FormField>
    </div>
  );
}
