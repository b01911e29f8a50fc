import { useTranslation } from 'react-i18next';
import type { AgreementDetail, Participant, Person } from '../../../common/api/agreements.ts';
import { removePerson } from '../../api/agreements.ts';
import { partyLabel, sortParticipants } from './labels.ts';
import { ParticipantForm } from './ParticipantForm.tsx';
import { PersonForm } from './PersonForm.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { Sources } from './Sources.tsx';

/** Who takes part and in which role (PIHAK numbered; mentor, mentee, facilitator, witnesses, sponsor, OPD), and the people who attended or signed. */
export function ParticipantsSection({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const participants = sortParticipants(agreement.participants);
  const byOrganisation = groupPeople(agreement.people);
  return (
    <section aria-labelledby="participants-heading" className="workspace-section">
      <h2 id="participants-heading">{t('agreements.participants.heading')}</h2>
      <p className="hint">{t('agreements.participants.intro')}</p>
      <ul className="cards" aria-labelledby="participants-heading">
        {participants.map((participant) => (
          <ParticipantCard key={participant.id} participant={participant} />
        ))}
      </ul>
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('agreements.participants.add')}</summary>
          <ParticipantForm agreementId={agreement.id} />
        </details>
      )}
      <h3 id="people-heading">{t('agreements.participants.people')}</h3>
      {byOrganisation.length === 0 && <p className="empty">{t('agreements.participants.noPeople')}</p>}
      {byOrganisation.map(([organisation, people]) => (
        <div key={organisation} className="people-group">
          <h4>{organisation}</h4>
          <ul className="people" aria-label={organisation}>
            {people.map((person) => (
              <li key={person.id}>
                <span className="person-name">{person.name ?? <em>{t('agreements.participants.nameUnknown')}</em>}</span>
                <span className="person-position">{person.position}</span>
                {person.attendance && <span className="badge">{t(`agreements.attendance.${person.attendance}`)}</span>}
                {person.note && <span className="hint">{person.note}</span>}
                <Sources sources={person.sources} />
                {agreement.canEdit && <RemoveButton agreementId={agreement.id} name={person.name ?? person.position} remove={() => removePerson(agreement.id, person.id)} />}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {agreement.canEdit && (
        <details className="panel add-box">
          <summary>{t('agreements.participants.addPerson')}</summary>
          <PersonForm agreement={agreement} />
        </details>
      )}
    </section>
  );
}

function ParticipantCard({ participant }: { participant: Participant }) {
  const { t, i18n } = useTranslation();
  const role = participant.role === 'pihak' && participant.partyNumber ? partyLabel(participant.partyNumber, i18n.language) : t(`agreements.roles.${participant.role}`);
  return (
    <li className="card participant-card" aria-label={`${role}: ${participant.organisation.name}`}>
      <p className="card-title">{participant.organisation.name}</p>
      <p className="badges">
        <span className={`badge role-${participant.role}`}>{role}</span>
        {participant.attendance && <span className="badge">{t(`agreements.attendance.${participant.attendance}`)}</span>}
      </p>
      {participant.note && <p>{participant.note}</p>}
      <Sources sources={participant.sources} />
    </li>
  );
}

/** People by organisation, in the order the organisations first appear. */
function groupPeople(people: readonly Person[]): [string, Person[]][] {
  const groups = new Map<string, Person[]>();
  for (const person of people) groups.set(person.organisation.name, [...(groups.get(person.organisation.name) ?? []), person]);
  return [...groups.entries()];
}
