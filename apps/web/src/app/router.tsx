import { lazy, useState } from 'react';
import { Outlet, createBrowserRouter, RouterProvider } from 'react-router';
import { paths } from '@/config/paths';
import { AuthProvider, RequireAuth } from '@/lib/auth';
import { RequirePermission } from '@/lib/authorization';
import { AppLayout, PublicLayout } from '@/components/layouts/app-layout';
import { Loading } from '@/components/ui/loading';
import { RouteError } from './route-error';

// One chunk per page: the first screen loads only what it shows.
const LoginRoute = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginRoute })));
const HomeRoute = lazy(() => import('./routes/home').then((m) => ({ default: m.HomeRoute })));
const ReviewRoute = lazy(() => import('./routes/review').then((m) => ({ default: m.ReviewRoute })));
const AdminUsersRoute = lazy(() => import('./routes/admin-users').then((m) => ({ default: m.AdminUsersRoute })));
const AgencyRoute = lazy(() => import('./routes/agency').then((m) => ({ default: m.AgencyRoute })));
const PlanRoute = lazy(() => import('./routes/plan').then((m) => ({ default: m.PlanRoute })));
const MeasureEditRoute = lazy(() => import('./routes/measure-edit').then((m) => ({ default: m.MeasureEditRoute })));
const NotFoundRoute = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundRoute })));

function Root() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      children: [
        { element: <PublicLayout />, children: [{ path: paths.login.path, element: <LoginRoute /> }] },
        {
          element: <RequireAuth fallback={<Loading />} />,
          children: [
            {
              element: <AppLayout />,
              errorElement: <RouteError />,
              children: [
                { path: paths.home.path, element: <HomeRoute /> },
                { element: <RequirePermission action="review:plan" />, children: [{ path: paths.review.path, element: <ReviewRoute /> }] },
                {
                  element: <RequirePermission action="manage:user" />,
                  children: [{ path: paths.adminUsers.path, element: <AdminUsersRoute /> }],
                },
                { path: paths.agency.path, element: <AgencyRoute /> },
                { path: paths.plan.path, element: <PlanRoute /> },
                { path: paths.measureEdit.path, element: <MeasureEditRoute /> },
                { path: '*', element: <NotFoundRoute /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}

export function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
