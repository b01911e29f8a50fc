import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsersQuery } from '../../api/useUsersQuery.ts';
import { PageError } from '../AccessDenied.tsx';
import { Loading } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { useDebouncedValue } from '../useDebouncedValue.ts';
import { UserCard } from './UserCard.tsx';

const DEBOUNCE_MS = 250;

/** The users, searchable by name or email, as cards (a grid of them on wide screens). */
export function UserList({ currentUserId }: { currentUserId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const users = useUsersQuery({ q: q || undefined });
  const items = users.data?.items ?? [];

  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('users.list')}</h2>
      <div role="search">
        <TextField label={t('users.search')} hint={t('users.searchHint')} type="search" value={text} onChange={setText} autoComplete="off" spellCheck={false} />
      </div>
      <p className="status" role="status">
        {users.isSuccess && (items.length > 0 ? t('users.count', { count: items.length }) : t('users.none'))}
      </p>
      {users.isPending && <Loading />}
      {users.isError && <PageError error={users.error} onRetry={() => void users.refetch()} />}
      {items.length > 0 && (
        <ul className="cards user-list" aria-labelledby="users-heading">
          {items.map((user) => (
            <UserCard key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </ul>
      )}
    </section>
  );
}
