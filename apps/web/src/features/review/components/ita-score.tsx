import { ITA_PASS_SCORE, itaBand } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import '../review.css';

/** An ITA score with its band (AA … F); "—" when the NACC result is not loaded. */
export function ItaScore({ score, band }: { score: number | null; band?: string | null }) {
  const { t, formatDecimal } = useI18n();
  if (score === null) return <span className="muted">—</span>;
  const shownBand = band ?? itaBand(score);
  const passed = score >= ITA_PASS_SCORE;
  return (
    <span className="ita-score">
      {formatDecimal(score, 2)}{' '}
      <span
        className={`chip chip--band ${passed ? 'chip--band-pass' : 'chip--band-fail'}`}
        title={passed ? t('ita.passed') : t('ita.notPassed')}
      >
        {shownBand}
        <span className="visually-hidden"> ({passed ? t('ita.passed') : t('ita.notPassed')})</span>
      </span>
    </span>
  );
}
