import type { PublicSummary } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { BarChart } from '@/components/ui/bar-chart';
import { ThaiText } from '@/components/ui/thai-text';
import { Th } from '@/components/ui/table-header';

/** By agency type: a chart of the share that published, and the same figures as a table. */
export function TypeFigures({ rows, fiscalYear }: { rows: PublicSummary['byType']; fiscalYear: number }) {
  const { t, formatDecimal } = useI18n();
  return (
    <>
      <BarChart
        title={t('public.byType.chart')}
        note={t('public.chartNote')}
        data={rows.map((row) => ({
          key: row.type,
          label: t(`agencyType.${row.type}`),
          value: row.agenciesPublished,
          total: row.agencies,
          valueText: t('public.ofTotal', { value: formatDecimal(row.agenciesPublished), total: formatDecimal(row.agencies) }),
        }))}
      />
      <div className="table-wrap">
        <table className="table table--numbers table--stack">
          <caption>{t('public.byType.caption', { fiscalYear })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <ThaiText>{t('public.col.type')}</ThaiText>
              </th>
              <th scope="col">
                <ThaiText>{t('public.col.agencies')}</ThaiText>
              </th>
              <th scope="col">
                <ThaiText>{t('public.col.published')}</ThaiText>
              </th>
              <th scope="col">
                <ThaiText>{t('public.col.measures')}</ThaiText>
              </th>
              <th scope="col">
                <ThaiText>{t('public.col.completed')}</ThaiText>
              </th>
              <th scope="col">
                <ThaiText>{t('public.col.notCarriedOut')}</ThaiText>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.type}>
                <Th scope="row" data-label={t('public.col.type')}>
                  {t(`agencyType.${row.type}`)}
                </Th>
                <td data-label={t('public.col.agencies')}>{formatDecimal(row.agencies)}</td>
                <td data-label={t('public.col.published')}>{formatDecimal(row.agenciesPublished)}</td>
                <td data-label={t('public.col.measures')}>{formatDecimal(row.measures)}</td>
                <td data-label={t('public.col.completed')}>{formatDecimal(row.measuresCompleted)}</td>
                <td data-label={t('public.col.notCarriedOut')}>{formatDecimal(row.measuresNotCarriedOut)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
