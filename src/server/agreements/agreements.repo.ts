import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { descendantRange } from '../../common/area-code.ts';
import type { AgreementListQuery, AgreementSummary, OrganisationRef } from '../../common/api/agreements.ts';
import type { AgreementStatus } from '../../common/agreements/vocabulary.ts';
import type { Schema } from '../db/schema.ts';

/**
 * Reads of agreements: the list (filtered, visibility-scoped), one agreement's rows, the
 * timeline and file versions. Writes are in agreement-writes.repo.ts.
 */

/** Whose eyes a read is for: everything (admin, observer, CLI), one organisation's, or the public's. */
export type ReadScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string; areaCode: string | null } | { kind: 'public' };

type Builder = ExpressionBuilder<Schema & { a: Schema['agreement'] }, 'a'>;

/** Agreements the organisation takes part in: as a participant, or inside a legal party's area (its OPDs, puskesmas). */
function takesPart(eb: Builder, scope: Extract<ReadScope, { kind: 'organisation' }>): Expression<SqlBool> {
  const area = scope.areaCode;
  return eb.exists(
    eb
      .selectFrom('agreement_participant as vp')
      .innerJoin('organisation as vo', 'vo.id', 'vp.organisation_id')
      .select(sql`1`.as('one'))
      .whereRef('vp.agreement_id', '=', 'a.id')
      .where((inner) =>
        inner.or([
          inner('vo.id', '=', scope.organisationId),
          ...(area ? [inner.and([inner('vp.role', '=', 'pihak'), inner.or([inner('vo.area_code', '=', area), inner(sql.val(area), 'like', sql<string>`vo.area_code || '.%'`)])])] : []),
        ]),
      ),
  );
}

/** Public agreements, plus internal ones the scope takes part in. */
function visibleTo(eb: Builder, scope: ReadScope): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<boolean>`true`;
  const isPublic = eb('a.visibility', '=', 'public');
  if (scope.kind === 'public') return isPublic;
  return eb.or([isPublic, takesPart(eb, scope)]);
}

function escapeLike(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function listAgreements(db: Kysely<Schema>, query: AgreementListQuery, scope: ReadScope): Promise<{ items: AgreementSummary[]; total: number }> {
  let base = db.selectFrom('agreement as a').where((eb) => visibleTo(eb, scope));
  if (query.status) base = base.where('a.status', '=', query.status);
  if (query.category) base = base.where('a.category', '=', query.category);
  if (query.q) {
    const pattern = escapeLike(query.q);
    base = base.where((eb) =>
      eb.or([
        eb(sql<string>`lower(a.title)`, 'like', pattern),
        eb(sql<string>`lower(a.objectives)`, 'like', pattern),
        eb.exists(
          eb
            .selectFrom('agreement_participant as qp')
            .innerJoin('organisation as qo', 'qo.id', 'qp.organisation_id')
            .select(sql`1`.as('one'))
            .whereRef('qp.agreement_id', '=', 'a.id')
            .where(sql<string>`lower(qo.name)`, 'like', pattern),
        ),
      ]),
    );
  }
  if (query.area || query.role) {
    const { area, role } = query;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_participant as fp')
          .innerJoin('organisation as fo', 'fo.id', 'fp.organisation_id')
          .select(sql`1`.as('one'))
          .whereRef('fp.agreement_id', '=', 'a.id')
          .$if(role !== undefined, (inner) => inner.where('fp.role', '=', role ?? 'pihak'))
          .$if(area !== undefined, (inner) => {
            const { low, high } = descendantRange(area ?? '');
            return inner.where((w) => w.or([w('fo.area_code', '=', area ?? ''), w.and([w('fo.area_code', '>=', low), w('fo.area_code', '<', high)])]));
          }),
      ),
    );
  }
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['a.id', 'a.title', 'a.category', 'a.status', 'a.visibility', 'a.is_twinning', 'a.updated_at'])
    .select([sql<string | null>`a.start_date::text`.as('start_date'), sql<string | null>`a.end_date::text`.as('end_date')])
    .select(sql<string | null>`(SELECT min(d.signed_on)::text FROM agreement_document d WHERE d.agreement_id = a.id AND d.kind IN ('kb', 'nota_kesepakatan'))`.as('signed_on'))
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const parties = await listParties(
    db,
    rows.map((row) => row.id),
  );
  const items = rows.map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    status: row.status,
    visibility: row.visibility,
    isTwinning: row.is_twinning,
    startDate: row.start_date,
    endDate: row.end_date,
    signedOn: row.signed_on,
    parties: parties.get(row.id) ?? [],
    updatedAt: row.updated_at.toISOString(),
  }));
  return { items, total: Number(counted.total) };
}

async function listParties(db: Kysely<Schema>, ids: string[]): Promise<Map<string, AgreementSummary['parties']>> {
  const byAgreement = new Map<string, AgreementSummary['parties']>();
  if (ids.length === 0) return byAgreement;
  const rows = await db
    .selectFrom('agreement_participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.agreement_id', 'p.party_number', 'o.code', 'o.name', 'o.area_code'])
    .where('p.agreement_id', 'in', ids)
    .where('p.role', '=', 'pihak')
    .orderBy('p.party_number')
    .execute();
  for (const row of rows) {
    const list = byAgreement.get(row.agreement_id) ?? [];
    list.push({ organisationCode: row.code, name: row.name, areaCode: row.area_code, partyNumber: row.party_number ?? 0 });
    byAgreement.set(row.agreement_id, list);
  }
  return byAgreement;
}

/** Whether the scope may see this agreement (it exists and is public or theirs). */
export async function isVisible(db: Kysely<Schema>, id: string, scope: ReadScope): Promise<boolean> {
  const row = await db
    .selectFrom('agreement as a')
    .select('a.id')
    .where('a.id', '=', id)
    .where((eb) => visibleTo(eb, scope))
    .executeTakeFirst();
  return row !== undefined;
}

export async function findAgreementRow(db: Kysely<Schema>, id: string) {
  return db
    .selectFrom('agreement')
    .selectAll()
    .select([sql<string | null>`start_date::text`.as('start_date'), sql<string | null>`end_date::text`.as('end_date')])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreementRow>>>;

export function organisationRef(row: { org_id: string; org_code: string; org_name: string; org_kind: OrganisationRef['kind']; org_area_code: string | null }): OrganisationRef {
  return { id: row.org_id, code: row.org_code, name: row.org_name, kind: row.org_kind, areaCode: row.org_area_code };
}

const ORG_COLUMNS = ['o.id as org_id', 'o.code as org_code', 'o.name as org_name', 'o.kind as org_kind', 'o.area_code as org_area_code'] as const;

export function listParticipantRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_participant as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.role', 'p.party_number', 'p.attendance', 'p.note', 'p.sources', ...ORG_COLUMNS])
    .where('p.agreement_id', '=', agreementId)
    // Parties in number order, then the other roles in a fixed order, each by name.
    .orderBy(sql`array_position(ARRAY['pihak', 'mentor', 'mentee', 'fasilitator', 'sponsor', 'ssp', 'implementing_opd', 'saksi']::text[], p.role)`)
    .orderBy('p.party_number')
    .orderBy('o.name')
    .orderBy('p.id')
    .execute();
}

export function listPersonRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_person as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.name', 'p.position', 'p.attendance', 'p.note', 'p.sources', ...ORG_COLUMNS])
    .where('p.agreement_id', '=', agreementId)
    .orderBy('p.sort_order')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export function listScopeRows(db: Kysely<Schema>, agreementId: string) {
  return db.selectFrom('agreement_scope_item').selectAll().where('agreement_id', '=', agreementId).orderBy('sort_order').orderBy('created_at').orderBy('id').execute();
}

export function listDocumentRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_document')
    .select(['id', 'kind', 'title', 'signed_place', 'parent_document_id', 'clauses', 'note', 'sources'])
    .select([
      sql<string | null>`signed_on::text`.as('signed_on'),
      sql<string | null>`effective_start::text`.as('effective_start'),
      sql<string | null>`effective_end::text`.as('effective_end'),
    ])
    .where('agreement_id', '=', agreementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listNumberRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_document_number as n')
    .innerJoin('agreement_document as d', 'd.id', 'n.document_id')
    .innerJoin('organisation as o', 'o.id', 'n.organisation_id')
    .select(['n.document_id', 'n.number', ...ORG_COLUMNS])
    .where('d.agreement_id', '=', agreementId)
    .orderBy('o.code')
    .execute();
}

export function listSignatoryRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_document_signatory as s')
    .innerJoin('agreement_document as d', 'd.id', 's.document_id')
    .innerJoin('agreement_person as p', 'p.id', 's.person_id')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['s.id', 's.document_id', 's.person_id', 's.capacity', 's.power_of_attorney_document_id', 'p.name', 'p.position', ...ORG_COLUMNS])
    .where('d.agreement_id', '=', agreementId)
    .orderBy('p.sort_order')
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

export function listVersionRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_document_version as v')
    .innerJoin('agreement_document as d', 'd.id', 'v.document_id')
    .leftJoin('app_user as u', 'u.id', 'v.uploaded_by')
    .select(['v.document_id', 'v.version', 'v.sha256', 'v.size_bytes', 'v.media_type', 'v.file_name', 'v.uploaded_at', 'u.email as uploaded_by'])
    .where('d.agreement_id', '=', agreementId)
    .orderBy('v.version')
    .execute();
}

export function findVersion(db: Kysely<Schema>, agreementId: string, documentId: string, version: number) {
  return db
    .selectFrom('agreement_document_version as v')
    .innerJoin('agreement_document as d', 'd.id', 'v.document_id')
    .select(['v.sha256', 'v.size_bytes', 'v.media_type', 'v.file_name'])
    .where('d.agreement_id', '=', agreementId)
    .where('v.document_id', '=', documentId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export function listTimelineRows(db: Kysely<Schema>, agreementId: string) {
  return db
    .selectFrom('agreement_transition as t')
    .leftJoin('app_user as u', 'u.id', 't.actor_user_id')
    .select(['t.id', 't.from_status', 't.to_status', 't.note', 't.warnings', 't.at', 't.actor_label', 't.actor_roles', 'u.email', 'u.name'])
    .where('t.agreement_id', '=', agreementId)
    .orderBy('t.at')
    .orderBy('t.id')
    .execute();
}
export type TimelineRow = Awaited<ReturnType<typeof listTimelineRows>>[number];

/** Agreements in these states that the scope takes part in (everything for 'all', nothing for 'public'): what reminders look at. */
export async function listRunningAgreements(db: Kysely<Schema>, scope: ReadScope, statuses: readonly AgreementStatus[]) {
  return db
    .selectFrom('agreement as a')
    .select(['a.id', 'a.title', 'a.status', 'a.status_changed_at'])
    .select(sql<string | null>`a.end_date::text`.as('end_date'))
    .select(sql<string | null>`(SELECT min(d.signed_on)::text FROM agreement_document d WHERE d.agreement_id = a.id AND d.kind IN ('kb', 'nota_kesepakatan'))`.as('kb_signed_on'))
    .where('a.status', 'in', [...statuses])
    .where((eb) => (scope.kind === 'all' ? sql<boolean>`true` : scope.kind === 'public' ? sql<boolean>`false` : takesPart(eb, scope)))
    .orderBy('a.id')
    .execute();
}
