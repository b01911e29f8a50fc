/**
 * The closed vocabularies of agreements (kerja sama daerah), shared by server, web and the
 * migration's CHECK constraints (2026-11-28T1400-create-agreements.ts: keep both in step).
 * Identifiers are English/ASCII; the UI shows the Indonesian terms (see docs/glossary.md).
 * Source: research/kerjasama-twinning.md §1.1, §1.4, §3.1, §4.
 */

/** PP 28/2018 and Permendagri 22/2020 / 25/2020 (§1.1): KSDD wajib/sukarela, with third parties, foreign, and Sinergi with a ministry. */
export const AGREEMENT_CATEGORIES = ['ksdd_sukarela', 'ksdd_wajib', 'ksdpk', 'ksdpl', 'ksdll', 'sinergi'] as const;
export type AgreementCategory = (typeof AGREEMENT_CATEGORIES)[number];

/** KSDD: every legal party (PIHAK) is a regional government (PP 28/2018 Pasal 1: "daerah dengan daerah lain"). */
export const REGION_TO_REGION_CATEGORIES: ReadonlySet<AgreementCategory> = new Set(['ksdd_sukarela', 'ksdd_wajib']);

/** The legal lifecycle's states (§3.1), in their usual order. */
export const AGREEMENT_STATUSES = [
  'draft',
  'tkksd_review',
  'offer',
  'kb_negotiation',
  'kb_signed',
  'awaiting_dprd',
  'pks_negotiation',
  'pks_signed',
  'implementation',
  'evaluation',
  'amended',
  'ended',
  'terminated_early',
  'rejected',
  'withdrawn',
  'expired',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const VISIBILITIES = ['public', 'internal'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * Roles in an agreement (§4 PartyRole). PIHAK is the legal party (numbered, signs the KB/PKS);
 * MENTOR/MENTEE are twinning roles orthogonal to it; FASILITATOR and SAKSI never sign.
 */
export const PARTICIPANT_ROLES = ['pihak', 'mentor', 'mentee', 'fasilitator', 'saksi', 'sponsor', 'implementing_opd', 'ssp'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Roles whose people may never be signatories (design.md: "Facilitators and witnesses never sign"). */
export const NON_SIGNING_ROLES: ReadonlySet<ParticipantRole> = new Set(['fasilitator', 'saksi']);

export const ATTENDANCE_KINDS = ['in_person', 'online'] as const;
export type Attendance = (typeof ATTENDANCE_KINDS)[number];

/** Document kinds (§4 AgreementDocument.type). */
export const DOCUMENT_KINDS = [
  'surat_penawaran',
  'kak',
  'kajian',
  'kb',
  'pks',
  'addendum',
  'nota_kesepakatan',
  'surat_kuasa',
  'persetujuan_dprd',
  'berita_acara',
  'laporan',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kinds that are signed naskah kerja sama: they carry numbers per party, signatories and a clause checklist. */
export const SIGNED_DOCUMENT_KINDS: ReadonlySet<DocumentKind> = new Set(['kb', 'pks', 'addendum', 'nota_kesepakatan']);

/**
 * The clause checklist of a KB/PKS (§1.4). The exact mandatory list is unconfirmed [U]: which
 * clauses each kind expects is in the rule pack (src/common/agreements/rule-pack.ts), as a warning.
 */
export const CLAUSE_KEYS = [
  'identitas',
  'dasar_hukum',
  'maksud_tujuan',
  'ruang_lingkup',
  'pelaksanaan',
  'hak_kewajiban',
  'pendanaan',
  'jangka_waktu',
  'keadaan_kahar',
  'penyelesaian_perselisihan',
  'perubahan',
  'pengakhiran',
  'monev_pelaporan',
  'penutup',
] as const;
export type ClauseKey = (typeof CLAUSE_KEYS)[number];

/** In which capacity a person signs (§1.2): the kepala daerah, an official with a surat kuasa (PKS), or a partner's leader. */
export const SIGNATORY_CAPACITIES = ['kepala_daerah', 'kuasa', 'pimpinan_mitra'] as const;
export type SignatoryCapacity = (typeof SIGNATORY_CAPACITIES)[number];

/** What uploads may be: PDF, images and DOCX, recognised by their content (not their name). */
export const UPLOAD_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];
