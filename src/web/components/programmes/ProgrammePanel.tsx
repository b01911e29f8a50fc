import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { ProgrammeStage } from '../../../common/programme-stages.ts';
import { moveProgramme, saveProgramme } from '../../api/programmes.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { useProgrammeQuery } from '../../api/useProgrammeQuery.ts';
import { PageError } from '../AccessDenied.tsx';
import { ErrorMessage, Loading } from '../Status.tsx';
import { TextField } from '../TextField.tsx';
import { SelectField, TextAreaField } from '../agreements/fields.tsx';

/** The programme's stage in the twinning method (identification → … → replication), and the move to the next. */
export function ProgrammePanel({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const programme = useProgrammeQuery(agreement.id);
  const [title, setTitle] = useState(agreement.title);
  const [to, setTo] = useState<ProgrammeStage | ''>('');
  const [note, setNote] = useState('');
  const start = useAgreementWrite(agreement.id, (name: string) => saveProgramme(agreement.id, { title: name }));
  const move = useAgreementWrite(agreement.id, (input: { to: ProgrammeStage; note: string | null }) => moveProgramme(agreement.id, input.to, input.note));

  if (programme.isPending) return <Loading />;
  if (programme.isError) return <PageError error={programme.error} onRetry={() => void programme.refetch()} />;
  if (!programme.data) {
    return (
      <div className="panel">
        <p>{t('workplan.noProgramme')}</p>
        {agreement.canEdit && (
          <form
            className="stack"
            onSubmit={(event: FormEvent) => {
              event.preventDefault();
              start.mutate(title.trim());
            }}
          >
            <TextField label={t('workplan.programmeTitle')} value={title} onChange={setTitle} required minLength={3} maxLength={200} />
            {start.isError && <ErrorMessage error={start.error} />}
            <button type="submit" className="primary" disabled={start.isPending}>
              {t('workplan.startProgramme')}
            </button>
          </form>
        )}
      </div>
    );
  }

  const current = programme.data;
  const chosen = to && current.nextStages.includes(to) ? to : (current.nextStages[0] ?? '');
  return (
    <div className="panel">
      <p>
        {t('workplan.programme')}: <strong>{t(`workplan.stages.${current.stage}`)}</strong>
      </p>
      {current.summary && <p className="prose">{current.summary}</p>}
      {agreement.canEdit && current.nextStages.length > 0 && (
        <form
          className="stack"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (chosen) move.mutate({ to: chosen, note: note.trim() || null }, { onSuccess: () => setNote('') });
          }}
        >
          <SelectField label={t('workplan.stageMove')} value={chosen} onChange={(value) => setTo(value as ProgrammeStage)}>
            {current.nextStages.map((stage) => (
              <option key={stage} value={stage}>
                {t(`workplan.stages.${stage}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('workplan.stageNote')} value={note} onChange={setNote} rows={2} maxLength={2000} />
          {move.isError && <ErrorMessage error={move.error} />}
          {move.data && move.data.warnings.length > 0 && (
            <ul className="guard-list guard-warning">
              {move.data.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <button type="submit" disabled={move.isPending}>
            {t('workplan.moveStage')}
          </button>
        </form>
      )}
    </div>
  );
}
