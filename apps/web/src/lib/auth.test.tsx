import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MeasureSchema } from '@prongsai/shared';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { MEASURE_ID, makeUser } from '@/testing/factories';
import { createTestQueryClient } from '@/testing/test-utils';
import { api } from './api-client';
import { AuthProvider, RequireAuth, roleHome, useAuth } from './auth';
import { I18nProvider } from './i18n';

afterEach(() => vi.unstubAllGlobals());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function Protected() {
  const { user, logout } = useAuth();
  const measure = useQuery({ queryKey: ['m'], queryFn: () => api.get(`/measures/${MEASURE_ID}`, MeasureSchema), enabled: false });
  return (
    <div>
      <p>{user?.name}</p>
      <button type="button" onClick={() => void measure.refetch()}>
        load
      </button>
      <button type="button" onClick={() => void logout()}>
        out
      </button>
    </div>
  );
}

const renderApp = (start: string) =>
  render(
    <I18nProvider initialLang="th">
      <QueryClientProvider client={createTestQueryClient()}>
        <MemoryRouter initialEntries={[start]}>
          <AuthProvider>
            <Routes>
              <Route path="/login" element={<p>login page</p>} />
              <Route element={<RequireAuth fallback={<p>loading</p>} />}>
                <Route path="/agencies/:id" element={<Protected />} />
              </Route>
            </Routes>
            <Where />
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );

describe('auth', () => {
  it('when there is no session, then a protected page sends the user to the login page with next=', async () => {
    mockFetch([{ path: '/auth/session', body: { user: null } }]);
    renderApp('/agencies/abc?x=1');
    expect(await screen.findByText('login page')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/login?next=%2Fagencies%2Fabc%3Fx%3D1');
  });

  it('when a request gets 401 mid-session, then the one handler sends the user to the login page', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: '/auth/session', body: { user: makeUser() } },
      { path: `/measures/${MEASURE_ID}`, status: 401, body: errorBody('UNAUTHENTICATED', 'หมดเวลา') },
    ]);
    renderApp('/agencies/abc');
    expect(await screen.findByText('สมชาย ใจดี')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'load' }));
    expect(await screen.findByText('login page')).toBeInTheDocument();
  });

  it('logs out with POST /auth/logout and lands on the login page', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: '/auth/session', body: { user: makeUser() } },
      { method: 'POST', path: '/auth/logout', status: 204 },
    ]);
    renderApp('/agencies/abc');
    await user.click(await screen.findByRole('button', { name: 'out' }));
    expect(await screen.findByText('login page')).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST' && call.path === '/auth/logout' && call.headers['x-prongsai-csrf'] === '1')).toBe(
      true,
    );
  });

  it('sends each role to its own start page', () => {
    expect(roleHome(makeUser())).toBe('/agencies/5b7a3c2e-8a51-4c1e-9a43-0f7d3b0f6a11');
    expect(roleHome(makeUser({ role: 'provincial_reviewer', agencyId: null }))).toBe('/review/waiting');
    expect(roleHome(makeUser({ role: 'national_admin', agencyId: null }))).toBe('/admin/users');
  });
});
