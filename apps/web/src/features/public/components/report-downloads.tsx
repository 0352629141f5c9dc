import { useI18n } from '@/lib/i18n';
import { openDataUrl, publicReportUrl } from '../api/public-downloads';
import '@/components/ui/downloads.css';

/** The report's permalinks (Word, PDF, print view) and its measures as open data. */
export function ReportDownloads({ agencyId, fiscalYear }: { agencyId: string; fiscalYear: number }) {
  const { t } = useI18n();
  return (
    <section className="downloads" aria-labelledby="downloads-title">
      <h2 id="downloads-title" className="h3">
        {t('public.downloads.title')}
      </h2>
      <ul className="downloads__list">
        <li>
          <a className="button button--secondary button--small" href={publicReportUrl(agencyId, fiscalYear, 'docx')} download>
            {t('downloads.docx')}
          </a>
        </li>
        <li>
          <a className="button button--secondary button--small" href={publicReportUrl(agencyId, fiscalYear, 'pdf')} download>
            {t('downloads.pdf')}
          </a>
        </li>
        <li>
          <a
            className="button button--secondary button--small"
            href={publicReportUrl(agencyId, fiscalYear, 'html')}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('downloads.html')} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
          </a>
        </li>
        <li>
          <a className="button button--ghost button--small" href={openDataUrl('csv', { agencyId, fiscalYear })} download>
            {t('downloads.csv')}
          </a>
        </li>
        <li>
          <a className="button button--ghost button--small" href={openDataUrl('xlsx', { agencyId, fiscalYear })} download>
            {t('downloads.xlsx')}
          </a>
        </li>
      </ul>
      <p className="muted small">{t('public.downloads.permalink')}</p>
    </section>
  );
}
