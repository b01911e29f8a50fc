import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/pengguna')).toBe('/pengguna');
    expect(safeNextPath('/riwayat?entity=app_user&id=1')).toBe('/riwayat?entity=app_user&id=1');
  });

  it('sends anything else home', () => {
    for (const next of [null, undefined, '', 'pengguna', 'https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(safeNextPath(next)).toBe('/');
    }
  });
});
