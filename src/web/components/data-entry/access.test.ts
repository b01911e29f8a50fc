import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../../common/api/auth.ts';
import type { Role } from '../../../common/roles.ts';
import { canEnterData, dataEntryAccess } from './access.ts';

function user(roles: Role[], areaCode: string | null): CurrentUser {
  return {
    id: '0f8c2a5e-1b9d-4c3e-8f7a-2d6b9e1c4a70',
    email: 'budi@example.org',
    name: 'Budi',
    roles,
    organisation: { id: '5b1f9c2e-7d3a-4e8b-9c6f-1a2b3c4d5e6f', code: areaCode ?? 'forkalim', name: 'Pemerintah Kota Bekasi', kind: 'pemda', areaCode, parentCode: null },
    totpEnabled: false,
    isDemo: false,
  };
}

describe('dataEntryAccess', () => {
  it('lets an admin enter data anywhere', () => {
    expect(dataEntryAccess(user(['admin'], null), '52.07.02.2001')).toBe('allowed');
  });

  it('lets a data officer enter data for their own area and the areas under it, by code prefix', () => {
    const officer = user(['data_officer'], '32.75');
    expect(dataEntryAccess(officer, '32.75')).toBe('allowed');
    expect(dataEntryAccess(officer, '32.75.01')).toBe('allowed');
    expect(dataEntryAccess(officer, '32.75.01.1001')).toBe('allowed');
    expect(dataEntryAccess(officer, '52.07.02.2001')).toBe('outside_area');
    expect(dataEntryAccess(officer, '32')).toBe('outside_area');
    // A code that merely starts with the same digits is another area.
    expect(dataEntryAccess(user(['data_officer'], '32.7'), '32.75')).toBe('outside_area');
  });

  it('refuses other roles, and data officers of an organisation without an area', () => {
    expect(dataEntryAccess(user(['coordinator', 'observer'], '32.75'), '32.75.01.1001')).toBe('role');
    expect(dataEntryAccess(user(['data_officer'], null), '32.75.01.1001')).toBe('no_area');
  });
});

describe('canEnterData', () => {
  it('is false while signed out', () => {
    expect(canEnterData(null, '32.75')).toBe(false);
    expect(canEnterData(undefined, '32.75')).toBe(false);
    expect(canEnterData(user(['data_officer'], '32.75'), '32.75.01')).toBe(true);
  });
});
