import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { hasPermission } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { roleHome, useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { ErrorBoundary } from '../ui/error-boundary';
import { Loading } from '../ui/loading';
import { PreferencesSwitch } from '../ui/preferences-switch';
import { Button } from '@/components/ui/button';

/** Moves focus to the main region after client-side navigation, so screen readers start there. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return mainRef;
}

export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href="#main-content">
      {t('layout.skipToContent')}
    </a>
  );
}

/** The page body of every layout: a failing or still-loading page stays inside the layout. */
function Page({ children }: { children?: ReactNode }) {
  return (
    <ErrorBoundary>
      <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
    </ErrorBoundary>
  );
}

/** `headerTools`: what pages put beside the user (the notifications bell, composed in app/router.tsx); `nav`: extra links. */
export function AppLayout({ headerTools, nav }: { headerTools?: ReactNode; nav?: ReactNode } = {}) {
  const t = useT();
  const { user, logout } = useAuth();
  const mainRef = useFocusMainOnNavigate();
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={user ? roleHome(user) : paths.home.getHref()} className="app-header__brand">
            {t('app.name')}
          </Link>
          {user && (
            <nav aria-label={t('layout.mainNav')} className="app-header__nav">
              {user.role === 'agency_editor' && user.agencyId && (
                <NavLink to={paths.agency.getHref(user.agencyId)}>{t('nav.myAgency')}</NavLink>
              )}
              {nav}
              {hasPermission(user.role, 'review:plan') && <NavLink to={paths.review.getHref()}>{t('nav.review')}</NavLink>}
              {hasPermission(user.role, 'manage:user') && <NavLink to={paths.adminUsers.getHref()}>{t('nav.users')}</NavLink>}
              {hasPermission(user.role, 'write:codebook') && <NavLink to={paths.adminCodebooks.getHref()}>{t('nav.codebooks')}</NavLink>}
              {hasPermission(user.role, 'write:ita-result') && (
                <NavLink to={paths.adminItaResults.getHref()}>{t('nav.itaResults')}</NavLink>
              )}
              {hasPermission(user.role, 'write:calendar') && <NavLink to={paths.adminCalendar.getHref()}>{t('nav.calendar')}</NavLink>}
              {hasPermission(user.role, 'manage:user') && <NavLink to={paths.adminAudit.getHref()}>{t('nav.audit')}</NavLink>}
              <NavLink to={paths.publicHome.getHref()}>{t('nav.public')}</NavLink>
            </nav>
          )}
          <div className="app-header__tools">
            <PreferencesSwitch />
            {user && headerTools}
            {user && (
              <div className="app-header__user">
                <p className="app-header__user-name">{user.name}</p>
                <p className="app-header__user-meta">
                  {t(`role.${user.role}`)}
                  {(user.agencyName ?? user.provinceName) &&
                    ` · ${user.agencyName ?? t('layout.province', { name: user.provinceName ?? '' })}`}
                </p>
                <Button type="button" className="button button--secondary button--small" onClick={() => void logout()}>
                  {t('auth.logout')}
                </Button>
              </div>
            )}
          </div>
        </div>
      </header>
      <main id="main-content" ref={mainRef} tabIndex={-1} className="app-main">
        <Page />
      </main>
      <footer className="app-footer">
        <p>{t('layout.footer')}</p>
      </footer>
    </div>
  );
}

/** For pages without a signed-in user (the login page). */
export function PublicLayout() {
  const t = useT();
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={paths.home.getHref()} className="app-header__brand">
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            <PreferencesSwitch />
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="app-main app-main--narrow">
        <Page />
      </main>
    </div>
  );
}

/**
 * The public dashboard (no login): published data only, so it links to nothing behind the login
 * except the login page itself. `children` is for "/", which shows the dashboard to visitors.
 */
export function PublicSiteLayout({ children }: { children?: ReactNode }) {
  const t = useT();
  const mainRef = useFocusMainOnNavigate();
  return (
    <div className="app app--public">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to={paths.publicHome.getHref()} className="app-header__brand">
            {t('app.name')}
          </Link>
          <nav aria-label={t('layout.mainNav')} className="app-header__nav">
            <NavLink to={paths.publicHome.getHref()} end>
              {t('nav.publicHome')}
            </NavLink>
          </nav>
          <div className="app-header__tools">
            <PreferencesSwitch />
            <Link to={paths.login.getHref()} className="button button--secondary button--small app-header__login">
              {/* The rest of the name is read out everywhere and shown on wider screens; one inline wrapper
                  keeps both parts one flex item of the button (no gap, no space in the name). */}
              <span>
                {t('nav.staffLoginShort')}
                <span className="only-wide-text">{t('nav.staffLoginRest')}</span>
              </span>
            </Link>
          </div>
        </div>
      </header>
      <main id="main-content" ref={mainRef} tabIndex={-1} className="app-main">
        <Page>{children}</Page>
      </main>
      <footer className="app-footer">
        <p>{t('public.footer')}</p>
      </footer>
    </div>
  );
}
