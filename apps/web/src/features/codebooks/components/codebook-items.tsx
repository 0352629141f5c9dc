import type { Codebook } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Th } from '@/components/ui/table-header';

/** One year's OIT items (O1 … On) with their group and how sure we are of each title. */
export function CodebookItems({ codebook }: { codebook: Codebook }) {
  const { t } = useI18n();
  const items = [...codebook.items].sort((a, b) => Number(a.code.slice(1)) - Number(b.code.slice(1)));
  return (
    <div className="table-wrap">
      <table className="table table--compact table--stack">
        <caption>{t('codebooks.itemsCaption', { fiscalYear: codebook.fiscalYear, count: items.length })}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('codebooks.code')}</Th>
            <Th scope="col">{t('codebooks.group')}</Th>
            <Th scope="col">{t('codebooks.titleTh')}</Th>
            <Th scope="col">{t('codebooks.confidence')}</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <Th scope="row" data-label={t('codebooks.code')}>
                {item.code}
              </Th>
              <td data-label={t('codebooks.group')}>{item.group}</td>
              <td data-label={t('codebooks.titleTh')} lang="th">
                {item.titleTh}
                {item.titleEn && (
                  <span className="cell-sub" lang="en">
                    {item.titleEn}
                  </span>
                )}
              </td>
              <td data-label={t('codebooks.confidence')}>{t(`confidence.${item.confidence}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
