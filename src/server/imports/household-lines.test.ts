import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KkRowIndex } from './household-kk-index.ts';
import { HouseholdLines } from './household-lines.ts';
import { readCsv, isSyncTable } from './read-csv.ts';

const text = (chunks: Iterable<string | Uint8Array>) => [...chunks].map((chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))).join('');

describe('household lines', () => {
  it('gives every line in key order (province, then KK hash), with or without its row', () => {
    const lines = new HouseholdLines();
    const expected: string[] = [];
    for (let index = 0; index < 5_000; index += 1) {
      const province = ['53', '52', '32'][index % 3] ?? '52';
      // Many hashes share their first characters, so the packed prefixes tie and the whole hash decides.
      const hash = `${index % 7 === 0 ? '0000000000' : ''}${createHash('sha256').update(String(index)).digest('hex')}`.slice(0, 64);
      const stored = `\\\\x${hash}\t${province}.01.02.2001\tRT é ${index}\t\\N\t${province}`;
      lines.add(`${stored}\t${index + 2}\n`, province);
      expected.push(`${province}|${stored}`);
    }
    expected.sort();
    const inOrder = expected.map((line) => line.slice(3));
    expect(lines.provinces).toEqual(['32', '52', '53']);
    expect(text(lines.chunks(700, '\tP\tJ\n'))).toBe(inOrder.map((line) => `${line}\tP\tJ\n`).join(''));
    const withRows = text(lines.chunks(1_000, null)).split('\n').slice(0, -1);
    expect(withRows.map((line) => line.slice(0, line.lastIndexOf('\t')))).toEqual(inOrder);
    expect(withRows.every((line) => /\t\d+$/.test(line))).toBe(true);
  });

  it('is empty when nothing was added', () => {
    const lines = new HouseholdLines();
    expect([...lines.chunks(10, null)]).toEqual([]);
    expect(lines.provinces).toEqual([]);
  });
});

describe('No KK row index', () => {
  it('names the first row of a number seen again, across growth, and only exact numbers', () => {
    const index = new KkRowIndex();
    let repeated = 0;
    for (let row = 2; row < 200_002; row += 1) if (index.firstRowOrAdd(`52019900${String(row).padStart(8, '0')}`, row) !== null) repeated += 1;
    expect(repeated).toBe(0);
    expect(index.firstRowOrAdd('5201990000000002', 900_000)).toBe(2);
    expect(index.firstRowOrAdd('5201990000150000', 900_001)).toBe(150_000);
    expect(index.firstRowOrAdd('5201990100000002', 900_002)).toBeNull();
    expect(index.firstRowOrAdd('0000000000000000', 900_003)).toBeNull();
    expect(index.firstRowOrAdd('0000000000000000', 900_004)).toBe(900_003);
  });
});

describe('CSV without quotes', () => {
  it('reads the same rows synchronously as asynchronously', async () => {
    const table = readCsv(Buffer.from('a;b\r\n1;2\n\n3;4'));
    expect(isSyncTable(table)).toBe(true);
    const asynchronous = [];
    for await (const row of table) asynchronous.push(row);
    expect(isSyncTable(table) ? [...table] : null).toEqual(asynchronous);
    expect(asynchronous).toEqual([{ number: 1, cells: ['a', 'b'] }, { number: 2, cells: ['1', '2'] }, { number: 3, cells: [''] }, { number: 4, cells: ['3', '4'] }]);
    expect(isSyncTable(readCsv(Buffer.from('"a",b\n1,2')))).toBe(false);
  });
});
