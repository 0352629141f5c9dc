import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useT } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { DialogForm } from './dialog-form';
import { FormField } from './form-field';

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
  const issueText = useZodIssueText();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(text);
    if (!parsed.success || !parsed.data) {
      setInvalid(parsed.success ? t('validation.required') : (issueText(parsed.error.issues[0]) ?? t('validation.required')));
      return;
    }
    setInvalid(undefined);
    onSubmit(parsed.data);
  };

  return (
    <DialogForm title={title} onClose={onClose} onSubmit={submit} submitLabel={submitLabel} pending={pending} error={error}>
      {description && (
        <p id={`${id}-description`} className="muted">
          {description}
        </p>
      )}
      <FormField label={label} error={invalid} describedBy={description ? `${id}-description` : undefined}>
        {(control) => <textarea {...control} rows={5} value={text} onChange={(event) => setText(event.target.value)} />}
      </FormField>
    </DialogForm>
  );
}
