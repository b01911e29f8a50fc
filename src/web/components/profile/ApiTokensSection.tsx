import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../common/api/auth.ts';
import { useRevokeApiTokenMutation } from '../../api/useApiTokenMutations.ts';
import { useApiTokensQuery } from '../../api/useApiTokensQuery.ts';
import { ErrorMessage, Loading } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { ApiTokenForm } from './ApiTokenForm.tsx';

/** The user's API tokens: the list (never the secrets), revoking one, and creating a new one. */
export function ApiTokensSection() {
  const { t } = useTranslation();
  const tokens = useApiTokensQuery();
  const revoke = useRevokeApiTokenMutation();

  function handleRevoke(token: ApiToken) {
    if (window.confirm(t('tokens.revokeConfirm', { name: token.name }))) revoke.mutate(token.id);
  }

  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('tokens.title')}</h2>
      <p className="hint">{t('tokens.intro')}</p>
      {tokens.isPending && <Loading />}
      {tokens.isError && <ErrorMessage error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.items.length === 0 && <p className="empty">{t('tokens.none')}</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <ul className="cards" aria-label={t('tokens.list')}>
          {tokens.data.items.map((token) => (
            <TokenCard key={token.id} token={token} onRevoke={handleRevoke} revoking={revoke.isPending && revoke.variables === token.id} />
          ))}
        </ul>
      )}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      <ApiTokenForm />
    </section>
  );
}

function TokenCard({ token, onRevoke, revoking }: { token: ApiToken; onRevoke: (token: ApiToken) => void; revoking: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <li className="card">
      <p className="card-title">
        {token.name} <span className="badge">{t(`tokens.scopes.${token.scope}`)}</span>
      </p>
      <p className="card-meta">{t('tokens.meta', { prefix: token.prefix, expires: formatDate(token.expiresAt) })}</p>
      <p className="card-meta">{token.lastUsedAt ? t('tokens.lastUsed', { date: formatDate(token.lastUsedAt) }) : t('tokens.neverUsed')}</p>
      <button type="button" className="danger" onClick={() => onRevoke(token)} disabled={revoking} aria-label={t('tokens.revokeLabel', { name: token.name })}>
        {t('tokens.revoke')}
      </button>
    </li>
  );
}
