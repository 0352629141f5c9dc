import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Where a user sets a new password with the one-time code an administrator gave them. */
export function ResetPasswordRoute() {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const [isDone, setDone] = useState(false);
  useDocumentTitle(t('resetPassword.title'));

  return (
    <section className="card login-card" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('resetPassword.title')}</h1>
      {isDone ? (
        <div role="status">
          <p>{t('resetPassword.done')}</p>
          <Link className="button button--primary" to={paths.login.getHref()}>
            {t('login.submit')}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t('resetPassword.intro')}</p>
          <ResetPasswordForm initialCode={searchParams.get('code') ?? ''} onSuccess={() => setDone(true)} />
        </>
      )}
    </section>
  );
}
