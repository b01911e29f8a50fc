import { describe, expect, it } from 'vitest';
import type { AgreementFacts } from './participation.ts';
import { partyMaps, yearsToShift } from './programme-template.ts';

const organisation = (id: string, areaCode: string | null) => ({ id, code: areaCode ?? id, name: id, kind: 'pemda' as const, areaCode });
const facts = (parties: [string, string][], others: [string, 'fasilitator'][] = []): AgreementFacts => ({
  id: 'a',
  title: 'uji',
  status: 'draft',
  visibility: 'internal',
  participants: [
    ...parties.map(([id, area], index) => ({ id: `p${index}`, organisation: organisation(id, area), role: 'pihak' as const, partyNumber: index + 1, attendance: null, note: null, sources: [] })),
    ...others.map(([id, role]) => ({ id: `o-${id}`, organisation: organisation(id, null), role, partyNumber: null, attendance: null, note: null, sources: [] })),
  ],
});

describe('programme template', () => {
  it('moves planned dates by the fewest whole years that bring them to today or later', () => {
    expect(yearsToShift(null, '2026-11-28')).toBe(0);
    expect(yearsToShift('2027-01-01', '2026-11-28')).toBe(0);
    expect(yearsToShift('2026-11-28', '2026-11-28')).toBe(0);
    expect(yearsToShift('2021-11-26', '2026-11-28')).toBe(6);
    expect(yearsToShift('2021-12-01', '2026-11-28')).toBe(5);
    expect(yearsToShift('2026-11-27', '2026-11-28')).toBe(1);
  });

  it('maps each source party to the new party with the same number, and their areas; others are kept', () => {
    const { organisationMap, areaMap } = partyMaps(facts([['ksb', '52.07'], ['bekasi', '32.75']], [['forkalim', 'fasilitator']]), facts([['lombok-barat', '52.01'], ['kota-bogor', '32.71']]));
    expect([...organisationMap]).toEqual([['ksb', 'lombok-barat'], ['bekasi', 'kota-bogor']]);
    expect([...areaMap]).toEqual([['52.07', '52.01'], ['32.75', '32.71']]);
  });
});
