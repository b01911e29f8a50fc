import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateOverAreas, aggregateOverTime, preferredSource, ratio, type Aggregate, type Cell } from './rollup-arithmetic.ts';

const cell = (partial: Partial<Cell>): Cell => ({ value: null, numerator: null, denominator: null, statusValue: null, ...partial });
const RATIO = { areaAggregation: 'ratio', statusValues: null } as const;
const SUM = { areaAggregation: 'sum', statusValues: null } as const;
const SBS = { areaAggregation: 'count_status', statusValues: ['BELUM_PICU', 'TERPICU', 'DEKLARASI_SBS', 'SBS_TERVERIFIKASI'] } as const;

describe('over areas', () => {
  it('combines ratios as the ratio of sums, never the mean of ratios', () => {
    const result = aggregateOverAreas(RATIO, [cell({ numerator: 900, denominator: 1000 }), cell({ numerator: 1, denominator: 10 })]);
    expect(result.numerator).toBe(901);
    expect(result.denominator).toBe(1010);
    expect(result.value).toBeCloseTo(0.892, 3);
    expect(result.value).not.toBeCloseTo(0.5, 1);
  });

  it('adds values, and counts how many areas reported', () => {
    const result = aggregateOverAreas(SUM, [cell({ value: 1200 }), cell({}), cell({ value: 56 })]);
    expect(result).toMatchObject({ value: 1256, reporting: 2 });
  });

  it('counts villages per status, with the best status as the headline', () => {
    const result = aggregateOverAreas(SBS, [
      cell({ statusValue: 'SBS_TERVERIFIKASI' }),
      cell({ statusValue: 'TERPICU' }),
      cell({ statusValue: 'SBS_TERVERIFIKASI' }),
      cell({}),
    ]);
    expect(result.statusCounts).toEqual({ BELUM_PICU: 0, TERPICU: 1, DEKLARASI_SBS: 0, SBS_TERVERIFIKASI: 2 });
    expect(result).toMatchObject({ value: 2, reporting: 3 });
  });

  it('says "no value" rather than 0 when nobody reported, or nothing to divide by', () => {
    expect(aggregateOverAreas(SUM, [cell({}), cell({})])).toMatchObject({ value: null, reporting: 0 });
    expect(aggregateOverAreas(RATIO, [])).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(aggregateOverAreas(RATIO, [cell({ numerator: 0, denominator: 0 })]).value).toBeNull();
    expect(aggregateOverAreas({ areaAggregation: 'none', statusValues: null }, [cell({ value: 3 })]).value).toBeNull();
  });

  // The property live rollups rely on: combining kecamatan totals into the kabupaten gives the same
  // figure as combining all villages at once, however the villages are grouped.
  const villages = fc.array(
    fc.oneof(
      fc.constant(cell({})),
      fc.tuple(fc.nat(5000), fc.nat(5000)).map(([a, b]) => cell({ numerator: Math.min(a, b), denominator: Math.max(a, b), value: null })),
    ),
    { maxLength: 60 },
  );
  const grouping = (length: number) => fc.array(fc.nat(Math.max(length - 1, 0)), { minLength: length, maxLength: length });

  it('is the same whether villages are combined at once or through any grouping (ratio)', () => {
    fc.assert(
      fc.property(villages.chain((cells) => fc.tuple(fc.constant(cells), grouping(cells.length))), ([cells, groups]) => {
        const byGroup = new Map<number, Cell[]>();
        cells.forEach((village, index) => byGroup.set(groups[index] ?? 0, [...(byGroup.get(groups[index] ?? 0) ?? []), village]));
        const parts: Aggregate[] = [...byGroup.values()].map((group) => aggregateOverAreas(RATIO, group));
        const viaGroups = aggregateOverAreas(RATIO, parts);
        const direct = aggregateOverAreas(RATIO, cells);
        expect(viaGroups).toEqual(direct);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same whether villages are combined at once or through any grouping (status counts and sums)', () => {
    const statusCells = fc.array(fc.option(fc.constantFrom(...SBS.statusValues), { nil: null }).map((statusValue) => cell({ statusValue })), { maxLength: 60 });
    fc.assert(
      fc.property(statusCells.chain((cells) => fc.tuple(fc.constant(cells), grouping(cells.length))), ([cells, groups]) => {
        const split = [0, 1, 2].map((group) => cells.filter((_, index) => (groups[index] ?? 0) % 3 === group));
        expect(aggregateOverAreas(SBS, split.map((part) => aggregateOverAreas(SBS, part)))).toEqual(aggregateOverAreas(SBS, cells));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(10_000), { nil: null }), { maxLength: 60 }), (values) => {
        const cells = values.map((value) => cell({ value }));
        const half = Math.floor(cells.length / 2);
        const viaHalves = aggregateOverAreas(SUM, [aggregateOverAreas(SUM, cells.slice(0, half)), aggregateOverAreas(SUM, cells.slice(half))]);
        expect(viaHalves).toEqual(aggregateOverAreas(SUM, cells));
      }),
      { numRuns: 300 },
    );
  });
});

describe('over time', () => {
  const months = (values: Array<number | null>) => values.map((value, index) => ({ period: `2021${String(index + 1).padStart(2, '0')}`, cell: cell({ value }) }));

  it('adds flows: monthly desludging trips make the year', () => {
    expect(aggregateOverTime({ timeAggregation: 'sum' }, months([10, null, 5, 7]))).toEqual(cell({ value: 22 }));
  });

  it('takes the latest stock: coverage of the last reported month, whatever the input order', () => {
    const entries = months([0.5, 0.6, null, 0.7]).reverse();
    expect(aggregateOverTime({ timeAggregation: 'last' }, entries)?.value).toBe(0.7);
  });

  it('keeps numerator and denominator of the latest ratio, and adds them for flows', () => {
    const entries = [
      { period: '2021Q1', cell: cell({ numerator: 10, denominator: 100 }) },
      { period: '2021Q2', cell: cell({ numerator: 30, denominator: 100 }) },
    ];
    expect(aggregateOverTime({ timeAggregation: 'last' }, entries)).toMatchObject({ numerator: 30, denominator: 100 });
    expect(aggregateOverTime({ timeAggregation: 'sum' }, entries)).toMatchObject({ numerator: 40, denominator: 200, value: null });
  });

  it('has no value when no sub-period reported', () => {
    expect(aggregateOverTime({ timeAggregation: 'sum' }, months([null, null]))).toBeNull();
    expect(aggregateOverTime({ timeAggregation: 'last' }, [])).toBeNull();
  });
});

describe('sources', () => {
  it('prefers verification, then survey, then routine, then import', () => {
    const cells = [{ sourceKind: 'import' as const, id: 1 }, { sourceKind: 'routine' as const, id: 2 }, { sourceKind: 'survey' as const, id: 3 }];
    expect(preferredSource(cells)?.id).toBe(3);
    expect(preferredSource([...cells, { sourceKind: 'verification' as const, id: 4 }])?.id).toBe(4);
    expect(preferredSource(cells.slice(0, 1))?.id).toBe(1);
    expect(preferredSource([])).toBeNull();
  });

  it('divides only when there is something to divide by', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
  });
});
