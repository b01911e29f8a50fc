import { describe, expect, it } from 'vitest';
import { pageInfo, showsVillages } from './villages.ts';

describe('showsVillages', () => {
  it('lists villages of a kabupaten/kota or kecamatan for village and household indicators only', () => {
    expect(showsVillages({ collectionLevel: 'village' }, 2)).toBe(true);
    expect(showsVillages({ collectionLevel: 'household' }, 3)).toBe(true);
    expect(showsVillages({ collectionLevel: 'village' }, 1)).toBe(false);
    expect(showsVillages({ collectionLevel: 'village' }, 4)).toBe(false);
    expect(showsVillages({ collectionLevel: 'regency' }, 2)).toBe(false);
    expect(showsVillages({ collectionLevel: 'district' }, 3)).toBe(false);
  });
});

describe('pageInfo', () => {
  it('numbers the rows of each page and links its neighbours', () => {
    expect(pageInfo(0, 25, 65)).toEqual({ from: 1, to: 25, total: 65, previous: null, next: 25 });
    expect(pageInfo(25, 25, 65)).toEqual({ from: 26, to: 50, total: 65, previous: 0, next: 50 });
    expect(pageInfo(50, 25, 65)).toEqual({ from: 51, to: 65, total: 65, previous: 25, next: null });
  });

  it('handles an exact last page, an empty list and an offset past the end', () => {
    expect(pageInfo(25, 25, 50)).toEqual({ from: 26, to: 50, total: 50, previous: 0, next: null });
    expect(pageInfo(0, 25, 0)).toEqual({ from: 0, to: 0, total: 0, previous: null, next: null });
    expect(pageInfo(10, 25, 20).previous).toBe(0);
    expect(pageInfo(100, 25, 20)).toMatchObject({ from: 20, to: 20, next: null, previous: 75 });
  });
});
