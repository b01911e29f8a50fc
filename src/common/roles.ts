/**
 * Roles a user can hold (several at once). What each may do is decided by the policy table in
 * src/server/auth/policies.ts; this file only names them, for server and web alike.
 */
export const ROLES = ['admin', 'coordinator', 'data_officer', 'facilitator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['pemda', 'opd', 'operator', 'association', 'ministry', 'development_partner', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const TOKEN_SCOPES = ['read', 'read_write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Minimum length the password policy accepts (strength is checked as well; see passwords.ts). */
export const PASSWORD_MIN_LENGTH = 10;

/** Header that carries the CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-csrf-token';
