import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { Dialog } from './dialog';
import { InlineError } from './error-state';
import { Button } from './button';

/**
 * Ask before a step that cannot simply be undone: what will happen (`children`), the server's error
 * if any, then the confirm button (disabled while `pending`) and "ยกเลิก", which closes the dialog.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="form">
        {children}
        <InlineError error={error} />
        <div className="form__actions">
          <Button type="button" className="button button--primary" disabled={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
