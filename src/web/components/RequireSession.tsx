import type { ReactNode } from 'react';
import type { Session } from '../../common/api/auth.ts';
import type { Role } from '../../common/roles.ts';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { Forbidden, PageError, SignInRequired } from './AccessDenied.tsx';
import { Loading } from './Status.tsx';

interface RequireSessionProps {
  /** The page is only for users holding this role. */
  role?: Role;
  children: (session: Session) => ReactNode;
}

/**
 * Renders `children` for a signed-in user (with `role`, when given), and otherwise says why not,
 * with a way to sign in: never a blank page. The server checks again on every request.
 */
export function RequireSession({ role, children }: RequireSessionProps) {
  const session = useSessionQuery();
  if (session.isPending) return <Loading />;
  if (session.isError) return <PageError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <SignInRequired />;
  if (role && !session.data.user.roles.includes(role)) return <Forbidden />;
  return children(session.data);
}
