import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PublicSummary } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { BarChart } from '@/components/ui/bar-chart';
import { FormField } from '@/components/ui/form-field';

type ProvinceRow = PublicSummary['byProvince'][number];

const CHART_LIMIT = 20;

/**
 * By province: a chart of the provinces with agencies in the system (the share that published),
 * then every province in a table that filters as you type and links to the province page.
 */
export function ProvinceFigures({ rows, fiscalYear }: { rows: ProvinceRow[]; fiscalYear: number }) {
  const { t, lang, formatDecimal } = useI18n();
  const [filter, setFilter] = useState('');
  const nameOf = (row: ProvinceRow) => (lang === 'en' ? row.nameEn : row.nameTh);

  const charted = useMemo(
    () =>
      rows
        .filter((row) => row.agencies > 0)
        .sort(
          (a, b) =>
            b.agenciesPublished / b.agencies - a.agenciesPublished / a.agencies ||
            b.agencies - a.agencies ||
            a.nameTh.localeCompare(b.nameTh, 'th'),
        )
        .slice(0, CHART_LIMIT),
    [rows],
  );
  // Provinces with published reports first, then those with agencies, then by name.
  const sorted = useMemo(
    () =>
      [...rows].sort(
        (a, b) =>
          b.agenciesPublished - a.agenciesPublished ||
          b.agencies - a.agencies ||
          (lang === 'en' ? a.nameEn.localeCompare(b.nameEn, 'en') : a.nameTh.localeCompare(b.nameTh, 'th')),
      ),
    [rows, lang],
  );
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? sorted.filter((row) => row.nameTh.includes(needle) || row.nameEn.toLowerCase().includes(needle) || String(row.provinceId) === needle)
    : sorted;

  return (
    <>
      {charted.length > 0 && (
        <BarChart
          title={t('public.byProvince.chart', { count: charted.length })}
          note={t('public.chartNote')}
          data={charted.map((row) => ({
            key: String(row.provinceId),
            label: nameOf(row),
            value: row.agenciesPublished,
            total: row.agencies,
            valueText: t('public.ofTotal', { value: formatDecimal(row.agenciesPublished), total: formatDecimal(row.agencies) }),
          }))}
        />
      )}
      <div className="toolbar">
        <FormField label={t('public.byProvince.filter')}>
          {(control) => <input {...control} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />}
        </FormField>
        <p className="muted small" aria-live="polite">
          {t('public.byProvince.count', { count: shown.length })}
        </p>
      </div>
      <div className="table-wrap">
        <table className="table table--numbers table--stack">
          <caption>{t('public.byProvince.caption', { fiscalYear })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('public.col.province')}</th>
              <th scope="col">{t('public.col.agencies')}</th>
              <th scope="col">{t('public.col.published')}</th>
              <th scope="col">{t('public.col.measures')}</th>
              <th scope="col">{t('public.col.completed')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.provinceId}>
                <th scope="row" data-label={t('public.col.province')}>
                  <Link to={paths.publicProvince.getHref(row.provinceId, fiscalYear)}>{nameOf(row)}</Link>
                </th>
                <td data-label={t('public.col.agencies')}>{formatDecimal(row.agencies)}</td>
                <td data-label={t('public.col.published')}>{formatDecimal(row.agenciesPublished)}</td>
                <td data-label={t('public.col.measures')}>{formatDecimal(row.measures)}</td>
                <td data-label={t('public.col.completed')}>{formatDecimal(row.measuresCompleted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
