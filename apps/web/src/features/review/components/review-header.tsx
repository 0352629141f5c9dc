import { useI18n } from '@/lib/i18n';
import { ReviewTabs } from './review-tabs';

/** The top of each reviewer page: its title with the province, an optional introduction, then the tabs. */
export function ReviewHeader({
  titleId,
  title,
  provinceName,
  intro,
  province,
  fiscalYear,
}: {
  /** The heading's id, for the page section's `aria-labelledby`. */
  titleId: string;
  title: string;
  provinceName: string | undefined;
  intro?: string;
  /** The province the tabs keep in their links (national admins only). */
  province: number | undefined;
  fiscalYear: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <h1 id={titleId}>
        {title}
        {provinceName && <span className="heading-sub"> {t('layout.province', { name: provinceName })}</span>}
      </h1>
      {intro && <p className="muted">{intro}</p>}
      <ReviewTabs province={province} fiscalYear={fiscalYear} />
    </>
  );
}
