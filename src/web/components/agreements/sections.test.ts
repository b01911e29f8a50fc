import { describe, expect, it } from 'vitest';
import { SECTIONS, sectionOf } from './sections.ts';

describe('sectionOf', () => {
  it('maps each address segment to its section, and nothing else', () => {
    expect(SECTIONS.filter((section) => section.slug).map((section) => sectionOf(section.slug))).toEqual(['participants', 'scope', 'documents', 'timeline', 'workplan', 'results']);
    expect(sectionOf('')).toBeNull();
    expect(sectionOf('ubah')).toBeNull();
    expect(sectionOf('Dokumen')).toBeNull();
  });
});
