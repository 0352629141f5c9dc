import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { MeResponseSchema, SessionResponseSchema, type LoginInput, type SessionUser } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { api, apiSend, setUnauthorizedHandler } from './api-client';

/**
 * GET /auth/session: the signed-in user, or null when there is no session. Not /auth/me, whose 401 for a
 * visitor the browser logs as an error on every public page.
 */
export async function getMe(signal?: AbortSignal): Promise<SessionUser | null> {
  const { user } = await api.get('/auth/session', SessionResponseSchema, { signal, skipUnauthorizedHandler: true });
  return user;
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: Infinity,
    retry: false,
  });

export const loginRequest = (input: LoginInput) => api.post('/auth/login', input, MeResponseSchema, { skipUnauthorizedHandler: true });

/** Where each role starts after signing in. */
export function roleHome(user: SessionUser): string {
  switch (user.role) {
    case 'agency_editor':
      return user.agencyId ? paths.agency.getHref(user.agencyId) : paths.home.getHref();
    case 'provincial_reviewer':
      return paths.reviewWaiting.getHref();
    case 'national_admin':
      return paths.adminUsers.getHref();
  }
}

interface AuthValue {
  user: SessionUser | null;
  isLoading: boolean;
  /** Reading the session failed for a reason other than "not signed in". */
  loadError: unknown;
  login: (input: LoginInput) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

/** Reads the session on load and owns the single 401 handler. Lives inside the router. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(meQueryOptions());
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);

  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        const here = `${window.location.pathname}${window.location.search}`;
        queryClient.setQueryData(meQueryOptions().queryKey, null);
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
        if (!window.location.pathname.startsWith(paths.login.path)) {
          void navigateRef.current(paths.login.getHref(here), { replace: true });
        }
      }),
    [queryClient],
  );

  const loginMutation = useMutation({
    mutationFn: loginRequest,
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(meQueryOptions().queryKey, user);
    },
  });
  const { mutateAsync: loginAsync } = loginMutation;

  const login = useCallback(async (input: LoginInput) => (await loginAsync(input)).user, [loginAsync]);

  const logout = useCallback(async () => {
    try {
      await apiSend('/auth/logout', { method: 'POST', skipUnauthorizedHandler: true });
    } finally {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions().queryKey, null);
      void navigateRef.current(paths.login.getHref(), { replace: true });
    }
  }, [queryClient]);

  const value = useMemo<AuthValue>(
    () => ({
      user: me.data ?? null,
      isLoading: me.isPending,
      loadError: me.error,
      login,
      logout,
    }),
    [me.data, me.isPending, me.error, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Route guard: renders the child routes for a signed-in user, else sends them to the login page. */
export function RequireAuth({ fallback }: { fallback: ReactNode }) {
  const { user, isLoading, loadError } = useAuth();
  const location = useLocation();
  if (isLoading) return <>{fallback}</>;
  if (!user) {
    if (loadError) throw loadError;
    return <Navigate to={paths.login.getHref(`${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}
