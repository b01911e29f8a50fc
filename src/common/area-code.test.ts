import { describe, expect, it } from 'vitest';
import { ancestorCodes, areaKind, areaLevel, descendantRange, isAreaCode, isDescendantOf, parentCode } from './area-code.ts';

describe('area codes', () => {
  it.each(['52', '52.07', '52.07.02', '52.07.02.2001', '32.75.01.1001'])('accepts %s', (code) => {
    expect(isAreaCode(code)).toBe(true);
  });

  it.each(['', '5', '520', '52.7', '52.07.2', '52.07.02.201', '52.07.02.20011', '52-07', '52.07.', ' 52', 'ab', '52.07.02.2001.1', '52..07'])(
    'rejects %j',
    (code) => {
      expect(isAreaCode(code)).toBe(false);
    },
  );

  it('derives the level from the number of segments', () => {
    expect([areaLevel('52'), areaLevel('52.07'), areaLevel('52.07.02'), areaLevel('52.07.02.2001')]).toEqual([1, 2, 3, 4]);
  });

  it('finds the parent and every ancestor as prefixes', () => {
    expect(parentCode('52')).toBeNull();
    expect(parentCode('52.07.02.2001')).toBe('52.07.02');
    expect(ancestorCodes('52.07.02.2001')).toEqual(['52', '52.07', '52.07.02']);
    expect(ancestorCodes('52')).toEqual([]);
  });

  it('tells descendants by prefix, not by string start', () => {
    expect(isDescendantOf('52.07.02', '52.07')).toBe(true);
    expect(isDescendantOf('52.07', '52.07')).toBe(false);
    expect(isDescendantOf('52.71', '52.7' as string)).toBe(false);
  });

  it('gives a byte-ordered range that holds exactly the descendants', () => {
    const { low, high } = descendantRange('52.07');
    const inside = (code: string) => code >= low && code < high;
    expect(['52.07.01', '52.07.08.2012', '52.07.99'].every(inside)).toBe(true);
    expect(['52.07', '52.06.99', '52.08', '52.070', '52.071'].some(inside)).toBe(false);
  });

  it('throws on malformed codes instead of guessing', () => {
    expect(() => areaLevel('52.7')).toThrow(/not a Kemendagri area code/);
    expect(() => parentCode('x')).toThrow(RangeError);
  });
});

describe('area kinds', () => {
  it('calls level 1 a provinsi and level 3 a kecamatan', () => {
    expect(areaKind('52', 'Nusa Tenggara Barat')).toBe('provinsi');
    expect(areaKind('91.03.01', 'Sentani')).toBe('kecamatan');
  });

  it('tells kota from kabupaten by the official name', () => {
    expect(areaKind('32.75', 'Kota Bekasi')).toBe('kota');
    expect(areaKind('52.07', 'Kabupaten Sumbawa Barat')).toBe('kabupaten');
    expect(areaKind('32.75', '  KOTA BEKASI')).toBe('kota');
    // "Kotabaru" is a kabupaten whose name merely starts with the letters k-o-t-a.
    expect(areaKind('63.02', 'Kabupaten Kotabaru')).toBe('kabupaten');
    expect(areaKind('63.02', 'Kotabaru')).toBe('kabupaten');
  });

  it('tells kelurahan (1xxx) from desa (2xxx) and desa adat (3xxx) by the village number', () => {
    expect(areaKind('32.75.01.1001', 'Bekasi Jaya')).toBe('kelurahan');
    expect(areaKind('52.07.02.2001', 'Kuang')).toBe('desa');
    expect(areaKind('91.03.01.3007', 'Desa Adat Yoboi')).toBe('desa');
    // A village named "Kota …" is still a desa: the name rule applies to level 2 only.
    expect(areaKind('11.01.04.2009', 'Kota Palak')).toBe('desa');
  });
});
