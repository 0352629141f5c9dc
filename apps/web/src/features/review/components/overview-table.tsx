import { Link } from 'react-router';
import type { ProvinceOverviewRow } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { localIsoDate, useI18n, type MessageKey } from '@/lib/i18n';
import { PlanStatusChip } from '@/components/ui/status-chip';
import type { OverviewSort } from '../api/get-province-overview';
import { ItaScore } from './ita-score';
import { Chip } from '@/components/ui/chip';
import { ThaiText } from '@/components/ui/thai-text';
import { SortIcon } from '@/components/ui/icons';
import '../review.css';

export type SortOrder = 'asc' | 'desc';

interface Column {
  sort?: OverviewSort;
  label: MessageKey;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { sort: 'name', label: 'overview.col.agency' },
  { label: 'overview.col.type' },
  { sort: 'status', label: 'overview.col.status' },
  { sort: 'measures', label: 'overview.col.measures', numeric: true },
  { sort: 'completion', label: 'overview.col.completion', numeric: true },
  { sort: 'notCarriedOut', label: 'overview.col.notCarriedOut', numeric: true },
  { sort: 'warnings', label: 'overview.col.warnings', numeric: true },
  { sort: 'score', label: 'overview.col.score', numeric: true },
  { sort: 'updated', label: 'overview.col.updated' },
];

/** Name and status read A→Z first; figures and dates read largest / newest first. */
export const defaultOrderFor = (sort: OverviewSort): SortOrder => (sort === 'name' || sort === 'status' ? 'asc' : 'desc');

/**
 * Every agency of the province for one fiscal year. Column headers sort (the server sorts, so the
 * order holds across pages) and announce it with aria-sort; a checkbox per row picks agencies to compare.
 */
export function OverviewTable({
  rows,
  fiscalYear,
  sort,
  order,
  onSort,
  selected,
  onToggle,
  canSelectMore,
}: {
  rows: ProvinceOverviewRow[];
  fiscalYear: number;
  sort: OverviewSort;
  order: SortOrder;
  onSort: (sort: OverviewSort, order: SortOrder) => void;
  selected: ReadonlySet<string>;
  onToggle: (row: ProvinceOverviewRow) => void;
  canSelectMore: boolean;
}) {
  const { t, formatDecimal, formatDay } = useI18n();
  const label = (column: Column) => t(column.label, { fiscalYear });
  return (
    <div className="table-wrap">
      <table className="table table--overview table--stack">
        <caption className="visually-hidden">{t('overview.caption', { fiscalYear })}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <span className="visually-hidden">{t('overview.col.select')}</span>
            </th>
            {COLUMNS.map((column) => {
              const active = column.sort !== undefined && column.sort === sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className={column.numeric ? 'col-number' : undefined}
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {column.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => {
                        const next = column.sort as OverviewSort;
                        onSort(next, active ? (order === 'asc' ? 'desc' : 'asc') : defaultOrderFor(next));
                      }}
                    >
                      <ThaiText>{label(column)}</ThaiText>
                      <span className="sort-button__icon" aria-hidden="true">
                        <SortIcon direction={active ? order : 'none'} />
                      </span>
                    </button>
                  ) : (
                    <ThaiText>{label(column)}</ThaiText>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isSelected = selected.has(row.agencyId);
            return (
              <tr key={row.agencyId} className={isSelected ? 'is-selected' : undefined}>
                <td className="col-select" data-label={t('overview.col.select')}>
                  <input
                    type="checkbox"
                    checked={isSelected}
                    disabled={!isSelected && !canSelectMore}
                    onChange={() => onToggle(row)}
                    aria-label={t('overview.selectAgency', { name: row.nameTh })}
                  />
                </td>
                <th scope="row" data-label={t('overview.col.agency')} lang="th">
                  <Link to={row.planStatus ? paths.plan.getHref(row.agencyId, fiscalYear) : paths.agency.getHref(row.agencyId)}>
                    <ThaiText>{row.nameTh}</ThaiText>
                  </Link>
                  {row.districtNameTh && <span className="cell-sub">{t('agency.district', { name: row.districtNameTh })}</span>}
                </th>
                <td data-label={t('overview.col.type')}>{t(`agencyType.${row.type}`)}</td>
                <td data-label={t('overview.col.status')}>
                  <PlanStatusChip status={row.planStatus} />
                </td>
                <td className="col-number" data-label={t('overview.col.measures')}>
                  {row.planStatus ? formatDecimal(row.measures) : '—'}
                </td>
                <td className="col-number" data-label={t('overview.col.completion')}>
                  {row.planStatus && row.measures > 0 ? (
                    <span className="meter">
                      <span className="meter__bar" aria-hidden="true">
                        <span className="meter__fill" style={{ width: `${Math.min(100, row.completedPercent)}%` }} />
                      </span>
                      {t('overview.percent', { value: formatDecimal(row.completedPercent, 1) })}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="col-number" data-label={t('overview.col.notCarriedOut')}>
                  {row.planStatus && row.measures > 0 ? t('overview.percent', { value: formatDecimal(row.notCarriedOutPercent, 1) }) : '—'}
                </td>
                <td className="col-number" data-label={t('overview.col.warnings')}>
                  {row.warnings > 0 ? <Chip className="chip--warning">{formatDecimal(row.warnings)}</Chip> : formatDecimal(row.warnings)}
                </td>
                <td className="col-number" data-label={t('overview.col.score', { fiscalYear })}>
                  <ItaScore score={row.itaScore} band={row.itaBand} />
                </td>
                <td data-label={t('overview.col.updated')}>{row.lastUpdate ? formatDay(localIsoDate(row.lastUpdate)) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
