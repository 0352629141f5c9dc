import { useId, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import type { Codebook } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import type { MeasureFormValues } from '../utils/measure-form-values';
import { Button } from '@/components/ui/button';
import { CloseIcon } from '@/components/ui/icons';

/**
 * ITA items the measure cites, picked from the codebook of the plan's fiscal year (or the newest
 * earlier one). A reference keeps its codebook year: O11 meant different things in 2565 and 2566.
 */
export function IndicatorsField({
  codebook,
  codebookLoading,
  fiscalYear,
  disabled,
  knownTitles = {},
}: {
  /** Titles the server already gave for existing references, keyed "year:code". */
  knownTitles?: Record<string, string>;
  codebook: Codebook | null | undefined;
  codebookLoading: boolean;
  fiscalYear: number;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const { control, formState } = useFormContext<MeasureFormValues>();
  const {
    field: { value: cited, onChange, ref: focusTarget },
  } = useController({ control, name: 'indicators' });
  const [choice, setChoice] = useState('');
  const errors = formState.errors.indicators;
  const items = codebook?.items ?? [];
  const titleOf = (year: number, code: string) =>
    (codebook && codebook.fiscalYear === year ? codebook.items.find((item) => item.code === code)?.titleTh : undefined) ??
    knownTitles[`${year}:${code}`];
  const chosen = new Set(cited.map((entry) => `${String(entry.fiscalYear)}:${entry.code}`));

  const add = () => {
    if (!codebook || !choice) return;
    if (!chosen.has(`${codebook.fiscalYear}:${choice}`)) {
      onChange([...cited, { fiscalYear: codebook.fiscalYear, code: choice, raw: null }]);
    }
    setChoice('');
  };

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{t('form.indicators')}</legend>
      {codebookLoading ? (
        <p className="muted">{t('form.codebookLoading')}</p>
      ) : codebook ? (
        <p className="field__hint" id={`${id}-hint`}>
          {codebook.fiscalYear === fiscalYear
            ? t('form.codebookOfYear', { fiscalYear: codebook.fiscalYear })
            : t('form.codebookFallback', { fiscalYear: codebook.fiscalYear, planYear: fiscalYear })}
        </p>
      ) : (
        <p className="field__hint">{t('form.codebookNone')}</p>
      )}
      {errors?.message && <p className="field__error">{errors.message}</p>}
      {cited.length > 0 && (
        <ul className="chip-list">
          {cited.map((entry, index) => {
            const title = titleOf(Number(entry.fiscalYear), entry.code);
            const text = title ? `${entry.code} — ${title}` : entry.code;
            const otherYear = codebook && Number(entry.fiscalYear) !== codebook.fiscalYear;
            return (
              <li key={`${String(entry.fiscalYear)}-${entry.code}`} className="chip chip--indicator chip--removable">
                <span>
                  {text}
                  {otherYear && <span className="muted"> {t('indicator.codebookYear', { fiscalYear: Number(entry.fiscalYear) })}</span>}
                </span>
                {errors?.[index]?.code?.message && <span className="field__error"> {errors[index]?.code?.message}</span>}
                <button
                  type="button"
                  className="chip__remove"
                  onClick={() => onChange(cited.filter((_, i) => i !== index))}
                  aria-label={t('form.removeIndicator', { code: entry.code })}
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {items.length > 0 && (
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={`${id}-select`}>{t('form.indicatorChoose')}</label>
            <select id={`${id}-select`} ref={focusTarget} value={choice} onChange={(event) => setChoice(event.target.value)}>
              <option value="">{t('form.indicatorPlaceholder')}</option>
              {items.map((item) => (
                <option key={item.code} value={item.code} disabled={chosen.has(`${item.fiscalYear}:${item.code}`)}>
                  {`${item.code} — ${item.titleTh}`}
                </option>
              ))}
            </select>
          </div>
          <Button type="button" className="button button--secondary" onClick={add} disabled={!choice}>
            {t('form.indicatorAdd')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
