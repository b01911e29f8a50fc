import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, NewPerson } from '../../../common/api/agreements.ts';
import { ATTENDANCE_KINDS } from '../../../common/agreements/vocabulary.ts';
import type { Attendance } from '../../../common/agreements/vocabulary.ts';
import { addPerson } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextField } from '../TextField.tsx';
import { SelectField } from './fields.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

/** Records a person (an official attending or signing) of one of the participating organisations. */
export function PersonForm({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const organisations = [...new Map(agreement.participants.map((participant) => [participant.organisation.code, participant.organisation])).values()];
  const [organisationCode, setOrganisationCode] = useState(organisations[0]?.code ?? '');
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [attendance, setAttendance] = useState<Attendance | ''>('');
  const [checked, setChecked] = useState(false);
  const add = useAgreementWrite(agreement.id, (input: NewPerson) => addPerson(agreement.id, input));
  const server = formProblems(add.error, ['organisationCode', 'name', 'position']);
  const positionError = checked && !position.trim() ? t('agreements.form.required') : server.byField.position;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!organisationCode || !position.trim()) return;
    add.mutate(
      { organisationCode, name: name.trim() || null, position: position.trim(), attendance: attendance || null },
      {
        onSuccess: () => {
          setName('');
          setPosition('');
          setChecked(false);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <SelectField label={t('organisationPicker.label')} value={organisationCode} onChange={setOrganisationCode} error={server.byField.organisationCode}>
        {organisations.map((organisation) => (
          <option key={organisation.code} value={organisation.code}>
            {organisation.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('agreements.participants.name')} hint={t('agreements.participants.nameHint')} value={name} onChange={setName} error={server.byField.name} maxLength={200} />
      <TextField label={t('agreements.participants.position')} value={position} onChange={setPosition} error={positionError} required maxLength={300} />
      <SelectField label={t('agreements.participants.attendance')} value={attendance} onChange={(value) => setAttendance(value as Attendance | '')}>
        <option value="">{t('agreements.participants.noAttendance')}</option>
        {ATTENDANCE_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`agreements.attendance.${value}`)}
          </option>
        ))}
      </SelectField>
      <Problems items={server.general} />
      {add.isSuccess && (
        <p className="status" role="status">
          {t('agreements.participants.added')}
        </p>
      )}
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('agreements.participants.savePerson')}
      </button>
    </form>
  );
}
