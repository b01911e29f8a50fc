import type { Indicator } from '../../common/api/indicators.ts';
import type { CellValue } from './cell-values.ts';

/**
 * The layout of Kembar's Excel template, shared by the generator (template.service.ts) and the
 * importer (template-import.ts), pure. Sheet "Data": a title, a note, the header row, then one row
 * per village (code, name, kecamatan) and one column per indicator value — two for a ratio
 * (numerator, denominator). Sheet "_kembar" (very hidden) says what the file is: area, period,
 * indicator set and which column holds which indicator part, so the import never guesses.
 */
export const DATA_SHEET = 'Data';
export const META_SHEET = '_kembar';
export const TEMPLATE_MARK = 'kembar-template';
export const TEMPLATE_VERSION = 1;
export const HEADER_ROW = 3;
export const FIRST_DATA_ROW = 4;
/** Columns A–C: village code, village name, kecamatan. Indicator columns start at D. */
export const FIRST_INDICATOR_COLUMN = 4;

export type ColumnPart = 'value' | 'status' | 'numerator' | 'denominator';

export interface TemplateColumn {
  /** 1-based column number on the data sheet. */
  column: number;
  indicatorCode: string;
  part: ColumnPart;
}

export interface TemplateMeta {
  area: string;
  period: string;
  set: string;
  columns: TemplateColumn[];
}

/** The columns of a set of indicators, in catalogue order. */
export function columnsFor(indicators: readonly Indicator[]): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  let column = FIRST_INDICATOR_COLUMN;
  for (const indicator of indicators) {
    const parts: ColumnPart[] = indicator.measure === 'ratio' ? ['numerator', 'denominator'] : [indicator.measure === 'status' ? 'status' : 'value'];
    for (const part of parts) columns.push({ column: column++, indicatorCode: indicator.code, part });
  }
  return columns;
}

/** The header text of a column: the Indonesian name and, in brackets, the code (and part) the importer checks. */
export function headerText(indicator: Indicator, part: ColumnPart): string {
  const suffix = part === 'numerator' ? ' — pembilang' : part === 'denominator' ? ' — penyebut' : '';
  return `${indicator.nameId}${suffix} [${marker(indicator.code, part)}]`;
}

export function marker(code: string, part: ColumnPart): string {
  return part === 'numerator' ? `${code}:num` : part === 'denominator' ? `${code}:den` : code;
}

/** The rows of the metadata sheet. */
export function metaRows(meta: TemplateMeta): Array<Array<string | number>> {
  return [
    [TEMPLATE_MARK, TEMPLATE_VERSION],
    ['area', meta.area],
    ['period', meta.period],
    ['set', meta.set],
    ...meta.columns.map((entry) => ['column', entry.column, entry.indicatorCode, entry.part]),
  ];
}

/** Reads the metadata sheet's rows back; a message when they are not a Kembar template's. */
export function parseMeta(rows: ReadonlyArray<readonly CellValue[]>): { ok: true; meta: TemplateMeta } | { ok: false; message: string } {
  const [mark] = rows;
  if (!mark || mark[0] !== TEMPLATE_MARK) return { ok: false, message: 'This workbook is not a Kembar template (its hidden sheet is missing or changed): download a new one' };
  if (Number(mark[1]) !== TEMPLATE_VERSION) return { ok: false, message: `This template is version ${String(mark[1])}; this Kembar reads version ${TEMPLATE_VERSION}: download a new one` };
  const value = (key: string) => rows.find((row) => row[0] === key)?.[1];
  const columns: TemplateColumn[] = [];
  for (const row of rows.filter((candidate) => candidate[0] === 'column')) {
    const part = String(row[3] ?? '');
    if (!isPart(part) || !Number.isInteger(Number(row[1]))) return { ok: false, message: 'The template\'s hidden sheet names an unknown column: download a new one' };
    columns.push({ column: Number(row[1]), indicatorCode: String(row[2] ?? ''), part });
  }
  const area = value('area');
  const period = value('period');
  if (typeof area !== 'string' || typeof period !== 'string' || columns.length === 0) return { ok: false, message: 'The template\'s hidden sheet lacks its area, period or columns: download a new one' };
  return { ok: true, meta: { area, period, set: String(value('set') ?? ''), columns } };
}

const PARTS: readonly string[] = ['value', 'status', 'numerator', 'denominator'] satisfies ColumnPart[];

function isPart(part: string): part is ColumnPart {
  return PARTS.includes(part);
}
