import { useDeferredValue, useId, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { useAgencies } from '../api/list-agencies';
import '../agencies.css';

/** Choose one agency: type part of its Thai name, then pick it from the matches. */
export function AgencyPicker({
  value,
  onChange,
  label,
  error,
}: {
  value: string | undefined;
  onChange: (agencyId: string | undefined) => void;
  label: string;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  // The chosen agency stays in the list while the search shows others.
  const [chosen, setChosen] = useState<{ id: string; label: string }>();
  const q = useDeferredValue(search.trim());
  const agencies = useAgencies({ q: q || undefined, pageSize: 50 });
  const items = (agencies.data?.items ?? []).map((agency) => ({ id: agency.id, label: `${agency.nameTh} (${agency.provinceNameTh})` }));
  const options = chosen && chosen.id === value && !items.some((item) => item.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <div className="agency-picker">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('agencyPicker.search')}</label>
        <input id={`${id}-q`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} lang="th" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-agency`}>{label}</label>
        <select
          id={`${id}-agency`}
          value={value ?? ''}
          onChange={(event) => {
            const next = options.find((option) => option.id === event.target.value);
            setChosen(next);
            onChange(next?.id);
          }}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">
            {agencies.isPending ? t('common.loading') : t('agencyPicker.choose', { count: agencies.data?.total ?? 0 })}
          </option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
