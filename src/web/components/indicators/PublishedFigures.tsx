import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedFigure } from '../../../common/api/published-figures.ts';
import { ApiError } from '../../api/client.ts';
import { usePublishedFiguresQuery } from '../../api/usePublishedFiguresQuery.ts';
import { statusLabel, unitLabel } from '../data-entry/labels.ts';
import { ErrorMessage } from '../Status.tsx';

/**
 * "Angka yang dipublikasikan": the area's own real figures and targets as published (news,
 * regulations, plans), each with its citation and link. Kept apart from the live values above:
 * they are never rolled up or mixed with entered or example data.
 */
export function PublishedFigures({ areaCode }: { areaCode: string }) {
  const { t } = useTranslation();
  const id = useId();
  const published = usePublishedFiguresQuery(areaCode);
  // A server without the published-figures API (404) has none to show; other failures say so.
  if (published.isError && published.error instanceof ApiError && published.error.isNotFound) return null;
  if (published.isError) return <ErrorMessage error={published.error} onRetry={() => void published.refetch()} />;
  const own = published.data?.items.filter((figure) => figure.areaCode === areaCode) ?? [];
  if (own.length === 0) return null;

  return (
    // Folded: a kabupaten can have dozens, and the live figure above is what most readers came for.
    <details className="published">
      <summary>
        <h3 id={id}>{t('indicators.published', { count: own.length })}</h3>
      </summary>
      <p className="hint">{t('indicators.publishedIntro')}</p>
      <ul className="published-list" aria-labelledby={id}>
        {own.map((figure) => (
          <PublishedEntry key={figure.id} figure={figure} />
        ))}
      </ul>
    </details>
  );
}

function PublishedEntry({ figure }: { figure: PublishedFigure }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const label = i18n.language.startsWith('en') ? figure.labelEn : figure.labelId;
  let value = '';
  if (figure.statusValue) value = statusLabel(t, figure.statusValue);
  else if (figure.value !== null) value = figure.unit === 'percent' ? `${number.format(figure.value)}%` : `${number.format(figure.value)} ${unitLabel(t, figure.unit)}`;

  return (
    <li>
      <span className="published-label">
        {label}
        {figure.period && ` (${figure.period})`}
        {figure.kind === 'target' && ` · ${t('indicators.publishedTarget')}`}
      </span>
      {value && <strong className="published-value">{value}</strong>}
      {figure.note && <span className="figure-meta">{figure.note}</span>}
      <span className="figure-meta">
        {t('indicators.publishedSource')}:{' '}
        <a href={figure.url} rel="noreferrer noopener" target="_blank">
          {figure.citation}
        </a>
      </span>
    </li>
  );
}
