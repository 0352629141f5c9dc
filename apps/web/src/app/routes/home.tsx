import { Navigate } from 'react-router';
import { roleHome, useAuth } from '@/lib/auth';
import { paths } from '@/config/paths';

/** "/" sends each role to its own start page. */
export function HomeRoute() {
  const { user } = useAuth();
  return <Navigate to={user ? roleHome(user) : paths.login.getHref()} replace />;
}
