import { describe, expect, it } from 'vitest';
import { daysBetween, formatBytes, formatDay, formatRupiah, formatTerm, parseRupiah, shortHash, todayIso } from './format.ts';

const NBSP = /\u00a0/g;
const plain = (text: string) => text.replace(NBSP, ' ');

describe('formatRupiah', () => {
  it('writes whole rupiah with dots in Indonesian and commas in English', () => {
    expect(plain(formatRupiah(1_500_000, 'id'))).toBe('Rp 1.500.000');
    expect(plain(formatRupiah(0, 'id'))).toBe('Rp 0');
    expect(plain(formatRupiah(1_500_000, 'en'))).toBe('IDR 1,500,000');
  });
});

describe('parseRupiah', () => {
  it('reads amounts as people type them', () => {
    expect(parseRupiah('1.500.000')).toBe(1_500_000);
    expect(parseRupiah('Rp 1.500.000')).toBe(1_500_000);
    expect(parseRupiah('rp.250000')).toBe(250_000);
    expect(parseRupiah('0')).toBe(0);
  });
  it('refuses what is not a whole, non-negative amount', () => {
    expect(parseRupiah('')).toBeNull();
    expect(parseRupiah('-5')).toBeNull();
    expect(parseRupiah('1,5')).toBeNull();
    expect(parseRupiah('dua juta')).toBeNull();
    expect(parseRupiah('1'.repeat(16))).toBeNull();
  });
});

describe('formatDay', () => {
  it('shows the founding agreement’s signing day as the day it was, in both languages', () => {
    expect(formatDay('2021-10-26', 'id')).toBe('26 Oktober 2021');
    expect(formatDay('2021-10-26', 'en')).toBe('October 26, 2021');
  });
  it('takes the date part of a timestamp, and passes anything else through', () => {
    expect(formatDay('2021-10-26T23:30:00.000Z', 'id')).toBe('26 Oktober 2021');
    expect(formatDay('kapan-kapan', 'id')).toBe('kapan-kapan');
  });
});

describe('formatTerm', () => {
  it('joins start and end, showing an open side with the given word', () => {
    expect(formatTerm('2022-01-01', '2026-12-31', 'id', 'belum ditentukan')).toBe('1 Januari 2022 – 31 Desember 2026');
    expect(formatTerm('2022-01-01', null, 'id', 'belum ditentukan')).toBe('1 Januari 2022 – belum ditentukan');
    expect(formatTerm(null, null, 'id', 'x')).toBeNull();
  });
});

describe('daysBetween and todayIso', () => {
  it('counts calendar days, negative backwards, across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2021-10-26', '2021-10-26')).toBe(0);
    expect(daysBetween('2021-10-27', '2021-10-26')).toBe(-1);
  });
  it('gives the local date', () => {
    expect(todayIso(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });
});

describe('formatBytes and shortHash', () => {
  it('writes sizes for people', () => {
    expect(formatBytes(512, 'id')).toBe('512 B');
    expect(formatBytes(2048, 'id')).toBe('2 KB');
    expect(formatBytes(3.5 * 1024 * 1024, 'id')).toBe('3,5 MB');
  });
  it('shortens a sha256 to its first 12 characters', () => {
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });
});
