import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportListItem } from '../../../common/api/imports.ts';
import { importFileUrl } from '../../api/imports.ts';
import { useImportHistoryQuery } from '../../api/useImportHistoryQuery.ts';
import { ErrorMessage, Loading } from '../Status.tsx';
import { useFormatDate } from '../useFormatDate.ts';
import { fileState, historyPage, reportPath } from './history.ts';

const PAGE_SIZE = 10;

/**
 * "Riwayat impor": the user's own imports, newest first, ten at a time: when, which file (to
 * download again when it was kept; "berkas dihapus" once the retention policy deleted it), what
 * kind, how it ended, rows and errors, and its report.
 */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  const history = useImportHistoryQuery({ limit: PAGE_SIZE, offset });
  const number = new Intl.NumberFormat(i18n.language);
  const data = history.data;
  const page = data ? historyPage(offset, PAGE_SIZE, data.total) : null;

  return (
    <section className="import-step import-history" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('imports.history.title')}</h2>
      {history.isPending && <Loading />}
      {history.isError && <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />}
      {data && data.total === 0 && <p className="hint">{t('imports.history.empty')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('imports.history.columns.when')}</th>
                <th scope="col">{t('imports.history.columns.file')}</th>
                <th scope="col">{t('imports.history.columns.format')}</th>
                <th scope="col">{t('imports.history.columns.status')}</th>
                <th scope="col" className="number">
                  {t('imports.history.columns.rows')}
                </th>
                <th scope="col" className="number">
                  {t('imports.history.columns.errors')}
                </th>
                <th scope="col">{t('imports.history.columns.report')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((job) => (
                <HistoryRow key={job.id} job={job} number={number} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE_SIZE && (
        <p className="pager">
          <button type="button" disabled={!page.hasPrevious} onClick={() => setOffset(page.previousOffset)}>
            {t('imports.history.previous')}
          </button>
          <span>{t('imports.history.range', { from: number.format(page.from), to: number.format(page.to), total: number.format(page.total) })}</span>
          <button type="button" disabled={!page.hasNext} onClick={() => setOffset(page.nextOffset)}>
            {t('imports.history.next')}
          </button>
        </p>
      )}
    </section>
  );
}

function HistoryRow({ job, number }: { job: ImportListItem; number: Intl.NumberFormat }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const file = fileState(job);
  return (
    <tr>
      <td>
        <time dateTime={job.createdAt}>{formatDate(job.createdAt)}</time>
      </td>
      <td>
        {file === 'kept' && (
          <a href={importFileUrl(job.id)} download={job.fileName} aria-label={t('imports.history.download', { name: job.fileName })}>
            {job.fileName}
          </a>
        )}
        {file === 'deleted' && (
          <>
            {job.fileName}{' '}
            <span className="hint" title={t('imports.history.fileDeletedOn', { when: formatDate(job.fileDeletedAt ?? '') })}>
              ({t('imports.history.fileDeleted')})
            </span>
          </>
        )}
        {(file === 'household' || file === 'old') && (
          <>
            {job.fileName} <span className="hint">({t('imports.history.notKept')})</span>
          </>
        )}
      </td>
      <td>
        {t(`imports.history.formatNames.${job.format}`)}
        {job.dryRun && <span className="hint"> · {t('imports.history.dryRun')}</span>}
      </td>
      <td>{t(`imports.statuses.${job.status}`)}</td>
      <td className="number">{number.format(job.total)}</td>
      <td className="number">{number.format(job.errorCount)}</td>
      <td>
        <Link href={reportPath(job.id)} aria-label={t('imports.history.openReport', { name: job.fileName })}>
          {t('imports.history.open')}
        </Link>
      </td>
    </tr>
  );
}
