import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../roles.ts';
import { organisationSchema } from './organisations.ts';

export const roleSchema = z.enum(ROLES);
export const emailSchema = z.string().trim().toLowerCase().email().max(254);
export const passwordInputSchema = z.string().min(1).max(200);

export const currentUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  organisation: organisationSchema,
  totpEnabled: z.boolean(),
  isDemo: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** Answer to sign-in and /me: the user, and the token cookie-authenticated writes must send in `x-csrf-token`. */
export const sessionSchema = z.object({ user: currentUserSchema, csrfToken: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: passwordInputSchema,
  totp: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the authenticator app').optional(),
});

export const signOutSchema = z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false });

export const changePasswordSchema = z.object({ currentPassword: passwordInputSchema, newPassword: passwordInputSchema });

export const oneTimeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'is not a valid link token');

/** Completing an invitation or an admin-issued reset link. */
export const redeemLinkSchema = z.object({ token: oneTimeTokenSchema, newPassword: passwordInputSchema });

export const linkInfoSchema = z.object({
  purpose: z.enum(['invite', 'reset_password', 'setup']),
  email: z.string().nullable(),
  name: z.string().nullable(),
  expiresAt: z.string(),
});

/** The first admin, created through the one-time setup link `kembar serve` prints. */
export const setupSchema = z.object({
  token: oneTimeTokenSchema,
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  password: passwordInputSchema,
});

export const totpSetupSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrSvg: z.string().describe('QR code of otpauthUrl as an SVG document'),
});
export const totpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const totpDisableSchema = z.object({ password: passwordInputSchema });

export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export const apiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  scope: tokenScopeSchema,
  prefix: z.string().describe('First characters of the token, to recognise it'),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenListSchema = z.object({ items: z.array(apiTokenSchema) });
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  scope: tokenScopeSchema,
  expiresInDays: z.number().int().min(1).max(365),
});
export const createdApiTokenSchema = z.object({ token: z.string().describe('Shown once; store it now'), item: apiTokenSchema });

export const demoAccountsSchema = z.object({
  password: z.string().nullable(),
  items: z.array(z.object({ email: z.string(), name: z.string(), roles: z.array(roleSchema), organisationName: z.string() })),
});
