import { useTranslation } from 'react-i18next';

const URL_PATTERN = /^https?:\/\/\S+$/;

/** Where a seeded fact comes from: links when the source is an address, the citation as text otherwise. */
export function Sources({ sources }: { sources: readonly string[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <div className="sources">
      <span className="sources-label">{t('agreements.overview.sources')}:</span>{' '}
      <ul>
        {sources.map((source) => (
          <li key={source}>
            {URL_PATTERN.test(source) ? (
              <a href={source} rel="noreferrer noopener" target="_blank">
                {new URL(source).hostname.replace(/^www\./, '')}
              </a>
            ) : (
              source
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
