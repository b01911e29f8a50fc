import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AgreementSummary, Reminder } from '../../../common/api/agreements.ts';
import { formatDay, formatTerm } from './format.ts';
import { partyLabel } from './labels.ts';
import { ReminderBadges } from './ReminderBadges.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** One agreement in the list: title, status, parties in PIHAK order, signing date, term, reminders. */
export function AgreementCard({ agreement, reminders }: { agreement: AgreementSummary; reminders: readonly Reminder[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const term = formatTerm(agreement.startDate, agreement.endDate, language, t('agreements.open'));
  const parties = [...agreement.parties].sort((a, b) => a.partyNumber - b.partyNumber);
  const titleId = `agreement-${agreement.id}`;
  return (
    <li className="card agreement-card" aria-labelledby={titleId}>
      <p className="card-title" id={titleId}>
        <Link href={`/kerja-sama/${agreement.id}`}>{agreement.title}</Link>
      </p>
      <p className="badges">
        <StatusBadge status={agreement.status} />
        {agreement.isTwinning && <span className="badge">{t('agreements.twinning')}</span>}
        {agreement.visibility === 'internal' && <span className="badge">{t('agreements.visibility.internal')}</span>}
      </p>
      <p className="card-meta">{t(`agreements.categories.${agreement.category}`)}</p>
      {parties.length > 0 && (
        <ul className="party-names">
          {parties.map((party) => (
            <li key={party.organisationCode}>
              <span className="party-number">{partyLabel(party.partyNumber, language)}</span> {party.name}
            </li>
          ))}
        </ul>
      )}
      {agreement.signedOn && <p className="card-meta">{t('agreements.signedOn', { date: formatDay(agreement.signedOn, language) })}</p>}
      {term && (
        <p className="card-meta">
          {t('agreements.term')}: {term}
        </p>
      )}
      <ReminderBadges reminders={reminders} agreementId={agreement.id} />
    </li>
  );
}
