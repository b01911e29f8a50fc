import type { CreateOrganisation, Organisation } from '../../common/api/organisations.ts';
import type { OrganisationKind } from '../../common/roles.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import { authorize } from '../auth/policies.ts';
import type { Database } from '../db/connect.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.ts';
import { NATIONAL_ORGANISATIONS } from './national-organisations.ts';
import {
  findOrganisationByCode,
  findOrganisationById,
  insertMissingOrganisations,
  insertMissingPemda,
  insertOrganisation,
  listOrganisations,
  renameOrganisation,
  type OrganisationFilter,
} from './organisations.repo.ts';

/** Kinds that belong to a pemda and so must name it as parent. */
const REGIONAL_KINDS: ReadonlySet<OrganisationKind> = new Set(['opd']);

export class OrganisationsService {
  constructor(private readonly database: Database) {}

  list(filter: OrganisationFilter): Promise<Organisation[]> {
    return listOrganisations(this.database.db, filter);
  }

  async get(code: string): Promise<Organisation> {
    const organisation = await findOrganisationByCode(this.database.db, code);
    if (!organisation) throw new NotFoundError(`No organisation has the code ${code}`);
    return organisation;
  }

  async getById(id: string): Promise<Organisation> {
    const organisation = await findOrganisationById(this.database.db, id);
    if (!organisation) throw new NotFoundError(`No organisation has the id ${id}`);
    return organisation;
  }

  /**
   * Adds an OPD, operator or other organisation. One under a pemda takes the pemda's area, and a
   * coordinator may only add organisations in their own area; national ones are for admins.
   */
  async create(context: RequestContext, input: CreateOrganisation): Promise<Organisation> {
    const parent = input.parentCode ? await this.get(input.parentCode).catch(() => null) : null;
    if (input.parentCode && !parent) throw new InvalidRequestError(`parentCode: no organisation has the code ${input.parentCode}`);
    if (parent && parent.kind !== 'pemda') throw new InvalidRequestError(`parentCode: ${parent.code} is a ${parent.kind}, not a pemda`);
    if (REGIONAL_KINDS.has(input.kind) && !parent) throw new InvalidRequestError(`parentCode: an ${input.kind} must name the pemda it belongs to`);
    const areaCode = parent?.areaCode ?? null;
    authorize(context.actor, 'organisations.create', { areaCode });
    try {
      const id = await inActorTransaction(this.database.db, context, (trx) =>
        insertOrganisation(trx, { code: input.code, name: input.name, kind: input.kind, areaCode, parentId: parent?.id ?? null }),
      );
      return this.getById(id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`code: an organisation with the code ${input.code} already exists`);
      throw error;
    }
  }

  async rename(context: RequestContext, code: string, name: string): Promise<Organisation> {
    const organisation = await this.get(code);
    authorize(context.actor, 'organisations.update', { areaCode: organisation.areaCode });
    await inActorTransaction(this.database.db, context, (trx) => renameOrganisation(trx, organisation.id, name));
    return this.get(code);
  }

  /** Creates the pemda of every province and kab/kota and the national bodies, when missing. */
  async ensureDefaults(context: RequestContext): Promise<{ added: number }> {
    const added = await inActorTransaction(this.database.db, context, async (trx) => {
      const pemda = await insertMissingPemda(trx);
      return pemda + (await insertMissingOrganisations(trx, NATIONAL_ORGANISATIONS));
    });
    return { added };
  }
}
