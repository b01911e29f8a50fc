import type { DataValueSetImportQuery, DataValueSetQuery, ImportSummary } from '../../common/api/dhis2.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize, ForbiddenError } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { ConflictError } from '../errors.ts';
import type { AreasService } from '../areas/areas.service.ts';
import type { IndicatorsService } from '../indicators/indicators.service.ts';
import { cellKeyText, outcomeOf, type PlannedCell } from './dhis2-cells.ts';
import { parseDataValueSetCsv } from './dhis2-csv.ts';
import { Dhis2FormatError, rowPlaceOf, type ParsedDataValueSet } from './dhis2-data-value.ts';
import { periodWithin, type ExportObservation } from './dhis2-export.ts';
import { parseDataValueSetJson } from './dhis2-json.ts';
import { resolveImportOptions } from './dhis2-options.ts';
import { dhis2Lookups, onlyOutsideArea, planDataValues, toObservationRows, type Dhis2Lookups } from './dhis2-plan.ts';
import { failedSummary, importSummary, type SummaryOptions } from './dhis2-summary.ts';
import type { Dhis2Conflict } from './dhis2-values.ts';
import { findStoredCells, listObservationsForExport } from './dhis2.repo.ts';
import { ObservationWriter } from './observation-writer.ts';

/** More values than this in one export must be narrowed (by period, dataElement or orgUnit) or asked for with `limit`. */
export const MAX_EXPORT_VALUES = 100_000;

/**
 * DHIS2's dataValueSets resource over Kembar's observations (`idScheme=code`): import with DHIS2's
 * import summary, and export. Writes go through the imports' ObservationWriter (checks, audit,
 * live rollups, one transaction).
 */
export class Dhis2Service {
  private readonly lookups: Dhis2Lookups;
  private readonly writer: ObservationWriter;

  constructor(
    private readonly database: Database,
    private readonly areas: AreasService,
    indicators: IndicatorsService,
  ) {
    this.lookups = dhis2Lookups(database, indicators);
    this.writer = new ObservationWriter(database, indicators);
  }

  /**
   * Imports one data value set. Anything wrong with the request as a whole (unreadable file,
   * unsupported id scheme) comes back as an ERROR summary with nothing written; values with
   * conflicts are named one by one. Under atomicMode=ALL (the default) any conflict writes
   * nothing; under NONE the other values are written, as DHIS2 does.
   */
  async importDataValueSet(context: RequestContext, body: string, format: 'json' | 'csv', query: DataValueSetImportQuery): Promise<ImportSummary> {
    authorize(context.actor, 'observations.write');
    const early = resolveImportOptions(query, null);
    if (!early.ok) return failedSummary(early.options, early.message);
    let parsed: ParsedDataValueSet;
    try {
      parsed = format === 'json' ? parseDataValueSetJson(body) : parseDataValueSetCsv(body, { firstRowIsHeader: query.firstRowIsHeader });
    } catch (error) {
      if (error instanceof Dhis2FormatError) return failedSummary(early.options, error.message);
      throw error;
    }
    const resolved = resolveImportOptions(query, parsed.envelope);
    if (!resolved.ok) return failedSummary(resolved.options, resolved.message);
    const { options } = resolved;
    const total = parsed.values.length;

    const plan = await planDataValues(parsed.values, this.lookups, { strategy: options.importStrategy, actor: context.actor });
    if (onlyOutsideArea(total, plan.conflicts)) {
      throw new ForbiddenError(`observations.write is limited to your organisation's area: every value of this file lies outside it (${plan.conflicts[0]?.message ?? ''})`);
    }
    const conflicts = [...plan.conflicts];
    if (conflicts.length > 0 && options.atomicMode === 'ALL') return importSummary({ total, outcomes: [], conflicts, options });

    const stored = await findStoredCells(this.database.db, plan.cells.map((cell) => cell.key));
    let planned = plan.cells.map((cell) => ({ cell, outcome: outcomeOf(cell, stored.get(cellKeyText(cell.key)), options.importStrategy) }));
    const toWrite = planned.filter((item) => item.outcome !== 'ignored').map((item) => item.cell);
    const refused = await this.write(context, toWrite, options);
    if (refused.length > 0) {
      conflicts.push(...refused.map((item) => item.conflict));
      if (options.atomicMode === 'ALL') return importSummary({ total, outcomes: [], conflicts, options });
      const dropped = new Set(refused.map((item) => item.cell));
      planned = planned.filter((item) => !dropped.has(item.cell));
    }
    return importSummary({ total, outcomes: planned.map((item) => ({ outcome: item.outcome, values: item.cell.values.length })), conflicts, options });
  }

  /**
   * Writes the cells with the observation writer (its checks are the last word). Returns the cells
   * it refused, as conflicts; under atomicMode=NONE the rest is then written without them.
   */
  private async write(context: RequestContext, cells: readonly PlannedCell[], options: SummaryOptions): Promise<Array<{ cell: PlannedCell; conflict: Dhis2Conflict }>> {
    if (cells.length === 0) return [];
    const outcome = await this.writer.write(context, toObservationRows(cells), { dryRun: options.dryRun });
    if (outcome.ok) return [];
    // Each row carries the row of its cell's first data value, which no other cell shares.
    const cellOfRow = new Map(cells.map((cell) => [cell.values[0]?.source.row, cell]));
    const refused = outcome.errors.flatMap((error) => {
      const cell = cellOfRow.get(error.row);
      return cell ? [{ cell, conflict: writerConflict(cell, error.message) }] : [];
    });
    if (options.atomicMode === 'NONE' && refused.length < cells.length) {
      const rest = cells.filter((cell) => !refused.some((item) => item.cell === cell));
      const second = await this.writer.write(context, toObservationRows(rest), { dryRun: options.dryRun });
      if (!second.ok) throw new ConflictError(`The values changed while they were imported; send the file again (${second.errors[0]?.message ?? ''})`);
    }
    return refused;
  }

  /** Stored observations as DHIS2 exports them: filtered by orgUnit (and children), dataElement, period or dates. */
  async exportDataValues(query: DataValueSetQuery): Promise<ExportObservation[]> {
    if (query.orgUnit.length === 0) throw new ConflictError('At least one organisation unit must be specified: orgUnit=<area code>, e.g. orgUnit=52.07&children=true');
    // Output schemes (idScheme, orgUnitIdScheme, …) and input schemes (inputOrgUnitIdScheme, …): codes only.
    const refusedScheme = Object.entries(query).find(([key, scheme]) => /^idScheme$|IdScheme$/.test(key) && typeof scheme === 'string' && scheme.toUpperCase() !== 'CODE');
    if (refusedScheme) {
      throw new ConflictError(`${refusedScheme[0]}=${String(refusedScheme[1])} is not supported: Kembar knows indicators, areas and option combos by code only. Send idScheme=code.`);
    }
    for (const code of query.orgUnit) await this.areas.getArea(code);
    const limit = query.limit ?? MAX_EXPORT_VALUES;
    const rows = await listObservationsForExport(this.database.db, {
      areaCodes: query.orgUnit,
      children: query.children ?? false,
      indicatorCodes: query.dataElement,
      periods: query.period,
      limit: query.limit ?? MAX_EXPORT_VALUES + 1,
    });
    const within = query.startDate || query.endDate ? rows.filter((row) => periodWithin(row.period, query.startDate, query.endDate)) : rows;
    if (query.limit === undefined && within.length > MAX_EXPORT_VALUES) {
      throw new ConflictError(`More than ${MAX_EXPORT_VALUES} observations match: narrow the export by period, startDate/endDate, dataElement or orgUnit, or give limit`);
    }
    return within.slice(0, limit);
  }
}

/** A refusal of the observation writer as a DHIS2 conflict on the cell's values. */
function writerConflict(cell: PlannedCell, message: string): Dhis2Conflict {
  const values = cell.values.map((value) => value.source);
  return {
    object: cell.key.indicatorCode,
    objects: { dataElement: cell.key.indicatorCode, orgUnit: cell.key.areaCode, period: cell.key.period },
    value: `${values.map(rowPlaceOf).join(' and ')}: ${message}`,
    errorCode: 'E7619',
    property: 'value',
    indexes: values.map((value) => value.index),
    message,
    places: values.map((value) => ({ row: value.row, column: 'value' })),
  };
}
