import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useT } from '@/lib/i18n';
import { ErrorState } from './error-state';
import { Button } from './button';

interface BoundaryProps {
  fallback: (error: unknown) => ReactNode;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { error: unknown; hasError: boolean }> {
  override state = { error: undefined as unknown, hasError: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render() {
    return this.state.hasError ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/**
 * Catches a page that throws while rendering, or whose code fails to load (e.g. after a deploy),
 * and shows `PageError` instead. Going to another page clears it.
 */
export function ErrorBoundary({ children, fallback }: { children: ReactNode; fallback?: (error: unknown) => ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Boundary key={pathname} fallback={fallback ?? ((error) => <PageError error={error} />)}>
      {children}
    </Boundary>
  );
}

const CHUNK_ERROR = /dynamically imported module|Importing a module script failed|Failed to fetch dynamically/i;

/** What a broken page shows: a heading, the reason in words, and a way out. */
export function PageError({ error }: { error: unknown }) {
  const t = useT();
  const isChunkError = error instanceof Error && CHUNK_ERROR.test(error.message);
  return (
    <section>
      <h1>{t('common.errorTitle')}</h1>
      {isChunkError ? <p>{t('errors.chunk')}</p> : <ErrorState error={error} />}
      <Button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </Button>
    </section>
  );
}
