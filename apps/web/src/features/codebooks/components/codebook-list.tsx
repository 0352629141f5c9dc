import { Link } from 'react-router';
import type { CodebookListResponse } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { Th } from '@/components/ui/table-header';

/** The fiscal years that have a codebook, each linking to its items. */
export function CodebookList({ items, current }: { items: CodebookListResponse['items']; current: number | undefined }) {
  const { t, formatDecimal } = useI18n();
  const sorted = [...items].sort((a, b) => b.fiscalYear - a.fiscalYear);
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('codebooks.listCaption')}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('codebooks.fiscalYear')}</Th>
            <Th scope="col">{t('codebooks.itemCount')}</Th>
            <Th scope="col">{t('codebooks.note')}</Th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr key={item.fiscalYear} className={item.fiscalYear === current ? 'is-selected' : undefined}>
              <th scope="row" data-label={t('codebooks.fiscalYear')}>
                <Link to={paths.adminCodebooks.getHref(item.fiscalYear)} aria-current={item.fiscalYear === current ? 'true' : undefined}>
                  {t('plan.fiscalYearTitle', { fiscalYear: item.fiscalYear })}
                </Link>
              </th>
              <td data-label={t('codebooks.itemCount')}>{formatDecimal(item.itemCount)}</td>
              <td data-label={t('codebooks.note')} lang="th">
                {item.note ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
