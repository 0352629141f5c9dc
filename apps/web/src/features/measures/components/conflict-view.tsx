import { useEffect, useRef } from 'react';
import type { Measure } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { diffConflict, toFormValues, type MeasureFormValues } from '../utils/measure-form-values';
import { FieldValue } from './field-value';
import { Button } from '@/components/ui/button';
import { Th } from '@/components/ui/table-header';
import '@/components/ui/conflict.css';

/**
 * Shown when a save hit 409 VERSION_CONFLICT: someone saved this measure after the user opened it.
 * Lists each field that differs (yours vs the current version, and who changed it) and lets the
 * user put their changes on top of the current version, keep editing, or take the current one.
 * Nothing is overwritten without the user choosing to.
 */
export function ConflictView({
  base,
  yours,
  current,
  pending,
  onReapply,
  onEdit,
  onDiscard,
}: {
  /** The version the user started editing from. */
  base: MeasureFormValues;
  /** What the user tried to save. */
  yours: MeasureFormValues;
  /** The measure as it is on the server now. */
  current: Measure;
  pending: boolean;
  onReapply: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflicts = diffConflict(base, yours, toFormValues(current));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="conflict card" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabIndex={-1} ref={headingRef}>
        {t('conflict.title')}
      </h2>
      <p>{t('conflict.intro', { date: formatDateTime(current.updatedAt) })}</p>
      {conflicts.length === 0 ? (
        <p>{t('conflict.noDifferences')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack conflict__table">
            <caption className="visually-hidden">{t('conflict.caption')}</caption>
            <thead>
              <tr>
                <Th scope="col">{t('conflict.field')}</Th>
                <Th scope="col">{t('conflict.yours')}</Th>
                <Th scope="col">{t('conflict.theirs')}</Th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((conflict) => (
                <tr key={conflict.field}>
                  <th scope="row" data-label={t('conflict.field')}>
                    {t(`field.${conflict.field}`)}
                    <span className="conflict__who">
                      {conflict.changedByYou && conflict.changedByThem
                        ? t('conflict.changedByBoth')
                        : conflict.changedByYou
                          ? t('conflict.changedByYou')
                          : t('conflict.changedByThem')}
                    </span>
                  </th>
                  <td data-label={t('conflict.yours')}>
                    <FieldValue field={conflict.field} value={conflict.yours} />
                  </td>
                  <td data-label={t('conflict.theirs')}>
                    <FieldValue field={conflict.field} value={conflict.theirs} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('conflict.explain')}</p>
      <div className="form__actions">
        <Button type="button" className="button button--primary" onClick={onReapply} disabled={pending}>
          {t('conflict.reapply')}
        </Button>
        <Button type="button" className="button button--secondary" onClick={onEdit} disabled={pending}>
          {t('conflict.edit')}
        </Button>
        <Button type="button" className="button button--secondary" onClick={onDiscard} disabled={pending}>
          {t('conflict.discard')}
        </Button>
      </div>
    </section>
  );
}
