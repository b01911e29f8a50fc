import type { Role } from '../../common/roles.ts';

/**
 * Example accounts, one per role, created only by `kembar demo load`. They are marked as demo
 * users, listed on the sign-in page only while they exist, and share one published password.
 * The people are fictional ("Contoh" = example); the organisations are the real ones seeded.
 */
export const DEMO_PASSWORD = 'contoh-kembar-twinning';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; organisationCode: string; roles: Role[] }> = [
  { email: 'admin@contoh.kembar.test', name: 'Contoh Admin', organisationCode: 'kembar', roles: ['admin'] },
  { email: 'koordinator.bekasi@contoh.kembar.test', name: 'Contoh Koordinator Kota Bekasi', organisationCode: '32.75', roles: ['coordinator'] },
  { email: 'koordinator.ksb@contoh.kembar.test', name: 'Contoh Koordinator Sumbawa Barat', organisationCode: '52.07', roles: ['coordinator'] },
  { email: 'data.ksb@contoh.kembar.test', name: 'Contoh Petugas Data Sumbawa Barat', organisationCode: '52.07', roles: ['data_officer'] },
  { email: 'data.bekasi@contoh.kembar.test', name: 'Contoh Petugas Data Kota Bekasi', organisationCode: '32.75', roles: ['data_officer'] },
  { email: 'fasilitator@contoh.kembar.test', name: 'Contoh Fasilitator FORKALIM', organisationCode: 'forkalim', roles: ['facilitator'] },
  { email: 'pengamat@contoh.kembar.test', name: 'Contoh Pengamat Kemenkes', organisationCode: 'kemenkes', roles: ['observer'] },
];
