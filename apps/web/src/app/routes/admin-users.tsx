import { useId, useState, type FormEvent } from 'react';
import { useUsers } from '@/features/users/api/list-users';
import { UserTable } from '@/features/users/components/user-table';
import { useI18n } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { Pagination } from '@/components/ui/pagination';

const PAGE_SIZE = 25;

/** National administrators: every user account (a placeholder list; management comes later). */
export function AdminUsersRoute() {
  const { t } = useI18n();
  const id = useId();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const users = useUsers({ page, pageSize: PAGE_SIZE, q: q || undefined });
  useDocumentTitle(t('users.title'));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setPage(1);
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('users.title')}</h1>
      <form className="toolbar toolbar__search" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('users.search')}</label>
          <input id={`${id}-q`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('review.searchButton')}
        </button>
      </form>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title={t('users.empty')} />
      ) : (
        <>
          <UserTable users={users.data.items} />
          <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}
