import { useQueryClient } from '@tanstack/react-query';
import { ItaUploadForm } from '@/features/ita-results/components/ita-upload-form';
import { reviewKeys } from '@/features/review/api/review-keys';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';

/** ผลคะแนน ITA: load the NACC's published scores (they feed the reviewer overview, comparison and trends). */
export function AdminItaResultsRoute() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  useDocumentTitle(t('ita.title'));
  return (
    <section aria-labelledby="ita-title" className="page page--narrow">
      <h1 id="ita-title">{t('ita.title')}</h1>
      <p className="muted">{t('ita.intro')}</p>
      <div className="card">
        <ItaUploadForm onUploaded={() => void queryClient.invalidateQueries({ queryKey: reviewKeys.all })} />
      </div>
    </section>
  );
}
