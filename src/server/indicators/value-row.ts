import type { ValueRow } from '../../common/api/values.ts';
import type { ReadCell } from './cell-reads.repo.ts';

/**
 * One row of the values API from a cell (absent: the area has no data), with coverage against
 * `expected` units; GET /api/values and the table call build their rows here, so they agree.
 * A figure is example when some of its reporting units come from example (demo) observations.
 */
export function valueRow(
  area: { code: string; name: string },
  period: string,
  cell: ReadCell | undefined,
  expected: number,
  iso: (instant: Date) => string = (instant) => instant.toISOString(),
): ValueRow {
  const reporting = cell?.reporting ?? 0;
  const exampleReporting = cell?.exampleReporting ?? 0;
  return {
    areaCode: area.code,
    areaName: area.name,
    period,
    value: cell?.value ?? null,
    numerator: cell?.numerator ?? null,
    denominator: cell?.denominator ?? null,
    statusCounts: cell?.statusCounts ?? null,
    reporting,
    expected,
    coverage: expected > 0 ? reporting / expected : null,
    origin: cell?.origin ?? null,
    asOf: cell ? iso(cell.asOf) : null,
    example: exampleReporting > 0,
    exampleReporting,
  };
}
