import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import type { CurrentUser } from '../../../common/api/auth.ts';
import { useProgrammeRemindersQuery } from '../../api/useProgrammeRemindersQuery.ts';
import { useRemindersQuery } from '../../api/useRemindersQuery.ts';
import { formatDay, formatTerm } from './format.ts';
import { fromProgrammeReminders, mergeReminders, partyLabel } from './labels.ts';
import { ReminderBadges } from './ReminderBadges.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TemplateDialog } from './TemplateDialog.tsx';
import { TransitionDialog } from './TransitionDialog.tsx';

interface WorkspaceHeaderProps {
  agreement: AgreementDetail;
  user: CurrentUser | null;
  onNotice: (text: string) => void;
}

/** Title, status, parties, signing date and term, reminders, and the actions the caller may take. */
export function WorkspaceHeader({ agreement, user, onNotice }: WorkspaceHeaderProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [dialog, setDialog] = useState<'transition' | 'template' | null>(null);
  const reminders = useRemindersQuery(Boolean(user));
  const programmeReminders = useProgrammeRemindersQuery(agreement.id);
  const allReminders = mergeReminders(reminders.data?.items ?? [], fromProgrammeReminders(programmeReminders.data?.items ?? [], agreement.title));
  const mayCreate = user ? user.roles.includes('admin') || user.roles.includes('coordinator') : false;
  const term = formatTerm(agreement.startDate, agreement.endDate, language, t('agreements.open'));
  const parties = [...agreement.parties].sort((a, b) => a.partyNumber - b.partyNumber);

  return (
    <header className="workspace-header">
      <p className="crumb">
        <Link href="/kerja-sama">{t('agreements.title')}</Link>
      </p>
      <h1>{agreement.title}</h1>
      <p className="badges">
        <StatusBadge status={agreement.status} />
        <span className="badge">{t(`agreements.categories.${agreement.category}`)}</span>
        {agreement.isTwinning && <span className="badge">{t('agreements.twinning')}</span>}
        <span className="badge">{t(`agreements.visibility.${agreement.visibility}`)}</span>
      </p>
      <ul className="party-names">
        {parties.map((party) => (
          <li key={party.organisationCode}>
            <span className="party-number">{partyLabel(party.partyNumber, language)}</span> {party.name}
          </li>
        ))}
      </ul>
      {agreement.signedOn && <p className="card-meta">{t('agreements.signedOn', { date: formatDay(agreement.signedOn, language) })}</p>}
      {term && (
        <p className="card-meta">
          {t('agreements.term')}: {term}
        </p>
      )}
      <ReminderBadges reminders={allReminders} agreementId={agreement.id} />
      {(agreement.canEdit || mayCreate) && (
        <div className="actions workspace-actions">
          {agreement.canEdit && (
            <button type="button" className="primary" onClick={() => setDialog('transition')}>
              {t('agreements.overview.move')}
            </button>
          )}
          {agreement.canEdit && (
            <Link href={`/kerja-sama/${agreement.id}/ubah`} className="button">
              {t('agreements.overview.edit')}
            </Link>
          )}
          {mayCreate && (
            <button type="button" onClick={() => setDialog('template')}>
              {t('agreements.overview.template')}
            </button>
          )}
        </div>
      )}
      {!agreement.canEdit && user && <p className="hint">{t('agreements.overview.readOnly')}</p>}
      {dialog === 'transition' && <TransitionDialog agreement={agreement} onClose={() => setDialog(null)} onMoved={onNotice} />}
      {dialog === 'template' && <TemplateDialog agreement={agreement} onClose={() => setDialog(null)} />}
    </header>
  );
}
