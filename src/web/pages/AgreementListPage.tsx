import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { useAgreementsQuery } from '../api/useAgreementsQuery.ts';
import { useRemindersQuery } from '../api/useRemindersQuery.ts';
import { useSessionQuery } from '../api/useSessionQuery.ts';
import { PageError } from '../components/AccessDenied.tsx';
import { AgreementCard } from '../components/agreements/AgreementCard.tsx';
import { AgreementFilters, FILTER_KEYS } from '../components/agreements/AgreementFilters.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/agreements.ts';

/**
 * `/kerja-sama`: agreements anyone may read (public ones; signed-in users also see their own
 * internal ones), filtered through the URL (`?q=Sumbawa&status=kb_signed&area=32.75&role=pihak`),
 * with reminders as badges for signed-in users.
 */
export function AgreementListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = { q: params.get('q') ?? '', status: params.get('status') ?? '', area: params.get('area') ?? '', role: params.get('role') ?? '' };
  const session = useSessionQuery();
  const user = session.data?.user;
  const agreements = useAgreementsQuery(filters);
  const reminders = useRemindersQuery(Boolean(user));
  const mayCreate = user ? user.roles.includes('admin') || user.roles.includes('coordinator') : false;
  useDocumentTitle(t('agreements.title'));

  function apply(next: typeof filters) {
    setParams(Object.fromEntries(FILTER_KEYS.filter((key) => next[key].trim() !== '').map((key) => [key, next[key].trim()])));
  }

  const items = agreements.data?.items ?? [];
  return (
    <>
      <h1>{t('agreements.title')}</h1>
      <p className="lead">{t('agreements.intro')}</p>
      {mayCreate && (
        <p>
          <Link href="/kerja-sama/baru" className="button primary">
            {t('agreements.new')}
          </Link>
        </p>
      )}
      <AgreementFilters key={params.toString()} initial={filters} onApply={apply} onClear={() => setParams({})} />
      <h2 id="agreement-list-heading" className="visually-hidden">
        {t('agreements.title')}
      </h2>
      {agreements.isPending && <Loading />}
      {agreements.isError && <PageError error={agreements.error} onRetry={() => void agreements.refetch()} />}
      {agreements.isSuccess && (
        <p className="status" role="status">
          {items.length === 0 ? t('agreements.none') : t('agreements.count', { count: agreements.data.total })}
        </p>
      )}
      {items.length > 0 && (
        <ul className="cards agreement-list" aria-labelledby="agreement-list-heading">
          {items.map((agreement) => (
            <AgreementCard key={agreement.id} agreement={agreement} reminders={reminders.data?.items ?? []} />
          ))}
        </ul>
      )}
    </>
  );
}
