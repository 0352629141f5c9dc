import { Suspense, lazy } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { paths } from '@/config/paths';
import { hasPermission } from '@prongsai/shared';
import { AuthProvider, RequireAuth, useAuth } from '@/lib/auth';
import { RequirePermission } from '@/lib/authorization';
import { RequireStaffMessages } from '@/lib/i18n';
import { AppLayout, PublicLayout, PublicSiteLayout } from '@/components/layouts/app-layout';
import { ErrorBoundary, PageError } from '@/components/ui/error-boundary';
import { Loading } from '@/components/ui/loading';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { WaitingNavLink } from '@/features/notifications/components/waiting-plans';
import { HomeRoute } from './routes/home';
import { PublicNationalRoute } from './routes/public-national';

// One chunk per page: the first screen loads only what it shows. Declarative routes (not the data
// router) keep react-router's share of the first load small; the public dashboard must stay light.
// Except the national dashboard ("/" for visitors, "/public"): most first visits land there, so it
// ships with the entry (index.html preloads it) instead of waiting for the entry to run and then
// asking for a dozen small chunks, which on a slow 4G connection delayed its content by ~0.7 s.
const LoginRoute = lazy(() => import('./routes/login').then((m) => ({ default: m.LoginRoute })));
const ResetPasswordRoute = lazy(() => import('./routes/reset-password').then((m) => ({ default: m.ResetPasswordRoute })));
const PublicProvinceRoute = lazy(() => import('./routes/public-province').then((m) => ({ default: m.PublicProvinceRoute })));
const PublicAgencyRoute = lazy(() => import('./routes/public-agency').then((m) => ({ default: m.PublicAgencyRoute })));
const PublicPlanRoute = lazy(() => import('./routes/public-plan').then((m) => ({ default: m.PublicPlanRoute })));
const ReviewWaitingRoute = lazy(() => import('./routes/review-waiting').then((m) => ({ default: m.ReviewWaitingRoute })));
const ReviewRoute = lazy(() => import('./routes/review').then((m) => ({ default: m.ReviewRoute })));
const ReviewCompareRoute = lazy(() => import('./routes/review-compare').then((m) => ({ default: m.ReviewCompareRoute })));
const ReviewIndicatorsRoute = lazy(() => import('./routes/review-indicators').then((m) => ({ default: m.ReviewIndicatorsRoute })));
const ReviewCopiesRoute = lazy(() => import('./routes/review-copies').then((m) => ({ default: m.ReviewCopiesRoute })));
const ReviewTrendsRoute = lazy(() => import('./routes/review-trends').then((m) => ({ default: m.ReviewTrendsRoute })));
const AdminUsersRoute = lazy(() => import('./routes/admin-users').then((m) => ({ default: m.AdminUsersRoute })));
const AdminCodebooksRoute = lazy(() => import('./routes/admin-codebooks').then((m) => ({ default: m.AdminCodebooksRoute })));
const AdminItaResultsRoute = lazy(() => import('./routes/admin-ita-results').then((m) => ({ default: m.AdminItaResultsRoute })));
const AdminCalendarRoute = lazy(() => import('./routes/admin-calendar').then((m) => ({ default: m.AdminCalendarRoute })));
const SettingsNotificationsRoute = lazy(() =>
  import('./routes/settings-notifications').then((m) => ({ default: m.SettingsNotificationsRoute })),
);
const AdminAuditRoute = lazy(() => import('./routes/admin-audit').then((m) => ({ default: m.AdminAuditRoute })));
const AgencyRoute = lazy(() => import('./routes/agency').then((m) => ({ default: m.AgencyRoute })));
const AgencyImportRoute = lazy(() => import('./routes/agency-import').then((m) => ({ default: m.AgencyImportRoute })));
const PlanRoute = lazy(() => import('./routes/plan').then((m) => ({ default: m.PlanRoute })));
const MeasureEditRoute = lazy(() => import('./routes/measure-edit').then((m) => ({ default: m.MeasureEditRoute })));
const NotFoundRoute = lazy(() => import('./routes/not-found').then((m) => ({ default: m.NotFoundRoute })));

function Root() {
  return (
    <AuthProvider>
      <ErrorBoundary fallback={(error) => <RootError error={error} />}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </ErrorBoundary>
    </AuthProvider>
  );
}

/** The signed-in screens' messages are a chunk of their own (the public pages never load them). */
function StaffMessages() {
  return (
    <RequireStaffMessages fallback={<Loading />}>
      <Outlet />
    </RequireStaffMessages>
  );
}

function RootError({ error }: { error: unknown }) {
  return (
    <main id="main-content" className="app-main">
      <PageError error={error} />
    </main>
  );
}

/** The staff frame with the notifications bell, and "waiting for me" for reviewers. */
function StaffLayout() {
  const { user } = useAuth();
  return (
    <AppLayout headerTools={<NotificationBell />} nav={user && hasPermission(user.role, 'review:plan') ? <WaitingNavLink /> : undefined} />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Root />}>
        <Route element={<PublicLayout />}>
          <Route path={paths.login.path} element={<LoginRoute />} />
          <Route path={paths.resetPassword.path} element={<ResetPasswordRoute />} />
        </Route>
        {/* "/": the public dashboard for visitors, each signed-in role's own start page otherwise. */}
        <Route path={paths.home.path} element={<HomeRoute />} />
        <Route element={<PublicSiteLayout />}>
          <Route path={paths.publicHome.path} element={<PublicNationalRoute />} />
          <Route path={paths.publicProvince.path} element={<PublicProvinceRoute />} />
          <Route path={paths.publicAgency.path} element={<PublicAgencyRoute />} />
          <Route path={paths.publicPlan.path} element={<PublicPlanRoute />} />
          <Route path={`${paths.publicHome.path}/*`} element={<NotFoundRoute />} />
        </Route>
        <Route element={<RequireAuth fallback={<Loading />} />}>
          <Route element={<StaffMessages />}>
            <Route element={<StaffLayout />}>
              <Route element={<RequirePermission action="review:plan" />}>
                <Route path={paths.reviewWaiting.path} element={<ReviewWaitingRoute />} />
                <Route path={paths.review.path} element={<ReviewRoute />} />
                <Route path={paths.reviewCompare.path} element={<ReviewCompareRoute />} />
                <Route path={paths.reviewIndicators.path} element={<ReviewIndicatorsRoute />} />
                <Route path={paths.reviewTrends.path} element={<ReviewTrendsRoute />} />
                <Route path={paths.reviewCopies.path} element={<ReviewCopiesRoute />} />
              </Route>
              <Route element={<RequirePermission action="manage:user" />}>
                <Route path={paths.adminUsers.path} element={<AdminUsersRoute />} />
                <Route path={paths.adminAudit.path} element={<AdminAuditRoute />} />
              </Route>
              <Route element={<RequirePermission action="write:codebook" />}>
                <Route path={paths.adminCodebooks.path} element={<AdminCodebooksRoute />} />
              </Route>
              <Route element={<RequirePermission action="write:calendar" />}>
                <Route path={paths.adminCalendar.path} element={<AdminCalendarRoute />} />
              </Route>
              <Route path={paths.settingsNotifications.path} element={<SettingsNotificationsRoute />} />
              <Route element={<RequirePermission action="write:ita-result" />}>
                <Route path={paths.adminItaResults.path} element={<AdminItaResultsRoute />} />
              </Route>
              <Route path={paths.agency.path} element={<AgencyRoute />} />
              <Route element={<RequirePermission action="import:report" />}>
                <Route path={paths.agencyImport.path} element={<AgencyImportRoute />} />
              </Route>
              <Route path={paths.plan.path} element={<PlanRoute />} />
              <Route path={paths.measureEdit.path} element={<MeasureEditRoute />} />
              <Route path="*" element={<NotFoundRoute />} />
            </Route>
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
