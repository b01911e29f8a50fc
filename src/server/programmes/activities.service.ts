import { activityMoves, activityProblems, displayStatus } from '../../common/activity-status.ts';
import type { Activity, ActivityInput, ActivityPatch } from '../../common/api/programmes.ts';
import { inActorTransaction } from '../audit/actor-transaction.ts';
import type { RequestContext } from '../auth/actor.ts';
import type { Database } from '../db/connect.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { insertActivity, listActivities, updateActivity, type ActivityRow, type ActivityWrite } from './activities.repo.ts';
import { authorizeParticipant, type AgreementFacts } from './participation.ts';
import { todayInIndonesia, userIdOf, type ProgrammesService } from './programmes.service.ts';

/** The work plan: activities of an agreement's programme, their participants and budget lines. */
export class ActivitiesService {
  constructor(
    private readonly database: Database,
    private readonly programmes: ProgrammesService,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(context: RequestContext, agreementId: string): Promise<Activity[]> {
    await this.programmes.agreements.facts(context, agreementId);
    const programme = await this.programmes.find(agreementId);
    if (!programme) return [];
    const today = todayInIndonesia();
    return (await listActivities(this.database.db, { programmeId: programme.id })).map((row) => toActivity(row, today));
  }

  async get(context: RequestContext, activityId: string): Promise<Activity> {
    const { row } = await this.load(context, activityId);
    return toActivity(row, todayInIndonesia());
  }

  /** Plans an activity (or records one already done); creates the programme on first use. */
  async create(context: RequestContext, agreementId: string, input: ActivityInput): Promise<Activity> {
    const agreement = await this.programmes.agreements.facts(context, agreementId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const write = await this.resolve(input, agreement);
    const problems = activityProblems(write, null, todayInIndonesia());
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    const id = await inActorTransaction(this.database.db, context, async (trx) => {
      const programmeId = await this.programmes.ensureProgramme(trx, context, agreement);
      return insertActivity(trx, programmeId, write, userIdOf(context));
    });
    return this.get(context, id);
  }

  /** Changes the fields given; participants and budget, when given, replace the lists. */
  async update(context: RequestContext, activityId: string, patch: ActivityPatch): Promise<Activity> {
    const { row, agreement } = await this.load(context, activityId);
    authorizeParticipant(context.actor, 'programmes.write', agreement);
    const merged: ActivityInput = {
      type: patch.type ?? row.type,
      title: patch.title ?? row.title,
      description: patch.description !== undefined ? patch.description : row.description,
      hostOrganisationCode: patch.hostOrganisationCode ?? row.host.code,
      plannedStart: patch.plannedStart ?? row.plannedStart,
      plannedEnd: patch.plannedEnd !== undefined ? patch.plannedEnd : row.plannedEnd,
      actualStart: patch.actualStart !== undefined ? patch.actualStart : row.actualStart,
      actualEnd: patch.actualEnd !== undefined ? patch.actualEnd : row.actualEnd,
      location: patch.location !== undefined ? patch.location : row.location,
      status: patch.status ?? row.status,
      outputs: patch.outputs !== undefined ? patch.outputs : row.outputs,
      lessons: patch.lessons !== undefined ? patch.lessons : row.lessons,
      participants: patch.participants ?? row.participants.map((participant) => ({ organisationCode: participant.organisation.code, female: participant.female, male: participant.male })),
      budget:
        patch.budget ??
        row.budget.map((line) => ({ source: line.source, organisationCode: line.organisation?.code ?? null, planned: line.planned, actual: line.actual, note: line.note })),
    };
    const write = await this.resolve(merged, agreement);
    const problems = activityProblems(write, row.status, todayInIndonesia());
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    await inActorTransaction(this.database.db, context, (trx) => updateActivity(trx, activityId, write, { participants: patch.participants !== undefined, budget: patch.budget !== undefined }));
    return this.get(context, activityId);
  }

  /** An activity and its agreement, as the caller may read it. */
  async load(context: RequestContext, activityId: string): Promise<{ row: ActivityRow; agreement: AgreementFacts }> {
    const [row] = await listActivities(this.database.db, { activityId });
    if (!row) throw new NotFoundError(`No activity has the id ${activityId}`);
    return { row, agreement: await this.programmes.agreements.facts(context, row.agreementId) };
  }

  /** Organisation codes to ids, checking every one (all problems named together). */
  private async resolve(input: ActivityInput, agreement: AgreementFacts): Promise<ActivityWrite> {
    const problems: string[] = [];
    const ids = new Map<string, string>();
    const codes = [input.hostOrganisationCode, ...input.participants.map((participant) => participant.organisationCode), ...input.budget.flatMap((line) => (line.organisationCode ? [line.organisationCode] : []))];
    for (const code of new Set(codes)) {
      const organisation = await this.organisations.get(code).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (organisation) ids.set(code, organisation.id);
    }
    const idOf = (code: string, field: string): string => {
      const id = ids.get(code);
      if (!id) problems.push(`${field}: no organisation has the code ${code}`);
      return id ?? '';
    };
    const hostOrganisationId = idOf(input.hostOrganisationCode, 'hostOrganisationCode');
    const seen = new Set<string>();
    const participants = input.participants.map((participant, index) => {
      if (seen.has(participant.organisationCode)) problems.push(`participants[${index}].organisationCode: ${participant.organisationCode} is listed twice`);
      seen.add(participant.organisationCode);
      return { organisationId: idOf(participant.organisationCode, `participants[${index}].organisationCode`), female: participant.female, male: participant.male };
    });
    const parties = new Set(agreement.participants.filter((participant) => participant.role === 'pihak').map((participant) => participant.organisation.id));
    const budget = input.budget.map((line, index) => {
      const organisationId = line.organisationCode ? idOf(line.organisationCode, `budget[${index}].organisationCode`) : null;
      if (line.source === 'apbd' && !line.organisationCode) problems.push(`budget[${index}].organisationCode: an APBD line names the party whose APBD pays`);
      if (line.source === 'apbd' && organisationId && !parties.has(organisationId)) {
        problems.push(`budget[${index}].organisationCode: ${line.organisationCode} is not a party to this agreement; APBD lines come from a party`);
      }
      return { source: line.source, organisationId, planned: line.planned, actual: line.actual ?? null, note: line.note ?? null };
    });
    if (problems.length > 0) throw new InvalidRequestError(problems.join('; '));
    return {
      type: input.type,
      title: input.title,
      description: input.description ?? null,
      hostOrganisationId,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd ?? null,
      actualStart: input.actualStart ?? null,
      actualEnd: input.actualEnd ?? null,
      location: input.location ?? null,
      status: input.status,
      outputs: input.outputs ?? null,
      lessons: input.lessons ?? null,
      participants,
      budget,
    };
  }
}

export function toActivity(row: ActivityRow, today: string): Activity {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const ref = (organisation: { code: string; name: string }) => ({ code: organisation.code, name: organisation.name });
  return {
    id: row.id,
    agreementId: row.agreementId,
    programmeId: row.programmeId,
    type: row.type,
    title: row.title,
    description: row.description,
    host: ref(row.host),
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    location: row.location,
    status: row.status,
    displayStatus: displayStatus(row, today),
    nextStatuses: [...activityMoves(row.status)],
    participants: row.participants.map((participant) => ({ organisation: ref(participant.organisation), female: participant.female, male: participant.male })),
    budget: row.budget.map((line) => ({ ...line, organisation: line.organisation && ref(line.organisation) })),
    totals: {
      female: sum(row.participants.map((participant) => participant.female)),
      male: sum(row.participants.map((participant) => participant.male)),
      budgetPlanned: sum(row.budget.map((line) => line.planned)),
      budgetActual: sum(row.budget.map((line) => line.actual ?? 0)),
    },
    outputs: row.outputs,
    lessons: row.lessons,
    evidenceCount: row.evidenceCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
