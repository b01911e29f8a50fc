import type { Messages } from './id.ts';

/** English. Typed against the Indonesian messages, so a missing or extra key fails the type check. */
export const en: Messages = {
  app: {
    name: 'Kembar',
    tagline: 'Regional cooperation for sanitation and health',
    skipToContent: 'Skip to content',
    mainNav: 'Main menu',
  },
  nav: {
    areas: 'Areas',
  },
  language: {
    label: 'Bahasa / Language',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  kinds: {
    provinsi: 'Province',
    kabupaten: 'Regency',
    kota: 'City',
    kecamatan: 'District',
    desa: 'Village',
    kelurahan: 'Urban village',
  },
  search: {
    label: 'Search areas',
    placeholder: 'For example Sumbawa Barat',
    hint: 'Type at least 2 letters. Arrow down to pick a result.',
    results: 'Search results',
    searching: 'Searching…',
    count: 'Search results: {{count}}',
    noResults: 'No area matches “{{q}}”.',
  },
  home: {
    title: 'Areas',
    intro: 'Browse provinces, regencies and cities, districts, and villages by their Kemendagri code.',
    provinces: 'Provinces',
  },
  area: {
    code: 'Code {{code}}',
    counts: 'Number of areas',
    districts: 'Districts',
    villages: 'Villages',
    children: 'Areas within',
    noChildren: 'Villages are the smallest areas, so there are no areas within.',
    notFound: 'Area not found',
    invalidCode: 'Not a valid area code',
    backToAreas: 'Back to the list of provinces',
  },
  breadcrumb: {
    label: 'Area location',
    root: 'Indonesia',
  },
  status: {
    loading: 'Loading…',
    retry: 'Try again',
  },
  errors: {
    title: 'Something went wrong',
    network: 'Cannot reach the server. Check the connection, then try again.',
    invalidResponse: 'The server’s answer could not be read. Reload the page.',
    http: 'The server answered with error {{status}}.',
  },
  notFound: {
    title: 'Page not found',
    text: 'This address does not exist in Kembar.',
    home: 'Go to the home page',
  },
  footer: {
    areaData: 'Area data',
    version: 'Kembar version {{version}}',
  },
};
