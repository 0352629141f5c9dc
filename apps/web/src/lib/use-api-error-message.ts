import { isApiError } from './api-client';
import { isMessageKey, useI18n } from './i18n';

/**
 * The text to show for a failed request. In Thai the server's own message is shown (it is written
 * for users, e.g. "อีเมลหรือรหัสผ่านไม่ถูกต้อง"); in English, or when the server sent none, the
 * catalogue's text for the error code.
 */
export function useApiErrorMessage(): (error: unknown) => string {
  const { t, lang } = useI18n();
  return (error: unknown) => {
    if (!isApiError(error)) return t('errors.unknown');
    const key = `errors.${error.code}`;
    const clientMade = error.code === 'NETWORK_ERROR' || error.code === 'INVALID_RESPONSE' || error.code === 'HTTP_ERROR';
    if (lang === 'th' && !clientMade && error.message) return error.message;
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
      return t('errors.rateLimitedMinutes', { minutes: Math.ceil(error.retryAfterSeconds / 60) });
    }
    return isMessageKey(key) ? t(key) : error.message || t('errors.unknown');
  };
}
