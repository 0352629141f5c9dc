import { useId, useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, AuditActionSchema, AuditEntityTypeSchema, UuidSchema } from '@prongsai/shared';
import { useAudit } from '@/features/audit/api/get-audit';
import { AuditTable } from '@/features/audit/components/audit-table';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { FormField, SelectField } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { usePageParams } from '@/components/ui/use-page-params';
import { Button } from '@/components/ui/button';

const PAGE_SIZE = 50;
type TextFilter = 'entityId' | 'agencyId' | 'actorUserId';

/** บันทึกการใช้งาน: search the append-only audit trail by record, agency, person and action. */
export function AdminAuditRoute() {
  const { t } = useI18n();
  const id = useId();
  const { params, page, update, clear } = usePageParams();
  const entityType = AuditEntityTypeSchema.safeParse(params.get('entityType')).data;
  const action = AuditActionSchema.safeParse(params.get('action')).data;
  const entityId = params.get('entityId') ?? '';
  const agencyId = params.get('agencyId') ?? '';
  const actorUserId = params.get('actorUserId') ?? '';
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
    <FormField label={label} error={invalid[key]}>
      {(control) => (
        <input
          {...control}
          value={draft[key]}
          onChange={(event) => setDraft((current) => ({ ...current, [key]: event.target.value }))}
          spellCheck={false}
        />
      )}
    </FormField>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <h1 id={`${id}-title`}>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      <form className="filters card" role="search" aria-label={t('audit.filters')} onSubmit={submit}>
        <SelectField
          label={t('audit.entityType')}
          value={entityType}
          emptyLabel={t('audit.all')}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
          onChange={(value) => update({ entityType: value, page: undefined })}
        />
        <SelectField
          label={t('audit.action')}
          value={action}
          emptyLabel={t('audit.all')}
          options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`auditAction.${value}`) }))}
          onChange={(value) => update({ action: value, page: undefined })}
        />
        {textField('entityId', t('audit.entityId'))}
        {textField('agencyId', t('audit.agencyId'))}
        {textField('actorUserId', t('audit.actorUserId'))}
        <div className="form__actions filters__actions">
          <Button type="submit" className="button button--secondary">
            {t('review.searchButton')}
          </Button>
          <Button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setDraft({ entityId: '', agencyId: '', actorUserId: '' });
              setInvalid({});
              clear();
            }}
          >
            {t('review.clearFilters')}
          </Button>
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
            onPageChange={(next) => update({ page: next })}
          />
        </>
      )}
    </section>
  );
}
