import { useNavigate, useSearchParams } from 'react-router';
import { currentFiscalYear, validFiscalYears } from '@prongsai/shared';
import { useCalendar } from '@/features/calendar/api/calendar';
import { CalendarForm } from '@/features/calendar/components/calendar-form';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** ปฏิทิน ITA: a national admin sets each fiscal year's deadlines (defaults from DOMAIN.md until set). */
export function AdminCalendarRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fiscalYear = Number(params.get('fy')) || currentFiscalYear();
  const calendar = useCalendar(fiscalYear);
  useDocumentTitle(t('calendar.title'));
  return (
    <div className="page">
      <h1>{t('calendar.title')}</h1>
      <p className="muted">{t('calendar.intro')}</p>
      <label>
        {t('calendar.fiscalYear')}{' '}
        <select value={fiscalYear} onChange={(event) => void navigate(paths.adminCalendar.getHref(Number(event.target.value)))}>
          {validFiscalYears().map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      {calendar.isPending ? (
        <Loading />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <CalendarForm key={fiscalYear} calendar={calendar.data} />
      )}
    </div>
  );
}
