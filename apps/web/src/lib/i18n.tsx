import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatPartialDate, withDigits, type DatePrecision, type DigitStyle, type Locale } from '@prongsai/shared';
import { en } from '@/locales/en';
import { th, type MessageKey, type Messages } from '@/locales/th';

export type { MessageKey };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const CATALOGUES: Record<Locale, Messages> = { th, en };
export const LANGUAGE_STORAGE_KEY = 'prongsai.lang';
export const DIGITS_STORAGE_KEY = 'prongsai.digits';

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(th, key);

function readStored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = window.localStorage.getItem(key);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function store(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

/** Puts `{name}` variables into a message; numbers get the reader's digits. */
export function interpolate(message: string, vars: TranslateVars | undefined, digits: DigitStyle): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? withDigits(String(value), digits) : value;
  });
}

export interface I18nValue {
  lang: Locale;
  setLang: (lang: Locale) => void;
  /** The reader's choice (shown in Thai; English text always uses Arabic digits). */
  digits: DigitStyle;
  setDigits: (digits: DigitStyle) => void;
  /** The digits actually used on screen. */
  effectiveDigits: DigitStyle;
  t: Translate;
  /** A number as text in the reader's digits. */
  formatNumber: (value: number) => string;
  /** Any text whose digits follow the reader's choice (e.g. "3/8"). */
  digitsOf: (text: string) => string;
  /** A date known to the day or only to the month: BE and Thai month names in Thai. */
  formatPartial: (value: { date: string; precision: DatePrecision }) => string;
  /** A calendar date `YYYY-MM-DD`. */
  formatDay: (isoDate: string) => string;
  /** A timestamp, in the reader's time zone, with the time of day. */
  formatDateTime: (isoTimestamp: string) => string;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

const pad = (value: number) => String(value).padStart(2, '0');

/** The local calendar date of a timestamp as `YYYY-MM-DD` (UTC would shift late-evening entries). */
export function localIsoDate(timestamp: string | Date): string {
  const date = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function I18nProvider({
  children,
  initialLang,
  initialDigits,
}: {
  children: ReactNode;
  initialLang?: Locale;
  initialDigits?: DigitStyle;
}) {
  const [lang, setLangState] = useState<Locale>(() => initialLang ?? readStored(LANGUAGE_STORAGE_KEY, ['th', 'en'], 'th'));
  const [digits, setDigitsState] = useState<DigitStyle>(() => initialDigits ?? readStored(DIGITS_STORAGE_KEY, ['thai', 'arabic'], 'thai'));

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Locale) => {
    store(LANGUAGE_STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const setDigits = useCallback((next: DigitStyle) => {
    store(DIGITS_STORAGE_KEY, next);
    setDigitsState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const effectiveDigits: DigitStyle = lang === 'en' ? 'arabic' : digits;
    const catalogue = CATALOGUES[lang];
    const t: Translate = (key, vars) => interpolate(catalogue[key], vars, effectiveDigits);
    const formatDay = (isoDate: string) => formatDate(isoDate, lang, effectiveDigits);
    return {
      lang,
      setLang,
      digits,
      setDigits,
      effectiveDigits,
      t,
      formatNumber: (n) => withDigits(String(n), effectiveDigits),
      digitsOf: (text) => withDigits(text, effectiveDigits),
      formatPartial: (partial) => formatPartialDate(partial, lang, effectiveDigits),
      formatDay,
      formatDateTime: (timestamp) => {
        const date = new Date(timestamp);
        if (Number.isNaN(date.getTime())) return timestamp;
        const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
        return t('format.dateTime', { date: formatDay(localIsoDate(date)), time: withDigits(time, effectiveDigits) });
      },
    };
  }, [lang, digits, setLang, setDigits]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** `t(key, vars)`: the message in the reader's language. */
export function useT(): Translate {
  return useI18n().t;
}
