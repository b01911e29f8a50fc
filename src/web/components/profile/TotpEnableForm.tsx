import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../../api/auth.ts';
import { useTotpEnableMutation } from '../../api/useAccountMutations.ts';
import { CopyField } from '../CopyField.tsx';
import { ErrorMessage } from '../Status.tsx';
import { OneTimeCodeField } from '../OneTimeCodeField.tsx';

/** The new secret as a QR code and as text, and a code from the app to prove it was stored. */
export function TotpEnableForm({ setup, onCancel }: { setup: TotpSetup; onCancel: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const enable = useTotpEnableMutation();

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    enable.mutate(code.trim());
  }

  return (
    <form className="stack" onSubmit={handleSubmit}>
      <p>{t('totp.scan')}</p>
      {/* An <img> of the SVG, never inline markup: whatever the document holds, it cannot run script here. */}
      <img className="qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={t('totp.qrAlt')} width={200} height={200} />
      {/* On the phone that runs the app, scanning its own screen is impossible: open or copy instead. */}
      <p>
        <a href={setup.otpauthUrl}>{t('totp.openApp')}</a>
      </p>
      <CopyField label={t('totp.secret')} value={setup.secret} />
      <OneTimeCodeField label={t('totp.code')} hint={t('totp.codeHint')} value={code} onChange={setCode} />
      {enable.isError && <ErrorMessage error={enable.error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={enable.isPending}>
          {t('totp.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
