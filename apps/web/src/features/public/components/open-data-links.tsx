import { useI18n } from '@/lib/i18n';
import { openDataUrl } from '../api/public-downloads';
import '@/components/ui/downloads.css';

/** Published measures as open data (CSV in the import format, or Excel), for the given filter. */
export function OpenDataLinks({
  title,
  filter,
}: {
  title: string;
  filter: { agencyId?: string; fiscalYear?: number; provinceId?: number };
}) {
  const { t } = useI18n();
  return (
    <section className="downloads" aria-label={title}>
      <p className="downloads__title">{title}</p>
      <ul className="downloads__list">
        <li>
          <a className="button button--ghost button--small" href={openDataUrl('csv', filter)} download>
            {t('downloads.csv')}
          </a>
        </li>
        <li>
          <a className="button button--ghost button--small" href={openDataUrl('xlsx', filter)} download>
            {t('downloads.xlsx')}
          </a>
        </li>
      </ul>
    </section>
  );
}
