import { z } from 'zod';
import { currentUserSchema, emailSchema, roleSchema } from './auth.ts';
import { organisationCodeSchema } from './organisations.ts';

/** A user as admins see them: the signed-in user's fields plus the account's state. */
export const userSchema = currentUserSchema.omit({ isDemo: true }).extend({
  disabled: z.boolean(),
  hasPassword: z.boolean().describe('False until the invitation is accepted'),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  organisation: organisationCodeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const userListSchema = z.object({ items: z.array(userSchema) });

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  organisationCode: organisationCodeSchema,
  roles: z.array(roleSchema).min(1).max(5),
});

export const updateUserSchema = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  roles: z.array(roleSchema).min(1).max(5).optional(),
  organisationCode: organisationCodeSchema.optional(),
  disabled: z.boolean().optional(),
});

/** A one-time link for the user to follow (shown to the admin: no mail server is assumed). */
export const oneTimeLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export const invitedUserSchema = z.object({ user: userSchema, link: oneTimeLinkSchema });
