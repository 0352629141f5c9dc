import { Link, Outlet } from 'react-router';
import { hasPermission, type Action } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useAuth } from './auth';
import { useT } from './i18n';

/** Whether the signed-in user's role has an action. Only hides controls: the server decides. */
export function useCan(action: Action): boolean {
  const { user } = useAuth();
  return hasPermission(user?.role, action);
}

/** Route guard for pages only some roles use: others get a short explanation, not a broken page. */
export function RequirePermission({ action }: { action: Action }) {
  const t = useT();
  if (!useCan(action)) {
    return (
      <section>
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body')}</p>
        <Link to={paths.home.getHref()}>{t('notFound.home')}</Link>
      </section>
    );
  }
  return <Outlet />;
}
