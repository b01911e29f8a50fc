import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementDocument, NewSignatory } from '../../../common/api/agreements.ts';
import { NON_SIGNING_ROLES, SIGNATORY_CAPACITIES } from '../../../common/agreements/vocabulary.ts';
import type { SignatoryCapacity } from '../../../common/agreements/vocabulary.ts';
import { addSignatory } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { SelectField } from './fields.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

/**
 * Adds a signatory from the agreement's people. People of organisations that only facilitate or
 * witness are left out of the choice: they never sign (the server refuses them as well).
 */
export function SignatoryForm({ agreement, document }: { agreement: AgreementDetail; document: AgreementDocument }) {
  const { t } = useTranslation();
  const nonSigning = new Set(
    agreement.participants.filter((participant) => NON_SIGNING_ROLES.has(participant.role) && !agreement.participants.some((other) => other.role === 'pihak' && other.organisation.code === participant.organisation.code)).map((participant) => participant.organisation.code),
  );
  const already = new Set(document.signatories.map((signatory) => signatory.personId));
  const people = agreement.people.filter((person) => !nonSigning.has(person.organisation.code) && !already.has(person.id));
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [capacity, setCapacity] = useState<SignatoryCapacity>(document.kind === 'pks' ? 'kuasa' : 'kepala_daerah');
  const add = useAgreementWrite(agreement.id, (input: NewSignatory) => addSignatory(agreement.id, document.id, input));
  const server = formProblems(add.error, ['personId', 'capacity', 'powerOfAttorneyDocumentId']);
  const chosen = people.some((person) => person.id === personId) ? personId : (people[0]?.id ?? '');

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    add.mutate({ personId: chosen, capacity });
  }

  if (agreement.people.length === 0) return <p className="empty">{t('documents.noPeopleYet')}</p>;
  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-label={`${t('documents.addSignatory')}: ${document.title}`}>
      <SelectField label={t('documents.signatoryPerson')} hint={t('documents.signatoryPersonHint')} value={chosen} onChange={setPersonId} error={server.byField.personId}>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name ?? t('agreements.participants.nameUnknown')}, {person.position} ({person.organisation.name})
          </option>
        ))}
      </SelectField>
      <SelectField label={t('documents.capacity')} value={capacity} onChange={(value) => setCapacity(value as SignatoryCapacity)} error={server.byField.capacity}>
        {SIGNATORY_CAPACITIES.map((value) => (
          <option key={value} value={value}>
            {t(`documents.capacities.${value}`)}
          </option>
        ))}
      </SelectField>
      <Problems items={server.general} />
      <button type="submit" className="primary" disabled={add.isPending || !chosen}>
        {t('documents.saveSignatory')}
      </button>
    </form>
  );
}
