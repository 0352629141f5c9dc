import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CompareResponse } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { PlanStatusChip } from '@/components/ui/status-chip';
import { ItaScore } from './ita-score';
import { Th } from '@/components/ui/table-header';
import { ThaiText } from '@/components/ui/thai-text';
import '../review.css';

/** The OIT groups measures are counted in (9 = open data, 10 = anti-corruption). */
const GROUPS = ['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2'];

type Year = CompareResponse['agencies'][number]['years'][number];

/**
 * Agencies side by side (one column each), one block of rows per fiscal year: plan status,
 * measures, completion, warnings, ITA score and measures per OIT group.
 */
export function CompareTable({ data }: { data: CompareResponse }) {
  const { t, formatDecimal } = useI18n();
  const years = [...new Set(data.agencies.flatMap((agency) => agency.years.map((year) => year.fiscalYear)))].sort((a, b) => b - a);
  const yearOf = (agencyIndex: number, fiscalYear: number): Year | undefined =>
    data.agencies[agencyIndex]?.years.find((year) => year.fiscalYear === fiscalYear);
  const groupsShown = GROUPS.filter((group) => data.agencies.some((agency) => agency.years.some((year) => (year.byGroup[group] ?? 0) > 0)));
  const extraGroups = [...new Set(data.agencies.flatMap((agency) => agency.years.flatMap((year) => Object.keys(year.byGroup))))].filter(
    (group) => !GROUPS.includes(group),
  );

  const metrics: { key: string; label: string; render: (year: Year | undefined) => ReactNode }[] = [
    { key: 'status', label: t('compare.status'), render: (year) => <PlanStatusChip status={year?.planStatus ?? null} /> },
    { key: 'measures', label: t('compare.measures'), render: (year) => (year?.planStatus ? formatDecimal(year.measures) : '—') },
    {
      key: 'completion',
      label: t('compare.completion'),
      render: (year) =>
        year?.planStatus && year.measures > 0 ? (
          <span className="meter">
            <span className="meter__bar" aria-hidden="true">
              <span className="meter__fill" style={{ width: `${Math.min(100, year.completedPercent)}%` }} />
            </span>
            {t('overview.percent', { value: formatDecimal(year.completedPercent, 1) })}
          </span>
        ) : (
          '—'
        ),
    },
    { key: 'warnings', label: t('compare.warnings'), render: (year) => (year?.planStatus ? formatDecimal(year.warnings) : '—') },
    { key: 'score', label: t('compare.score'), render: (year) => <ItaScore score={year?.itaScore ?? null} /> },
    ...[...groupsShown, ...extraGroups].map((group) => ({
      key: `group-${group}`,
      label: t('compare.group', { group }),
      render: (year: Year | undefined) => (year?.planStatus ? formatDecimal(year.byGroup[group] ?? 0) : '—'),
    })),
  ];

  return (
    <ScrollRegion label={t('compare.caption', { count: data.agencies.length })}>
      <table className="table table--compare">
        <caption>{t('compare.caption', { count: data.agencies.length })}</caption>
        <thead>
          <tr>
            <td />
            {data.agencies.map((agency) => (
              <th key={agency.agencyId} scope="col" lang="th">
                <Link to={paths.agency.getHref(agency.agencyId)}>
                  <ThaiText>{agency.nameTh}</ThaiText>
                </Link>
                <span className="cell-sub">{t(`agencyType.${agency.type}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        {years.map((fiscalYear) => (
          <tbody key={fiscalYear}>
            <tr className="row-group">
              <Th scope="rowgroup" colSpan={data.agencies.length + 1}>
                {t('plan.fiscalYearTitle', { fiscalYear })}
              </Th>
            </tr>
            {metrics.map((metric) => (
              <tr key={metric.key}>
                <Th scope="row">{metric.label}</Th>
                {data.agencies.map((agency, index) => (
                  <Fragment key={agency.agencyId}>
                    <td>
                      {metric.key === 'status' && yearOf(index, fiscalYear)?.planStatus ? (
                        <Link to={paths.plan.getHref(agency.agencyId, fiscalYear)}>
                          {metric.render(yearOf(index, fiscalYear))}
                          <span className="visually-hidden">
                            {' '}
                            {agency.nameTh} {t('plan.fiscalYearTitle', { fiscalYear })}
                          </span>
                        </Link>
                      ) : (
                        metric.render(yearOf(index, fiscalYear))
                      )}
                    </td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
