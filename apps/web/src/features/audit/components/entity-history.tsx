import { useState } from 'react';
import type { AuditEntry } from '@prongsai/shared';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { useAudit, type AuditParams } from '../api/get-audit';
import { AcknowledgementList } from './acknowledgement-list';
import { ChangeValue } from './change-value';
import { Th } from '@/components/ui/table-header';
import '../audit.css';
import '@/components/ui/entry-list.css';

const PAGE_SIZE = 10;

interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Bookkeeping fields that change with every save and mean nothing to a reader. */
const HIDDEN_FIELDS = new Set(['version', 'updatedAt']);
/** Fields shown in words of their own rather than as before → after (`AcknowledgementList`). */
const OWN_VIEW_FIELDS = new Set(['acknowledgements']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Audit `changes` come as `{ field: { from, to } }` for edits, or as whole snapshots
 * `{ before?: {...}, after?: {...} }` for create, delete and restore: both become one row per field.
 */
export function fieldChanges(changes: AuditEntry['changes']): FieldChange[] {
  if (!changes) return [];
  const keys = Object.keys(changes);
  const isSnapshot =
    keys.length > 0 && keys.every((key) => key === 'before' || key === 'after') && keys.every((key) => isRecord(changes[key]));
  if (isSnapshot) {
    const before = isRecord(changes.before) ? changes.before : {};
    const after = isRecord(changes.after) ? changes.after : {};
    return [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((field) => !HIDDEN_FIELDS.has(field))
      .map((field) => ({ field, from: before[field], to: after[field] }))
      .filter((change) => !(isEmpty(change.from) && isEmpty(change.to)));
  }
  return Object.entries(changes)
    .filter(([field]) => !HIDDEN_FIELDS.has(field) && !OWN_VIEW_FIELDS.has(field))
    .map(([field, change]) => {
      if (isRecord(change) && ('from' in change || 'to' in change)) return { field, from: change.from, to: change.to };
      return { field, from: undefined, to: change };
    });
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Who changed what and when, newest first: each field's value before → after. */
export function EntityHistory({
  entityType,
  entityId,
  title,
}: {
  entityType: NonNullable<AuditParams['entityType']>;
  entityId: string;
  title: string;
}) {
  const { t, formatDateTime } = useI18n();
  const [page, setPage] = useState(1);
  const audit = useAudit({ entityType, entityId, page, pageSize: PAGE_SIZE });
  const fieldLabel = (field: string) => {
    const key = `field.${field}`;
    return isMessageKey(key) ? t(key) : field;
  };

  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{title}</h2>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('history.empty')} />
      ) : (
        <>
          <ol className="history">
            {audit.data.items.map((entry) => {
              const changes = fieldChanges(entry.changes);
              return (
                <li key={entry.id} className="history__entry">
                  <p className="history__meta">
                    <strong>{t(`auditAction.${entry.action}`)}</strong> · {entry.actorName ?? t('common.unknownPerson')}
                    {entry.actorRole && <span className="muted"> ({t(`role.${entry.actorRole}`)})</span>} ·{' '}
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </p>
                  {changes.length > 0 && (
                    <div className="table-wrap">
                      <table className="table table--compact table--stack">
                        <caption className="visually-hidden">{t('history.changesCaption')}</caption>
                        <thead>
                          <tr>
                            <Th scope="col">{t('history.field')}</Th>
                            <Th scope="col">{t('history.before')}</Th>
                            <Th scope="col">{t('history.after')}</Th>
                          </tr>
                        </thead>
                        <tbody>
                          {changes.map((change) => (
                            <tr key={change.field}>
                              <Th scope="row" data-label={t('history.field')}>
                                {fieldLabel(change.field)}
                              </Th>
                              <td data-label={t('history.before')}>
                                <ChangeValue value={change.from} />
                              </td>
                              <td data-label={t('history.after')}>
                                <ChangeValue value={change.to} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                  <AcknowledgementList entry={entry} />
                </li>
              );
            })}
          </ol>
          <Pagination page={page} pageSize={PAGE_SIZE} total={audit.data.total} onPageChange={setPage} label={t('history.pagination')} />
        </>
      )}
    </section>
  );
}
