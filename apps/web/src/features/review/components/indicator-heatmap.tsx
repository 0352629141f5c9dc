import { Link } from 'react-router';
import type { IndicatorHeatmap as Heatmap } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { Th } from '@/components/ui/table-header';
import { ThaiText } from '@/components/ui/thai-text';
import '../review.css';

/** 0, 1, 2, 3 or more measures: four shades, always with the number written in the cell. */
const level = (count: number) => Math.min(3, count);

/**
 * Agencies × OIT items of one fiscal year: how many of each agency's measures cite each item.
 * A real table (row and column headers, caption); colour only repeats the number in each cell.
 */
export function IndicatorHeatmap({ data }: { data: Heatmap }) {
  const { t, formatDecimal, formatNumber } = useI18n();
  const keyOf = (code: Heatmap['codes'][number]) => `${code.fiscalYear}:${code.code}`;
  const manyYears = new Set(data.codes.map((code) => code.fiscalYear)).size > 1;
  const codeLabel = (code: Heatmap['codes'][number]) => (manyYears ? `${code.code} (${formatNumber(code.fiscalYear)})` : code.code);

  return (
    <>
      <ScrollRegion label={t('heatmap.caption', { fiscalYear: data.fiscalYear })}>
        <table className="table table--heatmap">
          <caption>{t('heatmap.caption', { fiscalYear: data.fiscalYear })}</caption>
          <thead>
            <tr>
              <Th scope="col">{t('heatmap.agency')}</Th>
              {data.codes.map((code) => (
                <th key={keyOf(code)} scope="col" className="col-number">
                  <abbr title={code.titleTh ?? undefined}>{codeLabel(code)}</abbr>
                </th>
              ))}
              <Th scope="col" className="col-number">
                {t('heatmap.covered')}
              </Th>
            </tr>
          </thead>
          <tbody>
            {data.agencies.map((agency) => {
              const covered = data.codes.filter((code) => (agency.counts[keyOf(code)] ?? 0) > 0).length;
              return (
                <tr key={agency.agencyId}>
                  <th scope="row" lang="th">
                    <Link to={paths.plan.getHref(agency.agencyId, data.fiscalYear)}>
                      <ThaiText>{agency.nameTh}</ThaiText>
                    </Link>
                  </th>
                  {data.codes.map((code) => {
                    const count = agency.counts[keyOf(code)] ?? 0;
                    return (
                      <td key={keyOf(code)} className={`col-number heat heat--${level(count)}`}>
                        {formatDecimal(count)}
                      </td>
                    );
                  })}
                  <td className="col-number">
                    <strong>{formatDecimal(covered)}</strong>
                    <span className="muted"> / {formatDecimal(data.codes.length)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <Th scope="row">{t('heatmap.agenciesCiting')}</Th>
              {data.codes.map((code) => (
                <td key={keyOf(code)} className="col-number">
                  {formatDecimal(data.agencies.filter((agency) => (agency.counts[keyOf(code)] ?? 0) > 0).length)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <div className="heat-legend" aria-hidden="true">
        <span>{t('heatmap.legend')}</span>
        {[0, 1, 2, 3].map((value) => (
          <span key={value} className={`heat heat--${value} heat-legend__swatch`}>
            {value === 3 ? t('heatmap.legendMany', { count: 3 }) : formatDecimal(value)}
          </span>
        ))}
      </div>
      <details className="codebook-legend">
        <summary>{t('heatmap.codes')}</summary>
        <dl>
          {data.codes.map((code) => (
            <div key={keyOf(code)}>
              <dt>{codeLabel(code)}</dt>
              <dd lang="th">{code.titleTh ?? t('heatmap.noTitle')}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
