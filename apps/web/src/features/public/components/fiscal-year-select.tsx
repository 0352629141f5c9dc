import { useI18n } from '@/lib/i18n';
import { SelectField } from '@/components/ui/form-field';

/** ปีงบประมาณ: the years that have published data (plus the chosen one, should it have none). */
export function FiscalYearSelect({ years, value, onChange }: { years: number[]; value: number; onChange: (year: number) => void }) {
  const { t, formatFiscalYear } = useI18n();
  const options = [...new Set([...years, value])].sort((a, b) => b - a);
  return (
    <SelectField
      label={t('public.fiscalYear')}
      value={value}
      options={options.map((year) => ({ value: year, label: formatFiscalYear(year) }))}
      onChange={(year) => onChange(Number(year))}
    />
  );
}
