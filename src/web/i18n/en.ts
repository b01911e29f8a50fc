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
    users: 'Users',
    audit: 'Audit',
    signIn: 'Sign in',
    signOut: 'Sign out',
    account: 'Account',
    profile: 'Profile of {{name}}',
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
    enterData: 'Enter data',
  },
  breadcrumb: {
    label: 'Area location',
    root: 'Indonesia',
  },
  status: {
    loading: 'Loading…',
    retry: 'Try again',
    saving: 'Saving…',
  },
  errors: {
    title: 'Something went wrong',
    network: 'Cannot reach the server. Check the connection, then try again.',
    invalidResponse: 'The server’s answer could not be read. Reload the page.',
    http: 'The server answered with error {{status}}.',
    codes: {
      invalid_credentials: 'Wrong email or password.',
      totp_required: 'Enter the 6-digit code from your authenticator app.',
      too_many_requests: 'Too many failed attempts. For safety this account is locked for 15 minutes; try again after that.',
      unauthorized: 'Your session has ended. Please sign in again.',
      forbidden: 'You are not allowed to do this.',
    },
  },
  access: {
    signInTitle: 'Please sign in',
    signInText: 'This page is only for signed-in users.',
    signIn: 'Sign in',
    forbiddenTitle: 'You are not allowed to open this page',
    forbiddenText: 'The roles of your account do not include this page. Ask an administrator if you need it.',
    home: 'Go to the home page',
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
