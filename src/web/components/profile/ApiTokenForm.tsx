import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TOKEN_SCOPES } from '../../../common/roles.ts';
import type { TokenScope } from '../../../common/roles.ts';
import { useCreateApiTokenMutation } from '../../api/useApiTokenMutations.ts';
import { CopyField } from '../CopyField.tsx';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';

const DEFAULT_DAYS = '90';

/** Name, scope and lifetime of a new token; the token itself is shown once, with a warning. */
export function ApiTokenForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState(DEFAULT_DAYS);
  const create = useCreateApiTokenMutation();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scope, expiresInDays: Number(days) }, { onSuccess: () => setName('') });
  }

  if (create.data) {
    return (
      <div className="notice">
        <p>
          <strong>{t('tokens.warning')}</strong>
        </p>
        <CopyField label={t('tokens.created')} value={create.data.token} />
        <button type="button" onClick={() => create.reset()}>
          {t('tokens.done')}
        </button>
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <TextField label={t('tokens.name')} hint={t('tokens.nameHint')} value={name} onChange={setName} required maxLength={80} autoComplete="off" />
      <fieldset>
        <legend>{t('tokens.scope')}</legend>
        {TOKEN_SCOPES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => setScope(option)} />
            {t(`tokens.scopes.${option}`)}
          </label>
        ))}
      </fieldset>
      <TextField label={t('tokens.expiresInDays')} type="number" inputMode="numeric" min={1} max={365} value={days} onChange={setDays} required />
      {create.isError && <ErrorMessage error={create.error} />}
      <button type="submit" disabled={create.isPending}>
        {t('tokens.create')}
      </button>
    </form>
  );
}
