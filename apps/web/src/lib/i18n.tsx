import '@/lib/zod-config'; // before any schema is built: see the module
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatPartialDate, withDigits, type DatePrecision, type DigitStyle, type Locale } from '@prongsai/shared';
import { th, type CoreMessageKey } from '@/locales/th';
import type { StaffMessageKey } from '@/locales/th-staff';

export type MessageKey = CoreMessageKey | StaffMessageKey;
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

/**
 * Messages come in two parts per language: `core` (layout, errors, statuses, the public dashboard,
 * sign-in) and `staff` (the signed-in screens). Thai core ships with the app; everything else is a
 * separate chunk fetched when first needed: English when a reader picks it, staff messages when a
 * signed-in page opens (`RequireStaffMessages`). So the public pages download only Thai core.
 */
export type MessagePart = 'core' | 'staff';
type Catalogue = Record<string, string>;

const LOADED: Record<Locale, Partial<Record<MessagePart, Catalogue>>> = { th: { core: th }, en: {} };

const LOADERS: Record<Locale, Record<MessagePart, () => Promise<Catalogue>>> = {
  th: {
    core: async () => th,
    staff: async () => (await import('@/locales/th-staff')).thStaff,
  },
  en: {
    core: async () => (await import('@/locales/en')).en,
    staff: async () => (await import('@/locales/en-staff')).enStaff,
  },
};

const isLoaded = (lang: Locale, parts: Iterable<MessagePart>) => [...parts].every((part) => LOADED[lang][part] !== undefined);

/** Makes one part of a language's messages available (resolves at once when it already is). */
export async function loadMessages(lang: Locale, part: MessagePart): Promise<void> {
  if (LOADED[lang][part]) return;
  LOADED[lang][part] = await LOADERS[lang][part]();
}

export const LANGUAGE_STORAGE_KEY = 'prongsai.lang';
export const DIGITS_STORAGE_KEY = 'prongsai.digits';

/** Whether a computed key (e.g. `field.${name}`) is a message of the parts loaded so far. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(th, key) || Object.hasOwn(LOADED.th.staff ?? {}, key);

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

/**
 * `value` with `,` between thousands and at most `fractionDigits` decimals (rounded half away from
 * zero, no trailing zeros), as `Intl.NumberFormat('en-US', { maximumFractionDigits })` writes it. Not
 * through Intl: a page's first NumberFormat loads locale data, about 40 ms on a desktop and four
 * times that on a mid-range phone, on the main thread of the public dashboard's first render.
 */
export function groupThousands(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  // Shift through the decimal text ("1.005e2" is 100.5), not by multiplying (1.005 * 100 is 100.49999…).
  const shifted = String(magnitude).includes('e') ? magnitude * 10 ** fractionDigits : Number(`${magnitude}e${fractionDigits}`);
  const [whole = '0', fraction = ''] = (Math.round(shifted) / 10 ** fractionDigits).toFixed(fractionDigits).split('.');
  const decimals = fraction.replace(/0+$/, '');
  const sign = value < 0 && Math.round(shifted) !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
}

/** A fiscal year (BE, as stored) as the reader counts it: BE in Thai, CE in English (FY 2567 is FY 2024). */
export const fiscalYearIn = (lang: Locale, fiscalYear: number): number => (lang === 'en' ? fiscalYear - 543 : fiscalYear);

/** Message variables in the reader's calendar: a numeric `fiscalYear` is written CE in English. */
export function localiseVars(lang: Locale, vars: TranslateVars | undefined): TranslateVars | undefined {
  if (!vars || lang !== 'en' || typeof vars.fiscalYear !== 'number') return vars;
  return { ...vars, fiscalYear: fiscalYearIn(lang, vars.fiscalYear) };
}

/** A date as one unbreakable piece ("๒ ธันวาคม ๒๕๖๖" never splits across lines). */
const unbreakable = (text: string) => text.replace(/ /g, '\u00a0');

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
  /** A count or measurement with thousands separators and at most `fractionDigits` decimals (default 0). */
  formatDecimal: (value: number, fractionDigits?: number) => string;
  /** Any text whose digits follow the reader's choice (e.g. "3/8"). */
  digitsOf: (text: string) => string;
  /** A date known to the day or only to the month: BE and Thai month names in Thai. */
  formatPartial: (value: { date: string; precision: DatePrecision }) => string;
  /** A calendar date `YYYY-MM-DD`. */
  formatDay: (isoDate: string) => string;
  /** A timestamp, in the reader's time zone, with the time of day. */
  formatDateTime: (isoTimestamp: string) => string;
  /** A fiscal year (BE) as the reader counts it: BE with the reader's digits in Thai, CE in English. */
  formatFiscalYear: (fiscalYear: number) => string;
  /** The signed-in screens' messages are loaded for the language on screen. */
  staffReady: boolean;
  /** Ask for the signed-in screens' messages (in this and any later language). */
  requireStaff: () => void;
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
  const [parts, setParts] = useState<readonly MessagePart[]>(['core']);
  // What is on screen: the language and parts whose messages are loaded. It follows `lang` and
  // `parts` once their chunks have arrived, so a switch never shows half-translated text.
  const [shown, setShown] = useState<{ lang: Locale; parts: readonly MessagePart[] } | undefined>(() =>
    isLoaded(lang, ['core']) ? { lang, parts: ['core'] } : undefined,
  );

  useEffect(() => {
    let current = true;
    const wanted = { lang, parts };
    if (isLoaded(lang, parts)) setShown(wanted);
    else
      void Promise.all(parts.map((part) => loadMessages(lang, part))).then(
        () => current && setShown(wanted),
        // A chunk failed to load (offline, or a new deploy): keep what is shown, or fall back to Thai.
        () => current && setShown((before) => before ?? { lang: 'th', parts: ['core'] }),
      );
    return () => {
      current = false;
    };
  }, [lang, parts]);

  useEffect(() => {
    if (shown) document.documentElement.lang = shown.lang;
  }, [shown]);

  const setLang = useCallback((next: Locale) => {
    store(LANGUAGE_STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const setDigits = useCallback((next: DigitStyle) => {
    store(DIGITS_STORAGE_KEY, next);
    setDigitsState(next);
  }, []);
  const requireStaff = useCallback(() => setParts((current) => (current.includes('staff') ? current : [...current, 'staff'])), []);

  const value = useMemo<I18nValue>(() => {
    const shownLang = shown?.lang ?? 'th';
    const effectiveDigits: DigitStyle = shownLang === 'en' ? 'arabic' : digits;
    const catalogues = LOADED[shownLang];
    // A key missing from the shown language (its part still loading) falls back to Thai, then to the key.
    const lookup = (key: string) =>
      catalogues.core?.[key] ?? catalogues.staff?.[key] ?? LOADED.th.core?.[key] ?? LOADED.th.staff?.[key] ?? key;
    const t: Translate = (key, vars) => interpolate(lookup(key), localiseVars(shownLang, vars), effectiveDigits);
    const formatDay = (isoDate: string) => unbreakable(formatDate(isoDate, shownLang, effectiveDigits));
    const formatDecimal = (n: number, fractionDigits = 0) => withDigits(groupThousands(n, fractionDigits), effectiveDigits);
    return {
      lang: shownLang,
      setLang,
      digits,
      setDigits,
      effectiveDigits,
      t,
      formatNumber: (n) => withDigits(String(n), effectiveDigits),
      formatDecimal,
      digitsOf: (text) => withDigits(text, effectiveDigits),
      formatPartial: (partial) => unbreakable(formatPartialDate(partial, shownLang, effectiveDigits)),
      formatFiscalYear: (fiscalYear) => withDigits(String(fiscalYearIn(shownLang, fiscalYear)), effectiveDigits),
      formatDay,
      formatDateTime: (timestamp) => {
        const date = new Date(timestamp);
        if (Number.isNaN(date.getTime())) return timestamp;
        const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
        return t('format.dateTime', { date: formatDay(localIsoDate(date)), time: withDigits(time, effectiveDigits) });
      },
      staffReady: isLoaded(shownLang, ['staff']),
      requireStaff,
    };
  }, [shown, digits, setLang, setDigits, requireStaff]);

  // First visit in English: wait (briefly) for its messages rather than flash Thai.
  if (!shown) return null;
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

/** Renders the signed-in screens only once their messages are loaded (a small chunk, fetched once). */
export function RequireStaffMessages({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { staffReady, requireStaff } = useI18n();
  useEffect(() => requireStaff(), [requireStaff]);
  return <>{staffReady ? children : fallback}</>;
}
