import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { DemoAccounts } from '../components/auth/DemoAccounts.tsx';
import { safeNextPath } from '../components/auth/next-path.ts';
import { SignInForm } from '../components/auth/SignInForm.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/accounts.ts';

/** `/masuk`: email and password (and a 2FA code when asked), then back to `?next=` or home. */
export function SignInPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const session = useSessionQuery();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [askCode, setAskCode] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  useDocumentTitle(t('signIn.title'));

  function fillDemoAccount(demoEmail: string, demoPassword: string | null) {
    setEmail(demoEmail);
    setPassword(demoPassword ?? '');
    setAskCode(false);
    // The list sits below the form: bring the filled form back, ready to send.
    submitRef.current?.focus();
    submitRef.current?.scrollIntoView({ block: 'center' });
  }

  const user = session.data?.user;
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {user ? (
        <>
          <p>{t('signIn.signedInAs', { name: user.name })}</p>
          <p>
            <Link href={next} className="button primary">
              {t('signIn.continue')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('signIn.intro')}</p>
          <SignInForm
            email={email}
            password={password}
            onEmailChange={setEmail}
            onPasswordChange={setPassword}
            askCode={askCode}
            onAskCode={setAskCode}
            onSignedIn={() => navigate(next, { replace: true })}
            submitRef={submitRef}
          />
          <p className="hint">{t('signIn.forgot')}</p>
          <DemoAccounts onUse={fillDemoAccount} />
        </>
      )}
    </div>
  );
}
