import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewParticipant } from '../../../common/api/agreements.ts';
import type { Organisation } from '../../../common/api/organisations.ts';
import { ATTENDANCE_KINDS, PARTICIPANT_ROLES } from '../../../common/agreements/vocabulary.ts';
import type { Attendance, ParticipantRole } from '../../../common/agreements/vocabulary.ts';
import { addParticipant } from '../../api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { TextField } from '../TextField.tsx';
import { SelectField, TextAreaField } from './fields.tsx';
import { OrganisationPicker } from '../OrganisationPicker.tsx';
import { Problems } from './Problems.tsx';
import { formProblems } from './server-errors.ts';

/** Adds an organisation in a role; a PIHAK gets the next number unless one is given. */
export function ParticipantForm({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [role, setRole] = useState<ParticipantRole>('fasilitator');
  const [partyNumber, setPartyNumber] = useState('');
  const [attendance, setAttendance] = useState<Attendance | ''>('');
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const add = useAgreementWrite(agreementId, (input: NewParticipant) => addParticipant(agreementId, input));
  const server = formProblems(add.error, ['organisationCode', 'role', 'partyNumber', 'note']);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!organisation) return;
    add.mutate(
      {
        organisationCode: organisation.code,
        role,
        partyNumber: role === 'pihak' && partyNumber ? Number(partyNumber) : undefined,
        attendance: attendance || null,
        note: note.trim() || null,
      },
      {
        onSuccess: () => {
          setOrganisation(null);
          setNote('');
          setPartyNumber('');
          setChecked(false);
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <OrganisationPicker
        value={organisation}
        onChange={setOrganisation}
        error={(checked && !organisation ? t('agreements.participants.organisationRequired') : undefined) ?? server.byField.organisationCode}
      />
      <SelectField label={t('agreements.participants.role')} value={role} onChange={(value) => setRole(value as ParticipantRole)} error={server.byField.role}>
        {PARTICIPANT_ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`agreements.roles.${value}`)}
          </option>
        ))}
      </SelectField>
      {role === 'pihak' && (
        <TextField
          label={t('agreements.participants.partyNumber')}
          hint={t('agreements.participants.partyNumberHint')}
          type="number"
          min={1}
          max={99}
          value={partyNumber}
          onChange={setPartyNumber}
          error={server.byField.partyNumber}
        />
      )}
      <SelectField label={t('agreements.participants.attendance')} value={attendance} onChange={(value) => setAttendance(value as Attendance | '')}>
        <option value="">{t('agreements.participants.noAttendance')}</option>
        {ATTENDANCE_KINDS.map((value) => (
          <option key={value} value={value}>
            {t(`agreements.attendance.${value}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('agreements.participants.note')} value={note} onChange={setNote} error={server.byField.note} maxLength={2000} />
      <Problems items={server.general} />
      {add.isSuccess && (
        <p className="status" role="status">
          {t('agreements.participants.added')}
        </p>
      )}
      <button type="submit" className="primary" disabled={add.isPending}>
        {t('agreements.participants.save')}
      </button>
    </form>
  );
}
