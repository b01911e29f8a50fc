// The national benchmark's table: printed, and written to bench/results/<date>-<engine>.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT, PACKAGE_VERSION } from '../../src/server/paths.ts';
import type { NationalResult } from './national.ts';

const TARGETS = {
  write: 50,
  query: 20,
  rebuildMs: 120_000,
  householdRowsPerSecond: 50_000,
};

export function reportTable(results: readonly NationalResult[]): string {
  const header = `| | ${results.map((result) => result.engine).join(' | ')} | target (PGlite) |`;
  const rule = `|---|${results.map(() => '---').join('|')}|---|`;
  const row = (label: string, cell: (result: NationalResult) => string, target = '') => `| ${label} | ${results.map(cell).join(' | ')} | ${target} |`;
  const ms = (value: number) => `${value.toLocaleString('en')} ms`;
  const gap = (service: number, raw: number) => (service > 0 ? `${(raw / service).toFixed(1)}×` : '–');
  const first = results[0];
  const lines = [
    `Kembar ${PACKAGE_VERSION}, national rollup benchmark, ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} CPU(s), load average at end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
    first ? `Scale: ${first.scale.villagesLoaded.toLocaleString('en')} villages × 12 indicators × ${first.scale.months} months + flows = ${first.scale.rows.toLocaleString('en')} observations (full national scale: 83,762 villages, 36 months ≈ 36.2 M).` : '',
    '',
    header,
    rule,
    row('bulk load (COPY, triggers off, indexes rebuilt after)', (r) => `${r.load.rowsPerSecond.toLocaleString('en')} rows/s (COPY ${ms(r.load.copyMs)}, indexes ${ms(r.load.indexMs)})`),
    row('full rollup rebuild (set-based)', (r) => `${ms(r.rebuild.ms)} (${r.rebuild.cells.toLocaleString('en')} cells)`, `≤ ${ms(TARGETS.rebuildMs)}`),
    row('… again after the household import (survey rows beside routine ones)', (r) => `${ms(r.rebuildMixed.ms)} (${r.rebuildMixed.cells.toLocaleString('en')} cells, ${r.rebuildMixed.corrected.toLocaleString('en')} village-years corrected)`, `≤ ${ms(TARGETS.rebuildMs)}`),
    row(`village write → national figure (median of ${first?.writeToNational.runs ?? 0})`, (r) => ms(r.writeToNational.medianMs), `≤ ${ms(TARGETS.write)}`),
    row(`village SBS status change → national count of SBS villages (median of ${first?.statusWriteToNational.runs ?? 0})`, (r) => ms(r.statusWriteToNational.medianMs), `≤ ${ms(TARGETS.write)}`),
    row('national by province: service (rollups)', (r) => `${ms(r.queries.nationalByProvince.service.medianMs)} (${r.queries.nationalByProvince.rows} rows)`, `≤ ${ms(TARGETS.query)}`),
    row('… baseline: GROUP BY raw observations', (r) => `${ms(r.queries.nationalByProvince.raw.medianMs)} (gap ${gap(r.queries.nationalByProvince.service.medianMs, r.queries.nationalByProvince.raw.medianMs)})`),
    row('regency by kecamatan, 12 ind × 12 months: service', (r) => `${ms(r.queries.regencyByDistrict.service.medianMs)} (${r.queries.regencyByDistrict.rows} rows, 144 calls)`),
    row('… per call (one indicator and month)', (r) => ms(Math.round((r.queries.regencyByDistrict.service.medianMs / 144) * 10) / 10), `≤ ${ms(TARGETS.query)}`),
    row('… baseline: one GROUP BY raw observations', (r) => `${ms(r.queries.regencyByDistrict.raw.medianMs)} (gap ${gap(r.queries.regencyByDistrict.service.medianMs, r.queries.regencyByDistrict.raw.medianMs)})`),
    row('regency by kecamatan, 12 ind × 12 months: one table call', (r) => `${ms(r.tables.regencyByDistrict.service.medianMs)} (${r.tables.regencyByDistrict.rows} rows; gap to raw ${gap(r.tables.regencyByDistrict.service.medianMs, r.queries.regencyByDistrict.raw.medianMs)})`, `≤ ${ms(TARGETS.query)}`),
    row('national by province, 12 ind × 12 months: one table call', (r) => `${ms(r.tables.nationalByProvince.service.medianMs)} (${r.tables.nationalByProvince.rows} rows)`, `≤ ${ms(TARGETS.query)}`),
    row('village series, 12 indicators: service', (r) => `${ms(r.queries.villageSeries.service.medianMs)} (${r.queries.villageSeries.rows} rows, 12 calls; ${ms(Math.round((r.queries.villageSeries.service.medianMs / 12) * 10) / 10)} per call)`, `≤ ${ms(TARGETS.query)} per call`),
    row('… baseline: raw rows of the village', (r) => `${ms(r.queries.villageSeries.raw.medianMs)} (gap ${gap(r.queries.villageSeries.service.medianMs, r.queries.villageSeries.raw.medianMs)})`),
    row('household file import (bench/household-file.ts)', (r) => r.household, `≥ ${TARGETS.householdRowsPerSecond.toLocaleString('en')} rows/s`),
    '',
    ...results.map((r) => `- ${r.engine}: ${r.queries.nationalByProvince.what}; ${r.queries.regencyByDistrict.what}; ${r.tables.regencyByDistrict.what}; ${r.tables.nationalByProvince.what}; ${r.queries.villageSeries.what}. Medians of ${r.queries.nationalByProvince.service.runs} runs after a warm-up.`),
    '- Gap = baseline time ÷ service time (above 1: the rollups are faster). The baseline ignores source precedence and coarser periods, which the rollups include.',
  ];
  return lines.join('\n');
}

/** Writes one file per engine run, bench/results/<date>-<engine>.md, and returns the paths. */
export function saveReport(results: readonly NationalResult[]): string[] {
  const folder = path.join(PACKAGE_ROOT, 'bench', 'results');
  fs.mkdirSync(folder, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  return results.map((result) => {
    const file = path.join(folder, `${date}-${result.engine}.md`);
    fs.writeFileSync(file, `# National rollup benchmark, ${result.engine}\n\n${reportTable([result])}\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`);
    return path.relative(PACKAGE_ROOT, file);
  });
}
