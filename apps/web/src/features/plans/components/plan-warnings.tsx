import type { QualityWarning } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { warningText } from '@/lib/warning-text';
import { WarningIcon } from '@/components/ui/icons';

/** Quality warnings (copied text, another agency's name, dates without a day…), each with where it is. */
export function QualityWarnings({
  warnings,
  title,
  positionOf = (sequence) => sequence,
}: {
  warnings: QualityWarning[];
  title: string;
  /** The row position of a measure sequence number (sequences may have gaps). */
  positionOf?: (sequence: number) => number;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label={title}>
      <p className="warnings__title">
        <WarningIcon className="warnings__icon" /> {title}
      </p>
      <ul>
        {warnings.map((warning, index) => {
          const { text, lang } = warningText(warning, i18n, positionOf);
          return (
            <li key={`${warning.code}-${warning.sequence ?? ''}-${index}`}>
              {warning.sequence != null && <strong>{t('measure.numbered', { sequence: positionOf(warning.sequence) })}: </strong>}
              <span lang={lang}>{text}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
