import { useId } from 'react';
import { useI18n } from '@/lib/i18n';
import { useProvinces } from '../api/list-provinces';

/** A province picker (all 77, by Thai or English name). */
export function ProvinceSelect({
  value,
  onChange,
  label,
  required,
  error,
}: {
  value: number | undefined;
  onChange: (provinceId: number | undefined) => void;
  label: string;
  required?: boolean;
  error?: string;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const provinces = useProvinces();
  const sorted = [...(provinces.data ?? [])].sort((a, b) =>
    lang === 'en' ? a.nameEn.localeCompare(b.nameEn, 'en') : a.nameTh.localeCompare(b.nameTh, 'th'),
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        required={required}
        disabled={provinces.isPending}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
      >
        <option value="">{provinces.isPending ? t('common.loading') : t('provinces.choose')}</option>
        {sorted.map((province) => (
          <option key={province.id} value={province.id}>
            {lang === 'en' ? province.nameEn : province.nameTh}
          </option>
        ))}
      </select>
      {provinces.isError && <p className="field__error">{t('provinces.loadError')}</p>}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
