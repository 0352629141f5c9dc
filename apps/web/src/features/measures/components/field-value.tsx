import type { PartialDate } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import type { MeasureField, MeasureFormValues } from '../utils/measure-form-values';

/** One field's value, readable: lists as lists, outcomes and dates in words. */
export function FieldValue({ field, value }: { field: MeasureField; value: unknown }) {
  const { t, formatPartial, formatDay, formatNumber } = useI18n();
  const empty = <span className="muted">{t('conflict.empty')}</span>;
  if (value === null || value === undefined || value === '') return empty;
  switch (field) {
    case 'actions': {
      const actions = value as MeasureFormValues['actions'];
      if (actions.length === 0) return empty;
      return (
        <ol className="plain-list">
          {actions.map((action, index) => (
            <li key={index}>
              {formatNumber(index + 1)}. {action}
            </li>
          ))}
        </ol>
      );
    }
    case 'indicators': {
      const refs = value as MeasureFormValues['indicators'];
      if (refs.length === 0) return empty;
      return <>{refs.map((ref) => ref.code).join(', ')}</>;
    }
    case 'evidence': {
      const links = value as MeasureFormValues['evidence'];
      if (links.length === 0) return empty;
      return (
        <ul className="plain-list">
          {links.map((link, index) => (
            <li key={index}>
              {link.label} ({link.url})
            </li>
          ))}
        </ul>
      );
    }
    case 'outcome':
      return <>{t(`outcome.${value as MeasureFormValues['outcome']}`)}</>;
    case 'carriedOut':
      return <>{formatPartial(value as PartialDate)}</>;
    case 'plannedStart':
    case 'plannedEnd':
      return <>{formatDay(String(value))}</>;
    default:
      return <span className="pre-wrap">{String(value)}</span>;
  }
}
