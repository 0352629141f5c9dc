import { useI18n } from '@/lib/i18n';
import { SelectField } from '@/components/ui/form-field';
import { reviewYears } from '../hooks/use-review-search';

/** ปีงบประมาณ (พ.ศ.) on the reviewer pages: next year back to the first year the system holds. */
export function ReviewYearSelect({ value, onChange }: { value: number; onChange: (fiscalYear: string) => void }) {
  const { t, formatFiscalYear } = useI18n();
  return (
    <SelectField
      label={t('review.fiscalYear')}
      value={value}
      options={reviewYears().map((year) => ({ value: year, label: formatFiscalYear(year) }))}
      onChange={onChange}
    />
  );
}
