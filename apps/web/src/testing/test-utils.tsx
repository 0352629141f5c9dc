import type { ReactElement, ReactNode } from 'react';
import { render, type RenderOptions } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { DigitStyle, Locale, SessionUser } from '@prongsai/shared';
import { I18nProvider } from '@/lib/i18n';
import { AuthProvider, meQueryOptions } from '@/lib/auth';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity, gcTime: Infinity }, mutations: { retry: false } },
  });
}

interface ProviderOptions {
  lang?: Locale;
  digits?: DigitStyle;
  route?: string;
  queryClient?: QueryClient;
  /** Signed-in user (undefined: no AuthProvider at all; null: signed out). */
  user?: SessionUser | null;
}

export function renderWithProviders(ui: ReactElement, options: ProviderOptions & Omit<RenderOptions, 'wrapper'> = {}) {
  const { lang = 'th', digits = 'arabic', route = '/', queryClient = createTestQueryClient(), user, ...renderOptions } = options;
  if (user !== undefined) queryClient.setQueryData(meQueryOptions().queryKey, user);
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nProvider initialLang={lang} initialDigits={digits}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{user !== undefined ? <AuthProvider>{children}</AuthProvider> : children}</MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...renderOptions }) };
}

/**
 * A getByText matcher for text that ThaiText splits into no-wrap pieces (buttons, chips, headers):
 * the innermost element whose whole text is `text`.
 */
export const wholeText =
  (text: string) =>
  (_content: string, element: Element | null): boolean =>
    element?.textContent === text && ![...element.children].some((child) => child.textContent === text);
