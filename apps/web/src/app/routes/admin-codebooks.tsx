import { useId } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { currentFiscalYear } from '@prongsai/shared';
import { useCodebookList, useCodebookOfYear } from '@/features/codebooks/api/codebooks';
import { CodebookItems } from '@/features/codebooks/components/codebook-items';
import { CodebookList } from '@/features/codebooks/components/codebook-list';
import { CodebookUploadForm } from '@/features/codebooks/components/codebook-upload-form';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** คู่มือตัวชี้วัด: the OIT codebook of each fiscal year (codes change meaning every year), and uploads. */
export function AdminCodebooksRoute() {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const list = useCodebookList();
  const latest = list.data?.items.reduce<number | undefined>(
    (max, item) => (max === undefined || item.fiscalYear > max ? item.fiscalYear : max),
    undefined,
  );
  const fiscalYear = Number(params.get('fy')) || latest;
  const codebook = useCodebookOfYear(fiscalYear);
  useDocumentTitle(t('codebooks.title'));

  return (
    <div className="page">
      <h1>{t('codebooks.title')}</h1>
      <p className="muted">{t('codebooks.intro')}</p>
      <div className="page-grid">
        <div className="page-grid__main">
          <section aria-labelledby={`${id}-years`}>
            <h2 id={`${id}-years`}>{t('codebooks.years')}</h2>
            {list.isPending ? (
              <Loading />
            ) : list.isError ? (
              <ErrorState error={list.error} onRetry={() => void list.refetch()} />
            ) : list.data.items.length === 0 ? (
              <EmptyState title={t('codebooks.none')} />
            ) : (
              <CodebookList items={list.data.items} current={fiscalYear} />
            )}
          </section>
          {fiscalYear !== undefined && (
            <section aria-labelledby={`${id}-items`} className="section">
              <h2 id={`${id}-items`}>{t('codebooks.itemsOf', { fiscalYear })}</h2>
              {codebook.isPending ? (
                <Loading />
              ) : codebook.isError ? (
                <ErrorState error={codebook.error} onRetry={() => void codebook.refetch()} />
              ) : codebook.data === null ? (
                <EmptyState title={t('codebooks.noYear', { fiscalYear })} />
              ) : (
                <CodebookItems codebook={codebook.data} />
              )}
            </section>
          )}
        </div>
        <aside className="page-grid__side">
          <section className="panel" aria-labelledby={`${id}-upload`}>
            <h2 id={`${id}-upload`} className="h3">
              {t('codebooks.uploadTitle')}
            </h2>
            <CodebookUploadForm
              defaultYear={fiscalYear ?? currentFiscalYear()}
              onUploaded={(uploaded) => void navigate(paths.adminCodebooks.getHref(uploaded.fiscalYear), { replace: true })}
            />
          </section>
        </aside>
      </div>
    </div>
  );
}
