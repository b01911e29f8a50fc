import { describe, expect, it } from 'vitest';
import { coreSearchText, normalizeSearchText } from './search-text.ts';

describe(normalizeSearchText.name, () => {
  it('ignores case, punctuation, accents and extra spaces', () => {
    expect(normalizeSearchText('  Kab. Sumbawa-Barat ')).toBe('kab sumbawa barat');
    expect(normalizeSearchText('Soka"an')).toBe('soka an');
    expect(normalizeSearchText('Lubuk Pakam I,II')).toBe('lubuk pakam i ii');
    expect(normalizeSearchText('Bénoa')).toBe('benoa');
  });

  it('turns punctuation-only text into nothing', () => {
    expect(normalizeSearchText(' .,-/ ')).toBe('');
  });
});

describe(coreSearchText.name, () => {
  it('drops a leading administrative word', () => {
    expect(coreSearchText('Kabupaten Sumbawa Barat')).toBe('sumbawa barat');
    expect(coreSearchText('kab. sumbawa barat')).toBe('sumbawa barat');
    expect(coreSearchText('Kota Bekasi')).toBe('bekasi');
    expect(coreSearchText('Desa Adat Yoboi')).toBe('yoboi');
  });

  it('keeps names that only start with the same letters', () => {
    expect(coreSearchText('Kotabaru')).toBe('kotabaru');
    expect(coreSearchText('Taliwang')).toBe('taliwang');
  });
});
