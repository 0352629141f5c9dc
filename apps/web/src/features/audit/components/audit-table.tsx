import type { AuditEntry } from '@prongsai/shared';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { AcknowledgementList } from './acknowledgement-list';
import { ChangeValue } from './change-value';
import { fieldChanges } from './entity-history';
import { Th } from '@/components/ui/table-header';
import '../audit.css';

const MAX_CHANGES_SHOWN = 6;

/** Audit entries, newest first: when, who, what, on which record, and what changed. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t, formatDateTime } = useI18n();
  // The server sends where an action came from (IP, request id) to admins only.
  const showOrigin = entries.some((entry) => entry.ip != null || entry.requestId != null);
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };
  return (
    <div className="table-wrap">
      <table className="table table--compact table--stack table--audit">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('audit.at')}</Th>
            <Th scope="col">{t('audit.actor')}</Th>
            <Th scope="col">{t('audit.action')}</Th>
            <Th scope="col">{t('audit.entity')}</Th>
            <Th scope="col">{t('audit.changes')}</Th>
            {showOrigin && <Th scope="col">{t('audit.request')}</Th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const changes = fieldChanges(entry.changes);
            return (
              <tr key={entry.id}>
                <th scope="row" data-label={t('audit.at')}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </th>
                <td data-label={t('audit.actor')}>
                  {entry.actorName ?? t('common.unknownPerson')}
                  {entry.actorRole && <span className="cell-sub">{t(`role.${entry.actorRole}`)}</span>}
                </td>
                <td data-label={t('audit.action')}>{t(`auditAction.${entry.action}`)}</td>
                <td data-label={t('audit.entity')}>
                  {isMessageKey(`auditEntity.${entry.entityType}`)
                    ? t(`auditEntity.${entry.entityType}` as 'auditEntity.plan')
                    : entry.entityType}
                  <code className="cell-sub">{entry.entityId}</code>
                </td>
                <td data-label={t('audit.changes')}>
                  {changes.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="plain-list audit-changes">
                      {changes.slice(0, MAX_CHANGES_SHOWN).map((change) => (
                        <li key={change.field}>
                          <strong>{fieldLabel(change.field)}</strong>: <ChangeValue value={change.from} /> →{' '}
                          <ChangeValue value={change.to} />
                        </li>
                      ))}
                      {changes.length > MAX_CHANGES_SHOWN && (
                        <li className="muted">{t('audit.moreChanges', { count: changes.length - MAX_CHANGES_SHOWN })}</li>
                      )}
                    </ul>
                  )}
                  <AcknowledgementList entry={entry} />
                </td>
                {showOrigin && (
                  <td data-label={t('audit.request')} className="small">
                    {entry.ip && <span>{entry.ip}</span>}
                    {entry.requestId && <code className="cell-sub">{entry.requestId}</code>}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
