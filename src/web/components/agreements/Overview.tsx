import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AgreementDetail } from '../../../common/api/agreements.ts';
import { formatDay, formatTerm } from './format.ts';
import { partyLabel, sortParticipants } from './labels.ts';
import { Sources } from './Sources.tsx';

/**
 * What the agreement is: category, status, term, objectives, the DPRD question, and each party's
 * recognised achievement with its sources (for the founding KSB–Bekasi twinning, as the reports
 * put it: KSB the first kabupaten with all five STBM pillars, Kota Bekasi for safely managed sanitation).
 */
export function Overview({ agreement }: { agreement: AgreementDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const term = formatTerm(agreement.startDate, agreement.endDate, language, t('agreements.open'));
  // The parties' own recognition; notes on facilitators and witnesses stay on the participants page.
  const achievements = sortParticipants(agreement.participants).filter((participant) => participant.note && ['pihak', 'mentor', 'mentee'].includes(participant.role));

  return (
    <section aria-labelledby="overview-heading" className="workspace-section">
      <h2 id="overview-heading">{t('agreements.tabs.overview')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('agreements.overview.category')}</dt>
          <dd>{t(`agreements.categories.${agreement.category}`)}</dd>
        </div>
        <div>
          <dt>{t('agreements.overview.status')}</dt>
          <dd>
            {t(`agreements.statuses.${agreement.status}`)} ({t('agreements.overview.statusSince', { date: formatDay(agreement.statusChangedAt, language) })})
          </dd>
        </div>
        {agreement.signedOn && (
          <div>
            <dt>{t('documents.signedOn')}</dt>
            <dd>{formatDay(agreement.signedOn, language)}</dd>
          </div>
        )}
        <div>
          <dt>{t('agreements.term')}</dt>
          <dd>{term ?? t('agreements.open')}</dd>
        </div>
        {agreement.renewalTerms && (
          <div>
            <dt>{t('agreements.overview.renewal')}</dt>
            <dd>{agreement.renewalTerms}</dd>
          </div>
        )}
        <div>
          <dt>{t('agreements.overview.visibility')}</dt>
          <dd>{t(`agreements.visibility.${agreement.visibility}`)}</dd>
        </div>
        <div>
          <dt>{t('agreements.overview.dprd')}</dt>
          <dd>{agreement.dprdRequired ? t('agreements.overview.dprdRequired') : t('agreements.overview.dprdNotRequired')}</dd>
        </div>
      </dl>
      <h3>{t('agreements.overview.objectives')}</h3>
      <p className="prose">{agreement.objectives || t('agreements.overview.noObjectives')}</p>
      {achievements.length > 0 && (
        <>
          <h3>{t('agreements.overview.achievements')}</h3>
          <ul className="cards">
            {achievements.map((participant) => (
              <li key={participant.id} className="card">
                <p className="card-title">
                  {participant.partyNumber ? `${partyLabel(participant.partyNumber, language)}: ` : ''}
                  {participant.organisation.name}
                </p>
                <p>{participant.note}</p>
                <Sources sources={participant.sources} />
              </li>
            ))}
          </ul>
        </>
      )}
      {agreement.note && (
        <>
          <h3>{t('agreements.overview.note')}</h3>
          <p className="prose">{agreement.note}</p>
        </>
      )}
      <Sources sources={agreement.sources} />
      {agreement.replicatedFromId && (
        <p>
          {t('agreements.overview.replicatedFrom')}: <Link href={`/kerja-sama/${agreement.replicatedFromId}`}>{t('agreements.overview.openOriginal')}</Link>
        </p>
      )}
    </section>
  );
}
