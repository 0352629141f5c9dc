import type { FormEvent, ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { Dialog } from './dialog';
import { InlineError } from './error-state';
import { Button } from './button';

/**
 * A form in a `Dialog`: the fields, the server's error if any, then the submit button (disabled while
 * `pending`) and "ยกเลิก", which closes the dialog. The form does its own validation (`noValidate`).
 */
export function DialogForm({
  title,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  error,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  /** A wider dialog, for forms with several long fields. */
  wide?: boolean;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {children}
        <InlineError error={error} />
        <div className="form__actions">
          <Button type="submit" className="button button--primary" disabled={pending}>
            {submitLabel}
          </Button>
          <Button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
