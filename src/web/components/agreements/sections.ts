/** The workspace's sections and their address segments (`/kerja-sama/:id/dokumen`); the overview has none. */
export const SECTIONS = [
  { key: 'overview', slug: '' },
  { key: 'participants', slug: 'peserta' },
  { key: 'scope', slug: 'ruang-lingkup' },
  { key: 'documents', slug: 'dokumen' },
  { key: 'timeline', slug: 'riwayat' },
  { key: 'workplan', slug: 'rencana-kerja' },
  { key: 'results', slug: 'hasil' },
] as const;

export type Section = (typeof SECTIONS)[number]['key'];

/** The section an address segment names, or null for an unknown one. */
export function sectionOf(slug: string): Section | null {
  return SECTIONS.find((section) => section.slug === slug && slug !== '')?.key ?? null;
}

