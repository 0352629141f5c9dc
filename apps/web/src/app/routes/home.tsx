import { Navigate } from 'react-router';
import { roleHome, useAuth } from '@/lib/auth';
import { PublicSiteLayout } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { PublicNationalRoute } from './public-national';

/** "/": visitors see the public dashboard; a signed-in user goes to their role's own start page. */
export function HomeRoute() {
  const { user, isLoading } = useAuth();
  if (user) return <Navigate to={roleHome(user)} replace />;
  // While the session is read, the public frame (like the page index.html paints first) rather than a bare spinner.
  return <PublicSiteLayout>{isLoading ? <Loading /> : <PublicNationalRoute />}</PublicSiteLayout>;
}
