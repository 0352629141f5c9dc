import { NavLink } from 'react-router';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import '../review.css';

/** The reviewer's pages for one province and year: overview, ITA indicators, trends. */
export function ReviewTabs({ province, fiscalYear }: { province?: number; fiscalYear: number }) {
  const { t } = useI18n();
  const search = { province, fy: fiscalYear };
  return (
    <nav className="tabs" aria-label={t('review.tabs')}>
      <NavLink to={paths.review.getHref(search)} end>
        {t('review.tab.overview')}
      </NavLink>
      <NavLink to={paths.reviewIndicators.getHref(search)}>{t('review.tab.indicators')}</NavLink>
      <NavLink to={paths.reviewTrends.getHref(search)}>{t('review.tab.trends')}</NavLink>
      <NavLink to={paths.reviewCopies.getHref(search)}>{t('review.tab.copies')}</NavLink>
    </nav>
  );
}
