import type { OrganisationKind, Role, TokenScope } from '../../common/roles.ts';

/** Who is making a request or running a command. Services take it first, with the request id. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      roles: readonly Role[];
      organisation: { id: string; code: string; kind: OrganisationKind; areaCode: string | null };
      /** How the request proved who it is: a browser session or a personal API token. */
      via: { kind: 'session'; sessionHash: string } | { kind: 'token'; tokenId: string; scope: TokenScope };
    }
  /** The CLI or the server itself (start-up jobs); named in the audit trail. */
  | { kind: 'system'; label: 'cli' | 'setup' | 'areas' | 'demo' | 'link' | 'imports' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The actor and request a service call runs for; the audit trail records both. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
}

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function systemContext(label: Extract<Actor, { kind: 'system' }>['label']): RequestContext {
  return { actor: { kind: 'system', label }, requestId: null };
}

/** The label the audit trail stores for an actor: a user id, or `system:<label>`. */
export function auditLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'system':
      return `system:${actor.label}`;
    case 'anonymous':
      return 'anonymous';
  }
}
