import type { OrganisationsMessages } from './organisations.id.ts';

/** English for organisation kinds and the shared organisation picker, typed against the Indonesian. */
export const organisationsEn: OrganisationsMessages = {
  organisationKinds: {
    pemda: 'Regional government',
    opd: 'Regional agency',
    operator: 'Operator',
    association: 'Association',
    ministry: 'Ministry or agency',
    development_partner: 'Development partner',
    other: 'Other',
  },
  organisationPicker: {
    search: 'Search organisations',
    label: 'Organisation',
    hint: 'Type part of its name, for example Kota Bekasi, or a regional government’s area code such as 32.75.',
    results: 'Matching organisations',
    searching: 'Searching…',
    none: 'No organisation matches “{{q}}”.',
    selected: 'Chosen: {{name}}',
    nothingSelected: 'No organisation chosen yet.',
  },
};
