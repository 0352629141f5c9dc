import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeNextPath } from '@/config/paths';
import { roleHome, useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { Loading } from '@/components/ui/loading';

export function LoginRoute() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { user, isLoading } = useAuth();
  const next = safeNextPath(searchParams.get('next'));
  useDocumentTitle(t('login.title'));

  if (isLoading) return <Loading />;
  if (user) return <Navigate to={next ?? roleHome(user)} replace />;

  return (
    <section className="card login-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <LoginForm onSuccess={(signedIn) => void navigate(next ?? roleHome(signedIn), { replace: true })} />
    </section>
  );
}
