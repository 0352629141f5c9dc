import { Navigate } from 'react-router';
import { roleHome, useAuth } from '@/lib/auth';
import { PublicSiteLayout } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { PublicNationalRoute } from './public-national';

/** "/": visitors see the public dashboard; a signed-in user goes to their role's own start page. */
export function HomeRoute() {
  const { user, isLoading } = useAuth();
  if (isLoading) return <Loading />;
  if (user) return <Navigate to={roleHome(user)} replace />;
  return (
    <PublicSiteLayout>
      <PublicNationalRoute />
    </PublicSiteLayout>
  );
}
