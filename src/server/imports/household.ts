import { hash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ImportError } from '../../common/api/imports.ts';
import type { Database } from '../db/connect.ts';
import { encodeValue } from '../db/copy-text.ts';
import { DomainError } from '../errors.ts';
import { headerKey, isBlank, normaliseAreaCode, normaliseName, parseDate, parseNumber, type CellValue } from './cell-values.ts';
import { householdTallyRows, storedTallyToVillageTally, villageTallyToStored } from './household-tally.ts';
import {
  addToTally, emptyTally, HOUSEHOLD_COLUMNS, readKkNumber, readNeighbourhood, readPillar, readPillar1, readVisitStatus,
  type HouseholdColumn, type VillageTally,
} from './household-row.ts';
import { KkRowIndex } from './household-kk-index.ts';
import { HouseholdLines } from './household-lines.ts';
import { storeHouseholds, villageTallies } from './household.repo.ts';
import { fileError, type ImportFormatModule, type ImportInput, type ImportPlan } from './import-format.ts';
import { householdSalt } from './imports.repo.ts';
import { openTable } from './open-table.ts';
import { latestYear } from './period-choice.ts';
import { isSyncTable } from './read-csv.ts';
import { cellOf, findHeader, headerOf, type HeaderMatch, type Table, type TableRow } from './table.ts';
import { listVillagesOf } from './template.repo.ts';
import { isWithinArea } from '../auth/policies.ts';

/**
 * Household (KK) survey rows with the five pillar results → village observations (source kind
 * `survey`): % KK with latrine access (pillar 1), KK per latrine category when pillar 1 is given
 * as categories, and % KK meeting each of pillars 2–5. Households are stored (household_record)
 * so that importing the same households again replaces them rather than counting them twice;
 * the village figures are recomputed over every stored household of the village and period.
 *
 * Personal data (UU PDP 27/2022): the No KK is kept only as SHA-256 over this installation's
 * secret 32-byte salt followed by the 16 digits; the head of family's name and the officer's
 * name are never read.
 */
export function householdFormat(database: Database): ImportFormatModule {
  return {
    async read(input: ImportInput): Promise<ImportPlan> {
      const opened = await openTable(input.bytes);
      if (!opened.ok) return emptyPlan(fileError(opened.message));
      const { table, rest } = withSyncRest(opened.table);
      const found = await findHeader(table, HOUSEHOLD_COLUMNS);
      if (!found.ok) return emptyPlan(fileError(`No header row with ${found.missing.join(', ')} was found in the first rows`, found.missing.join(', ')));
      const { header } = found;
      if (!header.columns.has('kode_desa') && !header.columns.has('desa')) return emptyPlan(fileError('The file has neither a Kode Desa nor a Desa column', 'Desa'));
      const salt = Buffer.from(await householdSalt(database.db), 'hex');
      const villagesByName = header.columns.has('kode_desa') || !input.areaCode ? null : await namesOf(database, input.areaCode);
      const reader = new HouseholdReader(header, salt, villagesByName, input.areaCode);
      if (rest) await readSync(rest, reader, input.onRowsRead);
      else {
        for await (const row of found.rows) {
          reader.add(row);
          if (reader.total % 5_000 === 0) input.onRowsRead(reader.total);
        }
      }
      input.onRowsRead(reader.total);
      const period = input.period ?? latestYear(reader.latestDate ? [reader.latestDate] : []);
      if (!period) {
        return { total: reader.total, period: null, rows: [], errors: [...reader.errors, fileError('The file has no survey dates (Tanggal) to take the year from: give the period (e.g. ?period=2024)', 'period')] };
      }
      const villageColumn = headerOf(header, header.columns.has('kode_desa') ? 'kode_desa' : 'desa');
      const rowsOf = (village: string, tally: VillageTally | null) => householdTallyRows(village, tally, period, reader.firstRowOf.get(village) ?? 0, villageColumn);
      const rows = [...reader.tallies].flatMap(([village, tally]) => rowsOf(village, tally)).filter((row) => !row.remove);
      return {
        total: reader.total,
        period,
        rows,
        errors: reader.errors,
        households: reader.total - reader.rejected,
        commit: async (trx, copyIn) => {
          const fileTallies = [...reader.tallies].map(([village, tally]) => villageTallyToStored(village, tally, reader.householdsIn.get(village) ?? 0));
          const { formerVillages, storedBefore } = await storeHouseholds(trx, copyIn, reader.lines, fileTallies, period, input.jobId);
          const outside = formerVillages.find((former) => !isWithinArea(input.areaCode ?? former.villageCode, former.villageCode));
          if (outside) throw new DomainError('invalid_request', `Row ${outside.line}: this household was recorded in ${outside.villageCode} (outside this import's area) for ${period}; it cannot be moved from here`);
          const villages = [...new Set([...reader.tallies.keys(), ...formerVillages.map((former) => former.villageCode)])];
          // With no households stored before for these provinces and period, the village's stored households are the file's.
          const stored = storedBefore
            ? new Map((await villageTallies(trx, villages, period)).map((tally) => [tally.village_code, storedTallyToVillageTally(tally)]))
            : reader.tallies;
          return villages.flatMap((village) => rowsOf(village, stored.get(village) ?? null));
        },
      };
    },
  };
}

/**
 * The rows below the header of a table that can be read synchronously (an unquoted CSV file),
 * without a promise per row: `table` is what findHeader() reads the header from, `rest` the same
 * rows, to be read from where findHeader() stopped (it reads no row past the header row).
 */
function withSyncRest(table: Table): { table: Table; rest: Iterator<TableRow> | null } {
  if (!isSyncTable(table)) return { table, rest: null };
  const rows = table[Symbol.iterator]();
  return { table: { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve(rows.next()) }) }, rest: rows };
}

/**
 * Reads the non-blank rows left in `rows` into `reader`, in batches of 5,000 between which other
 * requests may run (as findHeader's rows), with no promise or batch array per row.
 */
async function readSync(rows: Iterator<TableRow>, reader: HouseholdReader, onRowsRead: (rows: number) => void): Promise<void> {
  for (let next = rows.next(); !next.done; ) {
    for (let batch = 0; batch < 5_000 && !next.done; batch += 1, next = rows.next()) {
      if (!next.value.cells.every(isBlank)) reader.add(next.value);
    }
    onRowsRead(reader.total);
    await yieldToEventLoop();
  }
}

/** Reads rows one at a time into COPY text lines and village tallies; nothing else per row is kept but the No KK digits for duplicates. */
class HouseholdReader {
  readonly errors: ImportError[] = [];
  readonly tallies = new Map<string, VillageTally>();
  readonly firstRowOf = new Map<string, number>();
  /** Households read per village. */
  readonly householdsIn = new Map<string, number>();
  /** COPY text lines of the households (HOUSEHOLD_LINE_COLUMNS). */
  readonly lines = new HouseholdLines();
  total = 0;
  rejected = 0;
  latestDate: string | null = null;
  readonly #rowOfKk = new KkRowIndex();
  /** Cell readers that remember their answers: a survey file repeats the same few texts ("layak", a date) a million times. */
  readonly #read = {
    pillar1: remembered(readPillar1),
    pillar: remembered(readPillar),
    status: remembered(readVisitStatus),
    members: remembered((cell: CellValue) => parseNumber(cell, { integer: true })),
    date: remembered(parseDate),
    neighbourhood: remembered((cell: CellValue) => encodeValue(readNeighbourhood(cell))),
  };
  /** The salt followed by the current row's 16 KK digits: hashed in one call, no hash object per row. */
  readonly #salted: Buffer;
  /** Pillar 2–5 answers of the current row (reused: addToTally keeps nothing). */
  readonly #pillars: Array<boolean | null> = [null, null, null, null];

  constructor(
    private readonly header: HeaderMatch<HouseholdColumn>,
    salt: Buffer,
    private readonly villagesByName: Map<string, string[]> | null,
    private readonly areaCode: string | null,
  ) {
    this.#salted = Buffer.alloc(salt.length + 16);
    salt.copy(this.#salted);
  }

  add(row: TableRow): void {
    this.total += 1;
    const before = this.errors.length;
    const kk = readKkNumber(cellOf(this.header, row, 'no_kk'));
    if (!kk.ok) this.#problem(row, 'no_kk', kk.message);
    else if (kk.value !== null) {
      const first = this.#rowOfKk.firstRowOrAdd(kk.value, row.number);
      if (first !== null) this.#problem(row, 'no_kk', `the same No KK is already on row ${first}: give each household once`);
    }
    const village = this.#village(row);
    const pillar1 = this.#read.pillar1(cellOf(this.header, row, 'pilar_1'));
    if (!pillar1.ok) this.#problem(row, 'pilar_1', pillar1.message);
    const pillars = this.#pillars;
    for (let index = 0; index < 4; index += 1) {
      const key = PILLAR_KEYS[index] ?? 'pilar_2';
      const answer = this.#read.pillar(cellOf(this.header, row, key));
      if (!answer.ok) this.#problem(row, key, answer.message);
      pillars[index] = answer.ok ? answer.value : null;
    }
    const status = this.#read.status(cellOf(this.header, row, 'status'));
    if (!status.ok) this.#problem(row, 'status', status.message);
    const membersCell = cellOf(this.header, row, 'jiwa');
    const members = isBlank(membersCell) ? null : this.#read.members(membersCell);
    if (members && !members.ok) this.#problem(row, 'jiwa', members.message);
    else if (members && (members.value < 0 || members.value > 100)) this.#problem(row, 'jiwa', `${members.value} people in one family is not plausible`);
    const dateCell = cellOf(this.header, row, 'tanggal');
    const date = isBlank(dateCell) ? null : this.#read.date(dateCell);
    if (date && !date.ok) this.#problem(row, 'tanggal', date.message);
    if (this.errors.length > before || !kk.ok || kk.value === null || !village || !pillar1.ok || !status.ok) {
      this.rejected += 1;
      return;
    }
    const surveyedOn = date?.ok ? date.value : null;
    if (surveyedOn && (this.latestDate === null || surveyedOn > this.latestDate)) this.latestDate = surveyedOn;
    let tally = this.tallies.get(village);
    if (!tally) {
      tally = emptyTally();
      this.tallies.set(village, tally);
      this.firstRowOf.set(village, row.number);
    }
    addToTally(tally, pillar1.value, pillars);
    this.householdsIn.set(village, (this.householdsIn.get(village) ?? 0) + 1);
    this.#salted.write(kk.value, this.#salted.length - 16, 'latin1');
    const kkHash = hash('sha256', this.#salted, 'hex');
    // Columns as HOUSEHOLD_LINE_COLUMNS, then the row, in one string (not concatenated again). The hash is bytea in hex (\x…, its backslash doubled for COPY); village code, enums and ISO date need no escaping; RT/RW are free text (encoded when read).
    const rt = this.#read.neighbourhood(cellOf(this.header, row, 'rt'));
    const rw = this.#read.neighbourhood(cellOf(this.header, row, 'rw'));
    this.lines.add(`\\\\x${kkHash}\t${village}\t${rt}\t${rw}\t${members?.ok && members.value !== null ? members.value : '\\N'}\t${pillar1.value ?? '\\N'}\t${copyBoolean(pillars[0])}\t${copyBoolean(pillars[1])}\t${copyBoolean(pillars[2])}\t${copyBoolean(pillars[3])}\t${status.value ?? '\\N'}\t${surveyedOn ?? '\\N'}\t${village.slice(0, 2)}\t${row.number}\n`, village.slice(0, 2));
  }

  /** Records a problem with a cell of the row (methods, not per-row closures: a file has a million rows). */
  #problem(row: TableRow, key: HouseholdColumn, message: string): void {
    this.errors.push({ row: row.number, column: headerOf(this.header, key), message });
  }

  #rejected(row: TableRow, key: HouseholdColumn, message: string): null {
    this.#problem(row, key, message);
    return null;
  }

  /** The row's village code: from Kode Desa, or Desa holding a code or a village name of the import's area. */
  #village(row: TableRow): string | null {
    const key: HouseholdColumn = this.header.columns.has('kode_desa') ? 'kode_desa' : 'desa';
    const cell = cellOf(this.header, row, key);
    if (isBlank(cell)) return this.#rejected(row, key, 'the village is empty');
    const code = normaliseAreaCode(cell);
    if (code) return code;
    const text = String(cell);
    if (key === 'kode_desa') return this.#rejected(row, key, `"${text}" is not a Kemendagri village code (like 52.07.02.2001)`);
    if (!this.villagesByName) return this.#rejected(row, key, `"${text}" is a village name: add a Kode Desa column, or import with the area (?area=52.07) so names can be looked up`);
    // The exact name first ("Beru"), then without a Desa/Kelurahan prefix ("Desa Beru" is another village).
    const exact = this.villagesByName.get(`=${headerKey(text)}`) ?? [];
    const matches = exact.length === 1 ? exact : (this.villagesByName.get(normaliseName(text)) ?? []);
    if (matches.length === 1 && matches[0]) return matches[0];
    const where = this.areaCode ?? 'this area';
    return this.#rejected(row, key, matches.length === 0 ? `no village named "${text}" in ${where}` : `${matches.length} villages are named "${text}" in ${where} (${matches.join(', ')}): use Kode Desa`);
  }
}

async function namesOf(database: Database, areaCode: string): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for (const village of await listVillagesOf(database.db, areaCode)) {
    for (const name of [`=${headerKey(village.name)}`, normaliseName(village.name)]) byName.set(name, [...(byName.get(name) ?? []), village.code]);
  }
  return byName;
}

/** `read`, remembering its result per text cell (up to 10,000 distinct texts). */
function remembered<T>(read: (cell: CellValue) => T): (cell: CellValue) => T {
  const memo = new Map<string, T>();
  return (cell) => {
    if (typeof cell !== 'string') return read(cell);
    const known = memo.get(cell);
    if (known !== undefined) return known;
    const value = read(cell);
    if (memo.size < 10_000) memo.set(cell, value);
    return value;
  };
}

const PILLAR_KEYS = ['pilar_2', 'pilar_3', 'pilar_4', 'pilar_5'] as const;

function copyBoolean(answer: boolean | null | undefined): string {
  return answer === null || answer === undefined ? '\\N' : answer ? 't' : 'f';
}

function emptyPlan(error: ImportError): ImportPlan {
  return { total: 0, period: null, rows: [], errors: [error] };
}
