import type { z } from 'zod';
import { invitedUserSchema, oneTimeLinkSchema, userListSchema, userSchema } from '../../common/api/users.ts';
import type { User, inviteUserSchema, updateUserSchema } from '../../common/api/users.ts';
import { getJson } from './client.ts';
import { writeJson } from './write.ts';

export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type OneTimeLink = z.infer<typeof oneTimeLinkSchema>;
export type InvitedUser = z.infer<typeof invitedUserSchema>;

export interface UserListParams {
  q?: string;
  organisation?: string;
}

export function fetchUsers(params: UserListParams, signal?: AbortSignal): Promise<{ items: User[] }> {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.organisation) query.set('organisation', params.organisation);
  return getJson(`/api/users?${query.toString()}`, userListSchema, signal);
}

/** Creates the user and an invitation link for them (there is no mail server: the admin sends it). */
export function inviteUser(input: InviteUserInput): Promise<InvitedUser> {
  return writeJson('POST', '/api/users', input, invitedUserSchema);
}

export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return writeJson('PATCH', `/api/users/${encodeURIComponent(id)}`, input, userSchema);
}

export function createResetLink(id: string): Promise<OneTimeLink> {
  return writeJson('POST', `/api/users/${encodeURIComponent(id)}/reset-link`, undefined, oneTimeLinkSchema);
}
