import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import { useAuditQuery } from '../api/useAuditQuery.ts';
import { PageError } from '../components/AccessDenied.tsx';
import { AuditEntryCard } from '../components/audit/AuditEntryCard.tsx';
import { AuditFilterForm } from '../components/audit/AuditFilterForm.tsx';
import { AUDIT_SEARCH_KEYS, readAuditSearch, toAuditFilters } from '../components/audit/audit-filters.ts';
import type { AuditSearch } from '../components/audit/audit-filters.ts';
import { RequireSession } from '../components/RequireSession.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import '../i18n/accounts.ts';

/** `/riwayat` (admins): the audit trail, filtered through the URL (`?entity=app_user&id=…`), newest first. */
export function AuditPage() {
  return <RequireSession role="admin">{() => <AuditTrail />}</RequireSession>;
}

function AuditTrail() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = readAuditSearch(params);
  const audit = useAuditQuery(toAuditFilters(search));
  const entries = audit.data?.pages.flatMap((page) => page.items) ?? [];
  useDocumentTitle(t('audit.title'));

  function apply(next: AuditSearch) {
    const kept = AUDIT_SEARCH_KEYS.filter((key) => next[key].trim() !== '').map((key) => [key, next[key].trim()]);
    setParams(Object.fromEntries(kept));
  }

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      {/* Remounted when the URL changes (a link inside an entry), so the form shows the filters in force. */}
      <AuditFilterForm key={params.toString()} initial={search} onApply={apply} onClear={() => setParams({})} />
      <h2 id="audit-list-heading">{t('audit.list')}</h2>
      {audit.isPending && <Loading />}
      {audit.isError && !audit.isFetchNextPageError && <PageError error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && <p className="empty">{t('audit.none')}</p>}
      {entries.length > 0 && (
        <ul className="cards audit-list" aria-labelledby="audit-list-heading">
          {entries.map((entry) => (
            <AuditEntryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {audit.isFetchNextPageError && <ErrorMessage error={audit.error} onRetry={() => void audit.fetchNextPage()} />}
      {audit.hasNextPage ? (
        <button type="button" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage}>
          {audit.isFetchingNextPage ? t('status.loading') : t('audit.more')}
        </button>
      ) : (
        entries.length > 0 && <p className="empty">{t('audit.end')}</p>
      )}
    </>
  );
}
