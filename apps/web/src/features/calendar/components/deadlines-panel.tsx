import { useId } from 'react';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { useDeadlines } from '../api/calendar';
import '../calendar.css';

/**
 * What is due in the current fiscal year (issue 14): each ITA deadline with its date and state (done,
 * near, overdue, later) for the caller's agencies. `showMissing`: reviewers also see which agencies of
 * their province have not done it yet.
 */
export function DeadlinesPanel({ showMissing = false }: { showMissing?: boolean }) {
  const { t, formatDay, formatNumber } = useI18n();
  const id = useId();
  const deadlines = useDeadlines();
  if (!deadlines.data) return null;
  const { fiscalYear } = deadlines.data;
  return (
    <section className="panel deadlines" aria-labelledby={id}>
      <h2 id={id} className="h3">
        {t('deadlines.title', { fiscalYear })}
      </h2>
      <ul className="deadlines__list">
        {deadlines.data.deadlines.map((deadline) => (
          <li key={deadline.kind} className={`deadlines__item deadlines__item--${deadline.state}`}>
            <span className="deadlines__name">{t(`deadlines.kind.${deadline.kind}`)}</span>{' '}
            <span>{t('deadlines.dueOn', { date: formatDay(deadline.dueOn) })}</span>{' '}
            <strong className="deadlines__state">
              {deadline.state === 'overdue'
                ? t('deadlines.state.overdue', { days: formatNumber(-deadline.daysLeft) })
                : deadline.state === 'near'
                  ? t('deadlines.state.near', { days: formatNumber(deadline.daysLeft) })
                  : t(`deadlines.state.${deadline.state}`)}
            </strong>
            {showMissing && deadline.agencies > 1 && (
              <p className="muted">
                {t('deadlines.progress', { done: formatNumber(deadline.done), agencies: formatNumber(deadline.agencies) })}
              </p>
            )}
            {showMissing && deadline.missing.length > 0 && deadline.state !== 'upcoming' && (
              <details>
                <summary>{t('deadlines.missing', { count: formatNumber(deadline.agencies - deadline.done) })}</summary>
                <ul>
                  {deadline.missing.map((agency) => (
                    <li key={agency.agencyId}>
                      <Link to={paths.agency.getHref(agency.agencyId)}>{agency.nameTh}</Link>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
