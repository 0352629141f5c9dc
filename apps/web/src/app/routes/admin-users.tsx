import { useId, useState } from 'react';
import { ROLES, RoleSchema, type User } from '@prongsai/shared';
import { AgencyPicker } from '@/features/agencies/components/agency-picker';
import { ProvinceSelect } from '@/features/agencies/components/province-select';
import { useUsers } from '@/features/users/api/list-users';
import { useUpdateUser } from '@/features/users/api/update-user';
import type { ScopePickers } from '@/features/users/components/assignment-fields';
import { ChangeRoleDialog } from '@/features/users/components/change-role-dialog';
import { CreateUserDialog } from '@/features/users/components/create-user-dialog';
import { ResetCodeDialog } from '@/features/users/components/reset-code-dialog';
import { UserTable } from '@/features/users/components/user-table';
import { useAuth } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState, InlineError } from '@/components/ui/error-state';
import { SelectField } from '@/components/ui/form-field';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from '@/components/ui/search-form';
import { Button } from '@/components/ui/button';

const PAGE_SIZE = 25;

type Open = { kind: 'create' } | { kind: 'role'; user: User } | { kind: 'reset'; user: User };

/** National administrators: every account — search, filter by role, create, disable, change role, reset code. */
export function AdminUsersRoute() {
  const { t } = useI18n();
  const id = useId();
  const { user: me } = useAuth();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [role, setRole] = useState<User['role']>(null);
  const [open, setOpen] = useState<Open>();
  const [status, setStatus] = useState('');
  const users = useUsers({ page, pageSize: PAGE_SIZE, q: q || undefined, role: role ?? undefined });
  const toggleActive = useUpdateUser({
    onSuccess: (user) => setStatus(t(user.isActive ? 'users.enabled' : 'users.disabled', { name: user.name })),
  });
  useDocumentTitle(t('users.title'));

  const pickers: ScopePickers = {
    renderAgencyPicker: (props) => <AgencyPicker label={t('users.agency')} {...props} />,
    renderProvincePicker: (props) => <ProvinceSelect label={t('users.province')} {...props} />,
  };

  return (
    <section aria-labelledby={`${id}-title`} className="page">
      <div className="section-head">
        <h1 id={`${id}-title`}>{t('users.title')}</h1>
        <Button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </div>
      <div className="toolbar">
        <SearchForm
          label={t('users.search')}
          value={search}
          onChange={setSearch}
          onSearch={(text) => {
            setQ(text);
            setPage(1);
          }}
        />
        <SelectField
          label={t('users.roleFilter')}
          value={role ?? ''}
          emptyLabel={t('users.allRoles')}
          options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          onChange={(value) => {
            const parsed = RoleSchema.safeParse(value);
            setRole(parsed.success ? parsed.data : null);
            setPage(1);
          }}
        />
      </div>
      <p role="status" className={status ? 'notice notice--saved' : 'visually-hidden'}>
        {status}
      </p>
      <InlineError error={toggleActive.error} />
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={t('users.empty')} />
      ) : (
        <>
          <p className="muted small" aria-live="polite">
            {t('users.count', { total: users.data.total })}
          </p>
          <UserTable
            users={users.data.items}
            renderActions={(user) => (
              <>
                <Button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={user.id === me?.id}
                  onClick={() => setOpen({ kind: 'role', user })}
                >
                  {t('users.changeRole')} <span className="visually-hidden">{user.name}</span>
                </Button>
                <Button type="button" className="button button--secondary button--small" onClick={() => setOpen({ kind: 'reset', user })}>
                  {t('users.reset')} <span className="visually-hidden">{user.name}</span>
                </Button>
                <Button
                  type="button"
                  className={user.isActive ? 'button button--danger-ghost button--small' : 'button button--ghost button--small'}
                  disabled={user.id === me?.id || toggleActive.isPending}
                  onClick={() => {
                    setStatus('');
                    toggleActive.mutate({ userId: user.id, input: { isActive: !user.isActive } });
                  }}
                >
                  {user.isActive ? t('users.disable') : t('users.enable')} <span className="visually-hidden">{user.name}</span>
                </Button>
              </>
            )}
          />
          <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPageChange={setPage} />
        </>
      )}
      {open?.kind === 'create' && (
        <CreateUserDialog
          pickers={pickers}
          onClose={() => setOpen(undefined)}
          onCreated={(user) => {
            setOpen(undefined);
            setStatus(t('users.created', { name: user.name, email: user.email }));
          }}
        />
      )}
      {open?.kind === 'role' && (
        <ChangeRoleDialog
          user={open.user}
          pickers={pickers}
          onClose={() => setOpen(undefined)}
          onChanged={(user) => {
            setOpen(undefined);
            setStatus(t('users.roleChanged', { name: user.name }));
          }}
        />
      )}
      {open?.kind === 'reset' && <ResetCodeDialog user={open.user} onClose={() => setOpen(undefined)} />}
    </section>
  );
}
