import { useEffect, useRef, useState } from 'react';
import type { User } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Dialog } from '@/components/ui/dialog';
import { InlineError } from '@/components/ui/error-state';
import { paths } from '@/config/paths';
import { useCreateResetCode } from '../api/create-reset-code';
import { Button } from '@/components/ui/button';
import '@/components/ui/reset-code.css';

/**
 * Issue a one-time password reset code. It is shown here once (the server keeps only its hash), with
 * a copy button, until the dialog closes.
 */
export function ResetCodeDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const issue = useCreateResetCode();
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const copyRef = useRef<HTMLButtonElement>(null);
  // The button that asked for the code is gone: move focus to the next thing to do.
  useEffect(() => {
    if (issue.data) copyRef.current?.focus();
  }, [issue.data]);

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <Dialog title={t('users.resetTitle', { name: user.name })} onClose={onClose}>
      <div className="form">
        {issue.data ? (
          <>
            <p>{t('users.resetShownOnce')}</p>
            <p className="reset-code">
              <span className="visually-hidden">{t('users.resetCode')}: </span>
              <code>{issue.data.code}</code>
            </p>
            <p className="muted small">{t('users.resetExpires', { date: formatDateTime(issue.data.expiresAt) })}</p>
            <p className="small">
              {t('users.resetWhere')} <code>{`${window.location.origin}${paths.resetPassword.getHref()}`}</code>
            </p>
            <p role="status" className="small">
              {copied === 'yes' ? t('users.copied') : copied === 'no' ? t('users.copyFailed') : ''}
            </p>
            <div className="form__actions">
              <Button ref={copyRef} type="button" className="button button--primary" onClick={() => void copy(issue.data.code)}>
                {t('users.copy')}
              </Button>
              <Button type="button" className="button button--secondary" onClick={onClose}>
                {t('users.done')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p>{t('users.resetExplain', { email: user.email })}</p>
            <InlineError error={issue.error} />
            <div className="form__actions">
              <Button type="button" className="button button--primary" disabled={issue.isPending} onClick={() => issue.mutate(user.id)}>
                {t('users.resetIssue')}
              </Button>
              <Button type="button" className="button button--secondary" onClick={onClose}>
                {t('common.cancel')}
              </Button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
