import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { Organisation } from '../../../common/api/organisations.ts';
import { createFromTemplate } from '../../api/agreements.ts';
import { AGREEMENTS_KEY } from '../../api/useAgreementsQuery.ts';
import { ErrorMessage } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { Dialog } from './Dialog.tsx';
import { OrganisationPicker } from '../OrganisationPicker.tsx';

/**
 * "Gunakan sebagai templat": a new agreement for two other regions, pre-filled from this one's
 * scope, work plan and results framework (replication, the step Kembar exists for).
 */
export function TemplateDialog({ agreement, onClose }: { agreement: AgreementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [first, setFirst] = useState<Organisation | null>(null);
  const [second, setSecond] = useState<Organisation | null>(null);
  const [title, setTitle] = useState('');
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: (input: { parties: string[]; title?: string }) => createFromTemplate(agreement.id, input),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: AGREEMENTS_KEY });
      onClose();
      navigate(`/kerja-sama/${created.id}`);
    },
  });
  const missing = checked && (!first || !second) ? t('agreements.template.chooseBoth') : undefined;
  const same = first && second && first.code === second.code ? t('agreements.template.sameTwice') : undefined;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!first || !second || first.code === second.code) return;
    create.mutate({ parties: [first.code, second.code], title: title.trim() || undefined });
  }

  return (
    <Dialog title={t('agreements.template.title')} onClose={onClose}>
      <p>{t('agreements.template.intro')}</p>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        <OrganisationPicker legend={t('agreements.template.first')} value={first} onChange={setFirst} error={!first ? missing : undefined} />
        <OrganisationPicker legend={t('agreements.template.second')} value={second} onChange={setSecond} error={(!second ? missing : undefined) ?? same} />
        <TextField label={t('agreements.template.newTitle')} value={title} onChange={setTitle} maxLength={300} />
        {create.isError && <ErrorMessage error={create.error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {t('agreements.template.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('agreements.template.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
