import { useEffect } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { paths, safeNextPath } from '@/config/paths';
import { roleHome, useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Loading } from '@/components/ui/loading';

export function LoginRoute() {
  const { t, requireStaff } = useI18n();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { user, isLoading } = useAuth();
  const next = safeNextPath(searchParams.get('next'));
  useDocumentTitle(t('login.title'));
  // Whoever signs in goes on to a signed-in screen: fetch its messages while they type.
  useEffect(() => requireStaff(), [requireStaff]);

  if (isLoading) return <Loading />;
  if (user) return <Navigate to={next ?? roleHome(user)} replace />;

  return (
    <section className="card login-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <LoginForm onSuccess={(signedIn) => void navigate(next ?? roleHome(signedIn), { replace: true })} />
      <p className="muted">
        <Link to={paths.resetPassword.getHref()}>{t('login.forgot')}</Link>
      </p>
    </section>
  );
}
