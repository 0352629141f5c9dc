import { useId, useState, type FocusEvent } from 'react';
import {
  ENGLISH_MONTHS,
  IsoDateSchema,
  THAI_MONTHS,
  dayDate,
  isValidIsoDate,
  monthDate,
  toArabicDigits,
  toBuddhistYear,
  toCommonEraYear,
  todayInBangkok,
  withDigits,
} from '@prongsai/shared';
import { useI18n, type Translate } from '@/lib/i18n';
import './date-input.css';

interface Draft {
  day: string;
  month: string;
  /** Buddhist-era year in Arabic digits, as typed (maybe incomplete). */
  year: string;
}

const EMPTY: Draft = { day: '', month: '', year: '' };
const DAYS = Array.from({ length: 31 }, (_, index) => index + 1);

function draftOf(value: string | null | undefined): Draft {
  if (!value || !isValidIsoDate(value)) return EMPTY;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { day: String(day), month: String(month), year: String(toBuddhistYear(year)) };
}

type Reading = { iso: string | null; problem: null } | { iso: null; problem: 'incomplete' | 'year' | 'day' };

/**
 * What the form receives while the parts are not (yet) a date: a value every date schema refuses, so
 * a form cannot be saved with a date the user meant but did not finish — nothing typed is silently
 * dropped as "no date".
 */
export const NOT_A_DATE = 'not-a-date';
const emitted = (reading: Reading): string | null => (reading.problem ? NOT_A_DATE : reading.iso);

/** What the three parts say: an ISO CE date, nothing (all empty), or why they are not a date. */
function readDraft(draft: Draft): Reading {
  if (!draft.day && !draft.month && !draft.year) return { iso: null, problem: null };
  if (!draft.day || !draft.month || !draft.year) return { iso: null, problem: 'incomplete' };
  const ceYear = toCommonEraYear(Number(draft.year));
  if (!/^\d{4}$/.test(draft.year) || !IsoDateSchema.safeParse(monthDate(ceYear, Number(draft.month))).success) {
    return { iso: null, problem: 'year' };
  }
  const iso = dayDate(ceYear, Number(draft.month), Number(draft.day));
  return isValidIsoDate(iso) ? { iso, problem: null } : { iso: null, problem: 'day' };
}

function problemMessage(draft: Draft, problem: 'incomplete' | 'year' | 'day', t: Translate, lang: 'th' | 'en'): string {
  const currentBe = toBuddhistYear(Number(todayInBangkok().slice(0, 4)));
  if (problem === 'incomplete') return t('dateInput.incomplete');
  if (problem === 'year') {
    // A CE year typed where a BE one belongs (2023 for 2566).
    const typed = Number(draft.year);
    return /^\d{4}$/.test(draft.year) && IsoDateSchema.safeParse(monthDate(typed, 1)).success
      ? t('dateInput.yearIsCe', { be: toBuddhistYear(typed), ce: typed })
      : t('dateInput.yearFormat', { example: currentBe });
  }
  const ceYear = toCommonEraYear(Number(draft.year));
  const month = Number(draft.month);
  let days = 31;
  while (days > 28 && !isValidIsoDate(dayDate(ceYear, month, days))) days -= 1;
  const months = lang === 'th' ? THAI_MONTHS : ENGLISH_MONTHS;
  return t('dateInput.dayTooLarge', { month: months[month - 1]!, year: Number(draft.year), days });
}

/**
 * A day-precision date entered as day, month name and Buddhist-era year (the way Thai officials
 * write it), each part labelled, in a group named by `label`. The value in and out is an ISO CE
 * date (`YYYY-MM-DD`) or null when all three parts are empty. A date that does not exist
 * (31 เมษายน, 29 กุมภาพันธ์ in a common year) or is incomplete is refused: the field reports it
 * inline and gives `NOT_A_DATE`, which the form's schema refuses.
 */
export function DateInput({
  label,
  value,
  onChange,
  onBlur,
  invalid,
  describedBy,
  disabled,
}: {
  label: string;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
}) {
  const { t, lang, effectiveDigits, formatNumber, formatDay } = useI18n();
  const baseId = useId();
  const ids = {
    legend: `${baseId}-legend`,
    day: `${baseId}-day`,
    month: `${baseId}-month`,
    year: `${baseId}-year`,
    problem: `${baseId}-problem`,
    preview: `${baseId}-preview`,
  };
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [seen, setSeen] = useState(value ?? null);
  const [left, setLeft] = useState(false);

  // The form was reset to another value: follow it (adjusting state while rendering, not in an effect).
  if ((value ?? null) !== seen) {
    setSeen(value ?? null);
    if ((value ?? null) !== emitted(readDraft(draft))) setDraft(draftOf(value));
  }

  const reading = readDraft(draft);
  // An incomplete date is only reported once the user has left the field; the others at once.
  const problem = reading.problem && (reading.problem !== 'incomplete' || left) ? reading.problem : null;

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    const out = emitted(readDraft(next));
    if (out !== (value ?? null)) onChange(out);
  };

  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    setLeft(true);
    onBlur?.();
  };

  const months = lang === 'th' ? THAI_MONTHS : ENGLISH_MONTHS;
  const isInvalid = Boolean(invalid || problem) || undefined;
  const shown = value && isValidIsoDate(value) ? formatDay(value) : '';
  const partDescribedBy = [describedBy, problem ? ids.problem : undefined].filter(Boolean).join(' ') || undefined;
  const labelledBy = (part: string) => `${ids.legend} ${baseId}-${part}-label`;

  return (
    <fieldset
      className="date-input"
      disabled={disabled}
      aria-describedby={[shown ? ids.preview : undefined].filter(Boolean).join(' ') || undefined}
      onBlur={leave}
    >
      <legend id={ids.legend} className="date-input__legend">
        {label}
      </legend>
      <div className="date-input__parts">
        <div className="date-input__part">
          <label id={`${baseId}-day-label`} htmlFor={ids.day}>
            {t('dateInput.day')}
          </label>
          <select
            id={ids.day}
            value={draft.day}
            onChange={(event) => change({ day: event.target.value })}
            aria-labelledby={labelledBy('day')}
            aria-invalid={isInvalid}
            aria-describedby={partDescribedBy}
          >
            <option value="">{t('dateInput.chooseDay')}</option>
            {DAYS.map((day) => (
              <option key={day} value={String(day)}>
                {formatNumber(day)}
              </option>
            ))}
          </select>
        </div>
        <div className="date-input__part">
          <label id={`${baseId}-month-label`} htmlFor={ids.month}>
            {t('dateInput.month')}
          </label>
          <select
            id={ids.month}
            value={draft.month}
            onChange={(event) => change({ month: event.target.value })}
            aria-labelledby={labelledBy('month')}
            aria-invalid={isInvalid}
            aria-describedby={partDescribedBy}
          >
            <option value="">{t('dateInput.chooseMonth')}</option>
            {months.map((name, index) => (
              <option key={name} value={String(index + 1)}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="date-input__part">
          <label id={`${baseId}-year-label`} htmlFor={ids.year}>
            {t('dateInput.year')}
          </label>
          <input
            id={ids.year}
            className="date-input__year"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={withDigits(draft.year, effectiveDigits)}
            onChange={(event) => change({ year: toArabicDigits(event.target.value).replace(/[^0-9]/g, '') })}
            aria-labelledby={labelledBy('year')}
            aria-invalid={isInvalid}
            aria-describedby={partDescribedBy}
          />
        </div>
        {shown && (
          <span id={ids.preview} className="date-input__preview">
            {shown}
          </span>
        )}
      </div>
      {problem && (
        <p id={ids.problem} className="field__error" role="alert">
          {problemMessage(draft, problem, t, lang)}
        </p>
      )}
    </fieldset>
  );
}
