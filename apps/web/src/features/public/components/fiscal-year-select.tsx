import { useId } from 'react';
import { useI18n } from '@/lib/i18n';

/** ปีงบประมาณ: the years that have published data (plus the chosen one, should it have none). */
export function FiscalYearSelect({ years, value, onChange }: { years: number[]; value: number; onChange: (year: number) => void }) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const options = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <div className="field">
      <label htmlFor={id}>{t('public.fiscalYear')}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {options.map((year) => (
          <option key={year} value={year}>
            {formatNumber(year)}
          </option>
        ))}
      </select>
    </div>
  );
}
