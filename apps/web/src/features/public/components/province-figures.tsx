import { Suspense, lazy, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PublicSummary } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { FormField } from '@/components/ui/form-field';
import { ThaiText } from '@/components/ui/thai-text';

type ProvinceRow = PublicSummary['byProvince'][number];

const ProvinceMap = lazy(() => import('./province-map'));
const TABLE_ID = 'province-table';

/**
 * By province: a map of the 77 provinces (loaded after the page's first paint), then a compact
 * table of the provinces with agencies in the system, filtering as you type and linking to the
 * province pages; the provinces without agencies are folded into one list of links below it.
 */
export function ProvinceFigures({ rows, fiscalYear }: { rows: ProvinceRow[]; fiscalYear: number }) {
  const { t, lang, formatDecimal } = useI18n();
  const [filter, setFilter] = useState('');
  const nameOf = (row: ProvinceRow) => (lang === 'en' ? row.nameEn : row.nameTh);

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
  const withData = shown.filter((row) => row.agencies > 0);
  const withoutData = shown.filter((row) => row.agencies === 0);

  return (
    <>
      <div className="province-layout">
        <Suspense fallback={<div className="province-map-placeholder" />}>
          <ProvinceMap rows={rows} fiscalYear={fiscalYear} tableId={TABLE_ID} />
        </Suspense>
        <div className="province-layout__table">
          <div className="toolbar">
            <FormField label={t('public.byProvince.filter')}>
              {(control) => <input {...control} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />}
            </FormField>
            <p className="muted small" aria-live="polite">
              {t('public.byProvince.count', { count: shown.length })}
            </p>
          </div>
          <div className="table-wrap" id={TABLE_ID} tabIndex={-1}>
            <table className="table table--numbers table--fit">
              <caption>{t('public.byProvince.caption', { fiscalYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <ThaiText>{t('public.col.province')}</ThaiText>
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
                </tr>
              </thead>
              <tbody>
                {withData.map((row) => (
                  <tr key={row.provinceId}>
                    <th scope="row">
                      <Link to={paths.publicProvince.getHref(row.provinceId, fiscalYear)}>{nameOf(row)}</Link>
                    </th>
                    <td>{formatDecimal(row.agencies)}</td>
                    <td>{formatDecimal(row.agenciesPublished)}</td>
                    <td>{formatDecimal(row.measures)}</td>
                    <td>{formatDecimal(row.measuresCompleted)}</td>
                  </tr>
                ))}
                {withData.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      {t('public.byProvince.noneWithData')}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          {withoutData.length > 0 && (
            <details className="province-others" open={needle !== '' || undefined}>
              <summary>{t('public.byProvince.others', { count: withoutData.length })}</summary>
              <ul className="province-others__list">
                {withoutData.map((row) => (
                  <li key={row.provinceId}>
                    <Link to={paths.publicProvince.getHref(row.provinceId, fiscalYear)}>{nameOf(row)}</Link>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    </>
  );
}
