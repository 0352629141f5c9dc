import type { ReactNode } from 'react';
import type { User } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import { Th } from '@/components/ui/table-header';

/** User accounts; `renderActions` adds a column of controls per user (the admin page's). */
export function UserTable({ users, renderActions }: { users: User[]; renderActions?: (user: User) => ReactNode }) {
  const { t, formatDateTime } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="visually-hidden">{t('users.caption')}</caption>
        <thead>
          <tr>
            <Th scope="col">{t('users.name')}</Th>
            <Th scope="col">{t('users.email')}</Th>
            <Th scope="col">{t('users.role')}</Th>
            <Th scope="col">{t('users.scope')}</Th>
            <Th scope="col">{t('users.status')}</Th>
            <Th scope="col">{t('users.lastLogin')}</Th>
            {renderActions && <Th scope="col">{t('users.actions')}</Th>}
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <Th scope="row" data-label={t('users.name')}>
                {user.name}
              </Th>
              <td data-label={t('users.email')}>{user.email}</td>
              <td data-label={t('users.role')}>{user.role ? t(`role.${user.role}`) : t('users.noRole')}</td>
              <td data-label={t('users.scope')}>
                {user.agencyName ??
                  user.provinceName ??
                  (user.provinceId !== null ? t('users.provinceCode', { code: user.provinceId }) : '—')}
              </td>
              <td data-label={t('users.status')}>
                <span className={user.isActive ? 'chip chip--ok' : 'chip chip--none'}>
                  {user.isActive ? t('users.active') : t('users.inactive')}
                </span>
              </td>
              <td data-label={t('users.lastLogin')}>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'}</td>
              {renderActions && (
                <td data-label={t('users.actions')} className="row-actions">
                  {renderActions(user)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
