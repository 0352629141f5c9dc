import { useState, type CSSProperties } from 'react';
import { Link } from 'react-router';
import type { PublicSummary } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { GRID_COLUMNS, GRID_ROWS, PROVINCE_GRID } from './province-grid';
import './province-map.css';

type ProvinceRow = PublicSummary['byProvince'][number];

/** Share published → one of five shades; `none` for a province without agencies in the system. */
const BINS = [0, 25, 50, 75, 100] as const;
export function shadeOf(row: Pick<ProvinceRow, 'agencies' | 'agenciesPublished'>): 'none' | 0 | 1 | 2 | 3 | 4 {
  if (row.agencies === 0) return 'none';
  const percent = (row.agenciesPublished / row.agencies) * 100;
  if (percent === 0) return 0;
  return percent <= 25 ? 1 : percent <= 50 ? 2 : percent <= 75 ? 3 : 4;
}

/**
 * A choropleth of the 77 provinces on a tile grid (one equal square each, see province-grid.ts):
 * the share of agencies that published, each province a link to its page. The table after it holds
 * the same figures; the map is a list of links that a keyboard or screen reader goes through in
 * DOPA code order, and can be skipped.
 */
export default function ProvinceMap({ rows, fiscalYear, tableId }: { rows: ProvinceRow[]; fiscalYear: number; tableId: string }) {
  const { t, lang, formatDecimal } = useI18n();
  const [active, setActive] = useState<ProvinceRow | undefined>();
  const nameOf = (row: ProvinceRow) => (lang === 'en' ? row.nameEn : row.nameTh);
  const describe = (row: ProvinceRow) =>
    row.agencies === 0
      ? t('public.map.tileNone', { name: nameOf(row) })
      : t('public.map.tile', {
          name: nameOf(row),
          published: formatDecimal(row.agenciesPublished),
          agencies: formatDecimal(row.agencies),
          percent: Math.round((row.agenciesPublished / row.agencies) * 100),
        });
  const placed = [...rows].filter((row) => PROVINCE_GRID[row.provinceId]).sort((a, b) => a.provinceId - b.provinceId);

  return (
    <figure className="province-map" aria-labelledby="province-map-title">
      <figcaption id="province-map-title" className="province-map__title">
        {t('public.map.title')}
      </figcaption>
      <a className="province-map__skip" href={`#${tableId}`}>
        {t('public.map.skip')}
      </a>
      <ul
        className="province-map__grid"
        style={{ '--map-columns': GRID_COLUMNS, '--map-rows': GRID_ROWS } as CSSProperties}
        onMouseLeave={() => setActive(undefined)}
      >
        {placed.map((row) => {
          const [column, row_] = PROVINCE_GRID[row.provinceId]!;
          return (
            <li key={row.provinceId} style={{ gridColumn: column + 1, gridRow: row_ + 1 }}>
              <Link
                to={paths.publicProvince.getHref(row.provinceId, fiscalYear)}
                className={`province-map__tile province-map__tile--${shadeOf(row)}`}
                aria-label={describe(row)}
                title={describe(row)}
                data-province={row.provinceId}
                onFocus={() => setActive(row)}
                onMouseEnter={() => setActive(row)}
              />
            </li>
          );
        })}
      </ul>
      <p className="province-map__active small" aria-hidden="true">
        {active ? describe(active) : t('public.map.hint')}
      </p>
      <div className="province-map__legend small" aria-hidden="true">
        <span>{t('public.map.legend')}</span>
        <span className="province-map__key">
          <span className="province-map__swatch province-map__tile--none" /> {t('public.map.none')}
        </span>
        <span className="province-map__key">
          <span className="province-map__swatch province-map__tile--0" /> {t('public.map.zero')}
        </span>
        {BINS.slice(1).map((to, index) => (
          <span className="province-map__key" key={to}>
            <span className={`province-map__swatch province-map__tile--${index + 1}`} />{' '}
            {t('public.map.bin', { from: index === 0 ? 1 : BINS[index]! + 1, to })}
          </span>
        ))}
      </div>
    </figure>
  );
}
