import type { PlanDetail } from '@prongsai/shared';
import { buildUrl } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import '@/components/ui/downloads.css';

/** The official report of this plan (any status the reader may see) and its measures as data. */
export function PlanDownloads({ plan }: { plan: Pick<PlanDetail, 'id' | 'agencyId' | 'fiscalYear'> }) {
  const { t } = useI18n();
  const report = (format: 'docx' | 'pdf' | 'html') => buildUrl(`/plans/${encodeURIComponent(plan.id)}/report.${format}`);
  const data = (format: 'csv' | 'xlsx') =>
    buildUrl(`/exports/measures.${format}`, { agencyId: plan.agencyId, fiscalYear: plan.fiscalYear });
  return (
    <section className="downloads" aria-labelledby="plan-downloads-title">
      <h2 id="plan-downloads-title" className="downloads__title h4">
        {t('planDownloads.title')}
      </h2>
      <ul className="downloads__list">
        <li>
          <a className="button button--secondary button--small" href={report('docx')} download>
            {t('downloads.docx')}
          </a>
        </li>
        <li>
          <a className="button button--secondary button--small" href={report('pdf')} download>
            {t('downloads.pdf')}
          </a>
        </li>
        <li>
          <a className="button button--secondary button--small" href={report('html')} target="_blank" rel="noopener noreferrer">
            {t('downloads.html')} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
          </a>
        </li>
        <li>
          <a className="button button--ghost button--small" href={data('csv')} download>
            {t('planDownloads.csv')}
          </a>
        </li>
        <li>
          <a className="button button--ghost button--small" href={data('xlsx')} download>
            {t('planDownloads.xlsx')}
          </a>
        </li>
      </ul>
    </section>
  );
}
