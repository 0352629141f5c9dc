import { isApiError, type ApiError } from './api-client';
import { isMessageKey, useI18n, type I18nValue, type MessageKey, type TranslateVars } from './i18n';

/**
 * The text of a failed request in the reader's language. An error with a `reason` the catalogue
 * knows is written from `errorReason.<reason>` and its params, with the reader's digits, in both
 * languages (ADR 026). Otherwise, in Thai, the server's own message (written for users, e.g.
 * "อีเมลหรือรหัสผ่านไม่ถูกต้อง"); in English, or when the server sent none, the catalogue's text for
 * the error code.
 */
export function apiErrorMessage(error: unknown, i18n: Pick<I18nValue, 't' | 'lang' | 'formatDecimal'>): string {
  const { t, lang } = i18n;
  if (!isApiError(error)) return t('errors.unknown');
  const reasonText = reasonMessage(error, i18n);
  if (reasonText) return reasonText;
  const key = `errors.${error.code}`;
  const clientMade = error.code === 'NETWORK_ERROR' || error.code === 'INVALID_RESPONSE' || error.code === 'HTTP_ERROR';
  if (lang === 'th' && !clientMade && error.message) return error.message;
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
    return t('errors.rateLimitedMinutes', { minutes: Math.ceil(error.retryAfterSeconds / 60) });
  }
  return isMessageKey(key) ? t(key) : error.message || t('errors.unknown');
}

/**
 * `errorReason.<reason>` with its params, or undefined when unknown: numbers grouped, in the reader's
 * digits; a `fiscalYear` left to `t` (the reader's calendar, not grouped); a plan `status` as its word.
 */
function reasonMessage(error: ApiError, { t, formatDecimal }: Pick<I18nValue, 't' | 'formatDecimal'>): string | undefined {
  const key = `errorReason.${error.reason ?? ''}`;
  if (!error.reason || !isMessageKey(key)) return undefined;
  const vars: TranslateVars = {};
  for (const [name, value] of Object.entries(error.params)) vars[name] = reasonVar(name, value, { t, formatDecimal });
  return t(key as MessageKey, vars);
}

function reasonVar(name: string, value: string | number, { t, formatDecimal }: Pick<I18nValue, 't' | 'formatDecimal'>): string | number {
  if (name === 'fiscalYear') return value;
  if (name === 'status') {
    const word = `planStatus.${value}`;
    return isMessageKey(word) ? t(word) : String(value);
  }
  return typeof value === 'number' ? formatDecimal(value, 1) : value;
}

/** `apiErrorMessage` bound to the reader's language. */
export function useApiErrorMessage(): (error: unknown) => string {
  const { t, lang, formatDecimal } = useI18n();
  return (error: unknown) => apiErrorMessage(error, { t, lang, formatDecimal });
}
