import { useNotificationPreferences } from '@/features/notifications/api/notifications';
import { NotificationSettingsForm } from '@/features/notifications/components/notification-settings';
import { useT } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';

/** ตั้งค่าการแจ้งเตือน: how the signed-in user hears of each kind of notification. */
export function SettingsNotificationsRoute() {
  const t = useT();
  const preferences = useNotificationPreferences();
  useDocumentTitle(t('notificationSettings.title'));
  return (
    <div className="page">
      <h1>{t('notificationSettings.title')}</h1>
      <p className="muted">{t('notificationSettings.intro')}</p>
      {preferences.isPending ? (
        <Loading />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <NotificationSettingsForm preferences={preferences.data} />
      )}
    </div>
  );
}
