import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/api/imports.ts';
import { importErrorsUrl } from '../../api/imports.ts';

/** The problems a check found, by row and column, and the full list as CSV or XLSX. */
export function ImportErrors({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = new Intl.NumberFormat(i18n.language);
  if (job.errorCount === 0) return null;

  return (
    <div className="import-errors">
      <h3 id={id}>{t('imports.errorsTable')}</h3>
      <div className="table-scroll">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('imports.columns.row')}</th>
              <th scope="col">{t('imports.columns.column')}</th>
              <th scope="col">{t('imports.columns.message')}</th>
            </tr>
          </thead>
          <tbody>
            {job.errors.map((error, index) => (
              <tr key={`${error.row}-${error.column}-${index}`}>
                <td className="number">{error.row > 0 ? number.format(error.row) : '–'}</td>
                <td>{error.column || '–'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {job.errors.length < job.errorCount && (
        <p className="hint">{t('imports.moreErrors', { shown: number.format(job.errors.length), count: number.format(job.errorCount) })}</p>
      )}
      <p className="actions">
        <a className="button" href={importErrorsUrl(job.id, 'csv')} download>
          {t('imports.downloadCsv')}
        </a>
        <a className="button" href={importErrorsUrl(job.id, 'xlsx')} download>
          {t('imports.downloadXlsx')}
        </a>
      </p>
    </div>
  );
}
