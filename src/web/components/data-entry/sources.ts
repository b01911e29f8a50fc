import type { SOURCE_KINDS } from '../../../common/api/observations.ts';

/** The sources a person enters by hand; `import` values arrive through import files. */
export const ENTRY_SOURCES = ['routine', 'survey', 'verification'] as const satisfies readonly (typeof SOURCE_KINDS)[number][];
export type EntrySource = (typeof ENTRY_SOURCES)[number];

/** How a source is written in the URL (`?sumber=survei`), in the language of the other paths. */
const URL_NAMES: Record<EntrySource, string> = { routine: 'rutin', survey: 'survei', verification: 'verifikasi' };

/** The source of `?sumber=`; routine data when it is missing or unknown. */
export function readSource(param: string | null): EntrySource {
  return ENTRY_SOURCES.find((source) => URL_NAMES[source] === param) ?? 'routine';
}

/** The `?sumber=` value, or null for routine data, the default, which the URL leaves out. */
export function sourceParam(source: EntrySource): string | null {
  return source === 'routine' ? null : URL_NAMES[source];
}
