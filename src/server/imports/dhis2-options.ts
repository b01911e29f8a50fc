/**
 * The import options of `POST /api/dataValueSets`, from the URL and the payload, with DHIS2's
 * precedence (docs `developer/web-api/data.md`, "Identifier schemes"): a payload's setting beats
 * the URL's, and a specific id scheme beats `idScheme`.
 *
 * Kembar knows its indicators, areas and option combos by code only. DHIS2's default scheme is
 * `uid`; Kembar has no UIDs, so a request that names no scheme is read as `idScheme=code`, and one
 * that asks for `uid`, `name` or `attribute:…` is refused with the reason, nothing written.
 * Pure: no I/O.
 */
import { IMPORT_STRATEGIES, type DataValueSetImportQuery, type ImportStrategy } from '../../common/api/dhis2.ts';
import { ID_SCHEME_KEYS, type Dhis2Envelope, type IdSchemes } from './dhis2-data-value.ts';
import type { SummaryOptions } from './dhis2-summary.ts';

/** DHIS2's older names for the strategies (dhis2-core `ImportStrategy`), still accepted there. */
const STRATEGY_ALIASES: Record<string, ImportStrategy> = {
  NEW_AND_UPDATES: 'CREATE_AND_UPDATE',
  NEW: 'CREATE',
  UPDATES: 'UPDATE',
  DELETES: 'DELETE',
};

export type OptionsResult = { ok: true; options: SummaryOptions } | { ok: false; options: SummaryOptions; message: string };

/** Reads the options; when one is refused, the options read so far come back with the reason. */
export function resolveImportOptions(query: DataValueSetImportQuery, envelope: Dhis2Envelope | null): OptionsResult {
  const idSchemes: IdSchemes = { ...pickSchemes(query), ...(envelope?.idSchemes ?? {}) };
  const strategyText = envelope?.strategy ?? query.importStrategy ?? 'CREATE_AND_UPDATE';
  const importStrategy = readStrategy(strategyText);
  const options: SummaryOptions = {
    idSchemes: normalisedSchemes(idSchemes),
    dryRun: envelope?.dryRun ?? query.dryRun ?? false,
    importStrategy: importStrategy ?? 'CREATE_AND_UPDATE',
    atomicMode: query.atomicMode ?? 'ALL',
    ...(query.firstRowIsHeader !== undefined && { firstRowIsHeader: query.firstRowIsHeader }),
  };
  const refused = (message: string): OptionsResult => ({ ok: false, options, message });
  for (const key of ID_SCHEME_KEYS) {
    const scheme = idSchemes[key];
    if (scheme !== undefined && scheme.toUpperCase() !== 'CODE') {
      return refused(
        `${key}=${scheme} is not supported: Kembar identifies data elements (indicator codes), org units (Kemendagri area codes) and option combos by code only. Send idScheme=code.`,
      );
    }
  }
  if (!importStrategy) return refused(`importStrategy=${strategyText} is not an import strategy: use ${IMPORT_STRATEGIES.join(', ')}`);
  if (query.async) return refused('async=true is not supported: Kembar imports while you wait and answers with the import summary. Leave out async (or use POST /api/imports for a background job).');
  return { ok: true, options };
}

function readStrategy(text: string): ImportStrategy | null {
  const upper = text.trim().toUpperCase();
  return IMPORT_STRATEGIES.find((strategy) => strategy === upper) ?? STRATEGY_ALIASES[upper] ?? null;
}

function pickSchemes(query: DataValueSetImportQuery): IdSchemes {
  const schemes: IdSchemes = {};
  for (const key of ID_SCHEME_KEYS) {
    const scheme = query[key];
    if (scheme !== undefined && scheme !== '') schemes[key] = scheme;
  }
  return schemes;
}

/** The schemes as the summary echoes them: what was asked, `CODE` when nothing was. */
function normalisedSchemes(schemes: IdSchemes): Record<string, string> {
  const entries = Object.entries(schemes).map(([key, scheme]) => [key, scheme.toUpperCase()] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : { idScheme: 'CODE' };
}
