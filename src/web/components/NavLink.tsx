import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/** A menu link that marks itself as the current page (for the eye and for screen readers). */
export function NavLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const [location] = useLocation();
  const current = location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
