import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AgreementDetail } from '../../common/api/agreements.ts';
import type { CurrentUser } from '../../common/api/auth.ts';
import { ApiError } from '../api/client.ts';
import { useAgreementQuery } from '../api/useAgreementQuery.ts';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { PageError } from '../components/AccessDenied.tsx';
import { WorkspaceHeader } from '../components/agreements/WorkspaceHeader.tsx';
import { WorkspaceSection } from '../components/agreements/WorkspaceSection.tsx';
import { SECTIONS, sectionOf } from '../components/agreements/sections.ts';
import type { Section } from '../components/agreements/sections.ts';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/agreements.ts';

/**
 * `/kerja-sama/:id/:section?`: an agreement's workspace. The sections (overview, participants,
 * scope, documents, timeline, work plan, results) are links, so each has its own address and the
 * back button works; public agreements read without signing in, writes need a party's coordinator.
 */
export function AgreementPage({ params }: { params: { id: string; section?: string } }) {
  const { t } = useTranslation();
  const agreement = useAgreementQuery(params.id);
  const session = useSessionQuery();
  const section: Section | 'edit' | null = params.section === undefined ? 'overview' : params.section === 'ubah' ? 'edit' : sectionOf(params.section);
  useDocumentTitle(agreement.data?.title ?? (agreement.isError ? t('agreements.overview.notFound') : undefined));

  if (agreement.isPending) return <Loading />;
  if (agreement.isError) {
    if (agreement.error instanceof ApiError && (agreement.error.isNotFound || agreement.error.status === 400)) return <NotFound />;
    return <PageError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  }
  if (section === null) return <NotFound />;
  return <Workspace agreement={agreement.data} section={section} user={session.data?.user ?? null} />;
}

function Workspace({ agreement, section, user }: { agreement: AgreementDetail; section: Section | 'edit'; user: CurrentUser | null }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <WorkspaceHeader agreement={agreement} user={user} onNotice={setNotice} />
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <nav className="tabs" aria-label={t('agreements.tabs.label')}>
        <ul>
          {SECTIONS.map(({ key, slug }) => (
            <li key={key}>
              <Link href={slug ? `/kerja-sama/${agreement.id}/${slug}` : `/kerja-sama/${agreement.id}`} aria-current={section === key ? 'page' : undefined}>
                {t(`agreements.tabs.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <WorkspaceSection agreement={agreement} section={section} user={user} />
    </>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('agreements.overview.notFound')}</h1>
      <p>
        <Link href="/kerja-sama">{t('agreements.overview.backToList')}</Link>
      </p>
    </>
  );
}
