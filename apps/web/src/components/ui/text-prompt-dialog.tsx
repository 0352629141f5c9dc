import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useT } from '@/lib/i18n';
import { Dialog } from './dialog';
import { InlineError } from './error-state';

/**
 * A dialog that asks for one piece of text (a reason, a comment) and checks it with a shared
 * schema before calling onSubmit.
 */
export function TextPromptDialog({
  title,
  label,
  description,
  submitLabel,
  schema,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  description?: string;
  submitLabel: string;
  schema: z.ZodType<string | null | undefined>;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(text);
    if (!parsed.success || !parsed.data) {
      setInvalid(parsed.success ? t('validation.required') : (parsed.error.issues[0]?.message ?? t('validation.required')));
      return;
    }
    setInvalid(undefined);
    onSubmit(parsed.data);
  };

  const describedBy = [description ? `${id}-description` : undefined, invalid ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {description && (
          <p id={`${id}-description`} className="muted">
            {description}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-text`}>{label}</label>
          <textarea
            id={`${id}-text`}
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={Boolean(invalid) || undefined}
            aria-describedby={describedBy || undefined}
          />
          {invalid && (
            <p id={`${id}-error`} className="field__error">
              {invalid}
            </p>
          )}
        </div>
        <InlineError error={error} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            {submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
