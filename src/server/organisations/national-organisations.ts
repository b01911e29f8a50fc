import type { NewOrganisation } from './organisations.repo.ts';

/**
 * National bodies named in the founding case (design.md): the convening association, the
 * alliance of sanitation-minded regions, the witnessing ministries and the development partner.
 * Names are their public names; FORKALIM is given by its acronym only, as the sources do.
 */
export const NATIONAL_ORGANISATIONS: readonly NewOrganisation[] = [
  // The team that runs this Kembar installation; the first admin belongs to it.
  { code: 'kembar', name: 'Pengelola Kembar', kind: 'other', areaCode: null, parentId: null },
  { code: 'forkalim', name: 'FORKALIM', kind: 'association', areaCode: null, parentId: null },
  { code: 'akkopsi', name: 'Aliansi Kabupaten/Kota Peduli Sanitasi (AKKOPSI)', kind: 'association', areaCode: null, parentId: null },
  { code: 'bappenas', name: 'Kementerian PPN/Bappenas', kind: 'ministry', areaCode: null, parentId: null },
  { code: 'kemenkes', name: 'Kementerian Kesehatan', kind: 'ministry', areaCode: null, parentId: null },
  { code: 'kemen-pupr', name: 'Kementerian Pekerjaan Umum dan Perumahan Rakyat (PUPR)', kind: 'ministry', areaCode: null, parentId: null },
  { code: 'unicef', name: 'UNICEF Indonesia', kind: 'development_partner', areaCode: null, parentId: null },
];
