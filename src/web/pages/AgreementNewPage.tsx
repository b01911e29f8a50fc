import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createAgreement } from '../api/agreements.ts';
import { AGREEMENTS_KEY } from '../api/useAgreementsQuery.ts';
import { AgreementForm } from '../components/agreements/AgreementForm.tsx';
import type { AgreementFormValues } from '../components/agreements/AgreementForm.tsx';
import type { Organisation } from '../../common/api/organisations.ts';
import { RequireSession } from '../components/RequireSession.tsx';
import { Forbidden } from '../components/AccessDenied.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/agreements.ts';

/** `/kerja-sama/baru` (admins and coordinators): a new agreement, with its PIHAK in order; then its workspace. */
export function AgreementNewPage() {
  return (
    <RequireSession>
      {({ user }) => (user.roles.includes('admin') || user.roles.includes('coordinator') ? <NewAgreement /> : <Forbidden />)}
    </RequireSession>
  );
}

function NewAgreement() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  useDocumentTitle(t('agreements.form.newTitle'));
  const create = useMutation({
    mutationFn: ({ values, parties }: { values: AgreementFormValues; parties: Organisation[] }) =>
      createAgreement({ ...values, parties: parties.map((party) => party.code) }),
    onSuccess: async (agreement) => {
      await queryClient.invalidateQueries({ queryKey: AGREEMENTS_KEY });
      navigate(`/kerja-sama/${agreement.id}`);
    },
  });
  return (
    <>
      <h1>{t('agreements.form.newTitle')}</h1>
      <AgreementForm pending={create.isPending} error={create.error} onSubmit={(values, parties) => create.mutate({ values, parties })} onCancel={() => navigate('/kerja-sama')} />
    </>
  );
}
