import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { Button } from './button';
import { ThaiText } from './thai-text';
import { CloseIcon } from './icons';

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open, Escape
 * closes it, focus moves into it and goes back to the control that opened it.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    const first = dialog.querySelector<HTMLElement>(
      '[data-autofocus], input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])',
    );
    (first ?? dialog).focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog--wide' : 'dialog'} aria-labelledby={titleId} tabIndex={-1}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          <ThaiText>{title}</ThaiText>
        </h2>
        <Button type="button" className="button button--ghost" onClick={onClose} aria-label={t('common.closeDialog')}>
          <CloseIcon />
        </Button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
