import { useId, useState } from 'react';
import {
  ENGLISH_MONTHS,
  FIRST_FISCAL_YEAR,
  THAI_MONTHS,
  currentFiscalYear,
  monthDate,
  toBuddhistYear,
  toCommonEraYear,
  type DatePrecision,
  type PartialDate,
} from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { DateInput } from './date-input';
import { Button } from './button';

interface Draft {
  month: string;
  /** Buddhist-era year as typed in the select. */
  year: string;
}

function draftOf(value: PartialDate | null | undefined): Draft {
  if (!value) return { month: '', year: '' };
  const [year, month] = value.date.split('-').map(Number) as [number, number];
  return { month: String(month), year: String(toBuddhistYear(year)) };
}

/**
 * A date that may be known only to the month. "Day" shows a date picker; "month" shows a month and
 * a Buddhist-era year and stores the 1st of that month with precision "month". Nothing here makes
 * up a day: going from month to day precision clears the date until the user picks one.
 */
export function PartialDateInput({
  legend,
  value,
  onChange,
  error,
  disabled,
  yearFrom = FIRST_FISCAL_YEAR - 1,
  yearTo = currentFiscalYear() + 1,
}: {
  legend: string;
  value: PartialDate | null | undefined;
  onChange: (value: PartialDate | null) => void;
  error?: string;
  disabled?: boolean;
  /** First and last Buddhist-era year offered in month mode. */
  yearFrom?: number;
  yearTo?: number;
}) {
  const { t, lang, formatNumber, formatPartial } = useI18n();
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const [precision, setPrecision] = useState<DatePrecision>(value?.precision ?? 'day');
  const [draft, setDraft] = useState<Draft>(() => draftOf(value));
  const [seen, setSeen] = useState(value);

  // The form was reset to another value: follow it (adjusting state while rendering, not in an effect).
  if (seen !== value) {
    setSeen(value);
    if (value) {
      setPrecision(value.precision);
      setDraft(draftOf(value));
    } else if (precision === 'day') {
      setDraft({ month: '', year: '' });
    }
  }

  const choosePrecision = (next: DatePrecision) => {
    if (next === precision) return;
    setPrecision(next);
    if (next === 'month') {
      // Keep the month and year of a full date, drop its day.
      const nextDraft = value ? draftOf(value) : draft;
      setDraft(nextDraft);
      onChange(emitMonth(nextDraft));
    } else {
      onChange(null);
    }
  };

  const emitMonth = (next: Draft): PartialDate | null =>
    next.month && next.year ? { date: monthDate(toCommonEraYear(Number(next.year)), Number(next.month)), precision: 'month' } : null;

  const changeDraft = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    onChange(emitMonth(next));
  };

  const months = lang === 'th' ? THAI_MONTHS : ENGLISH_MONTHS;
  const years: number[] = [];
  for (let year = yearTo; year >= yearFrom; year -= 1) years.push(year);
  const describedBy = error ? errorId : undefined;

  return (
    <fieldset className="partial-date" disabled={disabled} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <div className="partial-date__precision">
        <label>
          <input type="radio" name={`${baseId}-precision`} checked={precision === 'day'} onChange={() => choosePrecision('day')} />
          {t('partialDate.precisionDay')}
        </label>
        <label>
          <input type="radio" name={`${baseId}-precision`} checked={precision === 'month'} onChange={() => choosePrecision('month')} />
          {t('partialDate.precisionMonth')}
        </label>
      </div>
      {precision === 'day' ? (
        <div className="field">
          <DateInput
            label={t('partialDate.date')}
            value={value?.precision === 'day' ? value.date : null}
            onChange={(date) => onChange(date ? { date, precision: 'day' } : null)}
            invalid={Boolean(error)}
            describedBy={describedBy}
          />
        </div>
      ) : (
        <div className="partial-date__month">
          <div className="field">
            <label htmlFor={`${baseId}-month`}>{t('partialDate.month')}</label>
            <select
              id={`${baseId}-month`}
              value={draft.month}
              onChange={(event) => changeDraft({ month: event.target.value })}
              aria-invalid={Boolean(error) || undefined}
            >
              <option value="">{t('partialDate.chooseMonth')}</option>
              {months.map((name, index) => (
                <option key={name} value={String(index + 1)}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${baseId}-year`}>{t('partialDate.yearBe')}</label>
            <select
              id={`${baseId}-year`}
              value={draft.year}
              onChange={(event) => changeDraft({ year: event.target.value })}
              aria-invalid={Boolean(error) || undefined}
            >
              <option value="">{t('partialDate.chooseYear')}</option>
              {years.map((year) => (
                <option key={year} value={String(year)}>
                  {lang === 'th' ? formatNumber(year) : t('partialDate.yearOption', { be: year, ce: toCommonEraYear(year) })}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <p className="field__hint" aria-live="polite">
        {value ? t('partialDate.chosen', { date: formatPartial(value) }) : t('partialDate.none')}
      </p>
      {value && (
        <Button
          type="button"
          className="button button--link"
          onClick={() => {
            setDraft({ month: '', year: '' });
            onChange(null);
          }}
        >
          {t('partialDate.clear')}
        </Button>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
