import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useT } from '@/lib/i18n';
import { ErrorState } from '@/components/ui/error-state';

/** Shown when a page throws while rendering or its code fails to load (e.g. after a deploy). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const isChunkError = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <main id="main-content" className="app-main">
      <h1>{isRouteErrorResponse(error) && error.status === 404 ? t('notFound.title') : t('common.errorTitle')}</h1>
      {isChunkError ? <p>{t('errors.chunk')}</p> : <ErrorState error={error} />}
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </main>
  );
}
