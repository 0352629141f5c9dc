import type { PublicFigures } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import '../public.css';

const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** The headline numbers of published reports: agencies that published, measures and their results. */
export function HeadlineFigures({ figures, label }: { figures: PublicFigures; label: string }) {
  const { t, formatDecimal } = useI18n();
  const items = [
    {
      key: 'published',
      term: t('public.figures.agenciesPublished'),
      value: formatDecimal(figures.agenciesPublished),
      detail: t('public.figures.ofAgencies', {
        total: formatDecimal(figures.agencies),
        percent: formatDecimal(percentOf(figures.agenciesPublished, figures.agencies), 1),
      }),
    },
    {
      key: 'measures',
      term: t('public.figures.measures'),
      value: formatDecimal(figures.measures),
      detail: t('public.figures.measuresDetail'),
    },
    {
      key: 'completed',
      term: t('public.figures.completed'),
      value: formatDecimal(figures.measuresCompleted),
      detail: t('public.figures.percentOfMeasures', { percent: formatDecimal(percentOf(figures.measuresCompleted, figures.measures), 1) }),
    },
    {
      key: 'notCarriedOut',
      term: t('public.figures.notCarriedOut'),
      value: formatDecimal(figures.measuresNotCarriedOut),
      detail: t('public.figures.percentOfMeasures', {
        percent: formatDecimal(percentOf(figures.measuresNotCarriedOut, figures.measures), 1),
      }),
    },
  ];
  return (
    <dl className="figures" aria-label={label}>
      {items.map((item) => (
        <div key={item.key} className={`figure figure--${item.key}`}>
          <dt className="figure__term">{item.term}</dt>
          <dd className="figure__value">{item.value}</dd>
          <dd className="figure__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
