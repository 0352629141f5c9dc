import type { FormEvent } from 'react';
import { useT } from '@/lib/i18n';
import { FormField } from './form-field';
import { Button } from './button';

/**
 * The search box of a list (`role="search"`): a labelled search input and a "ค้นหา" button. The page
 * holds what is typed (`value`, so a "clear filters" button can empty it); submitting hands over the
 * trimmed text.
 */
export function SearchForm({
  label,
  value,
  onChange,
  onSearch,
  lang,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSearch: (query: string) => void;
  /** The language of what is searched for, e.g. `th` for Thai agency names. */
  lang?: string;
}) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form className="toolbar__search" role="search" onSubmit={submit}>
      <FormField label={label}>
        {(control) => <input {...control} type="search" value={value} onChange={(event) => onChange(event.target.value)} lang={lang} />}
      </FormField>
      <Button type="submit" className="button button--secondary">
        {t('review.searchButton')}
      </Button>
    </form>
  );
}
