import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, GuardReasonDto } from '../../../common/api/agreements.ts';
import type { AgreementStatus } from '../../../common/agreements/vocabulary.ts';
import { postTransition } from '../../api/agreements.ts';
import type { TransitionRequest } from '../../../common/api/agreements.ts';
import { useAgreementWrite } from '../../api/useAgreementWrite.ts';
import { useTransitionOptionsQuery } from '../../api/useTransitionOptionsQuery.ts';
import { ErrorMessage, Loading } from '../Status.tsx';
import { Dialog } from './Dialog.tsx';
import { TextAreaField } from './fields.tsx';
import { refusalReasons } from './guard-messages.ts';
import { GuardList } from './GuardList.tsx';

interface TransitionDialogProps {
  agreement: AgreementDetail;
  onClose: () => void;
  /** Told what happened when the move succeeded (the new status, and any warnings). */
  onMoved: (text: string) => void;
}

/**
 * Moves the agreement along its legal lifecycle. Lists the states it may go to next, each with the
 * guards still unmet and the warnings of unconfirmed rules; a refused move (409) lists every
 * reason the server gave, and nothing changes until they are met.
 */
export function TransitionDialog({ agreement, onClose, onMoved }: TransitionDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = useTransitionOptionsQuery(agreement.id, true);
  const [to, setTo] = useState<AgreementStatus | ''>('');
  const [note, setNote] = useState('');
  const move = useAgreementWrite(agreement.id, (input: TransitionRequest) => postTransition(agreement.id, input));
  const chosen = options.data?.options.find((option) => option.to === to);
  const refusal: GuardReasonDto[] = move.isError ? refusalReasons(move.error) : [];

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!to) return;
    move.mutate(
      { to, note: note.trim() || undefined },
      {
        onSuccess: (result) => {
          const status = t(`agreements.statuses.${result.status}`);
          const warnings = result.warnings.map((warning) => warning.message).join(' ');
          onMoved(`${t('agreements.transition.moved', { status })}${warnings ? ` ${warnings}` : ''}`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={t('agreements.transition.title')} onClose={onClose}>
      <p>{t('agreements.transition.current', { status: t(`agreements.statuses.${agreement.status}`) })}</p>
      {options.isPending && <Loading />}
      {options.isError && <ErrorMessage error={options.error} onRetry={() => void options.refetch()} />}
      {options.data && options.data.options.length === 0 && <p>{t('agreements.transition.none')}</p>}
      {options.data && options.data.options.length > 0 && (
        <form className="stack" onSubmit={handleSubmit}>
          <fieldset>
            <legend>{t('agreements.transition.choose')}</legend>
            <div className="choices">
              {options.data.options.map((option) => (
                <label key={option.to} className="choice">
                  <input
                    type="radio"
                    name={`${id}-to`}
                    value={option.to}
                    checked={to === option.to}
                    onChange={() => {
                      setTo(option.to);
                      move.reset();
                    }}
                  />
                  <span>
                    <span>{t(`agreements.statuses.${option.to}`)}</span>{' '}
                    <span className="kind">
                      {option.unmet.length > 0 ? t('agreements.transition.blockedCount', { count: option.unmet.length }) : t('agreements.transition.ready')}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {chosen && <GuardList reasons={chosen.unmet} label={t('agreements.transition.unmet')} tone="unmet" />}
          {chosen && chosen.warnings.length > 0 && (
            <>
              <p className="hint">{t('agreements.transition.warnings')}</p>
              <GuardList reasons={chosen.warnings} label={t('agreements.transition.warnings')} tone="warning" />
            </>
          )}
          <TextAreaField label={t('agreements.transition.note')} hint={t('agreements.transition.noteHint')} value={note} onChange={setNote} maxLength={2000} />
          {refusal.length > 0 && (
            <div className="error" role="alert">
              <p>{t('agreements.transition.refused')}</p>
              <GuardList reasons={refusal} label={t('agreements.transition.unmet')} tone="unmet" />
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={!to || move.isPending}>
              {t('agreements.transition.submit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('agreements.transition.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
