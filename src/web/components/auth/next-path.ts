/**
 * Where to go after signing in: `next` when it is a path on this site, otherwise home. Anything
 * else (`https://…`, `//evil.example`, `/\evil.example`) would turn the sign-in page into an open
 * redirect that phishing links could use.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
