import { useEffect, useState } from 'react';
import { NOTIFICATION_DELIVERIES, type NotificationDelivery, type NotificationKind, type NotificationPreferences } from '@prongsai/shared';
import { useT } from '@/lib/i18n';
import { useUnsavedChangesWarning } from '@/lib/use-unsaved-changes';
import { InlineError } from '@/components/ui/error-state';
import { useUpdateNotificationPreferences } from '../api/notifications';
import { Button } from '@/components/ui/button';
import { Th } from '@/components/ui/table-header';

/**
 * Per kind of notification: in the app only, an e-mail at once, or a daily digest (issue 14). The bell
 * shows every notification whatever is chosen. Warns before unsaved choices are lost.
 */
export function NotificationSettingsForm({ preferences }: { preferences: NotificationPreferences }) {
  const t = useT();
  const save = useUpdateNotificationPreferences();
  const saved = Object.fromEntries(preferences.items.map((item) => [item.kind, item.delivery])) as Record<
    NotificationKind,
    NotificationDelivery
  >;
  const [choice, setChoice] = useState(saved);
  const [done, setDone] = useState(false);
  useEffect(() => setChoice(saved), [preferences]); // eslint-disable-line react-hooks/exhaustive-deps
  const changed = preferences.items.filter((item) => choice[item.kind] !== item.delivery);
  useUnsavedChangesWarning(changed.length > 0, t('unsaved.confirmLeave'));

  return (
    <form
      className="notification-settings"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed.length === 0) return;
        setDone(false);
        save.mutate(
          { items: changed.map((item) => ({ kind: item.kind, delivery: choice[item.kind] })) },
          { onSuccess: () => setDone(true) },
        );
      }}
    >
      <table className="table">
        <caption className="visually-hidden">{t('notificationSettings.title')}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('notificationSettings.kind')}</Th>
            {NOTIFICATION_DELIVERIES.map((delivery) => (
              <Th key={delivery} scope="col">
                {t(`notificationSettings.delivery.${delivery}`)}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preferences.items.map((item) => (
            <tr key={item.kind}>
              <Th scope="row" id={`kind-${item.kind}`}>
                {t(`notificationSettings.kindName.${item.kind}`)}
              </Th>
              {NOTIFICATION_DELIVERIES.map((delivery) => (
                <td key={delivery}>
                  <input
                    type="radio"
                    name={item.kind}
                    value={delivery}
                    aria-label={`${t(`notificationSettings.kindName.${item.kind}`)}: ${t(`notificationSettings.delivery.${delivery}`)}`}
                    checked={choice[item.kind] === delivery}
                    onChange={() => {
                      setDone(false);
                      setChoice((current) => ({ ...current, [item.kind]: delivery }));
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('notificationSettings.help')}</p>
      <InlineError error={save.error} />
      <div className="form-actions">
        <Button type="submit" className="button button--primary" disabled={save.isPending || changed.length === 0}>
          {t('notificationSettings.save')}
        </Button>
      </div>
      {done && <p role="status">{t('notificationSettings.saved')}</p>}
    </form>
  );
}
