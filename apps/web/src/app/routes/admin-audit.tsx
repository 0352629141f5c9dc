import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditActionSchema, AuditEntityTypeSchema, UuidSchema } from '@prongsai/shared';
import { useAudit } from '@/features/audit/api/get-audit';
import { AuditTable } from '@/features/audit/components/audit-table';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';

const PAGE_SIZE = 50;
type TextFilter = 'entityId' | 'agencyId' | 'actorUserId';

/** บันทึกการใช้งาน: search the append-only audit trail by record, agency, person and action. */
export function AdminAuditRoute() {
  const { t } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const entityType = AuditEntityTypeSchema.safeParse(params.get('entityType')).data;
  const action = AuditActionSchema.safeParse(params.get('action')).data;
  const entityId = params.get('entityId') ?? '';
  const agencyId = params.get('agencyId') ?? '';
  const actorUserId = params.get('actorUserId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<Record<TextFilter, string>>({ entityId, agencyId, actorUserId });
  const [invalid, setInvalid] = useState<Partial<Record<TextFilter, string>>>({});
  const audit = useAudit({
    entityType,
    action,
    entityId: entityId || undefined,
    agencyId: agencyId || undefined,
    actorUserId: actorUserId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  useDocumentTitle(t('audit.title'));

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<TextFilter, string>> = {};
    for (const key of ['agencyId', 'actorUserId'] as const) {
      const value = draft[key].trim();
      if (value && !UuidSchema.safeParse(value).success) problems[key] = t('audit.uuidError');
    }
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    update({ entityId: draft.entityId.trim(), agencyId: draft.agencyId.trim(), actorUserId: draft.actorUserId.trim(), page: undefined });
  };
  const entityLabel = (type: string) => (isMessageKey(`auditEntity.${type}`) ? t(`auditEntity.${type}` as 'auditEntity.plan') : type);
  const textField = (key: TextFilter, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        onChange={(event) => setDraft((current) => ({ ...current, [key]: event.target.value }))}
        aria-invalid={Boolean(invalid[key]) || undefined}
        aria-describedby={invalid[key] ? `${id}-${key}-error` : undefined}
        spellCheck={false}
      />
      {invalid[key] && (
        <p id={`${id}-${key}-error`} className="field__error">
          {invalid[key]}
        </p>
      )}
    </div>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <h1 id={`${id}-title`}>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <form className="filters card" role="search" aria-label={t('audit.filters')} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-entityType`}>{t('audit.entityType')}</label>
          <select
            id={`${id}-entityType`}
            value={entityType ?? ''}
            onChange={(event) => update({ entityType: event.target.value, page: undefined })}
          >
            <option value="">{t('audit.all')}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
          <select id={`${id}-action`} value={action ?? ''} onChange={(event) => update({ action: event.target.value, page: undefined })}>
            <option value="">{t('audit.all')}</option>
            {AUDIT_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`auditAction.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {textField('entityId', t('audit.entityId'))}
        {textField('agencyId', t('audit.agencyId'))}
        {textField('actorUserId', t('audit.actorUserId'))}
        <div className="form__actions filters__actions">
          <button type="submit" className="button button--secondary">
            {t('review.searchButton')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setDraft({ entityId: '', agencyId: '', actorUserId: '' });
              setInvalid({});
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('review.clearFilters')}
          </button>
        </div>
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {t('audit.count', { total: audit.data.total })}
          </p>
          <AuditTable entries={audit.data.items} />
          <Pagination
            page={audit.data.page}
            pageSize={audit.data.pageSize}
            total={audit.data.total}
            onPageChange={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </section>
  );
}
