/**
 * Bahasa Indonesia for organisations wherever they are shown or chosen: their kinds and the shared
 * organisation picker (users, agreements). `organisations.ts` adds these to the one namespace.
 */
export const organisationsId = {
  organisationKinds: {
    pemda: 'Pemerintah daerah',
    opd: 'Perangkat daerah',
    operator: 'Operator',
    association: 'Asosiasi',
    ministry: 'Kementerian/lembaga',
    development_partner: 'Mitra pembangunan',
    other: 'Lainnya',
  },
  organisationPicker: {
    search: 'Cari organisasi',
    label: 'Organisasi',
    hint: 'Ketik sebagian namanya, misalnya Kota Bekasi, atau kode wilayah pemda seperti 32.75.',
    results: 'Organisasi yang cocok',
    searching: 'Mencari…',
    none: 'Tidak ada organisasi yang cocok dengan “{{q}}”.',
    selected: 'Dipilih: {{name}}',
    nothingSelected: 'Belum ada organisasi yang dipilih.',
  },
};

export type OrganisationsMessages = typeof organisationsId;
