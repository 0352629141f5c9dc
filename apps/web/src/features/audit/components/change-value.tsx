import { PLAN_STATUSES, ROLES, type PlanStatus, type Role } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';

const OUTCOME_VALUES = new Set(['planned', 'in_progress', 'completed', 'not_carried_out']);

/** A before/after value from the audit log, whatever its shape, as readable text. */
export function ChangeValue({ value }: { value: unknown }) {
  const { t, formatPartial, formatDay, formatNumber } = useI18n();
  if (value === null || value === undefined || value === '') return <span className="muted">{t('conflict.empty')}</span>;
  if (typeof value === 'string') {
    if (OUTCOME_VALUES.has(value)) return <>{t(`outcome.${value as 'planned' | 'in_progress' | 'completed' | 'not_carried_out'}`)}</>;
    if ((PLAN_STATUSES as readonly string[]).includes(value)) return <>{t(`planStatus.${value as PlanStatus}`)}</>;
    if ((ROLES as readonly string[]).includes(value)) return <>{t(`role.${value as Role}`)}</>;
    // A record's id: words first, the id (shortened) for whoever needs to look it up.
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
      return <span title={value}>{t('audit.recordId', { id: value.slice(0, 8) })}</span>;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDay(value)}</>;
    // A partial date as the audit log stores it: "2023-03-01/month".
    const partial = /^(\d{4}-\d{2}-\d{2})\/(day|month)$/.exec(value);
    if (partial) return <>{formatPartial({ date: partial[1]!, precision: partial[2] as 'day' | 'month' })}</>;
    // An indicator reference as "2566:O11".
    const indicator = /^(\d{4}):(O\d{1,2})$/.exec(value);
    if (indicator) return <>{t('history.indicatorRef', { code: indicator[2]!, fiscalYear: Number(indicator[1]) })}</>;
    return <span className="pre-wrap">{value}</span>;
  }
  if (typeof value === 'boolean') return <>{t(value ? 'audit.yes' : 'audit.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t('conflict.empty')}</span>;
    return (
      <ul className="plain-list">
        {value.map((item, index) => (
          <li key={index}>
            <ChangeValue value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.date === 'string' && (record.precision === 'day' || record.precision === 'month')) {
      return <>{formatPartial({ date: record.date, precision: record.precision })}</>;
    }
    if (typeof record.code === 'string') return <>{record.code}</>;
    if (typeof record.url === 'string') return <>{`${typeof record.label === 'string' ? record.label : ''} (${record.url})`}</>;
    return <code className="small">{JSON.stringify(value)}</code>;
  }
  return <>{String(value)}</>;
}
