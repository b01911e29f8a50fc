import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchUsers } from './users.ts';
import type { UserListParams } from './users.ts';

export const USERS_KEY = ['users'] as const;

/** Users matching a name or email (`GET /api/users`, admins only); the list stays while a new search loads. */
export function useUsersQuery(params: UserListParams) {
  return useQuery({
    queryKey: [...USERS_KEY, params],
    queryFn: ({ signal }) => fetchUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}
