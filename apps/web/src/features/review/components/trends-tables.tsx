import type { Trends } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { BarChart } from '@/components/ui/bar-chart';
import { Th } from '@/components/ui/table-header';
import '../review.css';

/** The province over fiscal years, and whether completing measures went with a better ITA score next year. */
export function TrendsTables({ data }: { data: Trends }) {
  const { t, formatDecimal, formatNumber } = useI18n();
  const years = [...data.years].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const percent = (value: number | null) => (value === null ? '—' : t('overview.percent', { value: formatDecimal(value, 1) }));
  const change = (value: number | null) => {
    if (value === null) return '—';
    const text = formatDecimal(Math.abs(value), 2);
    return value > 0 ? t('trends.up', { value: text }) : value < 0 ? t('trends.down', { value: text }) : t('trends.same');
  };
  return (
    <>
      <section aria-labelledby="trends-years-title" className="section">
        <h2 id="trends-years-title">{t('trends.yearsTitle')}</h2>
        <BarChart
          title={t('trends.chart')}
          note={t('trends.chartNote')}
          data={years.map((year) => ({
            key: String(year.fiscalYear),
            label: t('plan.fiscalYearTitle', { fiscalYear: year.fiscalYear }),
            value: year.completedPercent,
            total: 100,
            valueText: percent(year.completedPercent),
          }))}
        />
        <div className="table-wrap">
          <table className="table table--numbers table--stack">
            <caption>{t('trends.yearsCaption')}</caption>
            <thead>
              <tr>
                <Th scope="col">{t('trends.col.fiscalYear')}</Th>
                <Th scope="col">{t('trends.col.agencies')}</Th>
                <Th scope="col">{t('trends.col.plans')}</Th>
                <Th scope="col">{t('trends.col.published')}</Th>
                <Th scope="col">{t('trends.col.completion')}</Th>
                <Th scope="col">{t('trends.col.averageScore')}</Th>
                <Th scope="col">{t('trends.col.passRate')}</Th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year.fiscalYear}>
                  <Th scope="row" data-label={t('trends.col.fiscalYear')}>
                    {formatNumber(year.fiscalYear)}
                  </Th>
                  <td data-label={t('trends.col.agencies')}>{formatDecimal(year.agencies)}</td>
                  <td data-label={t('trends.col.plans')}>{formatDecimal(year.plans)}</td>
                  <td data-label={t('trends.col.published')}>{formatDecimal(year.published)}</td>
                  <td data-label={t('trends.col.completion')}>{percent(year.completedPercent)}</td>
                  <td data-label={t('trends.col.averageScore')}>
                    {year.averageScore === null ? '—' : formatDecimal(year.averageScore, 2)}
                  </td>
                  <td data-label={t('trends.col.passRate')}>{percent(year.passRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="trends-improvement-title" className="section">
        <h2 id="trends-improvement-title">{t('trends.improvementTitle')}</h2>
        <p className="muted">{t('trends.improvementIntro')}</p>
        <div className="table-wrap">
          <table className="table table--numbers table--stack">
            <caption>{t('trends.improvementCaption')}</caption>
            <thead>
              <tr>
                <Th scope="col">{t('trends.col.bucket')}</Th>
                <Th scope="col">{t('trends.col.bucketAgencies')}</Th>
                <Th scope="col">{t('trends.col.scoreChange')}</Th>
              </tr>
            </thead>
            <tbody>
              {data.improvement.map((row) => (
                <tr key={row.bucket}>
                  <Th scope="row" data-label={t('trends.col.bucket')}>
                    {t(`trends.bucket.${row.bucket}`)}
                  </Th>
                  <td data-label={t('trends.col.bucketAgencies')}>{formatDecimal(row.agencies)}</td>
                  <td
                    data-label={t('trends.col.scoreChange')}
                    className={row.averageScoreChange === null ? undefined : row.averageScoreChange >= 0 ? 'text-ok' : 'text-danger'}
                  >
                    {change(row.averageScoreChange)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted small">{t('trends.caveat')}</p>
      </section>
    </>
  );
}
