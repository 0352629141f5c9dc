import { Navigate } from 'react-router';
import { roleHome, useAuth } from '@/lib/auth';
import { PublicSiteLayout } from '@/components/layouts/app-layout';
import { PublicNationalRoute } from './public-national';

/** "/": visitors see the public dashboard; a signed-in user goes to their role's own start page. */
export function HomeRoute() {
  const { user } = useAuth();
  if (user) return <Navigate to={roleHome(user)} replace />;
  // While the session is read, the dashboard already (its heading, and its figures' request under
  // way): what the HTML the API sends for "/" shows first (app/prerender.tsx), so the heading stays
  // on screen instead of giving way to a spinner, and visitors, nearly everyone here, wait one round trip less.
  return (
    <PublicSiteLayout>
      <PublicNationalRoute />
    </PublicSiteLayout>
  );
}
