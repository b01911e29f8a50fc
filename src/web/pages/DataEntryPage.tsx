import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { AreaDetail } from '../../common/api/areas.ts';
import type { CurrentUser } from '../../common/api/auth.ts';
import { useAreaQuery } from '../api/useAreaQuery.ts';
import { Forbidden } from '../components/AccessDenied.tsx';
import { AreaError, areaErrorTitleKey } from '../components/AreaError.tsx';
import { dataEntryAccess } from '../components/data-entry/access.ts';
import type { DataEntryAccess } from '../components/data-entry/access.ts';
import { DataEntryEditor } from '../components/data-entry/DataEntryEditor.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/data-entry.ts';

/**
 * `/wilayah/:code/isi-data`: the values of an area's indicators for one period and source. For
 * admins, and for data officers within their organisation's area; anyone else is told why not
 * and never sees the form (the server refuses their writes as well).
 */
export function DataEntryPage({ params }: { params: { code: string } }) {
  return <RequireSession>{({ user }) => <DataEntry code={params.code} user={user} />}</RequireSession>;
}

function DataEntry({ code, user }: { code: string; user: CurrentUser }) {
  const area = useAreaQuery(code);
  if (area.isPending) return <Loading />;
  if (area.isError) return <AreaLoadError error={area.error} onRetry={() => void area.refetch()} />;
  const access = dataEntryAccess(user, area.data.code);
  if (access !== 'allowed') return <NotAllowed access={access} area={area.data} user={user} />;
  return <DataEntryEditor area={area.data} />;
}

function AreaLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t(areaErrorTitleKey(error)));
  return <AreaError error={error} onRetry={onRetry} />;
}

/** "Anda tidak berhak membuka halaman ini", and why: the role, or an area outside the organisation's. */
function NotAllowed({ access, area, user }: { access: Exclude<DataEntryAccess, 'allowed'>; area: AreaDetail; user: CurrentUser }) {
  const { t } = useTranslation();
  const organisation = user.organisation;
  const reasons = {
    role: t('dataEntry.deniedRole'),
    no_area: t('dataEntry.deniedNoArea', { organisation: organisation.name }),
    outside_area: t('dataEntry.deniedOutside', { area: area.name, code: area.code, organisation: organisation.name, own: organisation.areaCode }),
  };
  return (
    <Forbidden reason={reasons[access]}>
      <p>
        <Link href={`/wilayah/${area.code}`}>{t('dataEntry.backToArea', { name: area.name })}</Link>
      </p>
    </Forbidden>
  );
}
