import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { ErrorMessage } from '../Status.tsx';

interface RemoveButtonProps {
  agreementId: string;
  /** What is removed, for the button's accessible name and the question ("Hapus Kesehatan?"). */
  name: string;
  remove: () => Promise<AgreementDetail>;
}

/** Removes one part of an agreement (a scope item, a person, a signatory) after asking; the server refuses what may not go. */
export function RemoveButton({ agreementId, name, remove }: RemoveButtonProps) {
  const { t } = useTranslation();
  const removal = useAgreementWrite(agreementId, () => remove());
  return (
    <>
      <button
        type="button"
        className="danger small"
        aria-label={`${t('agreements.scope.remove')}: ${name}`}
        disabled={removal.isPending}
        onClick={() => {
          if (window.confirm(t('agreements.participants.removeConfirm', { name }))) removal.mutate(undefined);
        }}
      >
        {t('agreements.scope.remove')}
      </button>
      {removal.isError && <ErrorMessage error={removal.error} />}
    </>
  );
}
