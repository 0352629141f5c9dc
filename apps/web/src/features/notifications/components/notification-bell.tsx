import '../notifications.css';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications';
import { Button } from '@/components/ui/button';
import { BellIcon } from '@/components/ui/icons';

const hrefOf = (n: Notification) =>
  n.agencyId && n.data.fiscalYear !== null ? paths.plan.getHref(n.agencyId, n.data.fiscalYear) : paths.home.getHref();

/**
 * The staff header's bell: the unread count, and a list (newest first) that opens below it. Keyboard:
 * the button toggles, Escape closes and returns focus; each item is a link to the plan (following it
 * marks it read).
 */
export function NotificationBell() {
  const t = useT();
  const { data } = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const unread = data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={rootRef}>
      <Button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--small notification-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon className="notification-bell__icon" />
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Button>
      {open && (
        <div id={panelId} className="notification-bell__panel" role="region" aria-label={t('notifications.title')}>
          <div className="notification-bell__head">
            <h2 className="notification-bell__title">{t('notifications.title')}</h2>
            <Link to={paths.settingsNotifications.getHref()} onClick={() => setOpen(false)}>
              {t('notifications.settings')}
            </Link>
            {unread > 0 && (
              <Button
                type="button"
                className="button button--secondary button--small"
                disabled={markRead.isPending}
                onClick={() => markRead.mutate({ all: true })}
              >
                {t('notifications.markAllRead')}
              </Button>
            )}
          </div>
          {!data || data.items.length === 0 ? (
            <p className="notification-bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-bell__list">
              {data.items.map((n) => (
                <li key={n.id} className={n.readAt ? 'notification-bell__item' : 'notification-bell__item notification-bell__item--unread'}>
                  <Link
                    to={hrefOf(n)}
                    onClick={() => {
                      if (!n.readAt) markRead.mutate({ ids: [n.id] });
                      setOpen(false);
                    }}
                  >
                    {!n.readAt && <span className="visually-hidden">{t('notifications.unread')} </span>}
                    {t(`notifications.kind.${n.kind}`, {
                      fiscalYear: n.data.fiscalYear ?? '',
                      agency: n.data.agencyNameTh ?? '',
                      email: n.data.email ?? '',
                    })}
                  </Link>
                  {n.data.comment && <p className="notification-bell__comment">{n.data.comment}</p>}
                  <p className="notification-bell__meta">
                    {n.data.actorName && `${n.data.actorName} · `}
                    <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
