import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../common/api/imports.ts';
import { valuesToWrite } from './wizard.ts';

/** The counts of a finished job: what the file held and what was (or would be) written. */
export function ImportSummary({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const summary = job.summary;
  const entries: [string, string][] = [[t('imports.rowsRead'), number.format(job.total)]];
  if (summary) {
    entries.push([t('imports.villages'), number.format(summary.areas)]);
    if (summary.households !== undefined) entries.push([t('imports.households'), number.format(summary.households)]);
    if (job.dryRun) entries.push([t('imports.values'), number.format(valuesToWrite(job) ?? 0)]);
    else {
      entries.push([t('imports.imported'), number.format(summary.imported)]);
      entries.push([t('imports.updated'), number.format(summary.updated)]);
      entries.push([t('imports.unchanged'), number.format(summary.unchanged)]);
    }
    if (summary.period) entries.push([t('imports.storedPeriod'), summary.period]);
  }

  return (
    <dl className="import-summary">
      {entries.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
