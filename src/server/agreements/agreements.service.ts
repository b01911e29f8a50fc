import type { AgreementDetail, AgreementListQuery, AgreementSummary, CreateAgreement, NewScopeItem, UpdateAgreement } from '../../common/api/agreements.ts';
import type { Organisation } from '../../common/api/organisations.ts';
import { DEFAULT_RULE_PACK, type RulePack } from '../../common/agreements/rule-pack.ts';
import { findUrusan, needsLegalReview } from '../../common/agreements/urusan.ts';
import { REGION_TO_REGION_CATEGORIES, type AgreementCategory } from '../../common/agreements/vocabulary.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import { auditLabel, type Actor, type RequestContext } from '../auth/actor.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/connect.ts';
import type { Schema } from '../db/schema.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { authorizeCreate, authorizeEdit, canEdit, readScopeOf } from './agreement-access.ts';
import { assembleDetail, type AgreementRows } from './agreement-detail.ts';
import { insertAgreement, insertParticipant, insertScopeItem, insertTransition, lockAgreement, touchAgreement, updateAgreement, type ScopeFields } from './agreement-writes.repo.ts';
import {
  findAgreementRow,
  isVisible,
  listAgreements,
  listDocumentRows,
  listNumberRows,
  listParticipantRows,
  listPersonRows,
  listScopeRows,
  listSignatoryRows,
  listVersionRows,
} from './agreements.repo.ts';

/**
 * Agreements (kerja sama daerah): list, read, create and edit. Parts, documents and the lifecycle
 * have their own services (agreement-parts, agreement-documents, agreement-lifecycle) built on
 * `detail()` and `editable()` here. Who may see and change what: agreement-access.ts.
 */
export class AgreementsService {
  constructor(
    readonly database: Database,
    readonly organisations: OrganisationsService,
    readonly rules: RulePack = DEFAULT_RULE_PACK,
  ) {}

  list(context: RequestContext, query: AgreementListQuery): Promise<{ items: AgreementSummary[]; total: number }> {
    return listAgreements(this.database.db, query, readScopeOf(context.actor));
  }

  /** One agreement as the caller may see it; NotFoundError when it does not exist or is internal to others. */
  async get(context: RequestContext, id: string): Promise<AgreementDetail> {
    if (!(await isVisible(this.database.db, id, readScopeOf(context.actor)))) throw new NotFoundError(`No agreement has the id ${id}`);
    return this.detail(this.database.db, id, context.actor);
  }

  /** The agreement facts other features (programmes, results) need, as the caller may see them. */
  facts(context: RequestContext, id: string): Promise<AgreementDetail> {
    return this.get(context, id);
  }

  /** The detail, read through `db` (a transaction sees its own writes); no visibility check. */
  async detail(db: Kysely<Schema>, id: string, actor: Actor): Promise<AgreementDetail> {
    const rows = await loadRows(db, id);
    if (!rows) throw new NotFoundError(`No agreement has the id ${id}`);
    const parties = rows.participants.filter((row) => row.role === 'pihak').map((row) => ({ areaCode: row.org_area_code }));
    return assembleDetail(rows, this.rules, canEdit(actor, parties));
  }

  /**
   * Runs an edit of one agreement: checks it is visible, that the caller may change it, locks the
   * agreement row, and runs `work` in the audited transaction; answers the detail afterwards.
   */
  async editable(context: RequestContext, id: string, permission: 'agreements.update' | 'agreements.transition', work: (trx: Transaction<Schema>, detail: AgreementDetail) => Promise<void>): Promise<AgreementDetail> {
    const current = await this.get(context, id);
    authorizeEdit(context.actor, permission, { title: current.title, parties: current.parties });
    await inActorTransaction(this.database.db, context, async (trx) => {
      await lockAgreement(trx, id);
      await work(trx, await this.detail(trx, id, context.actor));
      await touchAgreement(trx, id);
    });
    return this.detail(this.database.db, id, context.actor);
  }

  /**
   * Creates a draft agreement with its legal parties (in order) and scope items. `within` runs in
   * the same transaction after the insert (the template copy steps).
   */
  async create(
    context: RequestContext,
    input: CreateAgreement,
    options: { replicatedFromId?: string; within?: (trx: Transaction<Schema>, id: string) => Promise<void> } = {},
  ): Promise<AgreementDetail> {
    const parties = await this.resolveParties(input.parties, input.category);
    authorizeCreate(context.actor, parties);
    checkTerm(input.startDate ?? null, input.endDate ?? null);
    const scope = input.scopeItems.map((item, index) => scopeFields(item, `scopeItems[${index}]`));
    const id = await inActorTransaction(this.database.db, context, async (trx) => {
      const created = await insertAgreement(trx, {
        title: input.title,
        category: input.category,
        isTwinning: input.isTwinning,
        objectives: input.objectives,
        visibility: input.visibility,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        renewalTerms: input.renewalTerms ?? null,
        burdensPublic: input.burdensPublic,
        unbudgeted: input.unbudgeted,
        note: input.note ?? null,
        replicatedFromId: options.replicatedFromId ?? null,
        createdBy: context.actor.kind === 'user' ? context.actor.userId : null,
      });
      for (const [index, party] of parties.entries()) {
        await insertParticipant(trx, created, { organisationId: party.id, role: 'pihak', partyNumber: index + 1, attendance: null, note: null, sources: [] });
      }
      for (const [index, item] of scope.entries()) await insertScopeItem(trx, created, item, index + 1);
      await recordCreation(trx, created, context.actor, options.replicatedFromId ? 'Dibuat dari templat' : null);
      await options.within?.(trx, created);
      return created;
    });
    return this.detail(this.database.db, id, context.actor);
  }

  async update(context: RequestContext, id: string, input: UpdateAgreement): Promise<AgreementDetail> {
    return this.editable(context, id, 'agreements.update', async (trx, current) => {
      checkTerm(input.startDate === undefined ? current.startDate : input.startDate, input.endDate === undefined ? current.endDate : input.endDate);
      if (input.category && REGION_TO_REGION_CATEGORIES.has(input.category)) {
        const notPemda = current.participants.filter((participant) => participant.role === 'pihak' && participant.organisation.kind !== 'pemda');
        if (notPemda.length > 0) {
          throw new InvalidRequestError(`category: a ${input.category} is between regional governments only; ${notPemda.map((p) => `${p.organisation.code} is a ${p.organisation.kind}`).join(', ')}`);
        }
      }
      await updateAgreement(trx, id, input);
    });
  }

  /** Organisations by code for the legal parties, each checked: known, not repeated, a pemda in a KSDD. */
  async resolveParties(codes: readonly string[], category: AgreementCategory): Promise<Organisation[]> {
    const problems: string[] = [];
    const parties: Organisation[] = [];
    for (const [index, code] of codes.entries()) {
      const organisation = await this.organisations.get(code).catch(() => null);
      if (!organisation) problems.push(`parties[${index}]: no organisation has the code ${code}`);
      else if (codes.indexOf(code) !== index) problems.push(`parties[${index}]: ${code} is listed twice`);
      else if (REGION_TO_REGION_CATEGORIES.has(category) && organisation.kind !== 'pemda') {
        problems.push(`parties[${index}]: ${code} (${organisation.name}) is a ${organisation.kind}; in a ${category} every legal party must be a regional government (pemda)`);
      } else parties.push(organisation);
    }
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    return parties;
  }
}

/** A scope item's stored fields: the urusan must be known; no urusan (or a flag) means legal review. */
export function scopeFields(item: NewScopeItem, where: string): ScopeFields {
  const code = item.urusanCode ?? null;
  if (code !== null && code !== '' && !findUrusan(code)) throw new InvalidRequestError(`${where}.urusanCode: ${code} is not an urusan code (see GET /api/agreement-rules)`);
  const urusanCode = code === '' ? null : code;
  return {
    label: item.label,
    description: item.description ?? null,
    urusanCode,
    needsLegalReview: needsLegalReview(urusanCode, item.needsLegalReview),
    reviewNote: item.reviewNote ?? null,
  };
}

export function checkTerm(startDate: string | null, endDate: string | null): void {
  if (startDate && endDate && endDate < startDate) throw new InvalidRequestError(`endDate: ${endDate} is before startDate ${startDate}`);
}

export async function recordCreation(trx: Kysely<Schema>, agreementId: string, actor: Actor, note: string | null): Promise<void> {
  await insertTransition(trx, {
    agreementId,
    from: null,
    to: 'draft',
    note,
    warnings: [],
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorLabel: auditLabel(actor),
    actorRoles: actor.kind === 'user' ? [...actor.roles] : [],
  });
}

export async function loadRows(db: Kysely<Schema>, id: string): Promise<AgreementRows | null> {
  const agreement = await findAgreementRow(db, id);
  if (!agreement) return null;
  // One after another: a transaction (and PGlite) has one connection.
  const participants = await listParticipantRows(db, id);
  const people = await listPersonRows(db, id);
  const scope = await listScopeRows(db, id);
  const documents = await listDocumentRows(db, id);
  const numbers = await listNumberRows(db, id);
  const signatories = await listSignatoryRows(db, id);
  const versions = await listVersionRows(db, id);
  return { agreement, participants, people, scope, documents, numbers, signatories, versions };
}
