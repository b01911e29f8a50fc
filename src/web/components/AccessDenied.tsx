import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from './Status.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

/** Where the sign-in page should return to: the page the user is on now. */
export function useSignInHref(): string {
  const [location] = useLocation();
  const search = useSearch();
  const here = search ? `${location}?${search}` : location;
  return `/masuk?next=${encodeURIComponent(here)}`;
}

/** Shown instead of a page that needs a signed-in user (or when the session has ended). */
export function SignInRequired() {
  const { t } = useTranslation();
  const signInHref = useSignInHref();
  useDocumentTitle(t('access.signInTitle'));
  return (
    <>
      <h1>{t('access.signInTitle')}</h1>
      <p>{t('access.signInText')}</p>
      <p>
        <Link href={signInHref} className="button primary">
          {t('access.signIn')}
        </Link>
      </p>
    </>
  );
}

interface ForbiddenProps {
  /** Why, when more can be said than "your roles do not cover it" (an area outside the user's own). */
  reason?: string;
  /** Links that fit the page better than the home page alone. */
  children?: ReactNode;
}

/** Shown instead of a page the signed-in user's roles (or area) do not cover. */
export function Forbidden({ reason, children }: ForbiddenProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('access.forbiddenTitle'));
  return (
    <>
      <h1>{t('access.forbiddenTitle')}</h1>
      <p>{reason ?? t('access.forbiddenText')}</p>
      {children}
      <p>
        <Link href="/">{t('access.home')}</Link>
      </p>
    </>
  );
}

/** A failed page query: 401 and 403 get their own page, anything else the usual message and retry. */
export function PageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (error instanceof ApiError && error.isUnauthorized) return <SignInRequired />;
  if (error instanceof ApiError && error.isForbidden) return <Forbidden />;
  return <ErrorMessage error={error} onRetry={onRetry} />;
}
