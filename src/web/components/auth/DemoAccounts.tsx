import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDemoAccountsQuery } from '../../api/useDemoAccountsQuery.ts';

interface DemoAccountsProps {
  onUse: (email: string, password: string | null) => void;
}

/** The accounts of the demo data, each with a button that fills the sign-in form; nothing without demo data. */
export function DemoAccounts({ onUse }: DemoAccountsProps) {
  const { t } = useTranslation();
  const demo = useDemoAccountsQuery();
  const id = useId();
  if (!demo.data || demo.data.items.length === 0) return null;
  const { password, items } = demo.data;

  return (
    <section className="demo-accounts" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('demo.title')}</h2>
      <p className="hint">{t('demo.intro')}</p>
      {password && (
        <p>
          {t('demo.passwordLabel')} <code className="nowrap">{password}</code>
        </p>
      )}
      <ul className="cards">
        {items.map((account) => (
          <li key={account.email} className="card">
            <p id={`${id}-${account.email}`} className="card-title">
              {account.name}
            </p>
            <p className="card-meta">{account.email}</p>
            <p className="card-meta">
              {account.organisationName} · {account.roles.map((role) => t(`roles.${role}`)).join(', ')}
            </p>
            <button type="button" onClick={() => onUse(account.email, password)} aria-describedby={`${id}-${account.email}`}>
              {t('demo.use')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
