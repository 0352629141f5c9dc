import { useT } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { Button } from './button';

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT();
  const message = useApiErrorMessage();
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{title ?? t('common.errorTitle')}</p>
      <p>{message(error)}</p>
      {onRetry && (
        <Button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

/** An error message next to the control that caused it. */
export function InlineError({ error }: { error: unknown }) {
  const message = useApiErrorMessage();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {message(error)}
    </p>
  );
}
