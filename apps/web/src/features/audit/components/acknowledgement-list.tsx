import { AcknowledgementRecordSchema, type AuditEntry } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { warningCodeLabel, warningText } from '@/lib/warning-text';

/** The acknowledgements an audit entry keeps (`changes.acknowledgements`, ADR 021); none when it keeps none or another shape. */
export function acknowledgementsOf(changes: AuditEntry['changes']) {
  const parsed = AcknowledgementRecordSchema.array().safeParse(changes?.acknowledgements);
  return parsed.success ? parsed.data : [];
}

/**
 * Serious warnings a reviewer acknowledged on accept or publish, in words: each warning as the
 * catalogue writes it, the reason as typed, and who acknowledged it (the entry's actor).
 */
export function AcknowledgementList({ entry }: { entry: Pick<AuditEntry, 'changes' | 'actorName'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const records = acknowledgementsOf(entry.changes);
  if (records.length === 0) return null;
  const who = entry.actorName ?? t('common.unknownPerson');
  return (
    <div className="acknowledged">
      <p className="acknowledged__title">
        <strong>{t('history.acknowledgements')}</strong> · {t('history.acknowledgedBy', { name: who })}
      </p>
      <ul className="plain-list acknowledged__list">
        {records.map((record, index) => (
          <li key={index}>
            <strong>
              {record.sequence === null
                ? warningCodeLabel(record.code, t)
                : `${t('measure.numbered', { sequence: record.sequence })} · ${warningCodeLabel(record.code, t)}`}
            </strong>
            <ul className="plain-list">
              {record.warnings.map((warning, position) => {
                const { text, lang } = warningText(warning, i18n);
                return (
                  <li key={position} lang={lang}>
                    {text}
                  </li>
                );
              })}
            </ul>
            <p className="pre-wrap">{t('history.acknowledgedReason', { reason: record.reason })}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
